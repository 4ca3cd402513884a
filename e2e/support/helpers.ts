import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The demo seed's administrator; the tests read the name from the page rather than assume it. */
export const admin = { username: 'admin', password: 'loopen-demo' } as const;

/** Fails on serious or critical WCAG problems that axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  // Colours are only meaningful once fade-ins (dialogs, menus) have finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(report, `axe on ${context}`).toEqual([]);
}

/** Signs in through the form, as a person would, and waits for the home page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.locator('#signin-username').fill(username);
  await page.locator('#signin-password').fill(password);
  await page.locator('#signin-password').press('Enter');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Signs out with the header button (opening the phone menu first when there is one). */
export async function signOut(page: Page): Promise<void> {
  const menu = page.locator('.app-header__menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.locator('.app-account button').last().click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Puts a person's remembered language back, so no story depends on another's choice. */
export async function resetLanguage(page: Page, language: 'sv' | 'nb' | 'en'): Promise<void> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'loopen_csrf')?.value ?? '';
  await page.request.put('/api/me/language', { data: { language }, headers: { 'x-csrf-token': csrf } });
}

/** A name no earlier run used: the server's data folder lives as long as the test run. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Calls the API as the signed-in browser does (its cookies, the CSRF header): a factory for test data. */
export async function apiCall<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'loopen_csrf')?.value ?? '';
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
