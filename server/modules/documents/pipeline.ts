import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  KnowledgeSupportItem,
  KnowledgeSupports,
  PipelineStatus,
} from '../../../contracts/document-reading.ts';
import type { DocumentEventChange } from '../../../contracts/document-review.ts';
import type { UpdateDocumentBody } from '../../../contracts/documents.ts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { people } from '../organisation/tables.ts';
import type { DocumentRow } from './documents.ts';
import { readableCondition } from './readable.ts';
import { documentEvents, documents, documentTypes } from './tables.ts';

/**
 * The knowledge-support pipeline of seed 003: a document of a knowledge-support type moves through
 * on the list → in progress → review round 1 → review round 2 → published, and later regional
 * addition or under revision. The lifecycle moves it (pipelineStep): writing the first content of a
 * never-published support on the list puts it in progress, opening review round N puts it in review
 * round 1 (N = 1) or 2 (N ≥ 2), publishing publishes it and a new draft after publication puts it
 * under revision; a regional addition stays one through all of these. Its owner (or an
 * administrator) may still set the status, and the planned publication day, by hand with PATCH
 * /api/documents/{id}. Every change is a pipeline_changed event of the document (its change says
 * from → to, as data, for the history to put in the reader's words) in the transaction of the move
 * or update that made it. Other types have no pipeline (null): the lifecycle leaves it so, and a
 * PATCH that gives one a pipeline field is refused (422).
 *
 * GET /api/knowledge-supports answers seed 003's question: what is published, what is near
 * publication, what is next. It lists the knowledge supports the caller may see, as the document
 * list does: published ones for everyone, never-published ones for their owner, reviewers and
 * approver and the organisation's administrators. A support with a current version is listed by
 * listedStatus, not only by its stored status, so a published one is never shown as next.
 */

/** Where a new document starts: on the list when its type is a knowledge support, else no pipeline. */
export function initialPipelineStatus(type: { isKnowledgeSupport: boolean }): PipelineStatus | null {
  return type.isKnowledgeSupport ? 'on_list' : null;
}

/** The pipeline fields a PATCH gives, checked against the document's type. */
export async function pipelineChanges(
  tx: Db,
  doc: DocumentRow,
  changes: UpdateDocumentBody,
): Promise<{ pipelineStatus?: PipelineStatus; plannedPublication?: string | null }> {
  const { pipelineStatus, plannedPublication } = changes;
  if (pipelineStatus === undefined && plannedPublication === undefined) return {};
  const [type] = await tx
    .select({ isKnowledgeSupport: documentTypes.isKnowledgeSupport })
    .from(documentTypes)
    .where(eq(documentTypes.id, doc.typeId));
  if (!type?.isKnowledgeSupport) {
    const path = pipelineStatus !== undefined ? 'pipelineStatus' : 'plannedPublication';
    throw new AppError('document.pipeline_not_knowledge_support', 'unprocessable', {
      fields: [{ path, key: 'document.pipeline_not_knowledge_support' }],
    });
  }
  return {
    ...(pipelineStatus !== undefined ? { pipelineStatus } : {}),
    ...(plannedPublication !== undefined ? { plannedPublication } : {}),
  };
}

/** A move of the lifecycle that moves a knowledge support along its pipeline. */
export type PipelineStep =
  /** the first content written into a never-published support's draft */
  | { kind: 'writing_started' }
  /** review round `round` opened on the draft */
  | { kind: 'review_opened'; round: number }
  | { kind: 'published' }
  /** a new draft started after publication */
  | { kind: 'revision_started' };

/**
 * Where `step` moves a knowledge support at `status`. A regional addition stays one (it says what the
 * document is, a region's addition to a national support, not how far it has come; its owner moves it
 * by hand); only a support on the list starts being written.
 */
export function statusAfterStep(status: PipelineStatus, step: PipelineStep): PipelineStatus {
  if (status === 'regional_addition') return status;
  switch (step.kind) {
    case 'writing_started':
      return status === 'on_list' ? 'in_progress' : status;
    case 'review_opened':
      return step.round <= 1 ? 'review_round_1' : 'review_round_2';
    case 'published':
      return 'published';
    case 'revision_started':
      return 'under_revision';
  }
}

/**
 * The pipeline status the lifecycle's step gives `doc`, as part of the set its move writes: nothing
 * for a document of another type (its pipeline stays null) or when the status stays as it is.
 */
export async function pipelineStep(
  tx: Db,
  doc: DocumentRow,
  step: PipelineStep,
): Promise<{ pipelineStatus?: PipelineStatus }> {
  const [type] = await tx
    .select({ isKnowledgeSupport: documentTypes.isKnowledgeSupport })
    .from(documentTypes)
    .where(eq(documentTypes.id, doc.typeId));
  if (!type?.isKnowledgeSupport) return {};
  const to = statusAfterStep(doc.pipelineStatus ?? 'on_list', step);
  return to === doc.pipelineStatus ? {} : { pipelineStatus: to };
}

/** What a move or an update changed of the pipeline, as data; null when nothing. */
export function pipelineChangeOf(before: DocumentRow, after: DocumentRow): DocumentEventChange | null {
  const change: DocumentEventChange = {};
  if (before.pipelineStatus !== after.pipelineStatus)
    change.pipelineStatus = { from: before.pipelineStatus, to: after.pipelineStatus };
  if (before.plannedPublication !== after.plannedPublication)
    change.plannedPublication = { from: before.plannedPublication, to: after.plannedPublication };
  return change.pipelineStatus || change.plannedPublication ? change : null;
}

/** The part of a move's audit summary that tells the pipeline status the move led to, if any. */
export function pipelineAudit(before: DocumentRow, after: DocumentRow): { pipeline?: DocumentEventChange } {
  const change = pipelineChangeOf(before, after);
  return change ? { pipeline: change } : {};
}

/**
 * The event of a pipeline change, in the transaction of the update or move that made it (its audit
 * row is theirs). `at` is the event's moment: a move gives one just after its own event, so the
 * history tells the move first and the status it led to after it.
 */
export async function recordPipelineChange(
  tx: Db,
  actor: Actor,
  before: DocumentRow,
  after: DocumentRow,
  at: Date = new Date(),
): Promise<void> {
  const change = pipelineChangeOf(before, after);
  if (!change) return;
  // What changed is data, put in words by the reader's history; the reason stays empty.
  await tx.insert(documentEvents).values({
    documentId: after.id,
    kind: 'pipeline_changed',
    actorId: actor.personId,
    change,
    at,
  });
}

const order: Record<PipelineStatus, number> = {
  review_round_2: 0,
  review_round_1: 1,
  in_progress: 0,
  on_list: 1,
  published: 0,
  regional_addition: 0,
  under_revision: 0,
};

type Group = keyof KnowledgeSupports;

/**
 * Where a support is listed, and the status its row shows. One never published is listed by its
 * status (review rounds near publication, in progress and on the list next). One with a current
 * version is published, readable by everyone, and never listed as next: a regional addition is listed
 * as one; while a new version of it is written or reviewed (under revision, review round 1 or 2) it is
 * listed under revision, its row saying which; otherwise it is listed as published, and an on-the-list
 * or in-progress status it still carries (set by hand, or from before the lifecycle moved the pipeline)
 * shows as published.
 */
export function listedStatus(
  stored: PipelineStatus | null,
  hasCurrentVersion: boolean,
): { group: Group; status: PipelineStatus } {
  const status = stored ?? 'on_list';
  if (hasCurrentVersion) {
    if (status === 'regional_addition') return { group: 'regionalAdditions', status };
    if (status === 'under_revision' || status === 'review_round_1' || status === 'review_round_2')
      return { group: 'underRevision', status };
    return { group: 'published', status: 'published' };
  }
  switch (status) {
    case 'published':
      return { group: 'published', status };
    case 'review_round_1':
    case 'review_round_2':
      return { group: 'nearPublication', status };
    case 'in_progress':
    case 'on_list':
      return { group: 'next', status };
    case 'regional_addition':
      return { group: 'regionalAdditions', status };
    case 'under_revision':
      return { group: 'underRevision', status };
  }
}

export async function listKnowledgeSupports(options: { actor: Actor }, tx: Db): Promise<KnowledgeSupports> {
  const { actor } = options;
  const readable = await readableCondition(tx, actor);
  const rows = await tx
    .select({
      id: documents.id,
      title: documents.title,
      status: documents.pipelineStatus,
      currentVersionId: documents.currentVersionId,
      plannedPublication: documents.plannedPublication,
      ownerId: documents.ownerId,
      ownerName: people.name,
    })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .innerJoin(people, eq(people.id, documents.ownerId))
    .where(and(readable, eq(documentTypes.isKnowledgeSupport, true), sql`${documents.status} <> 'archived'`))
    .orderBy(asc(documents.title), asc(documents.id));
  const answer: KnowledgeSupports = {
    published: [],
    nearPublication: [],
    next: [],
    regionalAdditions: [],
    underRevision: [],
  };
  for (const r of rows) {
    const { group, status } = listedStatus(r.status, r.currentVersionId !== null);
    answer[group].push({
      id: r.id,
      title: r.title,
      status,
      plannedPublication: r.plannedPublication,
      owner: { id: r.ownerId, name: r.ownerName },
    });
  }
  const byPlan = (a: KnowledgeSupportItem, b: KnowledgeSupportItem): number =>
    order[a.status] - order[b.status] ||
    (a.plannedPublication ?? '9999-12-31').localeCompare(b.plannedPublication ?? '9999-12-31') ||
    a.title.localeCompare(b.title, 'sv');
  answer.nearPublication.sort(byPlan);
  answer.next.sort(byPlan);
  return answer;
}
