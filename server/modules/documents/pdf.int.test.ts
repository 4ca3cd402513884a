import { sql } from 'drizzle-orm';
import { getDocument as openPdf } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, DocumentTemplates } from '../../../contracts/documents.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { submitAndPublish } from './document-test-support.ts';
import { safeFilename } from './pdf.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let approver: Client;
let nurse: Client;
let nbReader: Client;
let enReader: Client;
let outsider: Client;
let routine: Document;

async function as(username: string, language?: 'nb' | 'en'): Promise<Client> {
  const client = new Client(t.app);
  await client.login(username, PASSWORD);
  if (language) expect((await client.put('/api/me/language', { language })).status).toBe(200);
  return client;
}

interface Pdf {
  status: number;
  headers: Record<string, unknown>;
  pages: string[];
  problem?: { code?: string; detail?: string };
}

/** GET the PDF as the client (its session cookie) and read every page's text with pdf.js. */
async function pdfOf(client: Client | null, url: string): Promise<Pdf> {
  const session = client?.cookie('loopen_session');
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: session ? { cookie: `loopen_session=${session}` } : {},
  });
  if (response.statusCode !== 200)
    return { status: response.statusCode, headers: response.headers, pages: [], problem: response.json() };
  const pdf = await openPdf({ data: new Uint8Array(response.rawPayload), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : ''))
      .join('');
    pages.push(text.replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return { status: response.statusCode, headers: response.headers, pages };
}

const text = (words: string, marks?: Array<'bold' | 'italic'>) => ({
  type: 'text',
  text: words,
  ...(marks ? { marks } : {}),
});
const paragraph = (words: string) => ({ type: 'paragraph', content: [text(words)] });
const filler = (i: number) =>
  paragraph(
    `Stycke ${i}: Sjuksköterskan bedömer fallrisken vid inskrivning och därefter varje dygn. ` +
      'Åtgärderna dokumenteras i journalen, följs upp på avdelningens möte och förs vidare vid överflyttning ' +
      'till en annan enhet. Patienten och närstående får muntlig och skriftlig information om riskerna.',
  );

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  coordinator = await as('kvalitet.ortopedi');
  approver = await as('chef.ortopedi');
  nurse = await as('sjukskoterska');
  nbReader = await as('chef.avd12', 'nb');
  enReader = await as('lakare', 'en');
  outsider = await as('fk.utredare');

  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const template = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!template) throw new Error('the demo has the routine template');
  const [ids] = rowsOf<{ approver: string; clinic: string }>(
    await t.database.db.execute(sql`
      select (select id::text from people where username = 'chef.ortopedi') as approver,
             (select id::text from units where name = 'Ortopedkliniken') as clinic`),
  );
  const created = await coordinator.post<Document>('/api/documents', {
    templateId: template.id,
    title: 'Rutin för fallprevention på vårdavdelning',
    approverId: ids?.approver,
    audienceUnitIds: [ids?.clinic],
    audienceProfessions: ['sjukskoterska', 'underskoterska'],
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const [changes, background, who, purpose, actions] = template.sections.map((s) => s.id);
  const long = (round: number) => ({
    sections: [
      { sectionId: changes, nodes: [paragraph(`Revidering ${round}: förtydligad riskbedömning.`)] },
      {
        sectionId: background,
        nodes: [
          { type: 'heading', level: 2, content: [text('Varför fall förebyggs')] },
          {
            type: 'paragraph',
            content: [
              text('Fall är den vanligaste '),
              text('vårdskadan', ['bold']),
              text(' hos äldre; '),
              text('särskilt nattetid', ['italic']),
              text('. Läs mer hos '),
              {
                type: 'link',
                href: 'https://www.socialstyrelsen.se/fallprevention',
                content: [text('Socialstyrelsen')],
              },
              text('.'),
            ],
          },
          ...Array.from({ length: 30 }, (_, i) => filler(i + 1)),
        ],
      },
      {
        sectionId: who,
        nodes: [
          {
            type: 'table',
            content: [
              {
                type: 'tableRow',
                content: [
                  { type: 'tableCell', header: true, content: [paragraph('Yrkesgrupp')] },
                  { type: 'tableCell', header: true, content: [paragraph('Ansvar')] },
                ],
              },
              {
                type: 'tableRow',
                content: [
                  { type: 'tableCell', header: false, content: [paragraph('Undersköterska')] },
                  { type: 'tableCell', header: false, content: [paragraph('Tillsyn var tredje timme')] },
                ],
              },
            ],
          },
        ],
      },
      { sectionId: purpose, nodes: Array.from({ length: 20 }, (_, i) => filler(i + 31)) },
      {
        sectionId: actions,
        nodes: [
          {
            type: 'orderedList',
            content: [
              {
                type: 'listItem',
                content: [
                  paragraph('Bedöm fallrisken med Downton.'),
                  {
                    type: 'bulletList',
                    content: [{ type: 'listItem', content: [paragraph('Sänk sängen till lägsta nivå.')] }],
                  },
                ],
              },
              { type: 'listItem', content: [paragraph('Ge halkstrumpor.')] },
            ],
          },
        ],
      },
    ],
    revisionNote: `Version ${round}.`,
  });
  expect((await coordinator.put(`/api/documents/${id}/draft`, long(1))).status).toBe(200);
  await submitAndPublish(coordinator, approver, id);
  expect((await coordinator.put(`/api/documents/${id}/draft`, long(2))).status).toBe(200);
  const published = await submitAndPublish(coordinator, approver, id);
  expect(published.currentVersion).toBe(2);
  routine = published;
}, 60_000);
afterAll(async () => t.close());

describe('a published version as a PDF', () => {
  it('when a nurse exports the current version, then every page carries the header and "Sida x av y", and the body is all there in Swedish', async () => {
    const pdf = await pdfOf(nurse, `/api/documents/${routine.id}/versions/2/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="Rutin-for-fallprevention-pa-vardavdelning-v2.pdf"',
    );
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const reviewBy = routine.reviewBy ?? 'no review-by date';
    pdf.pages.forEach((page, i) => {
      expect(page).toContain('Rutin · Rutin för fallprevention på vårdavdelning');
      expect(page).toContain('Version 2');
      expect(page).toContain(`Giltig till ${reviewBy}`);
      expect(page).toContain(`Ägare ${routine.owner.name}`);
      expect(page).toContain(`Godkännare ${routine.approver?.name}`);
      expect(page).toContain('Gäller för Ortopedkliniken; Sjuksköterskor, Undersköterskor');
      expect(page).toContain(`Sida ${i + 1} av ${pdf.pages.length}`);
      expect(page).not.toContain('Ersatt');
    });
    const all = pdf.pages.join(' ');
    for (const words of [
      'Bakgrund',
      'Vilka berörs',
      'Åtgärder',
      'Varför fall förebyggs',
      'vårdskadan',
      'särskilt nattetid',
      'Yrkesgrupp',
      'Tillsyn var tredje timme',
      'Bedöm fallrisken med Downton.',
      'Sänk sängen till lägsta nivå.',
      'Stycke 50: Sjuksköterskan bedömer fallrisken',
      'Revidering 2: förtydligad riskbedömning.',
    ])
      expect(all).toContain(words);
    expect(all).not.toContain('Revidering 1:');
    // A link is printed with its address (which may wrap at the slashes).
    expect(all.replace(/\s/g, '')).toContain(
      'Socialstyrelsen(https://www.socialstyrelsen.se/fallprevention)',
    );
  });

  it('when a superseded version is exported, then every page says so, in the reader’s language (nb, en)', async () => {
    const nb = await pdfOf(nbReader, `/api/documents/${routine.id}/versions/1/pdf`);
    expect(nb.status).toBe(200);
    expect(nb.pages.length).toBeGreaterThanOrEqual(3);
    nb.pages.forEach((page, i) => {
      expect(page).toContain('Erstattet');
      expect(page).toContain('Versjon 1');
      expect(page).toContain(`Eier ${routine.owner.name}`);
      expect(page).toContain(`Side ${i + 1} av ${nb.pages.length}`);
      expect(page).toContain('Rutine · Rutin för fallprevention på vårdavdelning');
    });
    expect(nb.pages.join(' ')).toContain('Revidering 1: förtydligad riskbedömning.');
    const en = await pdfOf(enReader, `/api/documents/${routine.id}/versions/1/pdf`);
    en.pages.forEach((page, i) => {
      expect(page).toContain('Superseded');
      expect(page).toContain(`Approver ${routine.approver?.name}`);
      expect(page).toContain('Applies to Ortopedkliniken; Nurses, Assistant nurses');
      expect(page).toContain(`Page ${i + 1} of ${en.pages.length}`);
    });
  });

  it('when the export is made, then it is logged in the audit log with the version', async () => {
    const before = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'document.exported' and entity_id = ${routine.id}`,
      ),
    )[0]?.n;
    expect((await pdfOf(nurse, `/api/documents/${routine.id}/versions/2/pdf`)).status).toBe(200);
    const rows = rowsOf<{ summary: { versionNumber: number; format: string }; actor_name: string }>(
      await t.database.db.execute(
        sql`select summary, actor_name from audit_log where action = 'document.exported' and entity_id = ${routine.id}
            order by id desc limit 1`,
      ),
    );
    expect(rows[0]?.summary).toMatchObject({ versionNumber: 2, format: 'pdf' });
    expect(
      rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`select count(*)::int as n from audit_log where action = 'document.exported' and entity_id = ${routine.id}`,
        ),
      )[0]?.n,
    ).toBe((before ?? 0) + 1);
  });

  it('when a draft is asked for, then its owner gets 409 in Swedish and a nurse 404; another organisation 404, nobody signed in 401', async () => {
    expect(
      (await coordinator.put(`/api/documents/${routine.id}/draft`, { sections: [], revisionNote: 'Nästa' }))
        .status,
    ).toBe(200);
    const draft = await pdfOf(coordinator, `/api/documents/${routine.id}/versions/3/pdf`);
    expect(draft.status).toBe(409);
    expect(String(draft.headers['content-type'])).toContain('application/problem+json');
    expect(draft.problem?.code).toBe('document.pdf_draft');
    expect(draft.problem?.detail).toContain('utkast');
    expect((await pdfOf(nurse, `/api/documents/${routine.id}/versions/3/pdf`)).status).toBe(404);
    expect((await pdfOf(nurse, `/api/documents/${routine.id}/versions/9/pdf`)).status).toBe(404);
    expect((await pdfOf(outsider, `/api/documents/${routine.id}/versions/2/pdf`)).status).toBe(404);
    expect((await pdfOf(null, `/api/documents/${routine.id}/versions/2/pdf`)).status).toBe(401);
    const refusedLogged = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'document.exported'
            and (summary->>'versionNumber')::int in (3, 9)`,
      ),
    )[0]?.n;
    expect(refusedLogged).toBe(0);
  });

  it('file names keep to ASCII: å ä ö æ ø become a a o ae o, anything else a dash', () => {
    expect(safeFilename('Rutin för sår/vård: ÆØÅ "test"', 3)).toBe('Rutin-for-sar-vard-AEOA-test-v3.pdf');
    expect(safeFilename('Smärtlindring – barn og unge, æøå', 12)).toBe(
      'Smartlindring-barn-og-unge-aeoa-v12.pdf',
    );
    expect(safeFilename('///', 1)).toBe('document-v1.pdf');
  });
});
