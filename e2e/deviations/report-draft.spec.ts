import { expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { nurse, receiptNumber } from './report-support.ts';

test('a nurse starts a report by keyboard, the draft survives a reload, Back keeps her choices, and the receipt number is in My reports', async ({
  page,
}) => {
  // A long story with an axe check at every page; a shared CI machine needs the time.
  test.setTimeout(150_000);
  await signIn(page, nurse.username, nurse.password);
  await resetLanguage(page, 'sv');
  await page.reload();
  const story = `Tunga lyft utan lyfthjälp på nattpasset, ${Date.now().toString(36)}.`;

  // From the home page's call to action.
  await page.getByTestId('report-call').getByRole('link', { name: 'Rapportera avvikelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportera avvikelse' })).toBeVisible();
  await expectAccessible(page, 'report, step 1');

  // Step 1 and 2 by keyboard: arrows move between the cards, the Next button goes on.
  await page.getByRole('radio', { name: 'Vårdavvikelse' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Arbetsmiljö' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Nästa' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 2 av 3: Välj typ' })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Sök bland alla typer' }).fill('belast');
  await expect(page.getByRole('status').filter({ hasText: 'Träffar: 1' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Sök bland alla typer' }).press('Enter');
  await expect(page.getByRole('radio', { name: 'Belastning' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Nästa' })).toBeFocused();
  await expectAccessible(page, 'report, step 2');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Steg 3 av 3: Berätta vad som hände' }),
  ).toBeFocused();

  // Her own ward is where it happened unless she says otherwise.
  await expect(page.getByRole('combobox', { name: 'Var hände det?' })).toHaveValue(/.+/);
  await expect(page.getByRole('combobox', { name: 'Var hände det?' }).locator('option:checked')).toHaveText(
    'Ortopedisk vårdavdelning 12',
  );
  await page.getByRole('textbox', { name: 'Vad hände?' }).fill(story);
  await page.getByRole('textbox', { name: /Vad gjorde du direkt/ }).fill('Bad en kollega om hjälp.');

  // The tab is closed by mistake: everything she chose and wrote is back, with a notice.
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toContainText('Ditt utkast är återställt.');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Steg 3 av 3: Berätta vad som hände' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Vad hände?' })).toHaveValue(story);
  await expect(page.getByRole('textbox', { name: /Vad gjorde du direkt/ })).toHaveValue(
    'Bad en kollega om hjälp.',
  );
  await expectAccessible(page, 'report, step 3 with a restored draft');

  // Back keeps the choices.
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(page.getByRole('radio', { name: 'Belastning' })).toBeChecked();
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(page.getByRole('radio', { name: 'Arbetsmiljö' })).toBeChecked();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page.getByRole('textbox', { name: 'Vad hände?' })).toHaveValue(story);

  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  const number = await receiptNumber(page);
  await expect(page.getByTestId('receipt')).toContainText('Handläggs av');
  await expect(page.getByTestId('receipt')).toContainText('Du får besked här i Loopen');
  await expectAccessible(page, 'receipt');

  // The draft is gone once sent.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 1 av 3: Vad gäller det?' })).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);

  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Mina rapporter' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina rapporter' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('Belastning');
  await expect(row).toContainText('Inskickad');
  await expectAccessible(page, 'my reports');

  await row.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport ${number}` })).toBeVisible();
  await expect(page.locator('main')).toContainText(story);
  await expect(page.getByTestId('timeline')).toContainText('Rapporten skickades in');
  await expectAccessible(page, 'my report');
});
