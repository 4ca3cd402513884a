import { and, asc, eq } from 'drizzle-orm';
import type { ChangedDocument, DocumentDeviations } from '../../../contracts/document-search.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import {
  documents,
  documentVersions,
  type ReadableDocument,
  readableDocument,
  readableDocuments,
} from '../documents/index.ts';
import './document-links-messages.ts';
import { caseViewOf } from './policy.ts';
import { requireCase } from './records.ts';
import { deviationCategories, deviationDocumentLinks, deviations } from './tables.ts';

// The links between a deviation and the documents changed because of it (issue 5): "this routine
// changed because of AV-2026-000123", and on the case, the documents changed because of it. Made
// when the case is closed with "routine changed", or afterwards by the document's owner. The
// deviations build on the documents, never the other way round.

/**
 * The documents a close names as changed: each must be one the closing person may read, of the
 * case's organisation. Otherwise 422 naming each wrong entry, before anything is written.
 */
export async function changedDocumentsFor(
  tx: Db,
  actor: Actor,
  caseOrganisationId: string,
  ids: readonly string[] | undefined,
): Promise<ReadableDocument[]> {
  if (!ids || ids.length === 0) return [];
  const wanted = [...new Set(ids)];
  const readable = (await readableDocuments(tx, actor, wanted)).filter(
    (doc) => doc.organisationId === caseOrganisationId,
  );
  const known = new Set(readable.map((doc) => doc.id));
  const errors: FieldError[] = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ i }) => ({ path: `changedDocumentIds.${i}`, key: 'deviation.changed_document_unknown' }));
  const [first] = errors;
  if (first) throw new AppError(first.key, 'unprocessable', { fields: errors });
  return readable;
}

/** Links the case to the documents, with each one's current version; one audit row per document. */
export async function linkDocuments(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  deviation: { id: string; number: string },
  docs: readonly ReadableDocument[],
): Promise<void> {
  if (docs.length === 0) return;
  await tx
    .insert(deviationDocumentLinks)
    .values(
      docs.map((doc) => ({
        deviationId: deviation.id,
        documentId: doc.id,
        versionId: doc.currentVersionId,
        createdById: actor.personId,
      })),
    )
    .onConflictDoNothing();
  await writeAudit(
    tx,
    audit,
    docs.map((doc) => ({
      action: 'document.deviation_linked',
      entityType: 'document',
      entityId: doc.id,
      summary: { deviationId: deviation.id, number: deviation.number, versionId: doc.currentVersionId },
    })),
  );
}

/** For the case view: the documents changed because of the case, with the version that carried the change. */
export async function changedDocumentsOf(tx: Db, deviationId: string): Promise<ChangedDocument[]> {
  const rows = await tx
    .select({ id: documents.id, title: documents.title, versionNumber: documentVersions.number })
    .from(deviationDocumentLinks)
    .innerJoin(documents, eq(documents.id, deviationDocumentLinks.documentId))
    .leftJoin(documentVersions, eq(documentVersions.id, deviationDocumentLinks.versionId))
    .where(eq(deviationDocumentLinks.deviationId, deviationId))
    .orderBy(asc(documents.title), asc(documents.id));
  return rows.map((r) => ({ id: r.id, title: r.title, versionNumber: r.versionNumber ?? null }));
}

/**
 * The deviations that led to changes of a document. Every reader of the document sees their numbers;
 * the id and the type only those who may read the case. The cases shown are logged as read.
 */
export async function listDocumentDeviations(
  options: { actor: Actor; audit: AuditContext; documentId: string },
  tx: Db,
): Promise<DocumentDeviations> {
  const { actor } = options;
  const doc = await readableDocument(tx, actor, options.documentId);
  const links = await tx
    .select({
      deviationId: deviations.id,
      number: deviations.number,
      categoryName: deviationCategories.name,
      linkedAt: deviationDocumentLinks.createdAt,
    })
    .from(deviationDocumentLinks)
    .innerJoin(deviations, eq(deviations.id, deviationDocumentLinks.deviationId))
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .where(eq(deviationDocumentLinks.documentId, doc.id))
    .orderBy(asc(deviationDocumentLinks.createdAt), asc(deviations.number));
  const items: DocumentDeviations['items'] = [];
  const opened: string[] = [];
  for (const link of links) {
    // One case at a time: a transaction is one connection, and the links of a document are few.
    const c = await requireCase(tx, link.deviationId);
    const mayRead = caseViewOf(actor, c.facts) !== null;
    if (mayRead) opened.push(link.deviationId);
    items.push({
      number: link.number,
      id: mayRead ? link.deviationId : null,
      summary: mayRead ? link.categoryName[actor.language] || link.categoryName.sv : null,
      linkedAt: link.linkedAt.toISOString(),
    });
  }
  if (opened.length > 0) {
    await writeAudit(tx, options.audit, {
      action: 'deviation.listed',
      entityType: 'deviation',
      summary: { view: 'document', documentId: doc.id, ids: opened },
    });
  }
  return { items };
}

/** The document's owner and the administrators link it to a case they may read, by its number. */
export async function linkDeviationToDocument(
  options: { actor: Actor; audit: AuditContext; documentId: string; deviationNumber: string },
  tx: Db,
): Promise<DocumentDeviations> {
  const { actor } = options;
  const doc = await readableDocument(tx, actor, options.documentId);
  if (!doc.mayEdit) throw new AppError('deviation.document_link_denied', 'forbidden');
  const unknown = new AppError('deviation.link_case_unknown', 'unprocessable', {
    fields: [{ path: 'deviationNumber', key: 'deviation.link_case_unknown' }],
  });
  const [found] = await tx
    .select({ id: deviations.id, number: deviations.number })
    .from(deviations)
    .where(
      and(eq(deviations.organisationId, doc.organisationId), eq(deviations.number, options.deviationNumber)),
    );
  if (!found) throw unknown;
  const c = await requireCase(tx, found.id);
  if (caseViewOf(actor, c.facts) === null) throw unknown;
  const [existing] = await tx
    .select({ documentId: deviationDocumentLinks.documentId })
    .from(deviationDocumentLinks)
    .where(
      and(eq(deviationDocumentLinks.deviationId, found.id), eq(deviationDocumentLinks.documentId, doc.id)),
    );
  if (existing)
    throw new AppError('deviation.document_link_exists', 'conflict', {
      fields: [{ path: 'deviationNumber', key: 'deviation.document_link_exists' }],
    });
  await linkDocuments(tx, options.audit, actor, found, [doc]);
  return listDocumentDeviations(options, tx);
}

/** The document's owner and the administrators take a link away. */
export async function unlinkDeviationFromDocument(
  options: { actor: Actor; audit: AuditContext; documentId: string; deviationId: string },
  tx: Db,
): Promise<void> {
  const { actor } = options;
  const doc = await readableDocument(tx, actor, options.documentId);
  if (!doc.mayEdit) throw new AppError('deviation.document_link_denied', 'forbidden');
  const removed = await tx
    .delete(deviationDocumentLinks)
    .where(
      and(
        eq(deviationDocumentLinks.documentId, doc.id),
        eq(deviationDocumentLinks.deviationId, options.deviationId),
      ),
    )
    .returning({ deviationId: deviationDocumentLinks.deviationId });
  if (removed.length === 0) throw new AppError('deviation.document_link_not_found', 'not_found');
  await writeAudit(tx, options.audit, {
    action: 'document.deviation_unlinked',
    entityType: 'document',
    entityId: doc.id,
    summary: { deviationId: options.deviationId },
  });
}
