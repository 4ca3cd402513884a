import { expect, type Locator, type Page } from '@playwright/test';
import { apiCall, expectAccessible, signIn, signOut } from '../support/helpers.ts';

// Steps the handling stories share: who signs in, and how a person finds a case in a list.

export const password = 'loopen-demo';

export async function as(page: Page, username: string, steps: () => Promise<void>): Promise<void> {
  await signIn(page, username, password);
  await steps();
  await signOut(page);
}

/** Opens "Avvikelser" from the navigation, picks a view tab, and opens the case by its number. */
export async function openCase(page: Page, tab: string, number: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: /^Avvikelser/ })
    .click();
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, `case list, ${tab}`);
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Avvikelse ${number}` })).toBeVisible();
}

/** Opens one of the allowed steps, fills its one text and confirms; the dialog closes on success. */
export async function takeStep(
  page: Page,
  button: string,
  field: string,
  text: string,
  submit: string,
): Promise<void> {
  await page
    .getByRole('region', { name: 'Nästa steg' })
    .getByRole('button', { name: button, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: field }).fill(text);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await expect(dialog).toBeHidden();
}

export function facts(page: Page): Locator {
  return page.getByRole('region', { name: 'Ärendet' });
}

/** The signed-in reporter files a Försäkringsmedicin report through the API; answers the receipt. */
export async function reportInsuranceMedicine(
  page: Page,
  description: string,
  patientIdentifier?: string,
): Promise<{ id: string; number: string }> {
  const config = await apiCall<{ categories: Array<{ id: string; name: { sv: string } }> }>(
    page,
    'GET',
    '/api/deviation-config',
  );
  const type = config.categories.find((c) => c.name.sv === 'Försäkringsmedicin');
  if (!type) throw new Error('the demo configuration has no Försäkringsmedicin');
  return apiCall<{ id: string; number: string }>(page, 'POST', '/api/deviations', {
    categoryId: type.id,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    description,
    patientInvolved: patientIdentifier !== undefined,
    ...(patientIdentifier ? { patientIdentifier } : {}),
  });
}
