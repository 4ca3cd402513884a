import type { Page } from '@playwright/test';
import { editorFor } from './support/documents.ts';
import { apiCall, expectAccessible, signIn, signOut, unique } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// Issue 5, the documents web: a quality coordinator writes a routine from seed 000's template in the
// rich-text editor (a heading, a list, a link, a table), saves it and reads it back after a reload;
// the author submits it and the approver approves it; a revision is compared with the published version side by side; the
// demo's published routine is read with its versions and its print view. axe on every page, and the
// editor's toolbar used from the keyboard.

test.use({ actionTimeout: 15_000 });
test.describe.configure({ mode: 'serial' });
// Long stories on a shared machine: axe on the editor page alone takes seconds.
test.setTimeout(180_000);

const password = 'loopen-demo';
const title = unique('Rutin för fallprevention ');
const DEMO_ROUTINE = 'Rutin för implementering av innovationer och forskningsresultat, Ortopedkliniken';
const shots = 'test-results/documents';

function toolbarFor(page: Page, section: string) {
  return page.getByRole('toolbar', { name: `Formatering: ${section}` });
}

test('a quality coordinator writes a routine from the template, saves it and reads it back', async ({
  page,
}) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: 'Dokument', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
  await expect(page.getByTestId('documents-list')).toContainText(DEMO_ROUTINE);
  await expectAccessible(page, 'the document list');
  await page.screenshot({ path: `${shots}/list.png`, fullPage: true });

  // New document: the routine template (grouped under its type), a title, the approver, the audience.
  await page.getByTestId('new-document').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Nytt dokument' })).toBeVisible();
  // The server's per-field errors: nothing chosen yet.
  await dialog.getByRole('button', { name: 'Skapa och börja skriva' }).click();
  await expect(dialog.getByRole('link', { name: /Mall:/ })).toBeVisible();
  await dialog.getByLabel('Mall').selectOption({ label: 'Rutin' });
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByLabel('Sök godkännare').fill('Olof');
  const approver = dialog.getByLabel('Godkännare', { exact: true });
  await expect(approver.locator('option', { hasText: 'Olof Berglund' })).toHaveCount(1);
  await approver.selectOption({
    label: (await approver.locator('option', { hasText: 'Olof Berglund' }).textContent()) ?? '',
  });
  await dialog.getByLabel('Enhet att lägga till').selectOption({ label: 'Ortopedkliniken' });
  await dialog.getByRole('button', { name: 'Lägg till enhet' }).click();
  await expect(dialog.getByRole('button', { name: 'Ta bort Ortopedkliniken' })).toBeVisible();
  await dialog.getByLabel('Sjuksköterska').check();
  await expectAccessible(page, 'the new-document dialog');
  await dialog.getByRole('button', { name: 'Skapa och börja skriva' }).click();

  // The editor: one per template section, with the section's guidance.
  await expect(page.getByRole('heading', { level: 1, name: `Redigera: ${title}` })).toBeVisible();
  for (const section of ['Revidering i denna version', 'Bakgrund', 'Vilka berörs', 'Syfte', 'Åtgärder']) {
    await expect(editorFor(page, section)).toBeVisible();
  }

  // Bakgrund: a heading, a paragraph with a link made with Ctrl+K.
  const background = editorFor(page, 'Bakgrund');
  await background.click();
  await toolbarFor(page, 'Bakgrund').getByRole('button', { name: 'Rubrik nivå 3' }).click();
  await page.keyboard.type('Fall på avdelningen');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Se ');
  await page.keyboard.type('Vårdhandboken');
  for (let i = 0; i < 'Vårdhandboken'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  const address = page.getByLabel('Länkadress (https, http eller mailto)');
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(
    page.getByText('Ange en adress som börjar med https://, http:// eller mailto:').first(),
  ).toBeVisible();
  await address.fill('https://www.vardhandboken.se/');
  await address.press('Enter');
  await expect(background.locator('h3')).toHaveText('Fall på avdelningen');
  await expect(background.locator('a[href="https://www.vardhandboken.se/"]')).toHaveText('Vårdhandboken');

  // Åtgärder from the keyboard: Shift+Tab from the empty editor reaches its toolbar (one tab stop),
  // arrow keys move along it, Enter presses the button and the editor takes focus again.
  const actions = editorFor(page, 'Åtgärder');
  await actions.click();
  await page.keyboard.press('Shift+Tab');
  const toolbar = toolbarFor(page, 'Åtgärder');
  await expect(toolbar.getByRole('button', { name: 'Fetstil' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbar.locator('button:not([disabled])').last()).toBeFocused();
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Punktlista' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(actions).toBeFocused();
  await page.keyboard.type('Sänghöjd kontrolleras vid kvällsronden');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Larmklocka inom räckhåll');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(actions.locator('ul > li')).toHaveCount(2);
  await toolbar.getByRole('button', { name: 'Infoga tabell' }).click();
  await page.keyboard.type('Vem');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Vad');
  await expect(actions.locator('table th').first()).toHaveText('Vem');
  await expect(toolbar.getByRole('button', { name: 'Lägg till rad' })).toBeVisible();

  await page.getByLabel(/Revisionsanteckning/).fill('Första versionen.');
  await expect(page.getByTestId('save-status')).toHaveText('Ändringar som inte är sparade');
  await expectAccessible(page, 'the editor');
  await page.screenshot({ path: `${shots}/editor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Sparat');

  // After a reload the editor holds what was saved.
  await page.reload();
  await expect(editorFor(page, 'Bakgrund').locator('h3')).toHaveText('Fall på avdelningen');
  await expect(editorFor(page, 'Åtgärder').locator('ul > li')).toHaveCount(2);
  await expect(editorFor(page, 'Åtgärder').locator('table th').nth(1)).toHaveText('Vad');

  // The document page shows the draft, rendered from the stored JSON.
  await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Utkast (version 1)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const draft = page.getByRole('tabpanel');
  await expect(draft.getByRole('heading', { name: 'Fall på avdelningen' })).toBeVisible();
  const link = draft.getByRole('link', { name: 'Vårdhandboken' });
  await expect(link).toHaveAttribute('href', 'https://www.vardhandboken.se/');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(draft.locator('table th').first()).toHaveText('Vem');
  await expect(page.getByTestId('document-facts')).toContainText('Olof Berglund');
  await expect(page.getByTestId('document-facts')).toContainText('Ortopedkliniken, Sjuksköterska');
  // The author is not the approver: no approval here.
  await expect(page.getByRole('button', { name: 'Godkänn och publicera' })).toHaveCount(0);
  await expectAccessible(page, 'the document page with a draft');
  await signOut(page);
});

test('the approver publishes it; a revision is compared with the published version', async ({ page }) => {
  // The author submits the draft for approval (review rounds have their own story).
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto('/documents?status=draft');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
  await expect(page.getByTestId('document-stage')).toContainText('Väntar på godkännande');
  await signOut(page);

  await signIn(page, 'chef.ortopedi', password);
  await page.goto('/documents?status=draft');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Godkänn och publicera' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Godkänn och publicera version 1' })).toBeVisible();
  await expectAccessible(page, 'the approve dialog');
  await dialog.getByRole('button', { name: 'Godkänn och publicera' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Gällande version 1' })).toBeVisible();
  await expect(page.getByTestId('document-facts')).toContainText('Publicerad');
  await signOut(page);

  // The author revises: the published text is the starting point of version 2.
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto('/documents');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: 'Revidera' }).click();
  const purpose = editorFor(page, 'Syfte');
  await expect(editorFor(page, 'Bakgrund').locator('h3')).toHaveText('Fall på avdelningen');
  await purpose.click();
  await page.keyboard.type('Färre fall bland inneliggande patienter');
  const background = editorFor(page, 'Bakgrund');
  await background.locator('h3').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' och i korridoren');
  // Leaving with unsaved changes asks first.
  await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
  const leave = page.getByRole('alertdialog');
  await expect(leave.getByRole('heading', { name: 'Lämna utan att spara?' })).toBeVisible();
  await leave.getByRole('button', { name: 'Stanna kvar' }).click();
  await page.getByLabel(/Revisionsanteckning/).fill('Syfte tillagt.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Sparat');

  await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
  await page.getByRole('link', { name: 'Versioner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versioner' })).toBeVisible();
  await expect(page.getByTestId('versions-list')).toContainText('Syfte tillagt.');
  await expectAccessible(page, 'the versions page');
  await page.getByRole('button', { name: 'Jämför' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jämför versioner' })).toBeVisible();
  await expect(page).toHaveURL(/from=1&to=2/);
  const purposeDiff = page.locator('section', {
    has: page.getByRole('heading', { name: 'Syfte', exact: true }),
  });
  await expect(purposeDiff.locator('ins')).toContainText('Färre fall bland inneliggande patienter');
  const backgroundDiff = page.locator('section', {
    has: page.getByRole('heading', { name: 'Bakgrund', exact: true }),
  });
  await expect(backgroundDiff.locator('ins')).toContainText('och i korridoren');
  await expect(backgroundDiff.locator('del')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Ändrade avsnitt' })).toContainText(': 2');
  await expectAccessible(page, 'the comparison');
  await page.screenshot({ path: `${shots}/compare.png`, fullPage: true });
  await signOut(page);
});

test("a save over someone else's change is refused and the editor reloads their text", async ({ page }) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto('/documents?status=published');
  await page.getByRole('link', { name: title }).click();
  const id = page.url().split('/documents/')[1] ?? '';
  await page.getByRole('link', { name: 'Redigera utkast' }).click();
  await expect(editorFor(page, 'Syfte')).toContainText('Färre fall bland inneliggande patienter');
  // Meanwhile the draft changes elsewhere (another tab, a colleague with the same rights).
  const doc = await apiCall<{ version: number; templateId: string }>(page, 'GET', `/api/documents/${id}`);
  const templates = await apiCall<{
    items: Array<{ id: string; sections: Array<{ id: string; label: string }> }>;
  }>(page, 'GET', '/api/document-templates');
  const sections = templates.items.find((tpl) => tpl.id === doc.templateId)?.sections ?? [];
  await apiCall(page, 'PUT', `/api/documents/${id}/draft`, {
    expectedVersion: doc.version,
    revisionNote: 'Ändrat i en annan flik.',
    sections: sections.map((s) => ({
      sectionId: s.id,
      nodes:
        s.label === 'Syfte'
          ? [{ type: 'paragraph', content: [{ type: 'text', text: 'Skrivet i en annan flik' }] }]
          : [],
    })),
  });
  await editorFor(page, 'Syfte').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' och färre skador');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat dokumentet' });
  await expect(conflict).toBeVisible();
  await expectAccessible(page, 'the editor after a conflict');
  await conflict.getByRole('button', { name: 'Ladda om' }).click();
  await expect(editorFor(page, 'Syfte')).toHaveText('Skrivet i en annan flik');
  await expect(page.getByLabel(/Revisionsanteckning/)).toHaveValue('Ändrat i en annan flik.');
  await signOut(page);
});

test("a member of staff reads the demo's published routine, its versions and its print view", async ({
  page,
}) => {
  await signIn(page, 'sjukskoterska', password);
  await page.goto('/documents');
  await page.getByRole('link', { name: DEMO_ROUTINE }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_ROUTINE })).toBeVisible();
  const facts = page.getByTestId('document-facts');
  await expect(facts).toContainText('Kerstin Åberg');
  await expect(facts).toContainText('Olof Berglund');
  await expect(facts).toContainText('Ortopedkliniken');
  await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Åtgärder' })).toBeVisible();
  await expect(page.getByRole('tabpanel').locator('ul > li')).toHaveCount(5);
  // Staff read; they neither edit nor publish.
  await expect(page.getByRole('link', { name: /Redigera|Revidera/ })).toHaveCount(0);
  await expectAccessible(page, "the demo routine's page");
  await page.screenshot({ path: `${shots}/document.png`, fullPage: true });

  await page.getByRole('link', { name: 'Versioner' }).click();
  await expect(page.getByTestId('versions-list')).toContainText('Dokumentet har uppdaterats.');
  await page.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${DEMO_ROUTINE} – Version 1` })).toBeVisible();
  await expectAccessible(page, 'one version');

  await page.getByRole('link', { name: 'Utskriftsvy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_ROUTINE })).toBeVisible();
  // No app chrome; the header sits in the table's thead, which Chromium repeats on every printed page.
  await expect(page.locator('.app-header')).toHaveCount(0);
  const header = page.locator('thead').getByTestId('print-header');
  for (const text of [
    'Rutin',
    'Version',
    'Giltig till',
    'Kerstin Åberg',
    'Olof Berglund',
    'Ortopedkliniken',
  ]) {
    await expect(header).toContainText(text);
  }
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await expectAccessible(page, 'the print view');
  await page.screenshot({ path: `${shots}/print.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(page.locator('thead')).toHaveCSS('display', 'table-header-group');
  await page.screenshot({ path: `${shots}/print-media.png`, fullPage: true });
});
