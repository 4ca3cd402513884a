import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSupports } from '../../../contracts/document-reading.ts';
import type { DocumentEvents } from '../../../contracts/document-review.ts';
import type { Document, DocumentTemplates } from '../../../contracts/documents.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { people } from '../organisation/tables.ts';
import { submitAndPublish } from './document-test-support.ts';
import { documentEvents } from './tables.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let admin: Client;
let nurse: Client;
let outsider: Client;
let approver: Client;
let routineTemplate: string;
let supportTemplate: string;
let routineSection: string;
let supportSection: string;
const ids: Record<'coordinator' | 'approver' | 'admin' | 'nurse', string> = {
  coordinator: '',
  approver: '',
  admin: '',
  nurse: '',
};

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
  approver = await as('chef.ortopedi');
  const usernames = {
    coordinator: 'kvalitet.ortopedi',
    approver: 'chef.ortopedi',
    admin: 'admin',
    nurse: 'sjukskoterska',
  };
  for (const [key, username] of Object.entries(usernames)) {
    const [row] = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.username, username));
    ids[key as keyof typeof ids] = row?.id ?? '';
  }
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  const support = templates.body.items.find((item) => item.type.isKnowledgeSupport);
  routineTemplate = routine?.id ?? '';
  supportTemplate = support?.id ?? '';
  routineSection = routine?.sections[1]?.id ?? '';
  supportSection = support?.sections[0]?.id ?? '';
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

// The lifecycle moves the pipeline: the moves of a knowledge support put it in progress, in review
// round 1 and 2, published and under revision, each a pipeline_changed event by the one who made the
// move, right after the move's own; the owner may still set it by hand. A regional addition stays
// one, a routine has no pipeline at all.

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function daysFromToday(n: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + n);
  return day.toISOString().slice(0, 10);
}

type Seen = { kind: string; actor: string | null; change: unknown };

/** The document's history as it grows: each call gives the events written since the last one. */
function historyOf(id: string): () => Promise<Seen[]> {
  let seen = 0;
  return async () => {
    const answer = await coordinator.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(answer.status).toBe(200);
    const items = answer.body.items.map((e) => ({
      kind: e.kind,
      actor: e.actor?.id ?? null,
      change: e.change,
    }));
    const fresh = items.slice(seen);
    seen = items.length;
    return fresh;
  };
}

/** Where the knowledge-support list shows the document to `client`: [group, status] pairs. */
async function listedTo(client: Client, id: string): Promise<Array<[string, string | undefined]>> {
  const answer = await client.get<KnowledgeSupports>('/api/knowledge-supports');
  expect(answer.status).toBe(200);
  return Object.entries(answer.body)
    .filter(([, items]) => items.some((i) => i.id === id))
    .map(([group, items]) => [group, items.find((i) => i.id === id)?.status]);
}

const moved = (actor: string, from: string | null, to: string): Seen => ({
  kind: 'pipeline_changed',
  actor,
  change: { pipelineStatus: { from, to } },
});
const move = (kind: string, actor: string): Seen => ({ kind, actor, change: null });

describe('the lifecycle moves a knowledge support along its pipeline', () => {
  it('when a knowledge support is written, reviewed twice, published and revised, its status follows each move, each change an event by the one who made it', async () => {
    const staff = await as('lakare');
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: supportTemplate,
      title: 'Hälsenetendinopati – kliniskt kunskapsstöd',
      approverId: ids.approver,
      reviewerIds: [ids.nurse],
      audienceProfessions: ['lakare'],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const history = historyOf(id);
    const status = async () => (await coordinator.get<Document>(`/api/documents/${id}`)).body.pipelineStatus;
    expect(await history()).toEqual([move('created', ids.coordinator)]);

    // Saving an empty draft is not writing it: still on the list, nothing recorded.
    expect(
      (await coordinator.put<Document>(`/api/documents/${id}/draft`, { sections: [] })).body.pipelineStatus,
    ).toBe('on_list');
    expect(await history()).toEqual([]);
    // The first content puts it in progress; saving again moves nothing.
    const written = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [
        { sectionId: supportSection, nodes: [paragraph('Belastningsrelaterad smärta i hälsenan.')] },
      ],
    });
    expect(written.status).toBe(200);
    expect(written.body.pipelineStatus).toBe('in_progress');
    await coordinator.put(`/api/documents/${id}/draft`, {
      sections: [
        { sectionId: supportSection, nodes: [paragraph('Belastningsrelaterad smärta i hälsenan, oftast.')] },
      ],
    });
    expect(await history()).toEqual([moved(ids.coordinator, 'on_list', 'in_progress')]);
    expect(await listedTo(coordinator, id)).toEqual([['next', 'in_progress']]);
    expect(await listedTo(staff, id)).toEqual([]);

    // A refused round moves nothing; round 1 puts it in review round 1, after the round's own event.
    const refused = await coordinator.post(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(7),
      reviewerIds: [],
    });
    expect(refused.status).toBe(400);
    expect(await status()).toBe('in_progress');
    expect(await history()).toEqual([]);
    const round1 = await coordinator.post(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(7),
    });
    expect(round1.status).toBe(201);
    expect(await status()).toBe('review_round_1');
    expect(await history()).toEqual([
      move('review_opened', ids.coordinator),
      moved(ids.coordinator, 'in_progress', 'review_round_1'),
    ]);
    expect(await listedTo(coordinator, id)).toEqual([['nearPublication', 'review_round_1']]);

    // Closing a round leaves the status; round 2 puts it in review round 2, near publication.
    expect((await coordinator.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(200);
    expect(await status()).toBe('review_round_1');
    expect(await history()).toEqual([move('review_closed', ids.coordinator)]);
    expect(
      (await coordinator.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) })).status,
    ).toBe(201);
    expect(await status()).toBe('review_round_2');
    expect(await history()).toEqual([
      move('review_opened', ids.coordinator),
      moved(ids.coordinator, 'review_round_1', 'review_round_2'),
    ]);
    expect(await listedTo(admin, id)).toEqual([['nearPublication', 'review_round_2']]);

    // The approver publishes it: published, the change theirs, and staff now find it published.
    expect((await coordinator.post(`/api/documents/${id}/review-rounds/2/close`, {})).status).toBe(200);
    const published = await submitAndPublish(coordinator, approver, id);
    expect(published.pipelineStatus).toBe('published');
    expect(await history()).toEqual([
      move('review_closed', ids.coordinator),
      move('submitted_for_approval', ids.coordinator),
      move('published', ids.approver),
      moved(ids.approver, 'review_round_2', 'published'),
    ]);
    expect(await listedTo(staff, id)).toEqual([['published', 'published']]);
    // The publication's audit row tells the status it led to, in the same transaction.
    const [audited] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.published')));
    expect(audited?.summary).toMatchObject({
      pipeline: { pipelineStatus: { from: 'review_round_2', to: 'published' } },
    });

    // A new draft after publication is a revision: under revision, for staff too.
    const revised = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: supportSection, nodes: [paragraph('Nya rekommendationer om belastning.')] }],
      revisionNote: 'Belastning enligt ny evidens.',
    });
    expect(revised.status).toBe(200);
    expect(revised.body.pipelineStatus).toBe('under_revision');
    expect(await history()).toEqual([moved(ids.coordinator, 'published', 'under_revision')]);
    expect(await listedTo(staff, id)).toEqual([['underRevision', 'under_revision']]);

    // Its review round is the revision's: the status says so, the list keeps it under revision.
    expect(
      (await coordinator.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) })).status,
    ).toBe(201);
    expect(await status()).toBe('review_round_1');
    expect(await history()).toEqual([
      move('review_opened', ids.coordinator),
      moved(ids.coordinator, 'under_revision', 'review_round_1'),
    ]);
    expect(await listedTo(staff, id)).toEqual([['underRevision', 'review_round_1']]);
    expect(await listedTo(coordinator, id)).toEqual([['underRevision', 'review_round_1']]);

    // The owner may still set it by hand; a published support set back in progress is listed as
    // published, never as next.
    const byHand = await coordinator.patch<Document>(`/api/documents/${id}`, {
      pipelineStatus: 'in_progress',
    });
    expect(byHand.body.pipelineStatus).toBe('in_progress');
    expect(await history()).toEqual([moved(ids.coordinator, 'review_round_1', 'in_progress')]);
    expect(await listedTo(staff, id)).toEqual([['published', 'published']]);
    expect(await listedTo(admin, id)).toEqual([['published', 'published']]);

    // The revision published: published again.
    expect((await coordinator.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(200);
    const republished = await submitAndPublish(coordinator, approver, id, { changeKind: 'minor' });
    expect(republished).toMatchObject({ pipelineStatus: 'published', currentVersion: 2 });
    expect(await history()).toEqual([
      move('review_closed', ids.coordinator),
      move('submitted_for_approval', ids.coordinator),
      move('published', ids.approver),
      moved(ids.approver, 'in_progress', 'published'),
    ]);
    // The events as stored: the same moves and changes, each change just after its move.
    const stored = await t.database.db
      .select({ kind: documentEvents.kind, at: documentEvents.at })
      .from(documentEvents)
      .where(eq(documentEvents.documentId, id))
      .orderBy(documentEvents.at, documentEvents.id);
    const last = stored.slice(-2);
    expect(last.map((e) => e.kind)).toEqual(['published', 'pipeline_changed']);
    expect((last[1]?.at.getTime() ?? 0) - (last[0]?.at.getTime() ?? 0)).toBe(1);
  });

  it('when a regional addition is written, reviewed, published and revised, it stays a regional addition and nothing more is recorded', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: supportTemplate,
      title: 'Hälsporre – regionalt tillägg, Region Älvsund',
      approverId: ids.approver,
      reviewerIds: [ids.nurse],
    });
    const id = created.body.id;
    const history = historyOf(id);
    await coordinator.patch(`/api/documents/${id}`, { pipelineStatus: 'regional_addition' });
    expect(await history()).toEqual([
      move('created', ids.coordinator),
      moved(ids.coordinator, 'on_list', 'regional_addition'),
    ]);
    await coordinator.put(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: supportSection, nodes: [paragraph('Remiss till fotterapeut i regionen.')] }],
    });
    await coordinator.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) });
    await coordinator.post(`/api/documents/${id}/review-rounds/1/close`, {});
    const published = await submitAndPublish(coordinator, approver, id);
    expect(published.pipelineStatus).toBe('regional_addition');
    const revised = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: supportSection, nodes: [paragraph('Remiss till ortopedtekniker.')] }],
    });
    expect(revised.body.pipelineStatus).toBe('regional_addition');
    expect((await history()).map((e) => e.kind)).toEqual([
      'review_opened',
      'review_closed',
      'submitted_for_approval',
      'published',
    ]);
    expect(await listedTo(nurse, id)).toEqual([['regionalAdditions', 'regional_addition']]);
  });

  it('when a routine goes through the same moves, it has no pipeline and no pipeline event', async () => {
    const created = await coordinator.post<Document>('/api/documents', {
      templateId: routineTemplate,
      title: 'Rutin för gipsbehandling',
      approverId: ids.approver,
      reviewerIds: [ids.nurse],
    });
    const id = created.body.id;
    const pipeline = async () =>
      (await coordinator.get<Document>(`/api/documents/${id}`)).body.pipelineStatus;
    await coordinator.put(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: routineSection, nodes: [paragraph('Gipset läggs av sjuksköterska.')] }],
    });
    expect(await pipeline()).toBeNull();
    expect(
      (await coordinator.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) })).status,
    ).toBe(201);
    expect(await pipeline()).toBeNull();
    await coordinator.post(`/api/documents/${id}/review-rounds/1/close`, {});
    expect((await submitAndPublish(coordinator, approver, id)).pipelineStatus).toBeNull();
    const revised = await coordinator.put<Document>(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: routineSection, nodes: [paragraph('Gipset läggs av gipstekniker.')] }],
    });
    expect(revised.body.pipelineStatus).toBeNull();
    const events = await historyOf(id)();
    expect(events.map((e) => e.kind)).toEqual([
      'created',
      'review_opened',
      'review_closed',
      'submitted_for_approval',
      'published',
    ]);
    expect(await listedTo(admin, id)).toEqual([]);
  });
});
