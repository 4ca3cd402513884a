import { expect, type Page } from '@playwright/test';

// Steps the reporting stories share: the nurse of ward 12 and the way through the report form.

export const nurse = { username: 'sjukskoterska', password: 'loopen-demo' } as const;

/** Step 1 → step 2 → step 3, choosing by the visible names as a person would, in Swedish. */
export async function chooseType(page: Page, entry: string, path: string[]): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 1 av 3: Vad gäller det?' })).toBeVisible();
  await page.getByRole('radio', { name: entry }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 2 av 3: Välj typ' })).toBeFocused();
  for (const name of path) await page.getByRole('radio', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Steg 3 av 3: Berätta vad som hände' }),
  ).toBeFocused();
}

/** The number on the receipt (AV-2026-000001). */
export async function receiptNumber(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 2, name: 'Tack! Din rapport är inskickad' })).toBeFocused();
  const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
  expect(number).toMatch(/^AV-\d{4}-\d{6}$/);
  return number;
}
