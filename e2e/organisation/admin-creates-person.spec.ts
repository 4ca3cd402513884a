import { admin, expectAccessible, resetLanguage, signIn, signOut, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('the administrator creates a unit and a person with a staff role on it; that person signs in and sees the role', async ({
  page,
}) => {
  const unitName = `Avdelning ${unique('u')}`;
  const username = unique('sjukskoterska.');
  const personName = `Sara ${unique('Test')}`;
  const password = 'ett-langt-losenord-1';

  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  await page.reload();
  // The unit the administrator administers (the region's root), as the home page lists it.
  const adminRow = page
    .getByRole('table', { name: 'Dina roller' })
    .getByRole('row')
    .filter({ hasText: 'Administratör' });
  const rootName = ((await adminRow.getByRole('cell').nth(1).textContent()) ?? '').trim();
  expect(rootName.length).toBeGreaterThan(0);

  // The organisation tree: choose the region's root unit, then add a ward under it.
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Organisation', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Enheter' });
  await expect(tree).toBeVisible();
  await expectAccessible(page, 'organisation tree');

  await tree.getByRole('treeitem', { name: rootName, exact: true }).locator('.tree__label').first().click();
  await expect(page.getByRole('heading', { level: 2, name: rootName, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Ny underenhet' }).click();
  const unitDialog = page.getByRole('dialog', { name: 'Ny underenhet' });
  await expect(unitDialog).toBeVisible();
  await expectAccessible(page, 'new unit dialog');
  await unitDialog.getByLabel('Namn').fill(unitName);
  await unitDialog.getByRole('button', { name: 'Skapa enhet' }).click();
  await expect(unitDialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: unitName })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: unitName })).toHaveAttribute('aria-selected', 'true');

  // People: a new person with an initial password and a staff role on the new ward.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
  await expectAccessible(page, 'people');
  await page.getByRole('button', { name: 'Ny person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Ny person' });
  await expect(personDialog).toBeVisible();
  await personDialog.getByLabel('Namn', { exact: true }).fill(personName);
  await personDialog.getByLabel('Användarnamn').fill(username);
  await personDialog.getByLabel('E-post').fill(`${username}@exempel.example`);
  await personDialog.getByLabel('Första lösenord').fill(password);
  await personDialog.getByRole('button', { name: 'Lägg till roll' }).click();
  await personDialog.getByLabel('Roll 1').selectOption('staff');
  await personDialog.getByLabel('Enhet 1').selectOption({ label: `${rootName} › ${unitName}` });
  await expectAccessible(page, 'new person dialog');
  await personDialog.getByRole('button', { name: 'Skapa person' }).click();
  await expect(personDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${personName} är skapad.` })).toBeVisible();

  await signOut(page);

  // The new person signs in and finds the role on the home page.
  await signIn(page, username, password);
  await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${personName}` })).toBeVisible();
  const roles = page.getByRole('table', { name: 'Dina roller' });
  await expect(roles).toContainText('Medarbetare');
  await expect(roles).toContainText(unitName);
  // Not an administrator: no administration in the menu.
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).not.toContainText('Personer');
  await expectAccessible(page, 'home of a staff member');
});
