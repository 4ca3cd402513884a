import { readFileSync } from 'node:fs';
import { apiCall, expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

interface Config {
  categories: Array<{ id: string; key: string }>;
}

test('the quality coordinator opens the statistics, groups them by type, follows a number to its cases and downloads them as CSV', async ({
  page,
}) => {
  await signIn(page, 'kvalitet.ortopedi', 'loopen-demo');
  await resetLanguage(page, 'sv');

  // A period without reports shows the empty state.
  await page.goto('/statistics?from=2001-01-01&to=2001-12-31');
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelsestatistik' })).toBeVisible();
  await expect(page.getByText('Inga avvikelser under perioden.')).toBeVisible();
  await expectAccessible(page, 'statistics, empty period');

  // One report of a fire-safety lapse at her clinic, filed as any staff member would.
  const config = await apiCall<Config>(page, 'GET', '/api/deviation-config');
  const fireSafety = config.categories.find((c) => c.key === 'fire-safety');
  if (!fireSafety) throw new Error('the demo configuration has no fire-safety type');
  const receipt = await apiCall<{ number: string }>(page, 'POST', '/api/deviations', {
    categoryId: fireSafety.id,
    occurredAt: new Date().toISOString(),
    description: 'Branddörren i korridoren stod uppkilad under natten.',
  });

  await page.getByRole('link', { name: 'Statistik', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelsestatistik' })).toBeVisible();
  const table = page.getByRole('table', { name: /Avvikelser per ingång/ });
  await expect(table.getByRole('rowheader', { name: 'Säkerhet, miljö och organisation' })).toBeVisible();
  await expectAccessible(page, 'statistics by entry');

  await page.getByLabel('Gruppera efter').selectOption({ label: 'Typ' });
  const byType = page.getByRole('table', { name: /Avvikelser per typ/ });
  const row = byType.getByRole('row', { name: /Brandskydd/ });
  await expect(row.getByRole('cell').first()).toHaveText(/^1/);
  await expect(page).toHaveURL(/groupBy=category/);

  // By unit, her clinic rolls up its sections; split up, the report filed at the clinic itself shows apart.
  await page.getByLabel('Gruppera efter').selectOption({ label: 'Enhet' });
  await page.getByRole('button', { name: 'Dela upp Ortopedkliniken' }).click();
  await expect(page.getByRole('rowheader', { name: 'Ortopedkliniken (själva enheten)' })).toBeVisible();
  await expectAccessible(page, 'statistics by unit, split up');
  await page.getByLabel('Gruppera efter').selectOption({ label: 'Typ' });
  await page.getByRole('button', { name: 'Rensa urval' }).click();
  await expect(page).not.toHaveURL(/unitId=/);

  // The CSV holds the same numbers, for Swedish Excel.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^avvikelsestatistik-category-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFTyp;Antal;Öppna;Försenade;Avslutade;')).toBe(true);
  expect(csv).toContain('\r\nBrandskydd;1;1;0;0;\r\n');

  // The number leads to the list of the cases behind it.
  await row.getByRole('link', { name: /visa ärendena: Brandskydd/ }).click();
  await expect(page).toHaveURL(new RegExp(`/deviations\\?.*categoryId=${fireSafety.id}`));
  await expect(page).toHaveURL(/view=unit/);
  await expect(page.getByText(receipt.number)).toBeVisible();
});
