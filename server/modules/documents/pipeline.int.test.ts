import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSupports } from '../../../contracts/document-reading.ts';
import type { DocumentEvents } from '../../../contracts/document-review.ts';
import type { Document, DocumentTemplates } from '../../../contracts/documents.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { documentEvents } from './tables.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let admin: Client;
let nurse: Client;
let outsider: Client;
let routineTemplate: string;
let supportTemplate: string;

async function as(username: string, language?: string): Promise<Client> {
  const client = new Client(t.app, language ? { language } : {});
  await client.login(username, PASSWORD);
  return client;
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  coordinator = await as('kvalitet.ortopedi');
  admin = await as('admin');
  nurse = await as('sjukskoterska');
  outsider = await as('fk.utredare');
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  routineTemplate = templates.body.items.find((item) => item.name.sv === 'Rutin')?.id ?? '';
  supportTemplate = templates.body.items.find((item) => item.type.isKnowledgeSupport)?.id ?? '';
});
afterAll(async () => t.close());

const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);

describe('the knowledge-support pipeline', () => {
  it('the demo answers seed 003: what is published, what is near publication, what is next', async () => {
    const answer = await admin.get<KnowledgeSupports>('/api/knowledge-supports');
    expect(answer.status).toBe(200);
    expect(titles(answer.body.published)).toEqual([
      'Hallux rigidus – kliniskt kunskapsstöd',
      'Hallux valgus – kliniskt kunskapsstöd',
    ]);
    expect(titles(answer.body.nearPublication)).toEqual([
      'Mortons neurom – kliniskt kunskapsstöd',
      'Hammartå – kliniskt kunskapsstöd',
    ]);
    expect(answer.body.next.map((i) => i.status)).toEqual(['in_progress', 'on_list', 'on_list', 'on_list']);
    // On the list, by planned publication; one without a day last.
    expect(titles(answer.body.next).slice(1)).toEqual([
      'Plantar fasciopati – kliniskt kunskapsstöd',
      'Droppfot – kliniskt kunskapsstöd',
      'Plattfot – kliniskt kunskapsstöd',
    ]);
    expect(titles(answer.body.regionalAdditions)).toEqual([
      'Hallux valgus – regionalt tillägg, Region Älvsund',
    ]);
    expect(answer.body.underRevision).toEqual([]);
    expect(answer.body.published[0]?.owner.name).not.toBe('');

    // Staff see the published ones only; another organisation none.
    const staff = await nurse.get<KnowledgeSupports>('/api/knowledge-supports');
    expect(titles(staff.body.published)).toHaveLength(2);
    expect(staff.body.nearPublication).toEqual([]);
    expect(staff.body.next).toEqual([]);
    const other = await outsider.get<KnowledgeSupports>('/api/knowledge-supports');
    expect(other.body.published).toEqual([]);
  });

  it('when a knowledge support is created it is on the list; its owner moves it through the rounds, each move an event and an audit row', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: supportTemplate,
      title: 'Hälsporre – kliniskt kunskapsstöd',
    });
    expect(created.status).toBe(201);
    expect(created.body.pipelineStatus).toBe('on_list');
    expect(created.body.plannedPublication).toBeNull();
    const id = created.body.id;

    const moved = await coordinator.patch<Document>(`/api/documents/${id}`, {
      pipelineStatus: 'review_round_1',
      plannedPublication: '2027-04-30',
      expectedVersion: created.body.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ pipelineStatus: 'review_round_1', plannedPublication: '2027-04-30' });
    const second = await coordinator.patch<Document>(`/api/documents/${id}`, {
      pipelineStatus: 'review_round_2',
    });
    expect(second.body.pipelineStatus).toBe('review_round_2');
    // Giving the same again changes nothing and records nothing.
    await coordinator.patch<Document>(`/api/documents/${id}`, { pipelineStatus: 'review_round_2' });

    // Each move says what changed as data (codes and days, for the reader's language), not as text.
    const events = await t.database.db
      .select({ kind: documentEvents.kind, reason: documentEvents.reason, change: documentEvents.change })
      .from(documentEvents)
      .where(eq(documentEvents.documentId, id))
      .orderBy(documentEvents.at);
    expect(events).toEqual([
      { kind: 'created', reason: '', change: null },
      {
        kind: 'pipeline_changed',
        reason: '',
        change: {
          pipelineStatus: { from: 'on_list', to: 'review_round_1' },
          plannedPublication: { from: null, to: '2027-04-30' },
        },
      },
      {
        kind: 'pipeline_changed',
        reason: '',
        change: { pipelineStatus: { from: 'review_round_1', to: 'review_round_2' } },
      },
    ]);
    // The history gives the same to its readers; the owner takes the day away again.
    await coordinator.patch<Document>(`/api/documents/${id}`, { plannedPublication: null });
    const history = await coordinator.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(history.status).toBe(200);
    expect(history.body.items.map(({ kind, reason, change }) => ({ kind, reason, change }))).toEqual([
      { kind: 'created', reason: '', change: null },
      { kind: 'pipeline_changed', reason: '', change: events[1]?.change },
      { kind: 'pipeline_changed', reason: '', change: events[2]?.change },
      {
        kind: 'pipeline_changed',
        reason: '',
        change: { plannedPublication: { from: '2027-04-30', to: null } },
      },
    ]);
    await coordinator.patch<Document>(`/api/documents/${id}`, { plannedPublication: '2027-04-30' });
    const audits = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.updated')));
    expect(audits).toHaveLength(4);
    expect(JSON.stringify(audits[0]?.summary)).toContain('review_round_1');

    const near = await coordinator.get<KnowledgeSupports>('/api/knowledge-supports');
    expect(near.body.nearPublication[0]).toMatchObject({
      id,
      status: 'review_round_2',
      plannedPublication: '2027-04-30',
    });

    // Only the owner and the administrators move it; a stale expectedVersion is a conflict.
    expect((await nurse.patch(`/api/documents/${id}`, { pipelineStatus: 'published' })).status).toBe(404);
    const stale = await coordinator.patch(`/api/documents/${id}`, {
      pipelineStatus: 'published',
      expectedVersion: created.body.version,
    });
    expect(stale.status).toBe(409);
    expect(
      (await admin.patch<Document>(`/api/documents/${id}`, { pipelineStatus: 'published' })).body
        .pipelineStatus,
    ).toBe('published');
    expect((await coordinator.patch(`/api/documents/${id}`, { pipelineStatus: 'somewhere' })).status).toBe(
      400,
    );
  });

  it('a pipeline change written before its change was data keeps its reason text in the history', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: supportTemplate,
      title: 'Metatarsalgi – kliniskt kunskapsstöd',
    });
    const id = created.body.id;
    // As the server wrote it before migration 0015: the codes in the reason, no change.
    await t.database.db.insert(documentEvents).values({
      documentId: id,
      kind: 'pipeline_changed',
      reason: 'on_list → in_progress; – → 2027-03-01',
      at: new Date(Date.now() + 1000),
    });
    const history = await coordinator.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(history.body.items.at(-1)).toMatchObject({
      kind: 'pipeline_changed',
      reason: 'on_list → in_progress; – → 2027-03-01',
      change: null,
    });
  });

  it('the OpenAPI document tells what a history event changed', () => {
    type Schema = { type?: unknown; properties?: Record<string, Schema>; anyOf?: Schema[]; items?: Schema };
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
      >;
    };
    const answer = spec.paths['/api/documents/{id}/events']?.get?.responses?.['200'];
    const event = answer?.content?.['application/json']?.schema?.properties?.items?.items;
    expect(Object.keys(event?.properties ?? {})).toEqual(
      expect.arrayContaining(['kind', 'reason', 'change', 'at']),
    );
    // Nullable: an object of the two changes, or null.
    const change = event?.properties?.change;
    const object = change?.anyOf?.find((s) => s.type === 'object');
    expect(change?.anyOf?.some((s) => s.type === 'null')).toBe(true);
    expect(Object.keys(object?.properties ?? {}).sort()).toEqual(['pipelineStatus', 'plannedPublication']);
    expect(JSON.stringify(object?.properties?.pipelineStatus)).toContain('review_round_1');
  });

  it('when a routine is given a pipeline status or a planned publication, it is refused 422 in the caller’s language and nothing changes', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: routineTemplate,
      title: 'Rutin utan kunskapsstödsprocess',
    });
    expect(created.body.pipelineStatus).toBeNull();
    const id = created.body.id;
    const sv = await coordinator.patch<{ detail: string; errors?: Array<{ path: string }> }>(
      `/api/documents/${id}`,
      {
        pipelineStatus: 'in_progress',
        title: 'Nytt namn',
      },
    );
    expect(sv.status).toBe(422);
    expect(String(sv.headers['content-type'])).toContain('application/problem+json');
    expect(sv.body.detail).toContain('Bara dokument av en typ för kliniska kunskapsstöd');
    const en = await as('kvalitet.ortopedi', 'en');
    await en.put('/api/me/language', { language: 'en' });
    const english = await en.patch<{ detail: string }>(`/api/documents/${id}`, {
      plannedPublication: '2027-01-01',
    });
    expect(english.status).toBe(422);
    expect(english.body.detail).toContain('Only documents of a clinical knowledge-support type');
    await en.put('/api/me/language', { language: 'sv' });
    const after = await coordinator.get<Document>(`/api/documents/${id}`);
    expect(after.body).toMatchObject({
      title: 'Rutin utan kunskapsstödsprocess',
      version: created.body.version,
    });
  });
});
