import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { getDocument as openPdf } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Document,
  DocumentTemplate,
  DocumentTypes,
  DocumentVersion,
} from '../../../contracts/documents.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { submitAndPublish } from './document-test-support.ts';

// A published version reads as it was approved: its section titles are its own (document_versions
// .sections, migration 0011), so an administrator renaming or removing a template section later does
// not rewrite how an old version reads, on screen or on paper.

const PASSWORD = 'loopen-demo';
let t: TestApp;
let admin: Client;
let coordinator: Client;
let approver: Client;
let nurse: Client;
let nbReader: Client;
let routineTypeId: string;
let approverId: string;

async function as(username: string, language?: 'nb'): Promise<Client> {
  const client = new Client(t.app);
  await client.login(username, PASSWORD);
  if (language) expect((await client.put('/api/me/language', { language })).status).toBe(200);
  return client;
}

const text = (sv: string, nb: string, en: string) => ({ sv, nb, en });
const paragraph = (words: string) => ({ type: 'paragraph', content: [{ type: 'text', text: words }] });

/** The PDF of a version as the client gets it, every page's text read with pdf.js and joined. */
async function pdfText(client: Client, url: string): Promise<string> {
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: `loopen_session=${client.cookie('loopen_session') ?? ''}` },
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const pdf = await openPdf({ data: new Uint8Array(response.rawPayload), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''),
    );
  }
  await pdf.destroy();
  return pages.join(' ').replace(/\s+/g, ' ');
}

/** A template of the demo's routine type, made by the administrator, with these section titles. */
async function templateWith(
  name: string,
  titles: Array<[string, string, string]>,
): Promise<DocumentTemplate> {
  const created = await admin.post<DocumentTemplate>('/api/document-templates', {
    name: text(name, `${name} (nb)`, `${name} (en)`),
    typeId: routineTypeId,
    sections: titles.map(([sv, nb, en]) => ({ title: text(sv, nb, en) })),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function saveDraft(id: string, sections: Array<[string, string]>): Promise<Document> {
  const saved = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
    sections: sections.map(([sectionId, words]) => ({ sectionId, nodes: [paragraph(words)] })),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

async function versionOf(client: Client, id: string, number: number): Promise<DocumentVersion> {
  const answer = await client.get<DocumentVersion>(`/api/documents/${id}/versions/${number}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  admin = await as('admin');
  coordinator = await as('kvalitet.ortopedi');
  approver = await as('chef.ortopedi');
  nurse = await as('sjukskoterska');
  nbReader = await as('chef.avd12', 'nb');
  const types = await nurse.get<DocumentTypes>('/api/document-types');
  const routine = types.body.items.find((type) => type.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the type Rutin');
  routineTypeId = routine.id;
  const [row] = rowsOf<{ id: string }>(
    await t.database.db.execute(sql`select id::text as id from people where username = 'chef.ortopedi'`),
  );
  approverId = row?.id ?? '';
}, 60_000);
afterAll(async () => t.close());

describe('a published version keeps the section titles it was approved under', () => {
  it('when the administrator renames one template section and removes another after version 1 is published, then version 1 still reads and prints under its old titles, and version 2 under the new ones', async () => {
    const template = await templateWith('Rutin med egna rubriker', [
      ['Bakgrund', 'Bakgrunn', 'Background'],
      ['Syfte', 'Formål', 'Purpose'],
      ['Åtgärder', 'Tiltak', 'Actions'],
    ]);
    const [background, purpose, actions] = template.sections.map((s) => s.id);
    if (!background || !purpose || !actions) throw new Error('three sections');
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: template.id,
      title: 'Rutin för sängrumsrond',
      approverId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    // A new draft carries the template's sections as they stand.
    expect(created.body.draft?.sectionTitles).toEqual([
      { id: background, label: 'Bakgrund' },
      { id: purpose, label: 'Syfte' },
      { id: actions, label: 'Åtgärder' },
    ]);
    await saveDraft(id, [
      [background, 'Ronden görs varje morgon.'],
      [purpose, 'Ingen patient blir utan tillsyn.'],
      [actions, 'Sjuksköterskan går ronden med undersköterskan.'],
    ]);
    await submitAndPublish(coordinator, approver, id);

    // The administrator renames Bakgrund and removes Syfte from the template.
    const edited = await admin.patch<DocumentTemplate>(`/api/document-templates/${template.id}`, {
      sections: [
        {
          id: background,
          title: text('Bakgrund och omfattning', 'Bakgrunn og omfang', 'Background and scope'),
        },
        { id: actions, title: text('Åtgärder', 'Tiltak', 'Actions') },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const oldTitles = [
      { id: background, label: 'Bakgrund' },
      { id: purpose, label: 'Syfte' },
      { id: actions, label: 'Åtgärder' },
    ];
    expect((await versionOf(nurse, id, 1)).sectionTitles).toEqual(oldTitles);
    expect((await versionOf(nbReader, id, 1)).sectionTitles.map((s) => s.label)).toEqual([
      'Bakgrunn',
      'Formål',
      'Tiltak',
    ]);
    const read = await nurse.get<Document>(`/api/documents/${id}`);
    expect(read.body.current?.sectionTitles).toEqual(oldTitles);

    // The revision is written in the template as it is now; saving gives the draft its titles.
    const revised = await saveDraft(id, [
      [background, 'Ronden görs varje morgon och kväll.'],
      [actions, 'Sjuksköterskan går ronden med undersköterskan.'],
    ]);
    const newTitles = [
      { id: background, label: 'Bakgrund och omfattning' },
      { id: actions, label: 'Åtgärder' },
    ];
    expect(revised.draft?.sectionTitles).toEqual(newTitles);
    expect(revised.current?.sectionTitles).toEqual(oldTitles);
    await submitAndPublish(coordinator, approver, id, { changeKind: 'minor' });

    const v1 = await versionOf(nurse, id, 1);
    expect(v1.status).toBe('superseded');
    expect(v1.sectionTitles).toEqual(oldTitles);
    expect(v1.sections.map((s) => s.sectionId)).toEqual([background, purpose, actions]);
    const v2 = await versionOf(nurse, id, 2);
    expect(v2.status).toBe('published');
    expect(v2.sectionTitles).toEqual(newTitles);
    expect((await versionOf(nbReader, id, 2)).sectionTitles.map((s) => s.label)).toEqual([
      'Bakgrunn og omfang',
      'Tiltak',
    ]);

    // On paper the same: version 1 under its own titles, version 2 under the new ones.
    const paper1 = await pdfText(nurse, `/api/documents/${id}/versions/1/pdf`);
    for (const words of ['Bakgrund', 'Syfte', 'Ingen patient blir utan tillsyn.', 'Åtgärder'])
      expect(paper1).toContain(words);
    expect(paper1).not.toContain('Bakgrund och omfattning');
    const paper2 = await pdfText(nurse, `/api/documents/${id}/versions/2/pdf`);
    for (const words of ['Bakgrund och omfattning', 'Ronden görs varje morgon och kväll.', 'Åtgärder'])
      expect(paper2).toContain(words);
    expect(paper2).not.toContain('Syfte');
    const paperNb = await pdfText(nbReader, `/api/documents/${id}/versions/1/pdf`);
    for (const words of ['Bakgrunn', 'Formål', 'Tiltak']) expect(paperNb).toContain(words);
  });
});

describe('migration 0011 over versions saved before it', () => {
  // Last in this file: it drops the column and runs the migration again over every version here.
  it('when the migration runs, then each version gets its document’s current template sections that its content has, in the template’s order, and the column is required', async () => {
    const template = await templateWith('Rutin före migreringen', [
      ['Bakgrund', 'Bakgrunn', 'Background'],
      ['Syfte', 'Formål', 'Purpose'],
      ['Uppföljning', 'Oppfølging', 'Follow-up'],
    ]);
    const [background, purpose, followUp] = template.sections.map((s) => s.id);
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: template.id,
      title: 'Rutin för överrapportering',
      approverId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    await submitAndPublish(coordinator, approver, id);
    // Since then: Syfte renamed, Uppföljning removed, Ansvar added.
    const edited = await admin.patch<DocumentTemplate>(`/api/document-templates/${template.id}`, {
      sections: [
        { id: purpose, title: text('Syfte och mål', 'Formål og mål', 'Purpose and aims') },
        { title: text('Ansvar', 'Ansvar', 'Responsibility') },
        { id: background, title: text('Bakgrund', 'Bakgrunn', 'Background') },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const db = t.database.db;
    await db.execute(sql`alter table document_versions drop column sections`);
    const migration = readFileSync(
      new URL('../../db/migrations/0011_document_version_sections.sql', import.meta.url),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint'))
      if (statement.trim()) await db.execute(sql.raw(statement));

    // The template's order today; the section added since is not in it, the removed one has no title.
    const v1 = await versionOf(nurse, id, 1);
    expect(v1.sectionTitles).toEqual([
      { id: purpose, label: 'Syfte och mål' },
      { id: background, label: 'Bakgrund' },
    ]);
    expect(v1.sections.map((s) => s.sectionId)).toEqual([background, purpose, followUp]);
    const [column] = rowsOf<{ nullable: string }>(
      await db.execute(sql`select is_nullable as nullable from information_schema.columns
        where table_name = 'document_versions' and column_name = 'sections'`),
    );
    expect(column?.nullable).toBe('NO');
    const [missing] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from document_versions where jsonb_array_length(sections) = 0`,
      ),
    );
    expect(missing?.n).toBe(0);
  });
});
