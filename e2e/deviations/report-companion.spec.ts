import { expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { nurse, receiptNumber } from './report-support.ts';

test('an organisational report where a patient was harmed offers the companion care report pre-filled, and the two are linked both ways', async ({
  page,
}) => {
  // A long story with an axe check at every page; a shared CI machine needs the time.
  test.setTimeout(150_000);
  await signIn(page, nurse.username, nurse.password);
  await resetLanguage(page, 'sv');
  const story = `Intyget till Försäkringskassan skickades tre veckor för sent; patienten blev utan ersättning (${Date.now().toString(36)}).`;
  const action = 'Skickade intyget samma dag och ringde handläggaren.';

  // The organisational report, the type found by searching the whole tree.
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Rapportera avvikelse' })
    .click();
  await page.getByRole('radio', { name: 'Säkerhet, miljö och organisation' }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.getByRole('searchbox', { name: 'Sök bland alla typer' }).fill('försäkring');
  const hit = page.getByRole('button', { name: /Försäkringsmedicin/ });
  await expect(hit).toContainText('Verksamhet/organisation › Försäkringsmedicin');
  await hit.click();
  await expect(page.getByRole('radio', { name: 'Verksamhet/organisation' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Försäkringsmedicin' })).toBeChecked();
  await expect(page.getByTestId('chosen-type')).toContainText('Verksamhet/organisation › Försäkringsmedicin');
  await page.getByRole('button', { name: 'Nästa' }).click();

  await page.getByRole('textbox', { name: 'Vad hände?' }).fill(story);
  await page.getByRole('textbox', { name: /Vad gjorde du direkt/ }).fill(action);
  // Harmed means involved too.
  await page.getByRole('checkbox', { name: 'En patient skadades' }).check();
  await expect(page.getByRole('checkbox', { name: 'En patient berördes' })).toBeChecked();
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  const first = await receiptNumber(page);

  // The receipt offers the care report for the same event.
  const offer = page.getByRole('button', { name: 'Rapportera också: Vårdavvikelse' });
  await expect(page.getByTestId('receipt')).toContainText('En patient skadades.');
  await expectAccessible(page, 'receipt with a companion offer');
  await offer.click();

  // The care report opens at its entry, with what she already told filled in.
  await expect(page.getByRole('heading', { level: 2, name: 'Steg 2 av 3: Välj typ' })).toBeFocused();
  await expect(page.locator('main')).toContainText('Gäller: Vårdavvikelse');
  await page.getByRole('radio', { name: 'Informationsöverföring' }).check();
  await page.getByRole('radio', { name: 'Brister i överrapportering' }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page.locator('main')).toContainText(`Följdrapport till ${first}.`);
  await expect(page.getByRole('textbox', { name: 'Vad hände?' })).toHaveValue(story);
  await expect(page.getByRole('textbox', { name: /Vad gjorde du direkt/ })).toHaveValue(action);
  await expect(page.getByRole('checkbox', { name: 'En patient berördes' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'En patient skadades' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Var hände det?' }).locator('option:checked')).toHaveText(
    'Ortopedisk vårdavdelning 12',
  );
  await expectAccessible(page, 'companion report, pre-filled');
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  const second = await receiptNumber(page);
  expect(second).not.toBe(first);

  // The second receipt links to the first, and offers no third report.
  await expect(page.getByTestId('receipt-linked')).toContainText(`Hör ihop med rapport ${first}`);
  await expect(page.getByRole('button', { name: /Rapportera också/ })).toHaveCount(0);

  // In My reports both are there, and each links to the other.
  await page.getByRole('link', { name: 'Mina rapporter', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina rapporter' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(first) })).toContainText('Försäkringsmedicin');
  await expect(page.getByRole('row', { name: new RegExp(second) })).toContainText(
    'Brister i överrapportering',
  );
  await page.getByRole('link', { name: second, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport ${second}` })).toBeVisible();
  await expect(page.getByTestId('linked-report')).toHaveText(first);
  await expectAccessible(page, 'companion report, reporter view');
  await page.getByTestId('linked-report').getByRole('link', { name: first }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport ${first}` })).toBeVisible();
  await expect(page.getByTestId('linked-report')).toHaveText(second);
  await expect(page.locator('main')).toContainText('En patient berördes och skadades');
});
