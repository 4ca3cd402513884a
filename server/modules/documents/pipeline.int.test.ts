import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSupports } from '../../../contracts/document-reading.ts';
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

    const events = await t.database.db
      .select({ kind: documentEvents.kind, reason: documentEvents.reason })
      .from(documentEvents)
      .where(eq(documentEvents.documentId, id))
      .orderBy(documentEvents.at);
    expect(events).toEqual([
      { kind: 'created', reason: '' },
      { kind: 'pipeline_changed', reason: 'on_list → review_round_1; – → 2027-04-30' },
      { kind: 'pipeline_changed', reason: 'review_round_1 → review_round_2' },
    ]);
    const audits = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.updated')));
    expect(audits).toHaveLength(2);
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
