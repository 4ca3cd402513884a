import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Document,
  DocumentTemplates,
  DocumentVersion,
  DocumentVersions,
} from '../../../contracts/documents.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { documents, documentVersions } from './tables.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let admin: Client;
let nurse: Client;
let approver: Client;
let outsider: Client;
let templateId: string;
let sectionIds: string[];

async function as(username: string, language?: string): Promise<Client> {
  const client = new Client(t.app, language ? { language } : {});
  await client.login(username, PASSWORD);
  return client;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function counts(): Promise<number[]> {
  return [
    (await t.database.db.select({ id: documents.id }).from(documents)).length,
    (await t.database.db.select({ id: documentVersions.id }).from(documentVersions)).length,
  ];
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  coordinator = await as('kvalitet.ortopedi');
  admin = await as('admin');
  nurse = await as('sjukskoterska');
  approver = await as('chef.ortopedi');
  outsider = await as('fk.utredare');
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the routine template');
  templateId = routine.id;
  sectionIds = routine.sections.map((s) => s.id);
});
afterAll(async () => t.close());

/** The way to publication: the owner (or an administrator) submits, the approver approves. */
async function submitAndPublish(
  id: string,
  submitter: Client,
  publisher: Client,
  body: Record<string, unknown> = {},
): Promise<Document> {
  const submitted = await submitter.post<Document>(`/api/documents/${id}/submit`, {});
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.body.stage).toBe('awaiting_approval');
  const published = await publisher.post<Document>(`/api/documents/${id}/publish`, body);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}

async function approverId(): Promise<string> {
  const rows = rowsOf<{ id: string }>(
    await t.database.db.execute(sql`select id::text as id from people where username = 'chef.ortopedi'`),
  );
  return rows[0]?.id ?? '';
}

describe('documents and their versions', () => {
  it('when a quality coordinator creates, edits and the approver publishes, then version 1 is current; a revision makes version 2 current and version 1 superseded yet readable', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId,
      title: 'Rutin för fallprevention',
      approverId: await approverId(),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.draft?.number).toBe(1);
    expect(created.body.draft?.sections.map((s) => s.sectionId)).toEqual(sectionIds);
    expect(created.body.draft?.sections.every((s) => s.nodes.length === 0)).toBe(true);

    const edited = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [
        {
          sectionId: sectionIds[1],
          nodes: [
            { type: 'heading', level: 2, content: [{ type: 'text', text: 'Bakgrund', marks: ['bold'] }] },
            {
              type: 'bulletList',
              content: [{ type: 'listItem', content: [paragraph('Fall ska förebyggas.')] }],
            },
            {
              type: 'paragraph',
              content: [
                { type: 'link', href: 'https://www.1177.se/', content: [{ type: 'text', text: '1177' }] },
              ],
            },
          ],
        },
      ],
      revisionNote: 'Första versionen.',
      expectedVersion: created.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.draft?.sections[1]?.nodes).toHaveLength(3);

    const published = await submitAndPublish(id, coordinator, approver);
    expect(published.currentVersion).toBe(1);
    expect(published.draft).toBeNull();
    expect(published.reviewBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const revised = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: sectionIds[0], nodes: [paragraph('Förtydligat.')] }],
      revisionNote: 'Förtydligande.',
    });
    expect(revised.body.draft?.number).toBe(2);
    expect(
      (await submitAndPublish(id, coordinator, approver, { changeKind: 'significant' })).currentVersion,
    ).toBe(2);

    const versions = await nurse.get<DocumentVersions>(`/api/documents/${id}/versions`);
    expect(versions.body.items.map((v) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const first = await nurse.get<DocumentVersion>(`/api/documents/${id}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.sections[1]?.nodes).toHaveLength(3);
  });

  it('when content holds a script node, a javascript: link or an extra key, then it is refused 400 in sv and nb and nothing is written', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId,
      title: 'Rutin att angripa',
    });
    const id = created.body.id;
    const svCoordinator = admin;
    const nbCoordinator = await as('kvalitet.ortopedi');
    expect((await nbCoordinator.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const hostile = [
      [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }],
      [
        {
          type: 'paragraph',
          content: [{ type: 'link', href: 'javascript:alert(1)', content: [{ type: 'text', text: 'x' }] }],
        },
      ],
      [
        {
          type: 'paragraph',
          content: [{ type: 'link', href: ' JaVaScRiPt:alert(1)', content: [{ type: 'text', text: 'x' }] }],
        },
      ],
      [{ type: 'paragraph', onclick: 'alert(1)', content: [] }],
    ];
    const before = await counts();
    const draftBefore = (await coordinator.get<Document>(`/api/documents/${id}`)).body.draft;
    for (const nodes of hostile) {
      for (const [client, lang] of [
        [svCoordinator, 'sv'],
        [nbCoordinator, 'nb'],
      ] as const) {
        const answer = await client.put<{ detail: string }>(`/api/documents/${id}/draft`, {
          sections: [{ sectionId: sectionIds[0], nodes }],
        });
        expect(answer.status).toBe(400);
        expect(String(answer.headers['content-type'])).toContain('application/problem+json');
        expect(JSON.stringify(answer.body)).toContain(lang === 'sv' ? 'rättas' : 'rettes');
      }
    }
    const link = await nbCoordinator.put<{ errors?: Array<{ message: string }> }>(
      `/api/documents/${id}/draft`,
      {
        sections: [{ sectionId: sectionIds[0], nodes: hostile[1] }],
      },
    );
    expect(JSON.stringify(link.body)).toContain('Lenker kan bare');
    expect(await counts()).toEqual(before);
    expect((await coordinator.get<Document>(`/api/documents/${id}`)).body.draft).toEqual(draftBefore);
  });

  it('when staff read a document, then they see no draft and may not edit; another organisation gets 404', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId,
      title: 'Rutin i utkast',
      approverId: await approverId(),
    });
    const id = created.body.id;
    expect((await nurse.get(`/api/documents/${id}`)).status).toBe(404);
    await submitAndPublish(id, admin, admin);
    await coordinator.put(`/api/documents/${id}/draft`, { sections: [] });
    const read = await nurse.get<Document>(`/api/documents/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.draft).toBeNull();
    expect((await nurse.get(`/api/documents/${id}/versions/2`)).status).toBe(404);
    expect((await nurse.put(`/api/documents/${id}/draft`, { sections: [] })).status).toBe(403);
    expect((await nurse.patch(`/api/documents/${id}`, { title: 'Min' })).status).toBe(403);
    expect((await outsider.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await outsider.get(`/api/documents/${id}/versions/1`)).status).toBe(404);
  });

  it('when a document is published, then the change and its audit row are written in the same transaction', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId,
      title: 'Rutin med revision',
      approverId: await approverId(),
    });
    const id = created.body.id;
    await submitAndPublish(id, coordinator, admin);
    const [doc] = rowsOf<{ xmin: string }>(
      await t.database.db.execute(sql`select xmin::text as xmin from documents where id = ${id}`),
    );
    const audits = rowsOf<{ xmin: string; action: string }>(
      await t.database.db.execute(
        sql`select xmin::text as xmin, action from audit_log where entity_id = ${id} `,
      ),
    );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'document.created',
      'document.published',
      'document.submitted',
    ]);
    expect(audits.find((a) => a.action === 'document.published')?.xmin).toBe(doc?.xmin);
  });

  it('the demo has seed 000’s routine published, with the Åtgärder as a bullet list', async () => {
    const [routine] = await t.database.db
      .select()
      .from(documents)
      .where(sql`${documents.title} like 'Rutin för implementering%'`);
    expect(routine?.status).toBe('published');
    const read = await nurse.get<Document>(`/api/documents/${routine?.id}`);
    expect((read.body.current?.sections.at(-1)?.nodes[0] as { type?: string } | undefined)?.type).toBe(
      'bulletList',
    );
    expect(await seedDemo(t.database.db, { password: PASSWORD })).toBe(false);
    expect(
      await t.database.db
        .select()
        .from(documents)
        .where(eq(documents.id, routine?.id ?? '')),
    ).toHaveLength(1);
  });
});
