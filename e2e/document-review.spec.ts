import type { Browser, Page } from '@playwright/test';
import { editorFor } from './support/documents.ts';
import { expectAccessible, signIn, signOut, unique } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// Issue 5, review and approval on the document page: a quality coordinator writes a routine from seed
// 000's template, opens review round 1 with two reviewers; each reviewer, in a browser of their own,
// comments on a section; the author answers both and closes the round; round 2, for which the author
// adds someone who is not one of the document's reviewers (and who is told), with one comment,
// closed before it is answered, so submitting is refused until the author answers it in the closed
// round; the author submits; the approver sends it back with a reason; the author sees
// the reason, edits and submits again; the approver approves it as a significant change; the document
// is published as version 1 with its history. axe on every page and dialog.

test.use({ actionTimeout: 15_000 });
test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const password = 'loopen-demo';
const title = unique('Rutin för trycksårsprevention ');
const shots = 'test-results/document-review';
let documentPath = '';

async function openDocument(page: Page): Promise<void> {
  await page.goto(documentPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A reviewer, in a browser of their own, comments on one section of the draft. */
async function reviewerComments(
  browser: Browser,
  username: string,
  section: string,
  comment: string,
  quote?: string,
): Promise<void> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'sv-SE' });
  const page = await context.newPage();
  try {
    await signIn(page, username, password);
    await openDocument(page);
    await expect(page.getByTestId('document-stage')).toContainText('På granskning');
    await page.getByRole('tab', { name: /Utkast/ }).click();
    const sectionBox = page.getByRole('region', { name: section, exact: true });
    if (quote) {
      // Select the paragraph to quote, then press the section's Comment button.
      await sectionBox.getByText(quote).first().selectText();
    }
    await page.getByRole('button', { name: `Kommentera avsnittet ${section}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: new RegExp(`Kommentar på ${section}`) })).toBeVisible();
    if (quote) await expect(dialog.getByLabel(/Citerad text/)).toHaveValue(quote);
    // An empty comment is refused beside its field.
    await dialog.getByRole('button', { name: 'Skicka kommentar' }).click();
    await expect(dialog.getByRole('link', { name: /Kommentar: / })).toBeVisible();
    await dialog.getByLabel('Kommentar', { exact: true }).fill(comment);
    await expectAccessible(page, 'the comment dialog');
    await dialog.getByRole('button', { name: 'Skicka kommentar' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('review-comment').filter({ hasText: comment })).toBeVisible();
    await expectAccessible(page, 'the document page as a reviewer');
    await signOut(page);
  } finally {
    await context.close();
  }
}

async function answer(page: Page, author: string, text: string): Promise<void> {
  const field = page.getByLabel(`Svar till ${author}`).first();
  await field.fill(text);
  await page.getByRole('button', { name: 'Svara', exact: true }).first().click();
  await expect(page.getByTestId('review-comment').filter({ hasText: text })).toContainText('Svar från');
}

test('the author writes a routine and opens review round 1 with two reviewers', async ({ page }) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto('/documents');
  await page.getByTestId('new-document').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mall').selectOption({ label: 'Rutin' });
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByLabel('Sök godkännare').fill('Olof');
  const approver = dialog.getByLabel('Godkännare', { exact: true });
  await expect(approver.locator('option', { hasText: 'Olof Berglund' })).toHaveCount(1);
  await approver.selectOption({
    label: (await approver.locator('option', { hasText: 'Olof Berglund' }).textContent()) ?? '',
  });
  for (const [search, name] of [
    ['Hanna', 'Hanna Sjöberg'],
    ['Lars', 'Lars Nyström'],
  ] as const) {
    await dialog.getByLabel('Sök granskare').fill(search);
    const reviewer = dialog.getByLabel('Granskare att lägga till');
    await expect(reviewer.locator('option', { hasText: name })).toHaveCount(1);
    await reviewer.selectOption({
      label: (await reviewer.locator('option', { hasText: name }).textContent()) ?? '',
    });
    await dialog.getByRole('button', { name: 'Lägg till granskare' }).click();
    await expect(dialog.getByRole('button', { name: `Ta bort ${name}` })).toBeVisible();
  }
  await dialog.getByLabel('Enhet att lägga till').selectOption({ label: 'Ortopedkliniken' });
  await dialog.getByRole('button', { name: 'Lägg till enhet' }).click();
  await dialog.getByRole('button', { name: 'Skapa och börja skriva' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Redigera: ${title}` })).toBeVisible();
  await editorFor(page, 'Bakgrund').click();
  await page.keyboard.type('Trycksår uppstår hos inneliggande patienter med nedsatt rörlighet.');
  await editorFor(page, 'Åtgärder').click();
  await page.keyboard.type('Riskbedömning inom ett dygn efter inskrivning.');
  await page.getByLabel(/Revisionsanteckning/).fill('Första versionen.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Sparat');
  await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  documentPath = new URL(page.url()).pathname;

  const stage = page.getByTestId('document-stage');
  await expect(stage).toContainText('Utkast (version 1) skrivs');
  await expect(page.getByText('Ingen granskningsrunda har startats för utkastet.')).toBeVisible();
  await expect(page.getByTestId('document-history')).toContainText('Skapat');
  await expectAccessible(page, 'the document page while writing');

  await page.getByRole('button', { name: 'Starta granskningsrunda' }).click();
  const open = page.getByRole('dialog');
  await expect(open.getByRole('heading', { name: 'Starta granskningsrunda för version 1' })).toBeVisible();
  await expect(open.getByRole('checkbox', { name: 'Hanna Sjöberg' })).toBeChecked();
  await expect(open.getByRole('checkbox', { name: 'Lars Nyström' })).toBeChecked();
  await open.getByLabel(/Meddelande till granskarna/).fill('Titta särskilt på åtgärderna.');
  await expectAccessible(page, 'the open-round dialog');
  await page.screenshot({ path: `${shots}/open-round.png`, fullPage: true });
  await open.getByRole('button', { name: 'Starta rundan' }).click();
  await expect(open).toBeHidden();
  await expect(stage).toContainText('På granskning, runda 1');
  await expect(stage).toContainText('Obesvarade kommentarer: 0');
  await expect(page.getByTestId('review-round-1')).toContainText('Hanna Sjöberg, Lars Nyström');
  await expect(page.getByTestId('review-round-1')).toContainText('Titta särskilt på åtgärderna.');
  // The author does not comment on their own draft; reviewers do.
  await page.getByRole('tab', { name: /Utkast/ }).click();
  await expect(page.getByRole('button', { name: /Kommentera avsnittet/ })).toHaveCount(0);
  await signOut(page);
});

test('each reviewer comments on a section; the author answers both and closes the round', async ({
  browser,
  page,
}) => {
  await reviewerComments(
    browser,
    'chef.hoft',
    'Åtgärder',
    'Ange vem som gör riskbedömningen.',
    'Riskbedömning inom ett dygn efter inskrivning.',
  );
  await reviewerComments(browser, 'lakare', 'Bakgrund', 'Nämn också patienter i palliativ vård.');

  await signIn(page, 'kvalitet.ortopedi', password);
  await openDocument(page);
  await expect(page.getByTestId('document-stage')).toContainText('Obesvarade kommentarer: 2');
  const round1 = page.getByTestId('review-round-1');
  // Grouped by section, in the template's order: Bakgrund before Åtgärder.
  await expect(round1.getByRole('region', { name: 'Kommentarer på Bakgrund' })).toContainText(
    'Nämn också patienter i palliativ vård.',
  );
  const actions = round1.getByRole('region', { name: 'Kommentarer på Åtgärder' });
  await expect(actions).toContainText('Ange vem som gör riskbedömningen.');
  await expect(actions.locator('blockquote')).toHaveText('Riskbedömning inom ett dygn efter inskrivning.');
  await expectAccessible(page, 'the round with unanswered comments');
  await page.screenshot({ path: `${shots}/round-1-comments.png`, fullPage: true });

  // An empty answer is refused.
  await page.getByRole('button', { name: 'Svara', exact: true }).first().click();
  await expect(page.getByRole('link', { name: /Svar till .*: / })).toBeVisible();
  await answer(page, 'Lars Nyström', 'Tillagt i bakgrunden.');
  await answer(page, 'Hanna Sjöberg', 'Sjuksköterskan som tar emot patienten.');
  await expect(page.getByTestId('document-stage')).toContainText('Obesvarade kommentarer: 0');
  await page.getByRole('button', { name: 'Avsluta granskningsrunda 1' }).click();
  await expect(page.getByTestId('document-stage')).toContainText('Utkast (version 1) skrivs');
  await expect(round1).toContainText('Avslutad');
  await expectAccessible(page, 'the closed round');
  await page.screenshot({ path: `${shots}/round-1-closed.png`, fullPage: true });

  // Round 2: one of the document's reviewers, and Fredrik Lund, who is not one of them, added for
  // this round only, by keyboard.
  await page.getByRole('button', { name: 'Starta granskningsrunda' }).click();
  const open = page.getByRole('dialog');
  await expect(open.getByRole('heading', { name: 'Starta granskningsrunda för version 1' })).toBeVisible();
  await open.getByRole('checkbox', { name: 'Lars Nyström' }).uncheck();
  await open.getByLabel('Sök fler granskare').fill('Fredrik');
  // Enter in the search moves on to the list; it does not open the round.
  await page.keyboard.press('Enter');
  const pick = open.getByLabel('Person att lägga till i rundan');
  await expect(pick).toBeFocused();
  await expect(open).toBeVisible();
  await expect(pick.locator('option', { hasText: 'Fredrik Lund' })).toHaveCount(1);
  await pick.selectOption({
    label: (await pick.locator('option', { hasText: 'Fredrik Lund' }).textContent()) ?? '',
  });
  await open.getByRole('button', { name: 'Lägg till i rundan' }).press('Enter');
  const added = open.getByRole('checkbox', { name: 'Fredrik Lund' });
  await expect(added).toBeChecked();
  await expect(added).toBeFocused();
  await expect(open.getByRole('checkbox', { name: 'Hanna Sjöberg' })).toBeChecked();
  await expect(open.getByRole('checkbox', { name: 'Lars Nyström' })).not.toBeChecked();
  // Unchecked, the added person is out of the round; checked again (Space), back in.
  await page.keyboard.press('Space');
  await expect(added).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(added).toBeChecked();
  await expectAccessible(page, 'the open-round dialog with a reviewer added');
  await page.screenshot({ path: `${shots}/open-round-added-reviewer.png`, fullPage: true });
  await open.getByRole('button', { name: 'Starta rundan' }).click();
  await expect(open).toBeHidden();
  await expect(page.getByTestId('document-stage')).toContainText('På granskning, runda 2');
  await expect(page.getByTestId('review-round-2')).toContainText('Hanna Sjöberg, Fredrik Lund');
  await signOut(page);

  // The added reviewer is told about the round.
  await signIn(page, 'chef.fot', password);
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
  await expect(page.getByText(`${title}”, granskningsomgång 2`)).toBeVisible();
  await signOut(page);

  await reviewerComments(browser, 'chef.hoft', 'Bakgrund', 'Bra, men ange källan.');

  await signIn(page, 'kvalitet.ortopedi', password);
  await openDocument(page);
  const round2 = page.getByTestId('review-round-2');
  await expect(round2).toContainText('Bra, men ange källan.');
  await expect(round2).toContainText('Hanna Sjöberg');
  // Round 2 is closed before its comment is answered: the draft is not submitted until it is.
  await page.getByRole('button', { name: 'Avsluta granskningsrunda 2' }).click();
  await expect(round2).toContainText('Avslutad');
  await expect(page.getByTestId('unanswered-before-submit')).toContainText('Obesvarade kommentarer: 1.');
  await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 kommentar är obesvarad' })).toContainText(
    '(granskningsomgång 2)',
  );
  await expect(page.getByTestId('document-stage')).toContainText('Utkast (version 1) skrivs');
  // The closed round's comment is answered where it stands.
  await answer(page, 'Hanna Sjöberg', 'Källan är Vårdhandboken.');
  await expect(page.getByTestId('unanswered-before-submit')).toHaveCount(0);
  await expectAccessible(page, 'the closed round answered');
  // The earlier round is still there, its answers kept.
  await expect(page.getByTestId('review-round-1')).toContainText('Tillagt i bakgrunden.');

  await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
  await expect(page.getByTestId('document-stage')).toContainText('Väntar på godkännande (version 1)');
  await expect(page.getByTestId('document-stage')).toContainText('Olof Berglund');
  await expect(page.getByRole('button', { name: 'Starta granskningsrunda' })).toHaveCount(0);
  await expectAccessible(page, 'the document awaiting approval');
  await signOut(page);
});

test('the approver sends it back with a reason; the author edits and submits again', async ({ page }) => {
  await signIn(page, 'chef.ortopedi', password);
  await openDocument(page);
  await page.getByRole('button', { name: 'Skicka tillbaka' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Skicka tillbaka till författaren' })).toBeVisible();
  // The reason is required.
  await dialog.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(dialog.getByRole('link', { name: /Motivering: / })).toBeVisible();
  await dialog.getByLabel('Motivering').fill('Syftet saknas. Skriv vad rutinen ska uppnå.');
  await expectAccessible(page, 'the send-back dialog');
  await dialog.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-stage')).toContainText('Utkast (version 1) skrivs');
  await signOut(page);

  await signIn(page, 'kvalitet.ortopedi', password);
  await openDocument(page);
  const reason = page.getByTestId('sent-back-reason');
  await expect(reason).toContainText('Skickat tillbaka av Olof Berglund');
  await expect(reason).toContainText('Syftet saknas. Skriv vad rutinen ska uppnå.');
  await expect(page.getByTestId('document-history')).toContainText('Skickat tillbaka');
  await expectAccessible(page, 'the document sent back');
  await page.screenshot({ path: `${shots}/sent-back.png`, fullPage: true });

  await page.getByRole('link', { name: 'Redigera utkast' }).click();
  await editorFor(page, 'Syfte').click();
  await page.keyboard.type('Inga patienter ska få trycksår under vårdtiden.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Sparat');
  await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
  await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
  await expect(page.getByTestId('document-stage')).toContainText('Väntar på godkännande');
  await expect(page.getByTestId('sent-back-reason')).toHaveCount(0);
  await signOut(page);
});

test('the approver approves it as a significant change; it is published as version 1 with its history', async ({
  page,
}) => {
  await signIn(page, 'chef.ortopedi', password);
  await openDocument(page);
  await page.getByRole('button', { name: 'Godkänn och publicera' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Godkänn och publicera version 1' })).toBeVisible();
  await expect(dialog).toContainText('Alla som dokumentet gäller ombeds läsa det.');
  await expect(dialog.getByLabel(/Läst senast/)).not.toHaveValue('');
  await expect(dialog.getByLabel(/Revisionsanteckning/)).toHaveValue('Första versionen.');
  await expectAccessible(page, 'the approve dialog');
  await page.screenshot({ path: `${shots}/approve.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Godkänn och publicera' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('tab', { name: 'Gällande version 1' })).toBeVisible();
  await expect(page.getByTestId('document-facts')).toContainText('Publicerad');
  await expect(page.getByTestId('document-stage')).toHaveCount(0);
  const history = page.getByTestId('document-history');
  for (const kind of [
    'Skapat',
    'Granskningsrunda startad',
    'Granskningsrunda avslutad',
    'Skickat för godkännande',
    'Skickat tillbaka',
    'Publicerat',
  ]) {
    await expect(history).toContainText(kind);
  }
  await expect(history).toContainText('Syftet saknas. Skriv vad rutinen ska uppnå.');
  await expect(history).toContainText('Olof Berglund');
  await expectAccessible(page, 'the published document');
  await page.screenshot({ path: `${shots}/published.png`, fullPage: true });
  await signOut(page);
});
