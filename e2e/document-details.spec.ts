import type { Page } from '@playwright/test';
import type { Me } from '../contracts/auth.ts';
import type { Document, DocumentTemplates } from '../contracts/documents.ts';
import { apiCall, expectAccessible, resetLanguage, signIn, signOut, unique } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// Issue 5, a document's details: the quality coordinator who owns a knowledge support (published
// through the API as she and the approver, the review flow being another story's; the lifecycle has
// moved it in progress and published, and the history says so) moves it along the pipeline by hand in
// the "Edit details" dialog, the history tells the move in her words and the knowledge-support list
// shows where it now stands;
// the server's field errors are told on the fields in Swedish; a change made meanwhile elsewhere
// answers "changed meanwhile — reload"; the current version and every published one download as a
// PDF. axe on the page and the dialog, in Swedish and in Norwegian.

test.use({ actionTimeout: 15_000 });
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const password = 'loopen-demo';
const title = unique('Plantar fasciit – kliniskt kunskapsstöd ');
const shots = 'test-results/document-details';
let documentId = '';

/** The coordinator writes a knowledge support and submits it; the clinic's manager approves it. */
async function publishKnowledgeSupport(page: Page): Promise<void> {
  await signIn(page, 'chef.ortopedi', password);
  const approverId = (await apiCall<Me>(page, 'GET', '/api/me')).person.id;
  await signOut(page);
  await signIn(page, 'kvalitet.ortopedi', password);
  const templates = await apiCall<DocumentTemplates>(page, 'GET', '/api/document-templates');
  const template = templates.items.find((item) => item.type.isKnowledgeSupport && item.active);
  if (!template?.sections[0]) throw new Error('the demo has a knowledge-support template');
  const created = await apiCall<Document>(page, 'POST', '/api/documents', {
    templateId: template.id,
    title,
    approverId,
  });
  documentId = created.id;
  await apiCall(page, 'PUT', `/api/documents/${documentId}/draft`, {
    sections: [
      {
        sectionId: template.sections[0].id,
        nodes: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hälsmärta vid första stegen.' }] }],
      },
    ],
  });
  await apiCall(page, 'POST', `/api/documents/${documentId}/submit`, {});
  await signOut(page);
  await signIn(page, 'chef.ortopedi', password);
  await apiCall(page, 'POST', `/api/documents/${documentId}/publish`, {});
  await signOut(page);
}

/** The whole dialog in one picture: a viewport tall enough that it need not scroll. */
async function dialogScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2200 });
  await page.screenshot({ path: `${shots}/${name}.png` });
  if (size) await page.setViewportSize(size);
}

async function openDetails(page: Page) {
  const button = page.getByRole('button', { name: 'Ändra uppgifter' });
  // From the keyboard, as the whole dialog can be used.
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Ändra dokumentets uppgifter' })).toBeVisible();
  return dialog;
}

test('the owner moves a knowledge support along the pipeline; the knowledge-support list shows it', async ({
  page,
}) => {
  await publishKnowledgeSupport(page);
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const facts = page.getByTestId('document-facts');
  await expect(facts).toContainText('Status i flödet');
  // Writing and publishing it moved it: in progress, then published, each told in the history.
  await expect(page.getByTestId('pipeline-status')).toHaveText('Publicerad');
  await expect(page.getByTestId('document-history')).toContainText('Status: På listan → Pågående');
  await expect(page.getByTestId('document-history')).toContainText('Status: Pågående → Publicerad');
  await expect(page.getByTestId('planned-publication')).toHaveText('Inget datum');
  await expectAccessible(page, 'a knowledge support with its pipeline status');

  const dialog = await openDetails(page);
  await expect(dialog.getByLabel('Titel')).toHaveValue(title);
  await expect(dialog.getByLabel('Ägare', { exact: true })).toHaveValue(/./);
  await expect(dialog.getByLabel('Status i flödet')).toHaveValue('published');
  await expectAccessible(page, 'the edit-details dialog');
  await dialogScreenshot(page, 'dialog-sv');
  await dialog.getByLabel('Status i flödet').selectOption({ label: 'Remissrunda 2' });
  await dialog.getByLabel('Planerad publicering').fill('2027-03-15');
  // Enter in a field sends the form, as in any form.
  await dialog.getByLabel('Planerad publicering').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('details-status')).toHaveText('Dokumentets uppgifter är sparade.');
  await expect(page.getByRole('button', { name: 'Ändra uppgifter' })).toBeFocused();
  await expect(page.getByTestId('pipeline-status')).toHaveText('Remissrunda 2');
  await expect(page.getByTestId('planned-publication')).toHaveText(/15 mars 2027/);
  // The history tells the move in words, not in the server's codes.
  const history = page.getByTestId('document-history');
  await expect(history).toContainText(
    'Status: Publicerad → Remissrunda 2 · Planerad publicering: ingen → 15 mars 2027',
  );
  await expect(history).not.toContainText('review_round_2');
  await expectAccessible(page, 'the knowledge support after the change');
  await page.screenshot({ path: `${shots}/page-sv.png`, fullPage: true });

  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: 'Kunskapsstöd', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kliniska kunskapsstöd' })).toBeVisible();
  // Published, its new version in review round 2: under revision, not near publication as one never
  // published would be.
  const row = page.getByTestId('ks-underRevision').getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Remissrunda 2');
  await expect(row).toContainText(/15 mars 2027/);
  // Only there: not among the published, nor near publication or next.
  await expect(page.getByRole('link', { name: title })).toHaveCount(1);
});

test("the server's field errors are shown on the fields in Swedish", async ({ page }) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto(`/documents/${documentId}`);
  const dialog = await openDetails(page);
  await dialog.getByLabel('Titel').fill('   ');
  await dialog.getByRole('button', { name: 'Spara ändringar' }).click();
  // The summary links to the field, the field tells it too; nothing was saved.
  const link = dialog.getByRole('link', { name: 'Titel: Uppgiften krävs.' });
  await expect(link).toBeVisible();
  await expect(dialog.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Uppgiften krävs.', { exact: true })).toBeVisible();
  await expectAccessible(page, 'the edit-details dialog with a field error');
  await page.screenshot({ path: `${shots}/dialog-error-sv.png`, fullPage: true });
  // An emptied review-by day is stopped before it is sent.
  await dialog.getByLabel(/Giltig till/).fill('');
  await dialog.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(
    dialog.getByRole('link', { name: /Giltig till.*: Ange ett datum som ÅÅÅÅ-MM-DD\./ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a change made meanwhile elsewhere is told, and the dialog reloads with it', async ({ page }) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await page.goto(`/documents/${documentId}`);
  const dialog = await openDetails(page);
  // Meanwhile, in another tab: the planned publication moves.
  const before = await apiCall<Document>(page, 'GET', `/api/documents/${documentId}`);
  await apiCall(page, 'PATCH', `/api/documents/${documentId}`, {
    plannedPublication: '2027-04-01',
    expectedVersion: before.version,
  });
  await dialog.getByLabel('Status i flödet').selectOption({ label: 'Remissrunda 1' });
  await dialog.getByRole('button', { name: 'Spara ändringar' }).click();
  const conflict = dialog.getByRole('alert').filter({ hasText: 'Någon annan har ändrat dokumentet' });
  await expect(conflict).toBeVisible();
  await expectAccessible(page, 'the edit-details dialog after a conflict');
  await conflict.getByRole('button', { name: 'Ladda om' }).click();
  await expect(conflict).toBeHidden();
  await expect(dialog.getByLabel('Planerad publicering')).toHaveValue('2027-04-01');
  await expect(dialog.getByLabel('Status i flödet')).toHaveValue('review_round_2');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByTestId('planned-publication')).toHaveText(/1 apr. 2027/);
});

test('the current version and every published one download as a PDF; staff do not edit details', async ({
  page,
}) => {
  await signIn(page, 'sjukskoterska', password);
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra uppgifter' })).toHaveCount(0);
  const current = page.getByRole('link', { name: 'Ladda ner PDF' });
  await expect(current).toHaveAttribute('download', '');
  const href = await current.getAttribute('href');
  expect(href).toBe(`/api/documents/${documentId}/versions/1/pdf`);
  const file = await page.request.get(href ?? '');
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.getByRole('link', { name: 'Versioner' }).click();
  // Each row's link is named as on the page and described by its version.
  const perVersion = page
    .getByTestId('versions-list')
    .getByRole('row', { name: /Version 1/ })
    .getByRole('link', { name: 'Ladda ner PDF' });
  await expect(perVersion).toHaveAccessibleDescription('Version 1');
  const versionFile = await page.request.get((await perVersion.getAttribute('href')) ?? '');
  expect(versionFile.status()).toBe(200);
  expect(versionFile.headers()['content-type']).toBe('application/pdf');
  await expectAccessible(page, 'the versions page with its PDF links');
});

test('in Norwegian: the page and the dialog', async ({ page }) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  await resetLanguage(page, 'nb');
  try {
    await page.goto(`/documents/${documentId}`);
    await expect(page.getByTestId('pipeline-status')).toHaveText('Høringsrunde 2');
    await expect(page.getByTestId('document-history')).toContainText(
      'Status: Publisert → Høringsrunde 2 · Planlagt publisering: ingen → 15. mars 2027',
    );
    await expect(page.getByRole('link', { name: 'Last ned PDF' })).toBeVisible();
    await expectAccessible(page, 'the knowledge support in Norwegian');
    await page.screenshot({ path: `${shots}/page-nb.png`, fullPage: true });
    await page.getByRole('button', { name: 'Endre opplysninger' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Endre dokumentets opplysninger' })).toBeVisible();
    await expect(dialog.getByLabel('Status i løpet')).toHaveValue('review_round_2');
    await expectAccessible(page, 'the edit-details dialog in Norwegian');
    await dialogScreenshot(page, 'dialog-nb');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await resetLanguage(page, 'sv');
  }
});
