import { admin, apiCall, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('the administrator gives a ward an assignment, then corrects its name and extends its period', async ({
  page,
}) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  const me = await apiCall<{
    organisation: { id: string };
    roles: Array<{ unitId: string }>;
  }>(page, 'GET', '/api/me');
  const root = me.roles[0];
  if (!root) throw new Error('the administrator has no role');
  const unitName = `Avdelning ${unique('u')}`;
  const unit = await apiCall<{ id: string }>(page, 'POST', '/api/units', {
    organisationId: me.organisation.id,
    parentId: root.unitId,
    name: unitName,
  });

  await page.goto(`/admin/units?unit=${unit.id}`);
  await expect(page.getByRole('heading', { level: 2, name: unitName, exact: true })).toBeVisible();
  const section = page.getByRole('region', { name: 'Uppdrag' });

  // Added with a typo and a one-year period.
  await page.getByRole('button', { name: 'Lägg till uppdrag' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Nytt uppdrag' });
  await addDialog.getByRole('textbox', { name: 'Uppdrag' }).fill('Nav för fotledsprotes');
  await addDialog.getByLabel('Gäller från').fill('2025-01-01');
  await addDialog.getByLabel('Gäller till').fill('2025-12-31');
  await addDialog.getByRole('button', { name: 'Lägg till uppdrag' }).click();
  await expect(addDialog).toBeHidden();
  const row = section.getByRole('row', { name: /Nav för fotledsprotes/ });
  await expect(row).toContainText('31 dec. 2025');

  // The same dialog opens filled in; an end before the start is refused next to the field.
  await row.getByRole('button', { name: 'Ändra Nav för fotledsprotes' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Ändra uppdrag' });
  await expect(editDialog).toBeVisible();
  await expect(editDialog.getByRole('textbox', { name: 'Uppdrag' })).toHaveValue('Nav för fotledsprotes');
  await expect(editDialog.getByLabel('Gäller från')).toHaveValue('2025-01-01');
  await expect(editDialog.getByLabel('Gäller till')).toHaveValue('2025-12-31');
  await expectAccessible(page, 'edit assignment dialog');
  await editDialog.getByLabel('Gäller till').fill('2024-12-31');
  await editDialog.getByRole('button', { name: 'Spara' }).click();
  await expect(editDialog.getByLabel('Gäller till')).toHaveAttribute('aria-invalid', 'true');

  await editDialog.getByRole('textbox', { name: 'Uppdrag' }).fill('Nav för fotledsproteser');
  await editDialog.getByLabel('Gäller till').fill('2026-12-31');
  await editDialog.getByRole('button', { name: 'Spara' }).click();
  await expect(editDialog).toBeHidden();
  const edited = section.getByRole('row', { name: /Nav för fotledsproteser/ });
  await expect(edited).toContainText('31 dec. 2026');
  await expect(section.getByRole('row')).toHaveCount(2);
});
