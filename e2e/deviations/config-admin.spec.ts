import type { DeviationConfig } from '../../contracts/deviations.ts';
import { admin, apiCall, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('the administrator adds a type under Läkemedel with a ladder of two bodies, and reporters get it', async ({
  page,
}) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  await page.reload();

  await page.getByRole('link', { name: 'Avvikelseinställningar' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Avvikelsesystemets inställningar' }),
  ).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Ingångar och klassificering' });
  await expect(tree.getByRole('treeitem', { name: 'Vårdavvikelse', exact: true })).toBeVisible();
  await expectAccessible(page, 'deviation settings');

  // By keyboard: into the tree, down from the first entry to its first area, and select it.
  await tree.getByRole('treeitem', { name: 'Vårdavvikelse', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { name: 'Läkemedel', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Läkemedel', exact: true })).toBeVisible();

  const suffix = unique('');
  const typeName = `Fel styrka ${suffix}`;
  await page.getByRole('button', { name: 'Lägg till område/typ under detta' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt område eller ny typ under Läkemedel' });
  await dialog.getByRole('textbox', { name: 'Nyckel' }).fill(`fel-styrka-${suffix}`);
  await dialog.getByRole('textbox', { name: 'Namn på svenska' }).fill(typeName);
  await dialog.getByRole('textbox', { name: 'Namn på engelska' }).fill(`Wrong strength ${suffix}`);
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  // The Norwegian name is missing: said at the top, and beside the field.
  await expect(dialog.getByRole('link', { name: /Namn på norska \(bokmål\)/ })).toBeVisible();
  await expectAccessible(page, 'new type with an error');
  await dialog.getByRole('textbox', { name: 'Namn på norska (bokmål)' }).fill(`Feil styrke ${suffix}`);
  await dialog.getByRole('switch', { name: /Patientrelaterad/ }).check();
  await dialog.getByRole('spinbutton', { name: 'Handläggningstid (dagar)' }).fill('5');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: `Läkemedel › ${typeName}` })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: typeName })).toHaveAttribute('aria-selected', 'true');

  // The ladder: two bodies, the first moved below the second, saved in one go.
  const ladder = page.getByRole('region', { name: 'Eskaleringsplan' });
  await expect(ladder).toContainText('Ingen eskaleringsplan');
  await ladder.getByLabel('Kommitté, forum eller grupp').selectOption({ label: 'Patientsäkerhetsrådet' });
  await ladder.getByRole('button', { name: 'Lägg till i planen' }).click();
  await ladder
    .getByLabel('Kommitté, forum eller grupp')
    .selectOption({ label: 'Försäkringsmedicinska kommittén' });
  await ladder.getByRole('button', { name: 'Lägg till i planen' }).click();
  await ladder.getByRole('button', { name: 'Flytta ned Patientsäkerhetsrådet' }).click();
  await expect(ladder.getByRole('listitem')).toHaveText([
    /1\. Försäkringsmedicinska kommittén/,
    /2\. Patientsäkerhetsrådet/,
  ]);
  await expectAccessible(page, 'ladder editor');
  await ladder.getByRole('button', { name: 'Spara eskaleringsplanen' }).click();
  await expect(ladder.getByText('Eskaleringsplanen är sparad.').first()).toBeVisible();

  // What a reporter is offered now.
  const config = await apiCall<DeviationConfig>(page, 'GET', '/api/deviation-config');
  const type = config.categories.find((c) => c.name.sv === typeName);
  expect(type?.selectable).toBe(true);
  expect(type?.patientRelated).toBe(true);
  expect(type?.handlingDays).toBe(5);
  expect(type?.name.nb).toBe(`Feil styrke ${suffix}`);
  expect(type?.ladder.map((s) => s.bodyName)).toEqual([
    'Försäkringsmedicinska kommittén',
    'Patientsäkerhetsrådet',
  ]);
});
