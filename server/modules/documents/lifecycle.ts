import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  CommentBody,
  DocumentEvents,
  OpenRoundBody,
  ReviewComment,
  ReviewRound,
  ReviewRounds,
} from '../../../contracts/document-review.ts';
import type { Document } from '../../../contracts/documents.ts';
import type { Actor } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n.ts';
import {
  assertExpected,
  assertPeople,
  type DocumentRow,
  draftOf,
  namesOf,
  presentDocument,
  ref,
  sectionTitlesOf,
  type VersionRow,
} from './documents.ts';
import { bump, justAfter, recordMove } from './moves.ts';
import { pipelineAudit, pipelineStep, recordPipelineChange } from './pipeline.ts';
import {
  type DocumentRoles,
  mayComment,
  mayManageLifecycle,
  mayPublishDocument,
  mayReadDrafts,
} from './policy.ts';
import { visibleDocument } from './readable.ts';
import { type Change, fieldError } from './support.ts';
import { documentEvents, documentReviewComments, documentReviewRounds, documentVersions } from './tables.ts';

// The document lifecycle (issue 5): a draft is written, goes out for review rounds (1, 2, … per
// version) whose reviewers comment on its sections and whose comments the author answers, is
// submitted to the approver, who publishes it (documents.ts) or sends it back with a reason. A
// document may be archived and restored. Every move bumps the document's version (the optimistic
// lock), writes a document_events row and an audit row, in the use case's one transaction.

type RoundRow = typeof documentReviewRounds.$inferSelect;
type CommentRow = typeof documentReviewComments.$inferSelect;
type Stage = VersionRow['stage'];

/** The document, locked, for a change the owner or an administrator makes. */
async function forManager(
  tx: Db,
  actor: Actor,
  documentId: string,
  expectedVersion: number | undefined,
): Promise<{ doc: DocumentRow; roles: DocumentRoles }> {
  const found = await visibleDocument(tx, actor, documentId, true);
  if (!mayManageLifecycle(found.roles)) throw new AppError('document.edit_denied', 'forbidden');
  if (found.doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  assertExpected(found.doc, expectedVersion);
  return found;
}

/** The draft, which must be at `stage` for the move. */
async function draftAt(tx: Db, doc: DocumentRow, stages: Stage[]): Promise<VersionRow> {
  const draft = await draftOf(tx, doc.id);
  if (!draft) throw new AppError('document.no_draft_to_review', 'conflict');
  if (!stages.includes(draft.stage)) throw new AppError(`document.stage_${draft.stage}`, 'conflict');
  return draft;
}

async function moveDraft(tx: Db, draft: VersionRow, stage: Stage): Promise<void> {
  await tx.update(documentVersions).set({ stage }).where(eq(documentVersions.id, draft.id));
}

function presentComment(row: CommentRow, names: Map<string, string>): ReviewComment {
  return {
    id: row.id,
    sectionId: row.sectionId,
    quote: row.quote,
    body: row.body,
    author: ref(names, row.authorId) ?? { id: row.authorId, name: '' },
    createdAt: row.createdAt.toISOString(),
    answer: row.answer,
    answeredBy: ref(names, row.answeredById),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

/**
 * Rounds of one version with their comments, in order, as the API answers them. Each carries the
 * version's own section titles (read from the version row the caller has anyway, no query more): a
 * comment is anchored to a section of that version, and a template edit later must not rename or lose
 * it in an earlier round.
 */
async function presentRounds(
  tx: Db,
  rounds: RoundRow[],
  version: VersionRow,
  documentVersion: number,
  lang: Lang,
): Promise<ReviewRound[]> {
  if (rounds.length === 0) return [];
  const sectionTitles = sectionTitlesOf(version, lang);
  const comments = await tx
    .select()
    .from(documentReviewComments)
    .where(
      inArray(
        documentReviewComments.roundId,
        rounds.map((r) => r.id),
      ),
    )
    .orderBy(asc(documentReviewComments.createdAt), asc(documentReviewComments.id));
  const names = await namesOf(tx, [
    ...rounds.flatMap((r) => [r.openedById, ...r.reviewerIds]),
    ...comments.flatMap((c) => [c.authorId, c.answeredById]),
  ]);
  return rounds.map((round) => {
    const own = comments.filter((c) => c.roundId === round.id);
    return {
      number: round.number,
      versionNumber: version.number,
      reviewers: round.reviewerIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      deadline: round.deadline,
      message: round.message,
      openedBy: ref(names, round.openedById) ?? { id: round.openedById, name: '' },
      openedAt: round.openedAt.toISOString(),
      closedAt: round.closedAt?.toISOString() ?? null,
      unansweredCount: own.filter((c) => c.answer === null).length,
      sectionTitles,
      comments: own.map((c) => presentComment(c, names)),
      documentVersion,
    };
  });
}

async function presentRound(
  tx: Db,
  round: RoundRow,
  draft: VersionRow,
  doc: DocumentRow,
  lang: Lang,
): Promise<ReviewRound> {
  const [presented] = await presentRounds(tx, [round], draft, doc.version, lang);
  if (!presented) throw new AppError('error.internal', 'internal');
  return presented;
}

async function roundOf(tx: Db, versionId: string, number: number): Promise<RoundRow> {
  const [round] = await tx
    .select()
    .from(documentReviewRounds)
    .where(and(eq(documentReviewRounds.versionId, versionId), eq(documentReviewRounds.number, number)));
  if (!round) throw new AppError('document.round_not_found', 'not_found');
  return round;
}

export async function openReviewRound(
  options: Change & { documentId: string; input: OpenRoundBody },
  tx: Db,
): Promise<ReviewRound> {
  const { actor, input } = options;
  const { doc } = await forManager(tx, actor, options.documentId, input.expectedVersion);
  const draft = await draftAt(tx, doc, ['writing']);
  if (input.deadline < stockholmDay()) throw fieldError('document.date_in_past', 'validation', 'deadline');
  const reviewerIds = [...new Set(input.reviewerIds ?? doc.reviewerIds)];
  if (reviewerIds.length === 0) throw fieldError('document.reviewers_required', 'validation', 'reviewerIds');
  await assertPeople(
    tx,
    doc.organisationId,
    reviewerIds.map((id, i) => [`reviewerIds.${i}`, id]),
  );
  const [last] = await tx
    .select({ number: documentReviewRounds.number })
    .from(documentReviewRounds)
    .where(eq(documentReviewRounds.versionId, draft.id))
    .orderBy(desc(documentReviewRounds.number))
    .limit(1);
  const number = (last?.number ?? 0) + 1;
  const message = input.message ?? '';
  const [round] = await tx
    .insert(documentReviewRounds)
    .values({
      documentId: doc.id,
      versionId: draft.id,
      number,
      reviewerIds,
      deadline: input.deadline,
      message,
      openedById: actor.personId,
    })
    .returning();
  if (!round) throw new AppError('error.internal', 'internal');
  await moveDraft(tx, draft, 'in_review');
  const now = new Date();
  const after = await bump(
    tx,
    doc,
    await pipelineStep(tx, doc, { kind: 'review_opened', round: number }),
    now,
  );
  await recordMove(tx, options, doc, {
    versionId: draft.id,
    kind: 'review_opened',
    reason: message,
    at: now,
    action: 'document.review_opened',
    summary: {
      versionNumber: draft.number,
      round: number,
      deadline: input.deadline,
      reviewerIds,
      ...pipelineAudit(doc, after),
    },
    tell: {
      personIds: reviewerIds,
      kind: 'document.review_requested',
      params: { title: doc.title, round: String(number), deadline: input.deadline },
    },
  });
  await recordPipelineChange(tx, actor, doc, after, justAfter(now));
  return presentRound(tx, round, draft, after, actor.language);
}

export async function closeReviewRound(
  options: Change & { documentId: string; number: number; expectedVersion?: number | undefined },
  tx: Db,
): Promise<ReviewRound> {
  const { actor } = options;
  const { doc } = await forManager(tx, actor, options.documentId, options.expectedVersion);
  const draft = await draftOf(tx, doc.id);
  if (!draft) throw new AppError('document.round_not_found', 'not_found');
  const round = await roundOf(tx, draft.id, options.number);
  if (round.closedAt !== null) throw new AppError('document.round_closed', 'conflict');
  const now = new Date();
  const [closed] = await tx
    .update(documentReviewRounds)
    .set({ closedAt: now })
    .where(eq(documentReviewRounds.id, round.id))
    .returning();
  if (!closed) throw new AppError('error.internal', 'internal');
  await moveDraft(tx, draft, 'writing');
  const after = await bump(tx, doc);
  const presented = await presentRound(tx, closed, draft, after, actor.language);
  await recordMove(tx, options, doc, {
    versionId: draft.id,
    kind: 'review_closed',
    at: now,
    action: 'document.review_closed',
    summary: { versionNumber: draft.number, round: round.number, unanswered: presented.unansweredCount },
  });
  return presented;
}

export async function listReviewRounds(
  options: { actor: Actor; documentId: string; version?: number | undefined },
  tx: Db,
): Promise<ReviewRounds> {
  const { doc, roles } = await visibleDocument(tx, options.actor, options.documentId);
  if (!mayReadDrafts(roles)) throw new AppError('document.review_read_denied', 'forbidden');
  const [version] = await tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, doc.id),
        options.version === undefined
          ? eq(documentVersions.status, 'draft')
          : eq(documentVersions.number, options.version),
      ),
    );
  if (!version) {
    if (options.version === undefined) return { items: [] };
    throw new AppError('document.version_not_found', 'not_found');
  }
  const rounds = await tx
    .select()
    .from(documentReviewRounds)
    .where(eq(documentReviewRounds.versionId, version.id))
    .orderBy(asc(documentReviewRounds.number));
  return { items: await presentRounds(tx, rounds, version, doc.version, options.actor.language) };
}

export async function addReviewComment(
  options: Change & { documentId: string; number: number; input: CommentBody },
  tx: Db,
): Promise<ReviewComment> {
  const { actor, input } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  if (!mayReadDrafts(roles)) throw new AppError('document.comment_denied', 'forbidden');
  const draft = await draftOf(tx, doc.id);
  if (!draft) throw new AppError('document.round_not_found', 'not_found');
  const round = await roundOf(tx, draft.id, options.number);
  if (!mayComment(roles, actor.personId, round.reviewerIds))
    throw new AppError('document.comment_denied', 'forbidden');
  if (doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  if (round.closedAt !== null) throw new AppError('document.round_closed', 'conflict');
  if (!draft.content.some((s) => s.sectionId === input.sectionId))
    throw fieldError('document.content_section_unknown', 'validation', 'sectionId');
  const [comment] = await tx
    .insert(documentReviewComments)
    .values({
      roundId: round.id,
      sectionId: input.sectionId,
      quote: input.quote ?? '',
      body: input.body,
      authorId: actor.personId,
    })
    .returning();
  if (!comment) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'document.review_commented',
    entityType: 'document',
    entityId: doc.id,
    summary: {
      versionNumber: draft.number,
      round: round.number,
      commentId: comment.id,
      sectionId: input.sectionId,
    },
  });
  return presentComment(comment, await namesOf(tx, [comment.authorId]));
}

export async function answerReviewComment(
  options: Change & { documentId: string; commentId: string; answer: string },
  tx: Db,
): Promise<ReviewComment> {
  const { actor } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  const [found] = await tx
    .select({ comment: documentReviewComments, round: documentReviewRounds, version: documentVersions })
    .from(documentReviewComments)
    .innerJoin(documentReviewRounds, eq(documentReviewRounds.id, documentReviewComments.roundId))
    .innerJoin(documentVersions, eq(documentVersions.id, documentReviewRounds.versionId))
    .where(
      and(eq(documentReviewComments.id, options.commentId), eq(documentReviewRounds.documentId, doc.id)),
    );
  if (!found || !mayReadDrafts(roles)) throw new AppError('document.comment_not_found', 'not_found');
  if (!mayManageLifecycle(roles)) throw new AppError('document.answer_denied', 'forbidden');
  if (doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  if (found.version.status !== 'draft') throw new AppError('document.comment_version_closed', 'conflict');
  if (found.version.stage === 'awaiting_approval')
    throw new AppError('document.stage_awaiting_approval', 'conflict');
  const now = new Date();
  const [answered] = await tx
    .update(documentReviewComments)
    .set({ answer: options.answer, answeredById: actor.personId, answeredAt: now })
    .where(eq(documentReviewComments.id, found.comment.id))
    .returning();
  if (!answered) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'document.review_answered',
    entityType: 'document',
    entityId: doc.id,
    summary: {
      versionNumber: found.version.number,
      round: found.round.number,
      commentId: answered.id,
      replaced: found.comment.answer !== null,
      ...(found.comment.answer !== null ? { previousAnswer: found.comment.answer } : {}),
    },
  });
  return presentComment(answered, await namesOf(tx, [answered.authorId, answered.answeredById]));
}

export async function submitForApproval(
  options: Change & { documentId: string; expectedVersion?: number | undefined },
  tx: Db,
): Promise<Document> {
  const { actor } = options;
  const { doc, roles } = await forManager(tx, actor, options.documentId, options.expectedVersion);
  const draft = await draftAt(tx, doc, ['writing']);
  if (!doc.approverId) throw new AppError('document.no_approver', 'conflict');
  // Every comment of every round of the draft is answered first, a closed round's too (its answer
  // may come after the round is closed; answerReviewComment takes it while the draft is written).
  const unanswered = await tx
    .select({ round: documentReviewRounds.number })
    .from(documentReviewComments)
    .innerJoin(documentReviewRounds, eq(documentReviewRounds.id, documentReviewComments.roundId))
    .where(and(eq(documentReviewRounds.versionId, draft.id), isNull(documentReviewComments.answer)))
    .orderBy(asc(documentReviewRounds.number));
  if (unanswered.length > 0) {
    const rounds = [...new Set(unanswered.map((u) => u.round))];
    throw new AppError('document.unanswered_comments', 'unprocessable', {
      // One comment or several: the text agrees with the count (a key of its own for one).
      message: unanswered.length === 1 ? 'document.unanswered_comments_one' : 'document.unanswered_comments',
      params: { count: unanswered.length, rounds: rounds.join(', ') },
      extra: { unanswered: unanswered.length, unansweredRounds: rounds },
    });
  }
  await moveDraft(tx, draft, 'awaiting_approval');
  const after = await bump(tx, doc);
  await recordMove(tx, options, doc, {
    versionId: draft.id,
    kind: 'submitted_for_approval',
    action: 'document.submitted',
    summary: { versionNumber: draft.number, approverId: doc.approverId },
    tell: {
      personIds: [doc.approverId],
      kind: 'document.submitted',
      params: { title: doc.title, version: String(draft.number), by: actor.name },
    },
  });
  return presentDocument(tx, actor, after, roles);
}

export async function sendBack(
  options: Change & { documentId: string; reason: string; expectedVersion?: number | undefined },
  tx: Db,
): Promise<Document> {
  const { actor } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  if (!mayPublishDocument(roles)) throw new AppError('document.send_back_denied', 'forbidden');
  if (doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  assertExpected(doc, options.expectedVersion);
  const draft = await draftOf(tx, doc.id);
  if (draft?.stage !== 'awaiting_approval') throw new AppError('document.not_awaiting_approval', 'conflict');
  await moveDraft(tx, draft, 'writing');
  const after = await bump(tx, doc);
  await recordMove(tx, options, doc, {
    versionId: draft.id,
    kind: 'sent_back',
    reason: options.reason,
    action: 'document.sent_back',
    summary: { versionNumber: draft.number, reason: options.reason },
    tell: {
      personIds: [doc.ownerId],
      kind: 'document.sent_back',
      params: { title: doc.title, by: actor.name, reason: options.reason },
    },
  });
  return presentDocument(tx, actor, after, roles);
}

export async function archiveDocument(
  options: Change & { documentId: string; reason: string; expectedVersion?: number | undefined },
  tx: Db,
): Promise<Document> {
  const { actor } = options;
  const { doc, roles } = await forManager(tx, actor, options.documentId, options.expectedVersion);
  const now = new Date();
  // An open round ends with the document; a draft waiting anywhere goes back to being written.
  await tx
    .update(documentReviewRounds)
    .set({ closedAt: now })
    .where(and(eq(documentReviewRounds.documentId, doc.id), isNull(documentReviewRounds.closedAt)));
  const draft = await draftOf(tx, doc.id);
  if (draft && draft.stage !== 'writing') await moveDraft(tx, draft, 'writing');
  const after = await bump(tx, doc, { status: 'archived', archivedAt: now, archivedReason: options.reason });
  await recordMove(tx, options, doc, {
    versionId: doc.currentVersionId ?? draft?.id ?? null,
    kind: 'archived',
    reason: options.reason,
    at: now,
    action: 'document.archived',
    summary: { reason: options.reason, previousStatus: doc.status },
  });
  return presentDocument(tx, actor, after, roles);
}

export async function restoreDocument(
  options: Change & { documentId: string; expectedVersion?: number | undefined },
  tx: Db,
): Promise<Document> {
  const { actor } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  if (!mayManageLifecycle(roles)) throw new AppError('document.edit_denied', 'forbidden');
  if (doc.status !== 'archived') throw new AppError('document.not_archived', 'conflict');
  assertExpected(doc, options.expectedVersion);
  const status = doc.currentVersionId ? 'published' : 'draft';
  const after = await bump(tx, doc, { status, archivedAt: null, archivedReason: null });
  await recordMove(tx, options, doc, {
    versionId: doc.currentVersionId,
    kind: 'restored',
    action: 'document.restored',
    summary: { status, archivedReason: doc.archivedReason },
  });
  return presentDocument(tx, actor, after, roles);
}

/** The history: events on a version that was never published only for those who may read drafts. */
export async function listDocumentEvents(
  options: { actor: Actor; documentId: string },
  tx: Db,
): Promise<DocumentEvents> {
  const { doc, roles } = await visibleDocument(tx, options.actor, options.documentId);
  const rows = await tx
    .select({ event: documentEvents, number: documentVersions.number, status: documentVersions.status })
    .from(documentEvents)
    .leftJoin(documentVersions, eq(documentVersions.id, documentEvents.versionId))
    .where(eq(documentEvents.documentId, doc.id))
    .orderBy(asc(documentEvents.at), asc(documentEvents.id));
  const readsDrafts = mayReadDrafts(roles);
  const visible = rows.filter((r) => readsDrafts || r.event.versionId === null || r.status !== 'draft');
  const names = await namesOf(
    tx,
    visible.map((r) => r.event.actorId),
  );
  return {
    items: visible.map((r) => ({
      kind: r.event.kind,
      versionNumber: r.number,
      actor: ref(names, r.event.actorId),
      reason: r.event.reason,
      change: r.event.change,
      at: r.event.at.toISOString(),
    })),
  };
}
