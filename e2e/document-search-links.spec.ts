import { apiCall, expectAccessible, resetLanguage, signIn, signOut } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// Issue 5, finding and linking: a nurse searches the documents in Swedish with another word form
// than the demo routine's text uses and sees the hit highlighted; the filters narrow the result;
// a manager closes a case from their inbox as "routine changed" with that routine; the case shows
// the routine, and the routine's page shows the case number linking back. axe on every page.

test.use({ actionTimeout: 15_000 });
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const password = 'loopen-demo';
const ROUTINE = 'Rutin för implementering av innovationer och forskningsresultat, Ortopedkliniken';
const shots = 'test-results/document-search-links';

interface ListItem {
  id: string;
  number: string;
  status: string;
}

test('a nurse finds the routine by a Swedish word form, the hit highlighted, and filters narrow it', async ({
  page,
}) => {
  await signIn(page, 'sjukskoterska', password);
  await resetLanguage(page, 'sv');
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: 'Dokument', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();

  // The routine says "konferenser"; she searches for "konferensen".
  await page.getByRole('searchbox', { name: 'Sök i dokumenten' }).fill('konferensen');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/search\?q=konferensen/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sök dokument' })).toBeVisible();
  const result = page.getByTestId('search-result').filter({ hasText: ROUTINE });
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link', { name: ROUTINE })).toBeVisible();
  await expect(result).toContainText('Rutin');
  await expect(result).toContainText('Version 1');
  await expect(result.locator('mark').first()).toHaveText(/^konferens/i);
  await expectAccessible(page, 'the search results');
  await page.screenshot({ path: `${shots}/results.png`, fullPage: true });

  // Narrowed: to its type it stays; to a profession it does not apply to it goes.
  await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Rutin' });
  await expect(page).toHaveURL(/typeId=/);
  await expect(page.getByTestId('search-result').filter({ hasText: ROUTINE })).toHaveCount(1);
  await page.getByLabel('Gäller yrkesgrupp').selectOption({ value: 'sjukskoterska' });
  await expect(page).toHaveURL(/profession=sjukskoterska/);
  await expect(page.getByTestId('search-result').filter({ hasText: ROUTINE })).toHaveCount(1);
  await page.getByLabel('Gäller yrkesgrupp').selectOption({ value: 'fysioterapeut' });
  await expect(
    page.getByText('Inga dokument matchar ”konferensen” med de valda avgränsningarna'),
  ).toBeVisible();
  await expectAccessible(page, 'the empty search');
  await page.screenshot({ path: `${shots}/empty.png`, fullPage: true });
  // Back returns to the search before.
  await page.goBack();
  await expect(page).toHaveURL(/profession=sjukskoterska/);
  await expect(page.getByTestId('search-result').filter({ hasText: ROUTINE })).toHaveCount(1);
  await page.getByLabel('Revideringsdatum').selectOption({ value: 'true' });
  await expect(page.getByText(/Inga dokument matchar/)).toBeVisible();

  // A word the documents do not have.
  await page.getByRole('searchbox', { name: 'Sök i dokumenten' }).fill('zebrasprång');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText(/Inga dokument matchar ”zebrasprång”/)).toBeVisible();
  await signOut(page);
});

test('a manager closes a case with "routine changed", and the link shows both ways', async ({ page }) => {
  await signIn(page, 'chef.avd12', password);
  await resetLanguage(page, 'sv');
  // A case of her inbox she may close: accepted first through the API when it is new.
  const inbox = await apiCall<{ items: ListItem[] }>(
    page,
    'GET',
    '/api/deviations?view=inbox&status=submitted,in_handling,resolved&pageSize=50',
  );
  const chosen = inbox.items[0];
  expect(chosen, 'a case to close in the inbox of chef.avd12').toBeTruthy();
  if (!chosen) return;
  if (chosen.status === 'submitted') {
    await apiCall(page, 'POST', `/api/deviations/${chosen.id}/transitions`, { action: 'accept' });
  }

  await page.goto(`/deviations/${chosen.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(chosen.number);
  await page.getByRole('button', { name: 'Avsluta med återkoppling' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Återkoppling till rapportören' })
    .fill('Tack för rapporten. Rutinen för implementering är uppdaterad efter ärendet.');
  await dialog.getByLabel('Avslutas med ändrad rutin').check();
  await dialog.getByLabel('Sök dokument').fill('innovationer');
  await dialog.getByLabel(ROUTINE).check();
  await expect(dialog.getByRole('checkbox', { name: ROUTINE, checked: true })).toBeVisible();
  await expectAccessible(page, 'the close dialog with a routine chosen');
  await dialog.getByRole('button', { name: 'Avsluta ärendet' }).click();
  await expect(dialog).toBeHidden();

  // The case lists the routine, linking to it.
  const changed = page.getByRole('region', { name: 'Dokument som ändrats på grund av ärendet' });
  await expect(changed.getByRole('link', { name: ROUTINE })).toBeVisible();
  await expectAccessible(page, 'the closed case');
  await page.screenshot({ path: `${shots}/case.png`, fullPage: true });

  // The routine's page: "Changed because of" with the case number, linking back to the case.
  await changed.getByRole('link', { name: ROUTINE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ROUTINE })).toBeVisible();
  const section = page.getByTestId('changed-because-of');
  await expect(section.getByRole('heading', { name: 'Ändrad på grund av' })).toBeVisible();
  const back = section.getByRole('link', { name: new RegExp(chosen.number) });
  await expect(back).toBeVisible();
  // The manager is not the routine's owner: she does not add or remove links.
  await expect(section.getByRole('button', { name: 'Koppla avvikelse' })).toHaveCount(0);
  await expectAccessible(page, 'the routine with its deviation');
  await page.screenshot({ path: `${shots}/routine.png`, fullPage: true });
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/deviations/${chosen.id}`));
  await signOut(page);

  // The owner sees the link too, and may remove it and add it again by its number.
  await signIn(page, 'kvalitet.ortopedi', password);
  await resetLanguage(page, 'sv');
  await page.goto('/documents/search?q=innovationer');
  await page.getByTestId('search-result').getByRole('link', { name: ROUTINE }).click();
  const owned = page.getByTestId('changed-because-of');
  await expect(owned).toContainText(chosen.number);
  // A number that does not exist: the server's error on the field.
  await owned.getByLabel('Avvikelsenummer').fill('AV-1999-000001');
  await owned.getByRole('button', { name: 'Koppla avvikelse' }).click();
  await expect(owned.getByRole('link', { name: /Avvikelsenummer/ })).toBeVisible();
  await expectAccessible(page, 'the routine with a link error');
  await page.screenshot({ path: `${shots}/routine-owner.png`, fullPage: true });
  await owned.getByRole('button', { name: `Ta bort kopplingen till ${chosen.number}` }).click();
  const confirm = page.getByRole('alertdialog');
  await expectAccessible(page, 'the remove-link dialog');
  await confirm.getByRole('button', { name: 'Ta bort kopplingen', exact: true }).click();
  // Only this case's link goes: another story may have linked the routine to a case of its own.
  await expect(owned.getByRole('link', { name: new RegExp(chosen.number) })).toHaveCount(0);
  await expect(owned).not.toContainText(chosen.number);
  await owned.getByLabel('Avvikelsenummer').fill(chosen.number.toLowerCase());
  await owned.getByRole('button', { name: 'Koppla avvikelse' }).click();
  await expect(owned.getByRole('link', { name: new RegExp(chosen.number) })).toBeVisible();
  await expect(owned.getByLabel('Avvikelsenummer')).toHaveValue('');
});
