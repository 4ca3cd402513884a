import { admin, apiCall, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test("the administrator records a ward's contact at Försäkringskassan, corrects the phone number, and removes the contact", async ({
  page,
}) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  const me = await apiCall<{ organisation: { id: string }; roles: Array<{ unitId: string }> }>(
    page,
    'GET',
    '/api/me',
  );
  const root = me.roles[0];
  if (!root) throw new Error('the administrator has no role');
  const unitName = `Avdelning ${unique('c')}`;
  const unit = await apiCall<{ id: string }>(page, 'POST', '/api/units', {
    organisationId: me.organisation.id,
    parentId: root.unitId,
    name: unitName,
  });

  await page.goto(`/admin/units?unit=${unit.id}`);
  await expect(page.getByRole('heading', { level: 2, name: unitName, exact: true })).toBeVisible();
  const section = page.getByRole('region', { name: 'Kontaktpersoner' });

  await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Ny kontaktperson' });
  await addDialog.getByRole('textbox', { name: 'Namn' }).fill('Vera Utredare');
  await addDialog.getByRole('textbox', { name: 'Roll' }).fill('Försäkringsutredare');
  await addDialog.getByLabel('Organisation').selectOption({ label: 'Försäkringskassan' });
  await addDialog.getByRole('textbox', { name: 'Telefon' }).fill('010-000 11 11');
  await expectAccessible(page, 'new contact dialog');
  await addDialog.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
  await expect(addDialog).toBeHidden();
  const row = section.getByRole('row', { name: /Vera Utredare/ });
  await expect(row).toContainText('Försäkringskassan');
  await expect(row).toContainText('010-000 11 11');

  await row.getByRole('button', { name: 'Ändra Vera Utredare' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Ändra kontaktperson' });
  await expect(editDialog.getByRole('textbox', { name: 'Namn' })).toHaveValue('Vera Utredare');
  await editDialog.getByRole('textbox', { name: 'Telefon' }).fill('010-000 22 22');
  await editDialog.getByRole('button', { name: 'Spara' }).click();
  await expect(editDialog).toBeHidden();
  await expect(row).toContainText('010-000 22 22');

  await row.getByRole('button', { name: 'Ta bort Vera Utredare' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Ta bort kontaktpersonen?' });
  await expect(confirm).toContainText(`Vera Utredare tas bort som kontaktperson för ${unitName}.`);
  await confirm.getByRole('button', { name: 'Ta bort' }).click();
  await expect(section.getByRole('row', { name: /Vera Utredare/ })).toHaveCount(0);
});
