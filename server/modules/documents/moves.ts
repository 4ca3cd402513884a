import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import type { DocumentRow } from './documents.ts';
import type { Change } from './support.ts';
import { documentEvents, documents } from './tables.ts';

// The tail every move of a document shares (create, review rounds, submit, send back, publish,
// archive, restore): the document's version is bumped (the optimistic lock), a document_events row
// and an audit row are written, and the people the move concerns are told, all in the use case's
// one transaction.

type EventKind = (typeof documentEvents.$inferInsert)['kind'];

/** The document's version bumped with the change `set` makes; `at` is the move's moment when it has one. */
export async function bump(
  tx: Db,
  doc: DocumentRow,
  set: Partial<typeof documents.$inferInsert> = {},
  at?: Date,
): Promise<DocumentRow> {
  const [after] = await tx
    .update(documents)
    .set({ ...set, version: doc.version + 1, updatedAt: at ?? new Date() })
    .where(eq(documents.id, doc.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  return after;
}

/** A moment just after `at` (a millisecond on): for an event a move leads to, to come after the move's own. */
export function justAfter(at: Date): Date {
  return new Date(at.getTime() + 1);
}

/** One line of the document's history, in the same transaction as the move it records. */
export async function recordEvent(
  tx: Db,
  event: {
    documentId: string;
    versionId: string | null;
    kind: EventKind;
    actorId: string;
    reason?: string;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(documentEvents).values({
    documentId: event.documentId,
    versionId: event.versionId,
    kind: event.kind,
    actorId: event.actorId,
    reason: event.reason ?? '',
    // the clock, not the transaction's start: two events of one transaction keep their order
    at: event.at ?? new Date(),
  });
}

export interface Move {
  /** the version the move concerns; null when the document has none to point at */
  versionId: string | null;
  kind: EventKind;
  reason?: string;
  at?: Date;
  /** the audit row's action and summary (the entity is the document) */
  action: string;
  summary: Record<string, unknown>;
  /** who is told of the move; never the one who made it */
  tell?: { personIds: string[]; kind: string; params: Record<string, string> };
}

/** The history event, the audit row and the notices of a move of `doc`, in that order. */
export async function recordMove(tx: Db, change: Change, doc: DocumentRow, move: Move): Promise<void> {
  const { actor } = change;
  await recordEvent(tx, {
    documentId: doc.id,
    versionId: move.versionId,
    kind: move.kind,
    actorId: actor.personId,
    reason: move.reason,
    at: move.at,
  });
  await writeAudit(tx, change.audit, {
    action: move.action,
    entityType: 'document',
    entityId: doc.id,
    summary: move.summary,
  });
  if (move.tell)
    await notify(tx, {
      personIds: move.tell.personIds.filter((id) => id !== actor.personId),
      kind: move.tell.kind,
      params: move.tell.params,
      entityType: 'document',
      entityId: doc.id,
    });
}
