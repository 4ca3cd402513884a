import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DocumentEvents,
  ReviewComment,
  ReviewRound,
  ReviewRounds,
} from '../../../contracts/document-review.ts';
import type { Document, DocumentTemplate, DocumentTemplates } from '../../../contracts/documents.ts';
import { addDays, stockholmDay } from '../../platform/days.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { notifications } from '../notifications/tables.ts';
import { people } from '../organisation/tables.ts';
import { submitAndPublish } from './document-test-support.ts';
import {
  documentEvents,
  documentReviewComments,
  documentReviewRounds,
  documents,
  documentVersions,
} from './tables.ts';

// The lifecycle of a routine written from seed 000's template: two review rounds with comments the
// author answers, submitted, sent back with a reason, submitted again and approved; a minor revision
// that asks nobody to read again and a significant one that does; archived and restored. Then the
// refusals: the wrong person, the wrong stage, a stale version and bad input, none of which writes.

const PASSWORD = 'loopen-demo';
let t: TestApp;
let author: Client;
let approver: Client;
let nurse: Client;
let doctor: Client;
let staffOutside: Client;
let outsider: Client;
let admin: Client;
let ids: Record<'author' | 'approver' | 'nurse' | 'doctor', string>;
let templateId: string;
let routineTypeId: string;
let sectionIds: string[];

async function as(username: string, language?: string): Promise<Client> {
  const client = new Client(t.app, language ? { language } : {});
  await client.login(username, PASSWORD);
  return client;
}

async function personId(username: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.username, username));
  if (!row) throw new Error(`no ${username}`);
  return row.id;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Days as the server counts them: those of Stockholm. */
function daysFromToday(n: number): string {
  return addDays(stockholmDay(), n);
}

async function docRow(id: string) {
  const [row] = await t.database.db.select().from(documents).where(eq(documents.id, id));
  if (!row) throw new Error('no document');
  return row;
}

async function versionId(documentId: string, number: number): Promise<string> {
  const [row] = await t.database.db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.number, number)));
  return row?.id ?? '';
}

async function notified(personIdValue: string, kind: string, documentId: string): Promise<number> {
  const rows = await t.database.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.personId, personIdValue),
        eq(notifications.kind, kind),
        eq(notifications.entityId, documentId),
      ),
    );
  return rows.length;
}

/** Rows of every table a lifecycle move writes: a refusal must leave them all as they were. */
async function footprint(): Promise<Record<string, unknown>> {
  const db = t.database.db;
  const n = async (query: Promise<unknown[]>) => (await query).length;
  return {
    documents: rowsOf(
      await db.execute(sql`select id, version, status, read_version_id, read_by from documents order by id`),
    ),
    versions: rowsOf(
      await db.execute(
        sql`select id, status, stage, change_kind, revision_note from document_versions order by id`,
      ),
    ),
    rounds: rowsOf(await db.execute(sql`select id, closed_at from document_review_rounds order by id`)),
    comments: rowsOf(await db.execute(sql`select id, answer from document_review_comments order by id`)),
    events: await n(db.select({ id: documentEvents.id }).from(documentEvents)),
    notifications: await n(db.select({ id: notifications.id }).from(notifications)),
    audit: rowsOf(await db.execute(sql`select count(*)::int as n from audit_log`)),
  };
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  author = await as('kvalitet.ortopedi');
  approver = await as('chef.ortopedi');
  nurse = await as('sjukskoterska');
  doctor = await as('lakare');
  staffOutside = await as('chef.medicin');
  outsider = await as('fk.utredare');
  admin = await as('admin');
  ids = {
    author: await personId('kvalitet.ortopedi'),
    approver: await personId('chef.ortopedi'),
    nurse: await personId('sjukskoterska'),
    doctor: await personId('lakare'),
  };
  const templates = await author.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the routine template');
  templateId = routine.id;
  routineTypeId = routine.type.id;
  sectionIds = routine.sections.map((s) => s.id);
});
afterAll(async () => t.close());

async function writeRoutine(title: string, reviewerIds: string[]): Promise<Document> {
  const created = await author.post<Document>('/api/documents', {
    templateId,
    title,
    approverId: ids.approver,
    reviewerIds,
    audienceProfessions: ['sjukskoterska', 'lakare'],
  });
  expect(created.status).toBe(201);
  const written = await author.put<Document>(`/api/documents/${created.body.id}/draft`, {
    sections: [
      { sectionId: sectionIds[1], nodes: [paragraph('Trycksår uppstår snabbt hos äldre patienter.')] },
      { sectionId: sectionIds[4], nodes: [paragraph('Vänd patienten varannan timme.')] },
    ],
    revisionNote: 'Första versionen.',
  });
  expect(written.status).toBe(200);
  expect(written.body.stage).toBe('writing');
  return written.body;
}

describe('the document lifecycle', () => {
  it('when an author takes a routine through two review rounds, a send-back and approval, then every move is recorded and the right people are told', async () => {
    const written = await writeRoutine('Rutin för trycksårsprevention', [ids.nurse, ids.doctor]);
    const id = written.id;
    expect(written.allowedActions).toEqual(
      expect.arrayContaining(['edit', 'open_review', 'submit', 'archive']),
    );

    // Round 1 with both reviewers.
    const round1 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(7),
      reviewerIds: [ids.nurse, ids.doctor],
      message: 'Läs särskilt Åtgärder.',
      expectedVersion: written.version,
    });
    expect(round1.status).toBe(201);
    expect(round1.body.number).toBe(1);
    expect(round1.body.reviewers.map((r) => r.id).sort()).toEqual([ids.nurse, ids.doctor].sort());
    expect(await notified(ids.nurse, 'document.review_requested', id)).toBe(1);
    expect(await notified(ids.doctor, 'document.review_requested', id)).toBe(1);
    const inReview = await author.get<Document>(`/api/documents/${id}`);
    expect(inReview.body.stage).toBe('in_review');
    expect(inReview.body.openRound).toEqual({ number: 1, deadline: daysFromToday(7), unansweredCount: 0 });
    expect(inReview.body.allowedActions).toEqual(expect.arrayContaining(['close_review', 'archive']));
    expect(inReview.body.allowedActions).not.toContain('edit');
    expect((await nurse.get<Document>(`/api/documents/${id}`)).body.allowedActions).toEqual(['comment']);
    // The details are not the draft: the owner and the administrators are offered 'edit_details' in
    // review too, the reviewer is not, and the PATCH agrees (unchanged details write nothing).
    expect(inReview.body.allowedActions).toContain('edit_details');
    expect((await admin.get<Document>(`/api/documents/${id}`)).body.allowedActions).toContain('edit_details');
    expect((await author.patch(`/api/documents/${id}`, { title: inReview.body.title })).status).toBe(200);
    expect((await admin.patch(`/api/documents/${id}`, { title: inReview.body.title })).status).toBe(200);
    expect((await nurse.patch(`/api/documents/${id}`, { title: 'Granskarens titel' })).status).toBe(403);

    // The draft is not edited while out for review.
    const locked = await author.put<{ detail: string }>(`/api/documents/${id}/draft`, { sections: [] });
    expect(locked.status).toBe(409);
    expect(locked.body.detail).toContain('granskning');

    const c1 = await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
      sectionId: sectionIds[1],
      quote: 'äldre patienter',
      body: 'Gäller det även yngre patienter med nedsatt rörlighet?',
    });
    expect(c1.status).toBe(201);
    const c2 = await doctor.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
      sectionId: sectionIds[4],
      body: 'Ange vem som dokumenterar vändningarna.',
    });
    expect(c2.status).toBe(201);
    expect((await author.get<Document>(`/api/documents/${id}`)).body.openRound?.unansweredCount).toBe(2);
    for (const [comment, answer] of [
      [c1.body, 'Ja, förtydligat i Bakgrund.'],
      [c2.body, 'Undersköterskan dokumenterar i journalen.'],
    ] as const) {
      const answered = await author.post<ReviewComment>(
        `/api/documents/${id}/review-comments/${comment.id}/answer`,
        {
          answer,
        },
      );
      expect(answered.status).toBe(200);
      expect(answered.body.answer).toBe(answer);
      expect(answered.body.answeredBy?.id).toBe(ids.author);
    }
    const closed1 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds/1/close`, {});
    expect(closed1.status).toBe(200);
    expect(closed1.body.closedAt).not.toBeNull();
    expect(closed1.body.unansweredCount).toBe(0);

    // Round 2 goes to the document's reviewers by default; one comment, closed unanswered.
    const fixed = await author.put<Document>(`/api/documents/${id}/draft`, {
      sections: [
        {
          sectionId: sectionIds[1],
          nodes: [paragraph('Trycksår uppstår snabbt hos patienter med nedsatt rörlighet.')],
        },
        { sectionId: sectionIds[4], nodes: [paragraph('Vänd patienten varannan timme och dokumentera.')] },
      ],
      revisionNote: 'Första versionen.',
    });
    expect(fixed.status).toBe(200);
    const round2 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(0),
    });
    expect(round2.status).toBe(201);
    expect(round2.body.number).toBe(2);
    expect(round2.body.reviewers).toHaveLength(2);
    const c3 = await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/2/comments`, {
      sectionId: sectionIds[4],
      body: 'Lägg till hur ofta huden inspekteras.',
    });
    expect(c3.status).toBe(201);
    const closed2 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds/2/close`, {});
    expect(closed2.body.unansweredCount).toBe(1);
    const refused = await author.post<{ detail: string; code: string; unanswered: number }>(
      `/api/documents/${id}/submit`,
      {},
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('document.unanswered_comments');
    expect(refused.body.unanswered).toBe(1);
    expect(refused.body.detail).toBe(
      '1 kommentar är obesvarad (granskningsomgång 2). Svara på den innan utkastet skickas in.',
    );
    await author.post(`/api/documents/${id}/review-comments/${c3.body.id}/answer`, { answer: 'Dagligen.' });
    const replaced = await author.post<ReviewComment>(
      `/api/documents/${id}/review-comments/${c3.body.id}/answer`,
      {
        answer: 'Dagligen, vid varje vändning.',
      },
    );
    expect(replaced.body.answer).toBe('Dagligen, vid varje vändning.');
    const answerAudits = rowsOf<{ summary: { replaced: boolean } }>(
      await t.database.db.execute(
        sql`select summary from audit_log where entity_id = ${id} and action = 'document.review_answered' order by at`,
      ),
    );
    expect(answerAudits.map((a) => a.summary.replaced)).toEqual([false, false, false, true]);

    // Submitted; the approver sends it back with a reason.
    const submitted = await author.post<Document>(`/api/documents/${id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.stage).toBe('awaiting_approval');
    expect(await notified(ids.approver, 'document.submitted', id)).toBe(1);
    expect((await author.put(`/api/documents/${id}/draft`, { sections: [] })).status).toBe(409);
    const forApprover = await approver.get<Document>(`/api/documents/${id}`);
    expect(forApprover.body.allowedActions).toEqual(['publish', 'send_back']);
    expect((await approver.patch(`/api/documents/${id}`, { title: 'Chefens titel' })).status).toBe(403);
    const sentBack = await approver.post<Document>(`/api/documents/${id}/send-back`, {
      reason: 'Syftet saknas.',
      expectedVersion: forApprover.body.version,
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.stage).toBe('writing');
    expect(await notified(ids.author, 'document.sent_back', id)).toBe(1);

    // Fixed, submitted again and approved: the first version is significant and asks for reading in 30 days.
    await author.put(`/api/documents/${id}/draft`, {
      sections: [
        { sectionId: sectionIds[3], nodes: [paragraph('Inga trycksår uppstår under vårdtiden.')] },
        { sectionId: sectionIds[4], nodes: [paragraph('Vänd patienten varannan timme och dokumentera.')] },
      ],
      revisionNote: 'Första versionen.',
    });
    expect((await author.post(`/api/documents/${id}/submit`, {})).status).toBe(200);
    const published = await approver.post<Document>(`/api/documents/${id}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.currentVersion).toBe(1);
    expect(published.body.stage).toBeNull();
    expect(await notified(ids.author, 'document.published', id)).toBe(1);
    const v1 = await versionId(id, 1);
    let row = await docRow(id);
    expect(row.readVersionId).toBe(v1);
    expect(row.readBy).toBe(daysFromToday(30));
    const [v1Row] = await t.database.db.select().from(documentVersions).where(eq(documentVersions.id, v1));
    expect(v1Row?.changeKind).toBe('significant');

    // The rounds of version 1 stay with it, comments and answers too; the history tells the story.
    const rounds = await nurse.get<ReviewRounds>(`/api/documents/${id}/review-rounds?version=1`);
    expect(rounds.status).toBe(200);
    expect(rounds.body.items.map((r) => [r.number, r.comments.length, r.unansweredCount])).toEqual([
      [1, 2, 0],
      [2, 1, 0],
    ]);
    const events = await author.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(events.body.items.map((e) => e.kind)).toEqual([
      'created',
      'review_opened',
      'review_closed',
      'review_opened',
      'review_closed',
      'submitted_for_approval',
      'sent_back',
      'submitted_for_approval',
      'published',
    ]);
    expect(events.body.items.find((e) => e.kind === 'sent_back')).toMatchObject({
      reason: 'Syftet saknas.',
      versionNumber: 1,
      actor: { id: ids.approver },
    });

    // A minor revision leaves the version to have read where it was; a significant one moves it.
    await author.put(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: sectionIds[0], nodes: [paragraph('Stavfel rättade.')] }],
      revisionNote: 'Stavfel.',
    });
    await author.post(`/api/documents/${id}/submit`, {});
    const kindless = await approver.post<{ errors: Array<{ path: string }> }>(
      `/api/documents/${id}/publish`,
      {},
    );
    expect(kindless.status).toBe(400);
    expect(kindless.body.errors[0]?.path).toBe('changeKind');
    const minor = await approver.post<Document>(`/api/documents/${id}/publish`, { changeKind: 'minor' });
    expect(minor.body.currentVersion).toBe(2);
    row = await docRow(id);
    expect(row.readVersionId).toBe(v1);
    expect(row.readBy).toBe(daysFromToday(30));

    await author.put(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: sectionIds[4], nodes: [paragraph('Vänd patienten varje timme.')] }],
      revisionNote: 'Tätare vändningar.',
    });
    await author.post(`/api/documents/${id}/submit`, {});
    const significant = await approver.post<Document>(`/api/documents/${id}/publish`, {
      changeKind: 'significant',
      readBy: daysFromToday(14),
      revisionNote: 'Tätare vändningar efter avvikelse.',
    });
    expect(significant.body.currentVersion).toBe(3);
    expect(significant.body.current?.revisionNote).toBe('Tätare vändningar efter avvikelse.');
    row = await docRow(id);
    expect(row.readVersionId).toBe(await versionId(id, 3));
    expect(row.readBy).toBe(daysFromToday(14));

    // Archived with a reason: versions stay readable, nothing is edited or reviewed; restored, published again.
    const archived = await author.post<Document>(`/api/documents/${id}/archive`, {
      reason: 'Ersatt av vårdprogram.',
    });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    expect(archived.body.archivedReason).toBe('Ersatt av vårdprogram.');
    expect(archived.body.allowedActions).toEqual(['restore']);
    expect((await docRow(id)).archivedAt).not.toBeNull();
    // Archived, it changes no more until restored: not its draft, not its details (409, in the
    // author's language), and nobody is offered to.
    const renamed = await author.patch<{ detail: string }>(`/api/documents/${id}`, {
      title: 'Rutin för trycksårsprevention (ersatt)',
    });
    expect(renamed.status).toBe(409);
    expect(renamed.body.detail).toMatch(/arkiver/);
    expect((await docRow(id)).title).not.toBe('Rutin för trycksårsprevention (ersatt)');
    expect((await nurse.get<Document>(`/api/documents/${id}`)).body.allowedActions).toEqual([]);
    expect((await nurse.patch(`/api/documents/${id}`, { title: 'Min titel' })).status).toBe(403);
    expect((await nurse.get(`/api/documents/${id}/versions/1`)).status).toBe(200);
    expect((await author.put(`/api/documents/${id}/draft`, { sections: [] })).status).toBe(409);
    expect(
      (await author.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(3) })).status,
    ).toBe(409);
    const restored = await author.post<Document>(`/api/documents/${id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe('published');
    expect(restored.body.archivedReason).toBeNull();
    const history = await nurse.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(history.body.items.slice(-2).map((e) => [e.kind, e.reason])).toEqual([
      ['archived', 'Ersatt av vårdprogram.'],
      ['restored', ''],
    ]);
  });

  it("when a closed round's comments were never answered, then the draft is not submitted after a later round until every one of them is answered", async () => {
    const written = await writeRoutine('Rutin för fallprevention', [ids.nurse, ids.doctor]);
    const id = written.id;

    // Round 1: two comments, and the author closes the round without answering them.
    expect(
      (await author.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) })).status,
    ).toBe(201);
    const early = [
      await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
        sectionId: sectionIds[1],
        body: 'Gäller rutinen även på natten?',
      }),
      await doctor.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
        sectionId: sectionIds[4],
        body: 'Ange vem som gör fallriskbedömningen.',
      }),
    ];
    expect(early.map((c) => c.status)).toEqual([201, 201]);
    const closed1 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds/1/close`, {});
    expect(closed1.body.unansweredCount).toBe(2);

    // Round 2: one comment, answered, and closed. Round 1's comments are still unanswered.
    expect(
      (await author.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(7) })).status,
    ).toBe(201);
    const late = await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/2/comments`, {
      sectionId: sectionIds[4],
      body: 'Bra nu.',
    });
    expect(
      (
        await author.post(`/api/documents/${id}/review-comments/${late.body.id}/answer`, {
          answer: 'Tack.',
        })
      ).status,
    ).toBe(200);
    const closed2 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds/2/close`, {});
    expect(closed2.body.unansweredCount).toBe(0);

    // Submitting is refused, naming both of round 1's comments, and writes nothing.
    const before = await footprint();
    const refused = await author.post<{ detail: string; unanswered: number; unansweredRounds: number[] }>(
      `/api/documents/${id}/submit`,
      {},
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      '2 kommentarer är obesvarade (granskningsomgång 1). Svara på dem innan utkastet skickas in.',
    );
    expect(refused.body.unanswered).toBe(2);
    expect(refused.body.unansweredRounds).toEqual([1]);
    expect(await footprint()).toEqual(before);
    // The draft's rounds show what is left to answer, round 1's comments among them.
    const rounds = await author.get<ReviewRounds>(`/api/documents/${id}/review-rounds`);
    expect(rounds.body.items.map((r) => [r.number, r.closedAt !== null, r.unansweredCount])).toEqual([
      [1, true, 2],
      [2, true, 0],
    ]);
    expect((await author.get<Document>(`/api/documents/${id}`)).body.allowedActions).toContain('answer');

    // The closed round's comments can still be answered; one answered, one left, in English this time.
    const [first, second] = early.map((c) => c.body);
    if (!first || !second) throw new Error('two comments');
    const answered = await author.post<ReviewComment>(
      `/api/documents/${id}/review-comments/${first.id}/answer`,
      { answer: 'Ja, dygnet runt.' },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toBe('Ja, dygnet runt.');
    expect((await admin.put('/api/me/language', { language: 'en' })).status).toBe(200);
    const stillOne = await admin.post<{ detail: string }>(`/api/documents/${id}/submit`, {});
    expect(stillOne.status).toBe(422);
    expect(stillOne.body.detail).toBe(
      '1 comment is unanswered (review round 1). Answer it before submitting the draft.',
    );
    expect((await admin.put('/api/me/language', { language: 'sv' })).status).toBe(200);

    // With the last one answered, the draft goes to the approver.
    expect(
      (
        await author.post(`/api/documents/${id}/review-comments/${second.id}/answer`, {
          answer: 'Sjuksköterskan vid inskrivningen.',
        })
      ).status,
    ).toBe(200);
    const submitted = await author.post<Document>(`/api/documents/${id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.stage).toBe('awaiting_approval');
  });

  it('when the wrong person, the wrong stage, a stale version or bad input meets a move, then it is refused and nothing is written', async () => {
    const written = await writeRoutine('Rutin för nutrition', [ids.nurse]);
    const id = written.id;
    // The administrator may run any document's lifecycle; here they read Norwegian.
    const nbAuthor = await as('admin');
    expect((await nbAuthor.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const before = await footprint();
    const refusals: Array<[Client, string, string, unknown, number]> = [
      // Wrong person: others do not find a never-published document; its reviewer may not run it.
      [staffOutside, 'POST', `/api/documents/${id}/review-rounds`, { deadline: daysFromToday(3) }, 404],
      [outsider, 'GET', `/api/documents/${id}/events`, undefined, 404],
      [outsider, 'POST', `/api/documents/${id}/archive`, { reason: 'x' }, 404],
      [nurse, 'POST', `/api/documents/${id}/review-rounds`, { deadline: daysFromToday(3) }, 403],
      [nurse, 'POST', `/api/documents/${id}/submit`, {}, 403],
      [nurse, 'POST', `/api/documents/${id}/archive`, { reason: 'x' }, 403],
      [approver, 'POST', `/api/documents/${id}/submit`, {}, 403],
      [author, 'POST', `/api/documents/${id}/send-back`, { reason: 'x' }, 403],
      // Wrong stage: nothing is open, submitted or archived yet.
      [approver, 'POST', `/api/documents/${id}/publish`, {}, 409],
      [approver, 'POST', `/api/documents/${id}/send-back`, { reason: 'x' }, 409],
      [author, 'POST', `/api/documents/${id}/review-rounds/1/close`, {}, 404],
      [
        nurse,
        'POST',
        `/api/documents/${id}/review-rounds/1/comments`,
        { sectionId: sectionIds[0], body: 'x' },
        404,
      ],
      [author, 'POST', `/api/documents/${id}/restore`, {}, 409],
      // A stale version.
      [author, 'POST', `/api/documents/${id}/submit`, { expectedVersion: written.version - 1 }, 409],
      [
        author,
        'POST',
        `/api/documents/${id}/review-rounds`,
        { deadline: daysFromToday(3), expectedVersion: written.version - 1 },
        409,
      ],
      // Bad input, in the caller's language.
      [nbAuthor, 'POST', `/api/documents/${id}/review-rounds`, { deadline: daysFromToday(-1) }, 400],
      [nbAuthor, 'POST', `/api/documents/${id}/review-rounds`, { deadline: 'i morgon' }, 400],
      [
        nbAuthor,
        'POST',
        `/api/documents/${id}/review-rounds`,
        { deadline: daysFromToday(3), reviewerIds: [] },
        400,
      ],
      [nbAuthor, 'POST', `/api/documents/${id}/archive`, { reason: '   ' }, 400],
      [nbAuthor, 'POST', `/api/documents/${id}/archive`, {}, 400],
    ];
    for (const [client, method, url, body, status] of refusals) {
      const answer = await client.request(method as 'GET' | 'POST', url, body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBe(
        status,
      );
      expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    }
    const past = await nbAuthor.post<{ errors: Array<{ path: string; message: string }> }>(
      `/api/documents/${id}/review-rounds`,
      { deadline: daysFromToday(-1) },
    );
    expect(past.body.errors[0]).toMatchObject({ path: 'deadline', message: 'Datoen kan ikke være passert.' });
    expect(await footprint()).toEqual(before);

    // With a round open: a comment's bad input, a stranger's comment and a closed round's comment.
    const opened = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(3),
    });
    expect(opened.status).toBe(201);
    const nbNurse = nurse;
    expect((await nbNurse.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const open = await footprint();
    const commentRefusals: Array<[Client, unknown, number]> = [
      [nbNurse, { sectionId: sectionIds[0], body: '' }, 400],
      [nbNurse, { sectionId: sectionIds[0], body: 'x'.repeat(4001) }, 400],
      [nbNurse, { sectionId: sectionIds[0], quote: 'x'.repeat(501), body: 'x' }, 400],
      [nbNurse, { sectionId: '00000000-0000-4000-8000-000000000000', body: 'x' }, 400],
      [doctor, { sectionId: sectionIds[0], body: 'Jag är inte granskare.' }, 404],
      [author, { sectionId: sectionIds[0], body: 'Egen kommentar.' }, 403],
      [admin, { sectionId: sectionIds[0], body: 'Administratörens kommentar.' }, 403],
    ];
    for (const [client, body, status] of commentRefusals) {
      const answer = await client.post<{ detail: string }>(
        `/api/documents/${id}/review-rounds/1/comments`,
        body,
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    }
    const unknownSection = await nbNurse.post<{ errors: Array<{ message: string }> }>(
      `/api/documents/${id}/review-rounds/1/comments`,
      { sectionId: '00000000-0000-4000-8000-000000000000', body: 'x' },
    );
    expect(unknownSection.body.errors[0]?.message).toBe('Delen finnes ikke i dokumentets mal.');
    const inReviewRefusals: Array<[Client, string, unknown, number]> = [
      [author, `/api/documents/${id}/submit`, {}, 409],
      [author, `/api/documents/${id}/review-rounds`, { deadline: daysFromToday(3) }, 409],
      [approver, `/api/documents/${id}/publish`, {}, 409],
    ];
    for (const [client, url, body, status] of inReviewRefusals)
      expect((await client.post(url, body)).status).toBe(status);
    expect(await footprint()).toEqual(open);

    const comment = await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
      sectionId: sectionIds[0],
      body: 'Ange energibehov.',
    });
    expect(comment.status).toBe(201);
    expect((await author.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(200);
    const closed = await footprint();
    expect((await author.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(409);
    expect(
      (
        await nurse.post(`/api/documents/${id}/review-rounds/1/comments`, {
          sectionId: sectionIds[0],
          body: 'Sent.',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await nurse.post(`/api/documents/${id}/review-comments/${comment.body.id}/answer`, {
          answer: 'Själv.',
        })
      ).status,
    ).toBe(403);
    expect(
      (await nbAuthor.post(`/api/documents/${id}/review-comments/${comment.body.id}/answer`, {})).status,
    ).toBe(400);
    expect(
      (
        await author.post(
          `/api/documents/${id}/review-comments/00000000-0000-4000-8000-000000000000/answer`,
          {
            answer: 'x',
          },
        )
      ).status,
    ).toBe(404);
    expect(await footprint()).toEqual(closed);
    // Without an approver nothing can be submitted.
    const patched = await author.patch<Document>(`/api/documents/${id}`, { approverId: null });
    expect(patched.status).toBe(200);
    const noApprover = await footprint();
    const unapproved = await author.post<{ detail: string }>(`/api/documents/${id}/submit`, {});
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.detail).toContain('godkännare');
    expect(await footprint()).toEqual(noApprover);
    const rounds = await t.database.db
      .select({ id: documentReviewRounds.id })
      .from(documentReviewRounds)
      .where(eq(documentReviewRounds.documentId, id));
    expect(rounds).toHaveLength(1);
    const comments = await t.database.db
      .select({ id: documentReviewComments.id })
      .from(documentReviewComments)
      .innerJoin(documentReviewRounds, eq(documentReviewRounds.id, documentReviewComments.roundId))
      .where(eq(documentReviewRounds.documentId, id));
    expect(comments).toHaveLength(1);
  });

  it("when the owner sends a round to someone beyond the document's reviewers, then that person may read the draft and comment, and nobody else gains anything", async () => {
    const written = await writeRoutine('Rutin för sondmatning', [ids.nurse]);
    const id = written.id;
    // The doctor is not one of the document's reviewers: the draft, never published, is not there for her.
    expect((await doctor.get(`/api/documents/${id}`)).status).toBe(404);
    const round = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(5),
      reviewerIds: [ids.nurse, ids.doctor],
    });
    expect(round.status).toBe(201);
    const read = await doctor.get<Document>(`/api/documents/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toContain('comment');
    const comment = await doctor.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
      sectionId: sectionIds[4],
      body: 'Ange hur sonden kontrolleras före matning.',
    });
    expect(comment.status).toBe(201);
    const listed = await doctor.get<{ items: { id: string }[] }>('/api/documents?status=draft');
    expect(listed.body.items.map((d) => d.id)).toContain(id);
    // Her rights come from the round: the document's own reviewers are unchanged, and others still find nothing.
    expect((await docRow(id)).reviewerIds).toEqual([ids.nurse]);
    expect((await staffOutside.get(`/api/documents/${id}`)).status).toBe(404);
  });

  it('when a move is made, then its event, audit row and the document change are written in one transaction', async () => {
    const written = await writeRoutine('Rutin för munvård', [ids.nurse]);
    const id = written.id;
    await author.post(`/api/documents/${id}/submit`, {});
    const [doc] = rowsOf<{ xmin: string }>(
      await t.database.db.execute(sql`select xmin::text as xmin from documents where id = ${id}`),
    );
    const [audit] = rowsOf<{ xmin: string }>(
      await t.database.db.execute(
        sql`select xmin::text as xmin from audit_log where entity_id = ${id} and action = 'document.submitted'`,
      ),
    );
    const [event] = rowsOf<{ xmin: string }>(
      await t.database.db.execute(
        sql`select xmin::text as xmin from document_events where document_id = ${id} and kind = 'submitted_for_approval'`,
      ),
    );
    expect(audit?.xmin).toBe(doc?.xmin);
    expect(event?.xmin).toBe(doc?.xmin);
  });

  it('when staff read a published document, then they see its history but not the events of a draft never published', async () => {
    const written = await writeRoutine('Rutin för handhygien', [ids.nurse]);
    const id = written.id;
    await author.post(`/api/documents/${id}/submit`, {});
    await approver.post(`/api/documents/${id}/publish`, {});
    await author.put(`/api/documents/${id}/draft`, { sections: [], revisionNote: 'Ny version.' });
    await author.post(`/api/documents/${id}/review-rounds`, { deadline: daysFromToday(5) });
    const forStaff = await doctor.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(forStaff.status).toBe(200);
    expect(forStaff.body.items.map((e) => e.kind)).toEqual([
      'created',
      'submitted_for_approval',
      'published',
    ]);
    const forReviewer = await nurse.get<DocumentEvents>(`/api/documents/${id}/events`);
    expect(forReviewer.body.items.map((e) => e.kind).at(-1)).toBe('review_opened');
    expect((await doctor.get(`/api/documents/${id}/review-rounds`)).status).toBe(403);
    const read = await doctor.get<Document>(`/api/documents/${id}`);
    expect(read.body.stage).toBeNull();
    expect(read.body.openRound).toBeNull();
    expect(read.body.allowedActions).toEqual([]);
  });
});

describe('review rounds under the section titles of the version they reviewed', () => {
  const text = (sv: string, nb: string, en: string) => ({ sv, nb, en });

  /** Each comment of the round with the title its section has in the round's version (null: none). */
  const underTitles = (round: ReviewRound | undefined) =>
    (round?.comments ?? []).map((c) => [
      round?.sectionTitles.find((s) => s.id === c.sectionId)?.label ?? null,
      c.body,
    ]);

  async function roundsOf(client: Client, id: string, version?: number): Promise<ReviewRound[]> {
    const answer = await client.get<ReviewRounds>(
      `/api/documents/${id}/review-rounds${version ? `?version=${version}` : ''}`,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items;
  }

  async function editTemplate(id: string, sections: unknown[]): Promise<void> {
    const edited = await admin.patch<DocumentTemplate>(`/api/document-templates/${id}`, { sections });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  }

  it('when the administrator renames a template section and removes another after round 1, then round 1 still shows its comments under the titles its version had, and a comment on a section the draft has since lost is still in the round, without a title', async () => {
    const created = await admin.post<DocumentTemplate>('/api/document-templates', {
      name: text(
        'Rutin med granskade rubriker',
        'Rutine med gjennomgåtte titler',
        'Routine with reviewed titles',
      ),
      typeId: routineTypeId,
      sections: [
        { title: text('Bakgrund', 'Bakgrunn', 'Background') },
        { title: text('Syfte', 'Formål', 'Purpose') },
        { title: text('Åtgärder', 'Tiltak', 'Actions') },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const template = created.body;
    const [background, purpose, actions] = template.sections.map((s) => s.id);
    if (!background || !purpose || !actions) throw new Error('three sections');
    const doc = await author.post<Document>('/api/documents', {
      templateId: template.id,
      title: 'Rutin för fallprevention',
      approverId: ids.approver,
      reviewerIds: [ids.nurse],
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const id = doc.body.id;
    const written = await author.put<Document>(`/api/documents/${id}/draft`, {
      sections: [
        { sectionId: background, nodes: [paragraph('Fall är den vanligaste vårdskadan.')] },
        { sectionId: purpose, nodes: [paragraph('Färre patienter faller.')] },
        { sectionId: actions, nodes: [paragraph('Riskbedöm varje patient vid inskrivning.')] },
      ],
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);

    // Round 1 of version 1: the nurse comments on Bakgrund and Syfte; the author answers and publishes.
    const round1 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(3),
    });
    expect(round1.status, JSON.stringify(round1.body)).toBe(201);
    expect(round1.body.sectionTitles.map((s) => s.label)).toEqual(['Bakgrund', 'Syfte', 'Åtgärder']);
    for (const [sectionId, body] of [
      [background, 'Ange källan till siffrorna.'],
      [purpose, 'Syftet kan mätas: skriv hur.'],
    ] as const) {
      const comment = await nurse.post<ReviewComment>(`/api/documents/${id}/review-rounds/1/comments`, {
        sectionId,
        body,
      });
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
      await author.post(`/api/documents/${id}/review-comments/${comment.body.id}/answer`, {
        answer: 'Åtgärdat.',
      });
    }
    expect((await author.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(200);
    await submitAndPublish(author, approver, id);

    // The administrator renames Bakgrund and removes Syfte; the author writes version 2 in the template as it is.
    await editTemplate(template.id, [
      {
        id: background,
        title: text('Bakgrund och omfattning', 'Bakgrunn og omfang', 'Background and scope'),
      },
      { id: actions, title: text('Åtgärder', 'Tiltak', 'Actions') },
    ]);
    const revised = await author.put<Document>(`/api/documents/${id}/draft`, {
      sections: [
        { sectionId: background, nodes: [paragraph('Fall är den vanligaste vårdskadan, även i hemmet.')] },
        { sectionId: actions, nodes: [paragraph('Riskbedöm varje patient vid inskrivning.')] },
      ],
      revisionNote: 'Omfattningen förtydligad.',
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);

    // Version 1's round keeps its titles: Bakgrund as it was, and Syfte, which the template no longer has.
    const [v1Round] = await roundsOf(author, id, 1);
    expect(v1Round?.versionNumber).toBe(1);
    expect(v1Round?.sectionTitles).toEqual([
      { id: background, label: 'Bakgrund' },
      { id: purpose, label: 'Syfte' },
      { id: actions, label: 'Åtgärder' },
    ]);
    expect(underTitles(v1Round)).toEqual([
      ['Bakgrund', 'Ange källan till siffrorna.'],
      ['Syfte', 'Syftet kan mätas: skriv hur.'],
    ]);

    // Round 1 of version 2 is under the new titles; the nurse comments on both sections, then the
    // administrator removes Åtgärder and the author saves the draft without it.
    const round2 = await author.post<ReviewRound>(`/api/documents/${id}/review-rounds`, {
      deadline: daysFromToday(3),
    });
    expect(round2.status, JSON.stringify(round2.body)).toBe(201);
    for (const [sectionId, body] of [
      [background, 'Gäller rutinen även hemsjukvården?'],
      [actions, 'Vem gör riskbedömningen?'],
    ] as const) {
      const comment = await nurse.post(`/api/documents/${id}/review-rounds/1/comments`, { sectionId, body });
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    }
    expect((await author.post(`/api/documents/${id}/review-rounds/1/close`, {})).status).toBe(200);
    await editTemplate(template.id, [
      {
        id: background,
        title: text('Bakgrund och omfattning', 'Bakgrunn og omfang', 'Background and scope'),
      },
    ]);
    const trimmed = await author.put<Document>(`/api/documents/${id}/draft`, {
      sections: [{ sectionId: background, nodes: [paragraph('Fall är den vanligaste vårdskadan.')] }],
    });
    expect(trimmed.status, JSON.stringify(trimmed.body)).toBe(200);
    const [draftRound] = await roundsOf(author, id);
    expect(draftRound?.versionNumber).toBe(2);
    expect(draftRound?.sectionTitles).toEqual([{ id: background, label: 'Bakgrund och omfattning' }]);
    // The comment on Åtgärder is kept, with its section, though the draft has no title for it now.
    expect(underTitles(draftRound)).toEqual([
      ['Bakgrund och omfattning', 'Gäller rutinen även hemsjukvården?'],
      [null, 'Vem gör riskbedömningen?'],
    ]);
    expect(draftRound?.comments[1]?.sectionId).toBe(actions);
    expect(draftRound?.unansweredCount).toBe(2);

    // Version 1's round is untouched by it all, and reads in the caller's language.
    expect(underTitles((await roundsOf(author, id, 1))[0])).toEqual(underTitles(v1Round));
    const nbApprover = await as('chef.ortopedi');
    expect((await nbApprover.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    expect(underTitles((await roundsOf(nbApprover, id, 1))[0])).toEqual([
      ['Bakgrunn', 'Ange källan till siffrorna.'],
      ['Formål', 'Syftet kan mätas: skriv hur.'],
    ]);
    expect((await nbApprover.put('/api/me/language', { language: 'sv' })).status).toBe(200);
  });
});
