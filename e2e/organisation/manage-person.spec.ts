import {
  admin,
  apiCall,
  expectAccessible,
  resetLanguage,
  signIn,
  signOut,
  unique,
} from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('the administrator takes away a role, sets a new password and deactivates a person, who then cannot sign in', async ({
  page,
}) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  const me = await apiCall<{
    organisation: { id: string };
    roles: Array<{ unitId: string; unitName: string }>;
  }>(page, 'GET', '/api/me');
  const unit = me.roles[0];
  if (!unit) throw new Error('the administrator has no role');
  const username = unique('leaver.');
  const name = `Lo ${unique('Slutar')}`;
  await apiCall(page, 'POST', '/api/people', {
    organisationId: me.organisation.id,
    username,
    name,
    email: `${username}@exempel.example`,
    password: 'forsta-losenordet-1',
    roles: [{ role: 'staff', unitId: unit.unitId }],
  });

  await page.goto('/admin/people');
  await page.getByRole('searchbox', { name: 'Sök person' }).fill(username);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${username.replace('.', '\\.')}`));
  await page.getByRole('button', { name: `Hantera ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Hantera ${name}` });
  await expect(dialog).toBeVisible();

  // Roles: removing one asks first.
  await dialog.getByRole('tab', { name: 'Roller' }).click();
  await dialog.getByRole('button', { name: `Ta bort rollen Medarbetare på ${unit.unitName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Ta bort rollen?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'confirm removing a role');
  await confirm.getByRole('button', { name: 'Ta bort' }).click();
  await expect(dialog.getByText('Personen har inga roller.')).toBeVisible();

  // Password: too short is refused beside the field, then a good one is set.
  await dialog.getByRole('tab', { name: 'Lösenord' }).click();
  await dialog.getByLabel('Nytt lösenord').fill('kort');
  await dialog.getByRole('button', { name: 'Sätt lösenord' }).click();
  await expect(dialog.getByLabel('Nytt lösenord')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Skriv minst 10 tecken.').first()).toBeVisible();
  await dialog.getByLabel('Nytt lösenord').fill('ett-nytt-losenord-2');
  await dialog.getByRole('button', { name: 'Sätt lösenord' }).click();
  await expect(dialog.getByText('Lösenordet är satt.')).toBeVisible();

  // Deactivate, after confirming.
  await dialog.getByRole('tab', { name: 'Uppgifter' }).click();
  await dialog.getByRole('button', { name: 'Inaktivera' }).click();
  await page
    .getByRole('alertdialog', { name: 'Inaktivera personen?' })
    .getByRole('button', { name: 'Inaktivera' })
    .click();
  await expect(dialog.getByRole('button', { name: 'Aktivera', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Inaktiv');

  await signOut(page);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('ett-nytt-losenord-2');
  await page.getByLabel('Lösenord').press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
