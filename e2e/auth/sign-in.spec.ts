import { admin, expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test.describe('signing in', () => {
  test('the administrator signs in with Enter and sees who they are on the home page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    // The username field has focus at once: typing and Enter is all it takes.
    await expect(page.getByLabel('Användarnamn')).toBeFocused();
    await expectAccessible(page, 'sign-in');

    await signIn(page, admin.username, admin.password);
    await resetLanguage(page, 'sv');
    await page.reload();

    const name = (await page.getByTestId('person-name').textContent()) ?? '';
    expect(name.length).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${name}` })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^admin$/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dina roller' })).toContainText('Administratör');
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toContainText('Organisation');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expectAccessible(page, 'home');
  });

  test('a wrong password shows the error in the language chosen on the sign-in page', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Språk').selectOption('nb');
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

    await page.getByLabel('Brukernavn').fill(admin.username);
    await page.getByLabel('Passord').fill('not-the-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toHaveText('Feil brukernavn eller passord.');
    await expect(alert).toBeFocused();
    // The password is cleared for the next try; the username stays.
    await expect(page.getByLabel('Passord')).toHaveValue('');
    await expect(page.getByLabel('Brukernavn')).toHaveValue(admin.username);
    await expectAccessible(page, 'sign-in with error');

    await page.getByLabel('Språk').selectOption('en');
    await page.getByLabel('Password').fill('still-wrong');
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  });

  test('empty fields are caught before anything is sent', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Fyll i både användarnamn och lösenord.');
    await expect(page.getByLabel('Användarnamn')).toHaveAttribute('aria-invalid', 'true');
  });
});
