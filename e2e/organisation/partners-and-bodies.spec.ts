import { admin, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('the administrator registers a partner agency, sets up a committee and makes themself its chair', async ({
  page,
}) => {
  const agency = `Försäkringskassan ${unique('')}`;
  const committee = `Försäkringsmedicinska kommittén ${unique('')}`;
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  const me = ((await page.getByTestId('person-name').textContent()) ?? '').trim();
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });

  // A partner agency: an empty name is refused next to the field, then it is created.
  await nav.getByRole('link', { name: 'Organisationer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
  await page.getByRole('button', { name: 'Ny organisation' }).click();
  const orgDialog = page.getByRole('dialog', { name: 'Ny organisation' });
  await orgDialog.getByRole('button', { name: 'Ny organisation' }).click();
  await expect(orgDialog.getByRole('group', { name: 'Rätta följande för att gå vidare:' })).toBeFocused();
  await expect(orgDialog.getByRole('textbox', { name: 'Namn' })).toHaveAttribute('aria-invalid', 'true');
  await orgDialog.getByRole('textbox', { name: 'Namn' }).fill(agency);
  await orgDialog.getByLabel('Typ').selectOption('agency');
  await orgDialog.getByRole('button', { name: 'Ny organisation' }).click();
  await expect(orgDialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(agency) })).toContainText('Myndighet');
  await expectAccessible(page, 'organisations');

  // A committee with the administrator as chair.
  await nav.getByRole('link', { name: 'Kommittéer och forum' }).click();
  await page.getByRole('button', { name: 'Ny kommitté eller forum' }).click();
  const bodyDialog = page.getByRole('dialog', { name: 'Ny kommitté eller forum' });
  await bodyDialog.getByRole('textbox', { name: 'Namn' }).fill(committee);
  await bodyDialog.getByLabel('Typ').selectOption('committee');
  await bodyDialog.getByRole('button', { name: 'Ny kommitté eller forum' }).click();
  await expect(bodyDialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: committee })).toBeVisible();
  await expect(page.getByText('Inga ledamöter ännu.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Sök person' }).fill(me);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Roll', { exact: true }).selectOption('chair');
  await page.getByRole('button', { name: 'Lägg till ledamot' }).click();
  await expect(page.getByRole('combobox', { name: `Roll för ${me}` })).toHaveValue('chair');
  await expectAccessible(page, 'committee with members');

  // The chair now sees the committee on the home page.
  await nav.getByRole('link', { name: 'Start' }).click();
  await expect(page.getByRole('table', { name: 'Kommittéer och forum' })).toContainText(committee);
  await expect(page.getByRole('table', { name: 'Kommittéer och forum' })).toContainText('Ordförande');
});
