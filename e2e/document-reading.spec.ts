import type { Page } from '@playwright/test';
import type { Me } from '../contracts/auth.ts';
import type { Document, DocumentTemplates } from '../contracts/documents.ts';
import { apiCall, expectAccessible, signIn, signOut, unique } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// Issue 5, reading: a routine for the orthopaedic clinic is published (set up through the API as the
// coordinator and the approver, the review flow being another panel's); the nurse on ward 12 finds it
// in "To read" and confirms; her ward manager sees her as read; a minor revision does not ask her
// again (a significant one does: document-story.spec.ts, all through the web app). axe on every page.

test.use({ actionTimeout: 15_000 });
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const password = 'loopen-demo';
const title = unique('Rutin för läsbekräftelse ');
const shots = 'test-results/document-reading';
let documentId = '';
let approverId = '';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The coordinator writes the next version and submits it; the approver publishes it. */
async function publishVersion(page: Page, text: string, changeKind: 'significant' | 'minor' | null) {
  await signIn(page, 'kvalitet.ortopedi', password);
  const templates = await apiCall<DocumentTemplates>(page, 'GET', '/api/document-templates');
  const routine = templates.items.find((item) => item.name.sv === 'Rutin');
  if (!routine?.sections[0]) throw new Error('the demo has the routine template');
  if (!documentId) {
    const units = await apiCall<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/units');
    const clinic = units.items.find((unit) => unit.name === 'Ortopedkliniken');
    const created = await apiCall<Document>(page, 'POST', '/api/documents', {
      templateId: routine.id,
      title,
      approverId,
      audienceUnitIds: [clinic?.id],
    });
    documentId = created.id;
  }
  await apiCall(page, 'PUT', `/api/documents/${documentId}/draft`, {
    sections: [{ sectionId: routine.sections[0].id, nodes: [paragraph(text)] }],
    revisionNote: text,
  });
  await apiCall(page, 'POST', `/api/documents/${documentId}/submit`, {});
  await signOut(page);
  await signIn(page, 'chef.ortopedi', password);
  await apiCall(page, 'POST', `/api/documents/${documentId}/publish`, changeKind ? { changeKind } : {});
  await signOut(page);
}

async function openToRead(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: /^Att läsa/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Att läsa' })).toBeVisible();
}

test('the nurse reads a published routine and confirms it; her manager sees her as read', async ({
  page,
}) => {
  await signIn(page, 'chef.ortopedi', password);
  approverId = (await apiCall<Me>(page, 'GET', '/api/me')).person.id;
  await signOut(page);
  await publishVersion(page, 'Första versionen.', null);

  // The nurse: the home page tells her, the navigation counts it, "To read" lists it.
  await signIn(page, 'sjukskoterska', password);
  await expect(page.getByTestId('reading-home')).toContainText(title);
  await expectAccessible(page, 'the home page with documents to read');
  await expect(
    page.getByRole('navigation', { name: /./ }).getByRole('link', { name: /^Att läsa \d+ att läsa$/ }),
  ).toBeVisible();
  await openToRead(page);
  await expect(page.getByTestId('reading-unread')).toContainText(title);
  await expectAccessible(page, 'the reading list');
  await page.screenshot({ path: `${shots}/reading.png`, fullPage: true });

  // The document: "I have read it", then "Read on <date>"; it moves to the recently read.
  await page.getByTestId('reading-unread').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const panel = page.getByTestId('reading-panel');
  await expect(panel).toContainText('Du ombeds läsa version 1');
  await expectAccessible(page, 'the document asking to be read');
  await page.screenshot({ path: `${shots}/document-asking.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Jag har läst det' }).click();
  await expect(page.getByTestId('read-on')).toContainText(/Läst .* \(version 1\)/);
  await expect(panel.getByRole('button', { name: 'Jag har läst det' })).toHaveCount(0);
  await expectAccessible(page, 'the document read');
  await openToRead(page);
  await expect(page.getByTestId('reading-read')).toContainText(title);
  await expect(page.getByText(title)).toHaveCount(1);
  await signOut(page);

  // Her ward manager: the overview for ward 12, the routine's progress, and who has read it.
  await signIn(page, 'chef.avd12', password);
  await openToRead(page);
  await page.getByRole('link', { name: /Vem har läst\?/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vem har läst?' })).toBeVisible();
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Ortopedisk vårdavdelning 12' });
  await expect(page.getByTestId('reading-documents')).toContainText(title);
  await expectAccessible(page, 'the reading overview');
  await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });
  await page.getByTestId('reading-documents').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Vem har läst: ${title}` })).toBeVisible();
  const people = page.getByTestId('reading-people');
  await expect(people.getByRole('row', { name: /Sofia Lindgren/ })).toContainText('Läst');
  await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'De som har läst' });
  await expect(people.getByRole('row')).toHaveCount(2);
  await expect(people).toContainText('Sofia Lindgren');
  await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'De som inte har läst' });
  await expect(people).not.toContainText('Sofia Lindgren');
  await expectAccessible(page, 'who has read the routine');
  await page.screenshot({ path: `${shots}/readers.png`, fullPage: true });
  // Also from the document's page.
  await page.getByRole('link', { name: 'Öppna dokumentet' }).click();
  await page.getByRole('link', { name: 'Vem i mina enheter har läst?' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Vem har läst: ${title}` })).toBeVisible();
  await signOut(page);
});

// A significant revision asking her again is the end of document-story.spec.ts, done there in the UI.
test('a minor revision does not ask the nurse again', async ({ page }) => {
  await publishVersion(page, 'Andra versionen: stavfel rättade.', 'minor');
  await signIn(page, 'sjukskoterska', password);
  await openToRead(page);
  await expect(page.getByTestId('reading-read')).toContainText(title);
  // "To read", once loaded, does not hold the routine again.
  const toRead = page.getByRole('region', { name: 'Att läsa', exact: true });
  await expect(
    toRead.getByTestId('reading-unread').or(toRead.getByText('Du har inga dokument att läsa just nu.')),
  ).toBeVisible();
  await expect(toRead).not.toContainText(title);
  await expectAccessible(page, 'the reading list after a minor revision');
});

test('past its review date: the mark on the document and in the list, and the coordinators’ filter', async ({
  page,
}) => {
  await signIn(page, 'kvalitet.ortopedi', password);
  // The review-by day moved into the past stands for two years having gone by.
  const before = await apiCall<Document>(page, 'GET', `/api/documents/${documentId}`);
  await apiCall(page, 'PATCH', `/api/documents/${documentId}`, {
    reviewBy: '2020-01-31',
    expectedVersion: before.version,
  });
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: 'Dokument', exact: true })
    .click();
  await page
    .getByLabel('Revideringsdatum', { exact: true })
    .selectOption({ label: 'Passerat revideringsdatum' });
  await expect(page).toHaveURL(/pastReviewDate=true/);
  const list = page.getByTestId('documents-list');
  await expect(list.getByRole('row', { name: new RegExp(title) })).toContainText('Passerat revideringsdatum');
  for (const row of await list.getByRole('row').all()) {
    if ((await row.getByRole('columnheader').count()) === 0) {
      await expect(row).toContainText('Passerat revideringsdatum');
    }
  }
  await expectAccessible(page, 'the documents past their review date');
  await page.screenshot({ path: `${shots}/past-review-list.png`, fullPage: true });
  await list.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('past-review')).toHaveText('Passerat revideringsdatum');
  await expectAccessible(page, 'a document past its review date');
});

test('the knowledge supports answer what is published, what is near publication, what is next', async ({
  page,
}) => {
  await signIn(page, 'kvalitet', password);
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: 'Kunskapsstöd', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kliniska kunskapsstöd' })).toBeVisible();
  for (const group of [
    'Publicerade',
    'Nära publicering',
    'Härnäst',
    'Regionala tillägg',
    'Under revidering',
  ]) {
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${group} \\(\\d+\\)$`) }),
    ).toBeVisible();
  }
  await expect(page.getByTestId('ks-published')).toContainText('Hallux valgus – kliniskt kunskapsstöd');
  await expect(page.getByTestId('ks-published')).toContainText('Publicerad');
  await expectAccessible(page, 'the knowledge supports');
  await page.screenshot({ path: `${shots}/knowledge-supports.png`, fullPage: true });
});
