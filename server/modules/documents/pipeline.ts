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
 * addition or under revision. Its owner (or an administrator) sets the status and the planned
 * publication day with PATCH /api/documents/{id}; every change is a pipeline_changed event of the
 * document (its change says from → to, as data, for the history to put in the reader's words)
 * beside the update's audit row. Other types have no pipeline (null), and a PATCH that gives one a
 * pipeline field is refused (422).
 *
 * GET /api/knowledge-supports answers seed 003's question: what is published, what is near
 * publication, what is next. It lists the knowledge supports the caller may see, as the document
 * list does: published ones for everyone, never-published ones for their owner, reviewers and
 * approver and the organisation's administrators.
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

/** The event of a pipeline change, in the update's transaction (its audit row is the update's). */
export async function recordPipelineChange(
  tx: Db,
  actor: Actor,
  before: DocumentRow,
  after: DocumentRow,
): Promise<void> {
  const change: DocumentEventChange = {};
  if (before.pipelineStatus !== after.pipelineStatus)
    change.pipelineStatus = { from: before.pipelineStatus, to: after.pipelineStatus };
  if (before.plannedPublication !== after.plannedPublication)
    change.plannedPublication = { from: before.plannedPublication, to: after.plannedPublication };
  if (!change.pipelineStatus && !change.plannedPublication) return;
  // What changed is data, put in words by the reader's history; the reason stays empty.
  await tx.insert(documentEvents).values({
    documentId: after.id,
    kind: 'pipeline_changed',
    actorId: actor.personId,
    change,
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

export async function listKnowledgeSupports(options: { actor: Actor }, tx: Db): Promise<KnowledgeSupports> {
  const { actor } = options;
  const readable = await readableCondition(tx, actor);
  const rows = await tx
    .select({
      id: documents.id,
      title: documents.title,
      status: documents.pipelineStatus,
      plannedPublication: documents.plannedPublication,
      ownerId: documents.ownerId,
      ownerName: people.name,
    })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .innerJoin(people, eq(people.id, documents.ownerId))
    .where(and(readable, eq(documentTypes.isKnowledgeSupport, true), sql`${documents.status} <> 'archived'`))
    .orderBy(asc(documents.title), asc(documents.id));
  const items: KnowledgeSupportItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status ?? 'on_list',
    plannedPublication: r.plannedPublication,
    owner: { id: r.ownerId, name: r.ownerName },
  }));
  const byPlan = (a: KnowledgeSupportItem, b: KnowledgeSupportItem): number =>
    order[a.status] - order[b.status] ||
    (a.plannedPublication ?? '9999-12-31').localeCompare(b.plannedPublication ?? '9999-12-31') ||
    a.title.localeCompare(b.title, 'sv');
  const pick = (...statuses: PipelineStatus[]) => items.filter((i) => statuses.includes(i.status));
  return {
    published: pick('published'),
    nearPublication: pick('review_round_2', 'review_round_1').sort(byPlan),
    next: pick('in_progress', 'on_list').sort(byPlan),
    regionalAdditions: pick('regional_addition'),
    underRevision: pick('under_revision'),
  };
}
