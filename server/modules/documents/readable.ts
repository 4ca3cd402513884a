import { and, eq, getTableName, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { DocumentRow } from './documents.ts';
import { type DocumentRoles, mayEditDocument, mayReadDrafts } from './policy.ts';
import { mayKeep } from './support.ts';
import { documentReviewRounds, documentRowColumns, documents } from './tables.ts';

// Which documents a person may read: rule 3 of policy.ts, in its one home, for the documents'
// own use cases, the search, the reading and other modules (the deviations link to the documents
// changed because of a case). Published documents for everyone of the organisation; a
// never-published one for its owner, reviewers (its own and those of its review rounds), approver
// and administrators.

/**
 * A review round of the document was sent to the person (the owner may add people to a round): the one
 * test, as a condition on the `documents` row of the query.
 */
function inAReviewRound(personId: string): SQL<boolean> {
  // Qualified by hand: in the select list of a one-table query drizzle writes a column without its
  // table, and the inner "id" would then be the round's own.
  const rounds = sql.identifier(getTableName(documentReviewRounds));
  const documentId = sql`${sql.identifier(getTableName(documents))}.${sql.identifier(documents.id.name)}`;
  return sql<boolean>`exists (select 1 from ${rounds}
    where ${rounds}.${sql.identifier(documentReviewRounds.documentId.name)} = ${documentId}
      and ${rounds}.${sql.identifier(documentReviewRounds.reviewerIds.name)} @> ${JSON.stringify([personId])}::jsonb)`;
}

/**
 * What the actor is to this document: the facts every rule in policy.ts decides from. `inARound`, when
 * the caller read it with the document (visibleDocument does), saves asking again.
 */
export async function rolesOf(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
  inARound?: boolean,
): Promise<DocumentRoles> {
  let isReviewer = doc.reviewerIds.includes(actor.personId);
  if (!isReviewer) {
    if (inARound !== undefined) isReviewer = inARound;
    else {
      const found = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, doc.id), inAReviewRound(actor.personId)));
      isReviewer = found.length > 0;
    }
  }
  return {
    isOwner: doc.ownerId === actor.personId,
    isApprover: doc.approverId === actor.personId,
    isReviewer,
    isAdministrator: await mayKeep(tx, actor),
  };
}

/**
 * A document of the actor's organisation, locked when it is to change, with whether a review round of
 * it was sent to the actor (in the same query); another organisation's does not exist.
 */
async function findDocument(
  tx: Db,
  actor: Actor,
  id: string,
  lock: boolean,
): Promise<{ doc: DocumentRow; inARound: boolean }> {
  const query = tx
    .select({ doc: documentRowColumns, inARound: inAReviewRound(actor.personId) })
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.organisationId, actor.organisationId)));
  const [row] = lock ? await query.for('update', { of: documents }) : await query;
  if (!row) throw new AppError('document.not_found', 'not_found');
  return row;
}

/** A document the actor may see at all: published ones for everyone, never-published ones for those who may read drafts. */
export async function visibleDocument(
  tx: Db,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ doc: DocumentRow; roles: DocumentRoles }> {
  const { doc, inARound } = await findDocument(tx, actor, id, lock);
  const roles = await rolesOf(tx, actor, doc, inARound);
  if (doc.currentVersionId === null && !mayReadDrafts(roles))
    throw new AppError('document.not_found', 'not_found');
  return { doc, roles };
}

/**
 * The same rule as a condition on `documents`: the rows of the actor's own organisation they may
 * read. The administrators of the organisation read all of them.
 */
export async function readableCondition(tx: Db, actor: Actor): Promise<SQL> {
  const own = eq(documents.organisationId, actor.organisationId);
  if (await mayKeep(tx, actor)) return own;
  return and(
    own,
    or(
      isNotNull(documents.currentVersionId),
      eq(documents.ownerId, actor.personId),
      eq(documents.approverId, actor.personId),
      sql`${documents.reviewerIds} @> ${JSON.stringify([actor.personId])}::jsonb`,
      inAReviewRound(actor.personId),
    ),
  ) as SQL;
}

export interface ReadableDocument {
  id: string;
  organisationId: string;
  title: string;
  currentVersionId: string | null;
}

/** Of these ids, the documents the actor may read (others, and another organisation's, are left out). */
export async function readableDocuments(tx: Db, actor: Actor, ids: string[]): Promise<ReadableDocument[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: documents.id,
      organisationId: documents.organisationId,
      title: documents.title,
      currentVersionId: documents.currentVersionId,
    })
    .from(documents)
    .where(and(inArray(documents.id, ids), await readableCondition(tx, actor)));
}

/**
 * A document the actor may read, with whether they may change what hangs on it (its owner and the
 * administrators); 404 when they may not read it.
 */
export async function readableDocument(
  tx: Db,
  actor: Actor,
  documentId: string,
): Promise<ReadableDocument & { mayEdit: boolean }> {
  const { doc, roles } = await visibleDocument(tx, actor, documentId);
  return {
    id: doc.id,
    organisationId: doc.organisationId,
    title: doc.title,
    currentVersionId: doc.currentVersionId,
    mayEdit: mayEditDocument(roles),
  };
}
