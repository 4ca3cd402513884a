import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../contracts/common.ts';
import type { Deviation } from '../../../contracts/deviations.ts';
import type { DocumentDeviations } from '../../../contracts/document-search.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { Client, TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { insuranceMedicinePath, move, open, report, signedIn, typeId } from './deviation-test-support.ts';
import { deviationDocumentLinks } from './tables.ts';

let t: TestApp;
let nurse: Client;
let manager: Client;
let owner: Client;
let doctor: Client;
let admin: Client;
let routine: string;
let unpublished: string;

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  nurse = await signedIn(t, 'sjukskoterska');
  manager = await signedIn(t, 'chef.avd12');
  owner = await signedIn(t, 'kvalitet.ortopedi');
  doctor = await signedIn(t, 'lakare');
  admin = await signedIn(t, 'admin');
  const [row] = rowsOf<{ id: string }>(
    await t.database.db.execute(
      sql`select id::text as id from documents where title like 'Rutin för implementering%'`,
    ),
  );
  routine = row?.id ?? '';
  const templates = await owner.get<{ items: Array<{ id: string; name: { sv: string } }> }>(
    '/api/document-templates',
  );
  const drafted = await owner.post<{ id: string }>('/api/documents', {
    templateId: templates.body.items.find((i) => i.name.sv === 'Rutin')?.id,
    title: 'Opublicerad rutin om intyg',
  });
  expect(drafted.status).toBe(201);
  unpublished = drafted.body.id;
});
afterAll(async () => t.close());

/** A case from ward 12, taken on by its manager. */
async function acceptedCase(description: string): Promise<Deviation> {
  const receipt = await report(nurse, {
    categoryId: await typeId(nurse, ...insuranceMedicinePath),
    description,
    patientInvolved: true,
    patientIdentifier: '811228-9874',
  });
  return move(manager, receipt.id, { action: 'accept' });
}

/** What a refusal must leave untouched: the links and the audit log. */
async function written(): Promise<number[]> {
  const db = t.database.db;
  return [
    (await db.select({ id: deviationDocumentLinks.documentId }).from(deviationDocumentLinks)).length,
    (await db.select({ id: auditLog.id }).from(auditLog).where(sql`${auditLog.action} <> 'deviation.read'`))
      .length,
  ];
}

async function linksOf(client: Client, documentId: string): Promise<DocumentDeviations['items']> {
  const answer = await client.get<DocumentDeviations>(`/api/documents/${documentId}/deviations`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

describe('a deviation closed with "routine changed"', () => {
  it('when the manager closes a case naming the changed routine, then the case shows the document and the document the case', async () => {
    const seen = await acceptedCase('Intyget skickades till fel handläggare.');
    expect(seen.changedDocuments).toEqual([]);
    const closed = await move(manager, seen.id, {
      action: 'close',
      feedback: 'Rutinen för intyg är ändrad.',
      changedDocumentIds: [routine],
      expectedVersion: seen.version,
    });
    expect(closed.status).toBe('closed');
    expect(closed.changedDocuments).toEqual([
      { id: routine, title: expect.stringMatching(/^Rutin för implementering/), versionNumber: 1 },
    ]);
    // Those who see the handling see it; the reporter's view does not carry it.
    expect((await open(await signedIn(t, 'kvalitet.ortopedi'), seen.id)).changedDocuments).toHaveLength(1);
    expect((await open(nurse, seen.id)).changedDocuments).toEqual([]);

    // The document side: the number for every reader, the case to open for those who may read it.
    const forManager = await linksOf(manager, routine);
    expect(forManager).toEqual([
      {
        number: seen.number,
        id: seen.id,
        summary: 'Försäkringsmedicin',
        linkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/),
      },
    ]);
    expect(await linksOf(doctor, routine)).toEqual([
      {
        number: seen.number,
        id: null,
        summary: null,
        linkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/),
      },
    ]);
    expect(
      (await (await signedIn(t, 'fk.utredare')).get(`/api/documents/${routine}/deviations`)).status,
    ).toBe(404);

    const audited = await t.database.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(eq(auditLog.entityId, routine));
    expect(audited.map((a) => a.action)).toContain('document.deviation_linked');
    const [closeRow] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${seen.id} and ${auditLog.action} = 'deviation.close'`);
    expect(closeRow?.summary).toMatchObject({ changedDocumentIds: [routine] });

    // Reopened and closed again naming the same routine: still one link.
    const reopened = await move(manager, seen.id, { action: 'reopen', reason: 'Mer att göra.' });
    const again = await move(manager, seen.id, {
      action: 'close',
      feedback: 'Klart.',
      changedDocumentIds: [routine, routine],
      expectedVersion: reopened.version,
    });
    expect(again.changedDocuments).toHaveLength(1);
  });

  it('when a named document is unknown, unreadable or too many are named, then nothing is written', async () => {
    const seen = await acceptedCase('Intyget kom fram för sent.');
    const before = await written();
    const refused = await manager.post<Problem>(`/api/deviations/${seen.id}/transitions`, {
      action: 'close',
      feedback: 'Stängs.',
      changedDocumentIds: [routine, unpublished, randomUUID()],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('deviation.changed_document_unknown');
    expect(refused.body.errors?.map((e) => e.path)).toEqual(['changedDocumentIds.1', 'changedDocumentIds.2']);
    expect(refused.body.errors?.[0]?.message).toBe(
      'Dokumentet finns inte bland de dokument i ärendets organisation som du kan läsa.',
    );
    const tooMany = await manager.post<Problem>(`/api/deviations/${seen.id}/transitions`, {
      action: 'close',
      feedback: 'Stängs.',
      changedDocumentIds: Array.from({ length: 21 }, () => routine),
    });
    expect(tooMany.status).toBe(400);
    expect(await written()).toEqual(before);
    const still = await open(manager, seen.id);
    expect(still.status).toBe('in_handling');
    expect(still.version).toBe(seen.version);
    expect(still.changedDocuments).toEqual([]);
  });
});

describe("linking from the document's side", () => {
  it("when the document's owner links a case by its number and takes the link away, then both sides follow; others are refused and nothing is written", async () => {
    const seen = await acceptedCase('Blanketten saknade fält för diagnos.');
    const before = await written();
    const notOwner = await doctor.post<Problem>(`/api/documents/${routine}/deviation-links`, {
      deviationNumber: seen.number,
    });
    expect(notOwner.status).toBe(403);
    // The administrator keeps the document but may not read the case: as if it did not exist.
    const unreadable = await admin.post<Problem>(`/api/documents/${routine}/deviation-links`, {
      deviationNumber: seen.number,
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.errors?.[0]?.path).toBe('deviationNumber');
    const unknown = await owner.post<Problem>(`/api/documents/${routine}/deviation-links`, {
      deviationNumber: 'AV-1999-000001',
    });
    expect(unknown.status).toBe(422);
    const hidden = await owner.post<Problem>(`/api/documents/${randomUUID()}/deviation-links`, {
      deviationNumber: seen.number,
    });
    expect(hidden.status).toBe(404);
    expect(await written()).toEqual(before);

    const linked = await owner.post<DocumentDeviations>(`/api/documents/${routine}/deviation-links`, {
      deviationNumber: seen.number.toLowerCase(),
    });
    expect(linked.status).toBe(201);
    expect(linked.body.items.map((i) => i.number)).toContain(seen.number);
    expect((await open(manager, seen.id)).changedDocuments.map((d) => d.id)).toEqual([routine]);
    const twice = await owner.post<Problem>(`/api/documents/${routine}/deviation-links`, {
      deviationNumber: seen.number,
    });
    expect(twice.status).toBe(409);

    const afterLink = await written();
    expect((await doctor.delete(`/api/documents/${routine}/deviation-links/${seen.id}`)).status).toBe(403);
    expect(await written()).toEqual(afterLink);
    expect((await owner.delete(`/api/documents/${routine}/deviation-links/${seen.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/documents/${routine}/deviation-links/${seen.id}`)).status).toBe(404);
    expect((await open(manager, seen.id)).changedDocuments).toEqual([]);
    expect((await linksOf(manager, routine)).map((i) => i.number)).not.toContain(seen.number);
    const [unlinked] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${routine} and ${auditLog.action} = 'document.deviation_unlinked'`);
    expect(unlinked?.summary).toEqual({ deviationId: seen.id });
  });
});
