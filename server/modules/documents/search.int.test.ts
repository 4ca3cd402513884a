import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../contracts/common.ts';
import type { DocumentSearch } from '../../../contracts/document-search.ts';
import type { Document, DocumentTemplates } from '../../../contracts/documents.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { submitAndPublish } from './document-test-support.ts';
import { documents, documentVersions } from './tables.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let admin: Client;
let nurse: Client;
let approver: Client;
let norwegian: Client;
let fkManager: Client;
let routineTemplate: string;
let routineType: string;
let knowledgeType: string;
let sections: string[];
const ids: Record<string, string> = {};

async function as(username: string): Promise<Client> {
  const client = new Client(t.app);
  await client.login(username, PASSWORD);
  return client;
}

async function idOf(query: ReturnType<typeof sql>): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await t.database.db.execute(query));
  if (!row) throw new Error('fixture missing');
  return row.id;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Creates a document with one paragraph in its first section and, unless told not to, publishes it. */
async function documentOf(
  author: Client,
  publisher: Client | null,
  input: Record<string, unknown>,
  text: string,
): Promise<string> {
  const created = await author.post<Document>('/api/documents', { templateId: routineTemplate, ...input });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const saved = await author.put<Document>(`/api/documents/${created.body.id}/draft`, {
    sections: [{ sectionId: sections[0], nodes: [paragraph(text)] }],
  });
  if (saved.status !== 200) throw new Error(`draft: ${saved.status}`);
  if (publisher) {
    await submitAndPublish(author, publisher, created.body.id);
  }
  return created.body.id;
}

async function search(client: Client, params: Record<string, string>) {
  return client.get<DocumentSearch>(`/api/documents/search?${new URLSearchParams(params).toString()}`);
}

async function found(client: Client, params: Record<string, string>): Promise<string[]> {
  const answer = await search(client, params);
  expect(answer.status).toBe(200);
  return answer.body.items.map((item) => item.id);
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  coordinator = await as('kvalitet.ortopedi');
  admin = await as('admin');
  nurse = await as('sjukskoterska');
  approver = await as('chef.ortopedi');
  norwegian = await as('chef.medicin');
  fkManager = await as('fk.chef');
  expect((await norwegian.put('/api/me/language', { language: 'nb' })).status).toBe(200);
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the routine template');
  routineTemplate = routine.id;
  routineType = routine.type.id;
  sections = routine.sections.map((s) => s.id);
  knowledgeType = await idOf(
    sql`select id::text as id from document_types where name->>'sv' = 'Kliniskt kunskapsstöd' limit 1`,
  );
  const approverId = await idOf(sql`select id::text as id from people where username = 'chef.ortopedi'`);
  const clinic = await idOf(sql`select id::text as id from units where name = 'Ortopedkliniken'`);
  ids.clinic = clinic;
  ids.seeded = await idOf(
    sql`select id::text as id from documents where title like 'Rutin för implementering%'`,
  );
  ids.ward = await idOf(sql`select id::text as id from units where name = 'Ortopedisk vårdavdelning 12'`);
  ids.medicine = await idOf(sql`select id::text as id from units where name = 'Medicinkliniken'`);
  ids.medication = await documentOf(
    coordinator,
    approver,
    {
      title: 'Rutin för läkemedelshantering',
      approverId,
      audienceUnitIds: [clinic],
      audienceProfessions: ['sjukskoterska'],
    },
    'Sjuksköterskan kontrollerar läkemedlen före varje utdelning. <script>alert(1)</script> Dubbelkontroll av rutinen krävs.',
  );
  ids.falls = await documentOf(
    coordinator,
    approver,
    { title: 'Rutin för fallprevention', approverId },
    'Patienten bedöms vid inskrivning. Rutiner för läkemedelsgenomgång finns i en annan rutin.',
  );
  const norwegianId = await idOf(sql`select id::text as id from people where username = 'chef.medicin'`);
  ids.norwegian = await documentOf(
    norwegian,
    admin,
    { title: 'Rutine for legemiddelhåndtering', approverId: norwegianId },
    'Sykepleieren kontrollerer legemidlene før utdeling til pasientene.',
  );
  ids.draft = await documentOf(
    coordinator,
    null,
    { title: 'Utkast om läkemedlens förvaring', approverId },
    'Läkemedlen förvaras i låst skåp.',
  );
  // "dubbelkontroll" is in two titles and, besides the medication routine, in one more text only; the
  // text-only one's title sorts first, so only the order of the search can put the title matches first.
  ids.checksWard = await documentOf(
    coordinator,
    approver,
    { title: 'Vårdavdelningens dubbelkontroller', approverId },
    'Två sjuksköterskor signerar varje ordination.',
  );
  ids.checksAmbulance = await documentOf(
    coordinator,
    approver,
    { title: 'Ambulansens dubbelkontroller', approverId },
    'Ambulanssjuksköterskan signerar.',
  );
  ids.acute = await documentOf(
    coordinator,
    approver,
    { title: 'Akut omhändertagande', approverId },
    'Dubbelkontroll sker vid överflyttning.',
  );
  // Försäkringskassan keeps no templates in the demo: its document is written straight to the tables.
  const fkManagerId = await idOf(sql`select id::text as id from people where username = 'fk.chef'`);
  const fk = await idOf(sql`select id::text as id from organisations where name = 'Försäkringskassan'`);
  const db = t.database.db;
  const [foreign] = await db
    .insert(documents)
    .values({
      organisationId: fk,
      typeId: routineType,
      templateId: routineTemplate,
      title: 'Rutin om läkemedlen hos Försäkringskassan',
      ownerId: fkManagerId,
      status: 'published',
    })
    .returning({ id: documents.id });
  if (!foreign) throw new Error('fixture document');
  const [version] = await db
    .insert(documentVersions)
    .values({
      documentId: foreign.id,
      number: 1,
      status: 'published',
      content: [{ sectionId: sections[0] ?? '', nodes: [paragraph('Läkemedlen nämns här också.')] }],
      sections: [],
    } as typeof documentVersions.$inferInsert)
    .returning({ id: documentVersions.id });
  await db.update(documents).set({ currentVersionId: version?.id }).where(eq(documents.id, foreign.id));
  ids.foreign = foreign.id;
});
afterAll(async () => t.close());

describe('searching documents', () => {
  it('when a nurse searches a Swedish word form, then documents with other forms of it are found, their words marked in plain-text pieces', async () => {
    // "läkemedlens" and "läkemedlen" share a Swedish stem.
    const answer = await search(nurse, { q: 'läkemedlens' });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((i) => i.id)).toEqual([ids.medication]);
    const [item] = answer.body.items;
    expect(item).toMatchObject({
      title: 'Rutin för läkemedelshantering',
      typeLabel: 'Rutin',
      status: 'published',
      versionNumber: 1,
      pastReviewDate: false,
    });
    const hits = item?.highlights.filter((h) => h.hit).map((h) => h.text);
    expect(hits).toEqual(['läkemedlen']);
    // The pieces join to the document's own words; markup typed into the text comes back as no markup at all.
    const joined = item?.highlights.map((h) => h.text).join('') ?? '';
    expect(joined).toContain('kontrollerar läkemedlen före');
    expect(joined).toContain('alert(1)');
    expect(joined).not.toContain('<');
    for (const marker of ['\u0001', '\u0002', '\u0003']) expect(joined).not.toContain(marker);

    // "rutiner" finds every title with "Rutin" (and the Norwegian "Rutine") in it.
    const routines = await found(nurse, { q: 'rutiner' });
    expect(routines.sort()).toEqual([ids.medication, ids.falls, ids.norwegian, ids.seeded].sort());
  });

  it('when a Swedish reader searches a Norwegian word form, then the Norwegian document is found', async () => {
    const answer = await search(nurse, { q: 'legemidler' });
    expect(answer.body.items.map((i) => i.id)).toEqual([ids.norwegian]);
    expect(answer.body.items[0]?.highlights.filter((h) => h.hit).map((h) => h.text)).toEqual(['legemidlene']);
    expect(await found(nurse, { q: 'pasienten' })).toEqual([ids.norwegian]);
  });

  it('when the text is searched before publication, then only the title is found, and a draft only by those who may read it', async () => {
    // The draft's text is not searchable until published; its title is, for its owner and the administrators.
    expect(await found(coordinator, { q: 'skåp' })).toEqual([]);
    expect(await found(coordinator, { q: 'förvaring' })).toEqual([ids.draft]);
    expect(await found(admin, { q: 'förvaring', status: 'draft' })).toEqual([ids.draft]);
    expect(await found(nurse, { q: 'förvaring' })).toEqual([]);
    const all = await search(nurse, { q: 'läkemedlen' });
    expect(all.body.items.map((i) => i.id)).not.toContain(ids.draft);
  });

  it("when anyone searches, then another organisation's documents are never found", async () => {
    for (const client of [nurse, coordinator, admin]) {
      expect(await found(client, { q: 'Försäkringskassan' })).toEqual([]);
    }
    expect(await found(fkManager, { q: 'läkemedlen' })).toEqual([ids.foreign]);
    expect(await found(await as('fk.utredare'), { q: 'läkemedlen' })).toEqual([ids.foreign]);
  });

  it('when filters are given, then they narrow the answer: type, unit and the units above it, profession, status and the review date', async () => {
    const q = 'rutin';
    expect((await found(nurse, { q, typeId: routineType })).sort()).toEqual(
      [ids.medication, ids.falls, ids.norwegian, ids.seeded].sort(),
    );
    expect(await found(nurse, { q, typeId: knowledgeType })).toEqual([]);
    // Both audiences are the orthopaedic clinic: ward 12 lies under it, the medical clinic does not.
    const orthopaedic = [ids.medication, ids.seeded].sort();
    expect((await found(nurse, { q, unitId: ids.ward ?? '' })).sort()).toEqual(orthopaedic);
    expect((await found(nurse, { q, unitId: ids.clinic ?? '' })).sort()).toEqual(orthopaedic);
    expect(await found(nurse, { q, unitId: ids.medicine ?? '' })).toEqual([]);
    expect((await found(nurse, { q, profession: 'sjukskoterska' })).sort()).toEqual(orthopaedic);
    expect(await found(nurse, { q, profession: 'lakare' })).toEqual([ids.seeded]);
    expect(await found(nurse, { q, profession: 'barnmorska' })).toEqual([]);
    expect(await found(coordinator, { q: 'läkemedlens', status: 'draft' })).toEqual([ids.draft]);
    expect(await found(coordinator, { q: 'läkemedlens', status: 'published' })).toEqual([ids.medication]);

    const moved = await coordinator.patch<Document>(`/api/documents/${ids.falls}`, {
      reviewBy: '2020-01-31',
    });
    expect(moved.status).toBe(200);
    const past = await search(nurse, { q, pastReviewDate: 'true' });
    expect(past.body.items.map((i) => [i.id, i.pastReviewDate, i.reviewBy])).toEqual([
      [ids.falls, true, '2020-01-31'],
    ]);
    expect((await found(nurse, { q, pastReviewDate: 'false' })).sort()).toEqual(
      [ids.medication, ids.norwegian, ids.seeded].sort(),
    );
  });

  it('when a title changes or a revision is published, then the search follows', async () => {
    const renamed = await coordinator.patch<Document>(`/api/documents/${ids.falls}`, {
      title: 'Rutin för fallförebyggande arbete',
    });
    expect(renamed.status).toBe(200);
    expect(await found(nurse, { q: 'fallprevention' })).toEqual([]);
    expect(await found(nurse, { q: 'fallförebyggande' })).toEqual([ids.falls]);
    await coordinator.put(`/api/documents/${ids.falls}/draft`, {
      sections: [{ sectionId: sections[0], nodes: [paragraph('Höftskyddsbyxor erbjuds.')] }],
    });
    expect(await found(nurse, { q: 'höftskyddsbyxor' })).toEqual([]);
    await submitAndPublish(coordinator, approver, ids.falls ?? '');
    expect(await found(nurse, { q: 'höftskyddsbyxor' })).toEqual([ids.falls]);
    expect(await found(nurse, { q: 'inskrivning' })).toEqual([]);
    const [version] = (await search(nurse, { q: 'höftskyddsbyxor' })).body.items;
    expect(version?.versionNumber).toBe(2);
  });

  it('when a word is in some titles and only in the text of others, then the title matches come first, each group by title', async () => {
    const order = [ids.checksAmbulance, ids.checksWard, ids.acute, ids.medication];
    expect(await found(nurse, { q: 'dubbelkontroll' })).toEqual(order);
    expect((await search(nurse, { q: 'dubbelkontroll' })).body.items.map((i) => i.title)).toEqual([
      'Ambulansens dubbelkontroller',
      'Vårdavdelningens dubbelkontroller',
      'Akut omhändertagande',
      'Rutin för läkemedelshantering',
    ]);
    // The text-only matches are marked in their text; a title match shows its text even without a hit in it.
    const [, , acute] = (await search(nurse, { q: 'dubbelkontroll' })).body.items;
    expect(acute?.highlights.filter((h) => h.hit).map((h) => h.text)).toEqual(['Dubbelkontroll']);
  });

  it('when paging, then the pages follow that order across both groups and count every match', async () => {
    const pages: string[] = [];
    for (const page of ['1', '2', '3', '4']) {
      const answer = await search(nurse, { q: 'dubbelkontroll', pageSize: '1', page });
      expect(answer.body).toMatchObject({
        total: 4,
        totalIsLowerBound: false,
        page: Number(page),
        pageSize: 1,
      });
      pages.push(...answer.body.items.map((i) => i.id));
    }
    expect(pages).toEqual([ids.checksAmbulance, ids.checksWard, ids.acute, ids.medication]);
    const two = await search(nurse, { q: 'dubbelkontroll', pageSize: '3', page: '2' });
    expect(two.body.items.map((i) => i.id)).toEqual([ids.medication]);
    expect(two.body.total).toBe(4);
    const past = await search(nurse, { q: 'dubbelkontroll', pageSize: '3', page: '3' });
    expect(past.body).toMatchObject({ items: [], total: 4, totalIsLowerBound: false });
    const first = await search(nurse, { q: 'rutin', pageSize: '1' });
    expect(first.body).toMatchObject({ total: 4, totalIsLowerBound: false, page: 1, pageSize: 1 });
  });

  it("when the input is wrong, then the answer is 400 in the caller's language", async () => {
    const missing = await norwegian.get<Problem>('/api/documents/search');
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toBe('Noen opplysninger må rettes.');
    expect(missing.body.errors?.[0]?.path).toBe('querystring.q');
    const tooLong = await nurse.get<Problem>(`/api/documents/search?q=${'a'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.detail).toBe('Några uppgifter behöver rättas.');
    for (const bad of ['q=', 'q=%20%20', 'q=a&pageSize=101', 'q=a&status=old', 'q=a&pastReviewDate=yes']) {
      expect((await nurse.get(`/api/documents/search?${bad}`)).status, bad).toBe(400);
    }
  });
});
