import { admin, expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test.describe('language', () => {
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'sv');
  });

  test('the administrator switches sv → nb → en, and the choice is remembered after a reload', async ({
    page,
  }) => {
    await signIn(page, admin.username, admin.password);
    await resetLanguage(page, 'sv');
    await page.reload();
    const name = (await page.getByTestId('person-name').textContent()) ?? '';
    await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${name}` })).toBeVisible();

    await page.getByLabel('Språk').selectOption('nb');
    await expect(page.getByRole('heading', { level: 1, name: `Velkommen, ${name}` })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toContainText('Forside');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expectAccessible(page, 'home in Norwegian');

    await page.getByLabel('Språk').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${name}` })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toContainText('Home');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${name}` })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Remembered for the person, not the browser: a fresh browser gets English after signing in.
    const other = await page.context().browser()?.newContext();
    if (!other) throw new Error('no browser');
    const fresh = await other.newPage();
    await signIn(fresh, admin.username, admin.password);
    await expect(fresh.getByRole('heading', { level: 1, name: `Welcome, ${name}` })).toBeVisible();
    await other.close();
  });
});
