import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  CreateDocumentTypeBody,
  DocumentType,
  DocumentTypes,
  UpdateDocumentTypeBody,
} from '../../../contracts/documents.ts';
import type { Actor } from '../../platform/access.ts';
import { diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { presentType } from './presenters.ts';
import { assertNameFree, type Change, definedOnly, keptOrganisation, mayKeep } from './support.ts';
import { documentTypes } from './tables.ts';

// Document types are kept by the organisation's administrators and never deleted: documents point
// at them, so switching one off (active: false) is how it leaves the authors' choices.

type TypeRow = typeof documentTypes.$inferSelect;

/** The organisation's types in Swedish alphabetical order; deactivated ones only for its administrators. */
export async function listDocumentTypes(
  options: { actor: Actor; includeInactive: boolean },
  tx: Db,
): Promise<DocumentTypes> {
  const { actor } = options;
  const keeps = await mayKeep(tx, actor);
  const rows = await tx
    .select()
    .from(documentTypes)
    .where(
      and(
        eq(documentTypes.organisationId, actor.organisationId),
        options.includeInactive && keeps ? undefined : eq(documentTypes.active, true),
      ),
    )
    .orderBy(asc(sql`${documentTypes.name}->>'sv'`));
  return { items: rows.map((row) => presentType(row, actor.language, keeps)) };
}

/** The names of the organisation's types are unique in every language. */
const kept = { table: documentTypes, taken: 'document.type_name_taken' };

export async function createDocumentType(
  options: Change & { input: CreateDocumentTypeBody },
  tx: Db,
): Promise<DocumentType> {
  const organisationId = await keptOrganisation(tx, options.actor);
  const { input } = options;
  await assertNameFree(tx, kept, organisationId, input.name);
  const [created] = await tx
    .insert(documentTypes)
    .values({
      organisationId,
      name: input.name,
      isKnowledgeSupport: input.isKnowledgeSupport ?? false,
      active: input.active ?? true,
    })
    .returning();
  if (!created) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'document_type.created',
    entityType: 'document_type',
    entityId: created.id,
    summary: {
      name: created.name.sv,
      isKnowledgeSupport: created.isKnowledgeSupport,
      active: created.active,
    },
  });
  return presentType(created, options.actor.language, true);
}

/** The type, locked for the change, when it belongs to the organisation. */
export async function lockType(tx: Db, organisationId: string, typeId: string): Promise<TypeRow | undefined> {
  const [row] = await tx
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.id, typeId), eq(documentTypes.organisationId, organisationId)))
    .for('update');
  return row;
}

export async function updateDocumentType(
  options: Change & { typeId: string; changes: UpdateDocumentTypeBody },
  tx: Db,
): Promise<DocumentType> {
  const organisationId = await keptOrganisation(tx, options.actor);
  const before = await lockType(tx, organisationId, options.typeId);
  if (!before) throw new AppError('document.type_not_found', 'not_found');
  const set = definedOnly(options.changes);
  if (set.name) await assertNameFree(tx, kept, organisationId, set.name, before.id);
  const changes = diffSummary(before, set);
  if (Object.keys(changes).length === 0) return presentType(before, options.actor.language, true);
  const [after] = await tx
    .update(documentTypes)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(documentTypes.id, before.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'document_type.updated',
    entityType: 'document_type',
    entityId: after.id,
    summary: changes,
  });
  return presentType(after, options.actor.language, true);
}
