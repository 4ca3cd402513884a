import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Acknowledgement,
  AcknowledgementOverview,
  ReadingList,
  ReadingOverview,
} from '../../../contracts/document-reading.ts';
import type { Document, DocumentTemplates } from '../../../contracts/documents.ts';
import type { Notification } from '../../../contracts/notifications.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { notifications } from '../notifications/tables.ts';
import { people, units } from '../organisation/tables.ts';
import { documents, documentVersions } from './tables.ts';

const PASSWORD = 'loopen-demo';
let t: TestApp;
let coordinator: Client;
let clinicHead: Client;
let wardManager: Client;
let medicineHead: Client;
let nurse: Client;
let admin: Client;
let outsider: Client;
let templateId: string;
let sectionId: string;
const unit: Record<string, string> = {};
const person: Record<string, string> = {};

async function as(username: string): Promise<Client> {
  const client = new Client(t.app);
  await client.login(username, PASSWORD);
  return client;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  coordinator = await as('kvalitet.ortopedi');
  clinicHead = await as('chef.ortopedi');
  wardManager = await as('chef.avd12');
  medicineHead = await as('chef.medicin');
  nurse = await as('sjukskoterska');
  admin = await as('admin');
  outsider = await as('fk.utredare');
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!routine?.sections[0]) throw new Error('the demo has the routine template');
  templateId = routine.id;
  sectionId = routine.sections[0].id;
  for (const row of await t.database.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.name, ['Ortopedkliniken', 'Ortopedisk vårdavdelning 12', 'Medicinkliniken'])))
    unit[row.name] = row.id;
  for (const row of await t.database.db
    .select({ id: people.id, username: people.username })
    .from(people)
    .where(inArray(people.username, ['chef.ortopedi', 'sjukskoterska', 'chef.medicin'])))
    person[row.username] = row.id;
});
afterAll(async () => t.close());

/**
 * Writes and publishes the next version: the owner submits, the approver approves. With `readBy` the
 * change is significant and asks the audience to read it by then (a day already past stands for time
 * having gone by: publishing refuses a past day, so it is set on the row afterwards); without, minor.
 */
async function publish(id: string, text: string, readBy: string | null): Promise<string> {
  expect(
    (
      await coordinator.put(`/api/documents/${id}/draft`, {
        sections: [{ sectionId, nodes: [paragraph(text)] }],
      })
    ).status,
  ).toBe(200);
  expect((await coordinator.post(`/api/documents/${id}/submit`, {})).status).toBe(200);
  const past = readBy !== null && readBy < new Date().toISOString().slice(0, 10);
  const published = await clinicHead.post<Document>(`/api/documents/${id}/publish`, {
    changeKind: readBy === null ? 'minor' : 'significant',
    ...(readBy !== null && !past ? { readBy } : {}),
  });
  expect(published.status).toBe(200);
  if (past) await t.database.db.update(documents).set({ readBy }).where(eq(documents.id, id));
  const [version] = await t.database.db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, id),
        eq(documentVersions.number, published.body.currentVersion ?? 0),
      ),
    );
  return version?.id ?? '';
}

/** How many were asked in the app to read the document, so far. */
async function told(id: string): Promise<number> {
  const rows = await t.database.db
    .select({ personId: notifications.personId })
    .from(notifications)
    .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'document.read_requested')));
  return rows.length;
}

async function newRoutine(title: string, audienceProfessions: string[] = []): Promise<string> {
  const created = await coordinator.post<Document>('/api/documents', {
    templateId,
    title,
    approverId: person['chef.ortopedi'],
    audienceUnitIds: [unit.Ortopedkliniken],
    audienceProfessions,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const overview = (client: Client, id: string, query = '') =>
  client.get<AcknowledgementOverview>(`/api/documents/${id}/acknowledgements${query}`);

describe('read acknowledgement', () => {
  it('when a routine for the orthopaedic clinic asks to be read, its audience is told in the app in their own language, the nurse confirms once, and the managers see who has read', async () => {
    const id = await newRoutine('Rutin för läkemedelsgenomgång');
    // Publishing tells the audience in its transaction: the clinic's eight people, nobody in the medical clinic.
    await t.database.db
      .update(people)
      .set({ language: 'nb' })
      .where(eq(people.id, person.sjukskoterska ?? ''));
    // The demo's routine already asks the nurse to read it; this one comes on top.
    const unreadBefore = (await nurse.get<ReadingList>('/api/document-reading')).body.unread;
    await publish(id, 'Första versionen.', '2099-01-31');
    const asked = await t.database.db
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'document.read_requested')));
    expect(asked).toHaveLength(8);
    expect(asked.map((n) => n.personId)).toContain(person.sjukskoterska);
    expect(asked.map((n) => n.personId)).not.toContain(person['chef.medicin']);
    const nbNurse = await as('sjukskoterska');
    const inbox = await nbNurse.get<{ items: Notification[] }>('/api/notifications');
    const notice = inbox.body.items.find((n) => n.entityId === id);
    expect(notice?.title).toBe('Et dokument venter på at du leser det');
    expect(notice?.detail).toBe('«Rutin för läkemedelsgenomgång», versjon 1. Les senest 2099-01-31.');
    expect(notice?.link).toBe(`/documents/${id}`);

    const list = await nurse.get<ReadingList>('/api/document-reading');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(unreadBefore + 1);
    expect(list.body.items.filter((item) => item.documentId === id)).toEqual([
      expect.objectContaining({
        documentId: id,
        title: 'Rutin för läkemedelsgenomgång',
        // The nurse reads Norwegian now: the type's label is in her language.
        type: expect.objectContaining({ label: 'Rutine' }),
        versionNumber: 1,
        readBy: '2099-01-31',
        overdue: false,
        acknowledgedAt: null,
      }),
    ]);
    // The medical clinic's head is not asked.
    expect((await medicineHead.get<ReadingList>('/api/document-reading')).body.unread).toBe(0);

    const first = await nurse.post<Acknowledgement>(`/api/documents/${id}/acknowledgements`, {
      versionNumber: 1,
    });
    expect(first.status).toBe(201);
    const again = await nurse.post<Acknowledgement>(`/api/documents/${id}/acknowledgements`, {
      versionNumber: 1,
    });
    expect(again.status).toBe(200);
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.acknowledged')));
    expect(audits).toHaveLength(1);

    const after = await nurse.get<ReadingList>('/api/document-reading');
    expect(after.body.unread).toBe(unreadBefore);
    expect(after.body.items.filter((item) => item.documentId === id)).toEqual([
      expect.objectContaining({
        documentId: id,
        versionNumber: 1,
        acknowledgedAt: first.body.acknowledgedAt,
      }),
    ]);
    expect(
      (await nurse.get<ReadingList>('/api/document-reading?status=unread')).body.items.map(
        (i) => i.documentId,
      ),
    ).not.toContain(id);

    // Ward 12's manager sees the ward: himself and the nurse.
    const ward = await overview(wardManager, id);
    expect(ward.status).toBe(200);
    expect(ward.body).toMatchObject({
      versionNumber: 1,
      readBy: '2099-01-31',
      audience: 2,
      read: 1,
      total: 2,
    });
    expect(
      ward.body.items.map((i) => [i.person.name.length > 0, i.unit.name, i.acknowledgedAt !== null]),
    ).toEqual(
      expect.arrayContaining([
        [true, 'Ortopedisk vårdavdelning 12', true],
        [true, 'Ortopedisk vårdavdelning 12', false],
      ]),
    );
    // The clinic's head sees the whole clinic, paged; the unread ones only when asked.
    const clinic = await overview(clinicHead, id, `?unitId=${unit.Ortopedkliniken}&status=unread&pageSize=3`);
    expect(clinic.body).toMatchObject({ audience: 8, read: 1, total: 7, page: 1, pageSize: 3 });
    expect(clinic.body.items).toHaveLength(3);
    expect(clinic.body.items.every((i) => i.acknowledgedAt === null)).toBe(true);
    const readOnes = await overview(clinicHead, id, `?unitId=${unit.Ortopedkliniken}&status=read`);
    expect(readOnes.body.items.map((i) => i.person.id)).toEqual([person.sjukskoterska]);
    expect((await overview(admin, id)).body).toMatchObject({ audience: 8, read: 1 });
    // Another clinic's head, a manager asking about a unit above his own, staff and another organisation.
    expect((await overview(medicineHead, id, `?unitId=${unit.Ortopedkliniken}`)).status).toBe(403);
    expect((await overview(wardManager, id, `?unitId=${unit.Ortopedkliniken}`)).status).toBe(403);
    expect((await overview(medicineHead, id)).body).toMatchObject({ audience: 0, read: 0, items: [] });
    expect((await overview(nurse, id)).status).toBe(403);
    expect((await outsider.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 1 })).status).toBe(
      404,
    );

    const perDocument = await clinicHead.get<ReadingOverview>(
      `/api/document-reading/overview?unitId=${unit.Ortopedkliniken}`,
    );
    expect(perDocument.status).toBe(200);
    // The demo's own routine asks the clinic too; this story's routine is the one looked at.
    expect(perDocument.body.items.filter((item) => item.documentId === id)).toEqual([
      {
        documentId: id,
        title: 'Rutin för läkemedelsgenomgång',
        versionNumber: 1,
        readBy: '2099-01-31',
        audience: 8,
        read: 1,
      },
    ]);
    // Paged: the total counts every document asking the clinic; one a page walks through them in order.
    const all = perDocument.body;
    expect(all).toMatchObject({ page: 1, pageSize: 50, total: all.items.length });
    expect(all.total).toBeGreaterThanOrEqual(2);
    const second = await clinicHead.get<ReadingOverview>(
      `/api/document-reading/overview?unitId=${unit.Ortopedkliniken}&pageSize=1&page=2`,
    );
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: all.total });
    expect(second.body.items).toEqual([all.items[1]]);
    const beyond = await clinicHead.get<ReadingOverview>(
      `/api/document-reading/overview?unitId=${unit.Ortopedkliniken}&pageSize=1&page=${all.total + 1}`,
    );
    expect(beyond.body).toMatchObject({ items: [], total: all.total });
    expect((await clinicHead.get('/api/document-reading/overview?pageSize=0')).status).toBe(400);
    expect((await medicineHead.get<ReadingOverview>('/api/document-reading/overview')).body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
    expect((await nurse.get('/api/document-reading/overview')).status).toBe(403);
  });

  it('when a significant change asks again, an earlier confirmation no longer counts, a late one is overdue, and a minor change after it asks nobody', async () => {
    const id = await newRoutine('Rutin för fallprevention, avdelning 12');
    await publish(id, 'Första versionen.', '2099-06-30');
    await nurse.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 1 });
    expect(await told(id)).toBe(8);

    // Version 2 asks everyone again, the nurse too, though she read version 1.
    await publish(id, 'Ny bedömningsskala.', '2020-01-31');
    expect(await told(id)).toBe(16);
    const list = await nurse.get<ReadingList>('/api/document-reading');
    expect(list.body.items[0]).toMatchObject({
      documentId: id,
      versionNumber: 2,
      overdue: true,
      acknowledgedAt: null,
    });
    expect((await overview(wardManager, id)).body).toMatchObject({ versionNumber: 2, audience: 2, read: 0 });
    // Version 1 is neither current nor asked for any more.
    const stale = await nurse.post<{ detail: string }>(`/api/documents/${id}/acknowledgements`, {
      versionNumber: 1,
    });
    expect(stale.status).toBe(422);
    expect(stale.body.detail).toContain('gjeldende versjon');
    expect((await nurse.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 9 })).status).toBe(
      422,
    );

    // A minor change: version 3 is current, version 2 still the one asked for; reading 3 counts for it.
    await publish(id, 'Stavfel rättat.', null);
    expect(await told(id)).toBe(16);
    expect((await nurse.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 3 })).status).toBe(
      201,
    );
    expect((await overview(wardManager, id)).body).toMatchObject({ versionNumber: 2, read: 1 });
    expect(
      (await nurse.get<ReadingList>('/api/document-reading?status=unread')).body.items.map(
        (i) => i.documentId,
      ),
    ).not.toContain(id);
  });

  it('when the audience names professions, only people whose profession matches are asked', async () => {
    const id = await newRoutine('Rutin för sårvård', ['sjukskoterska']);
    await publish(id, 'Sårvård.', '2099-03-01');
    expect(await told(id)).toBe(1);
    expect((await overview(clinicHead, id)).body).toMatchObject({ audience: 1, read: 0 });
    expect(
      (await wardManager.get<ReadingList>('/api/document-reading?status=unread')).body.items.map(
        (i) => i.documentId,
      ),
    ).not.toContain(id);
    expect(
      (await nurse.get<ReadingList>('/api/document-reading?status=unread')).body.items.map(
        (i) => i.documentId,
      ),
    ).toContain(id);
    const [counted] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from notifications where entity_id = ${id} and kind = 'document.read_requested'`,
      )) as unknown as { rows: Array<{ n: number }> }
    ).rows;
    expect(counted?.n).toBe(1);

    // Across documents: the clinic's overview lists it with its audience of one, where a confirmation
    // by someone outside that audience does not count; a routine for a profession the clinic lacks is
    // not listed at all.
    const nobody = await newRoutine('Rutin för gånghjälpmedel', ['fysioterapeut']);
    await publish(nobody, 'Gånghjälpmedel.', '2099-03-01');
    expect(await told(nobody)).toBe(0);
    expect(
      (await wardManager.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 1 })).status,
    ).toBe(201);
    const across = async () =>
      (await clinicHead.get<ReadingOverview>(`/api/document-reading/overview?unitId=${unit.Ortopedkliniken}`))
        .body;
    const before = await across();
    expect(before.items.find((item) => item.documentId === id)).toMatchObject({ audience: 1, read: 0 });
    expect(before.items.map((item) => item.documentId)).not.toContain(nobody);
    expect(before.total).toBe(before.items.length);
    expect((await nurse.post(`/api/documents/${id}/acknowledgements`, { versionNumber: 1 })).status).toBe(
      201,
    );
    const after = await across();
    expect(after.items.find((item) => item.documentId === id)).toMatchObject({ audience: 1, read: 1 });
    expect(after.total).toBe(before.total);
  });
});
