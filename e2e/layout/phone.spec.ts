import type { Page } from '@playwright/test';
import { admin, expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test('on a 375 px phone the menu opens, is usable by keyboard, and leads to every page', async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen, / })).toBeVisible();

  await expectNoSidewaysScroll(page);

  const menuButton = page.getByRole('button', { name: 'Meny' });
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menuButton).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await expectAccessible(page, 'home on a phone');

  // The skip link is the first stop, the menu button follows; Enter opens the menu.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hoppa till huvudinnehållet' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expectAccessible(page, 'open phone menu');

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menuButton).toBeFocused();

  // A tap on a link goes there and closes the menu.
  await menuButton.click();
  await nav.getByRole('link', { name: 'Mitt konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expectAccessible(page, 'my account on a phone');

  await menuButton.click();
  await nav.getByRole('link', { name: 'Organisation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Enheter' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'organisation on a phone');

  await menuButton.click();
  await nav.getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Hantera / }).first()).toBeInViewport();
  await expectNoSidewaysScroll(page);
});

/** Nothing runs off the side of the screen: the page never scrolls sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
}
