import { randomUUID } from 'node:crypto';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  CreateDocumentTemplateBody,
  DocumentTemplate,
  DocumentTemplates,
  TemplateSectionInput,
  UpdateDocumentTemplateBody,
} from '../../../contracts/documents.ts';
import type { Actor } from '../../platform/access.ts';
import { diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { presentTemplate } from './presenters.ts';
import {
  assertNameFree,
  type Change,
  definedOnly,
  fieldError,
  keptOrganisation,
  langs,
  mayKeep,
  sameText,
} from './support.ts';
import { documentTemplates, documentTypes, type LocalizedText, type TemplateSectionRow } from './tables.ts';
import { lockType } from './types.ts';

// Templates give a document its sections, each with guidance on what belongs there. Kept by the
// organisation's administrators, never deleted (active: false takes one out of the authors' choices).

type TemplateRow = typeof documentTemplates.$inferSelect;
type TypeRow = typeof documentTypes.$inferSelect;

const noGuidance: LocalizedText = { sv: '', nb: '', en: '' };

/** The organisation's templates that meet `conditions`, each with its type. */
function templatesWithTypes(tx: Db, organisationId: string, ...conditions: Array<SQL | undefined>) {
  return tx
    .select({ template: documentTemplates, type: documentTypes })
    .from(documentTemplates)
    .innerJoin(documentTypes, eq(documentTypes.id, documentTemplates.typeId))
    .where(and(eq(documentTemplates.organisationId, organisationId), ...conditions));
}

/**
 * The organisation's templates with their sections, by type then name. Authors see active templates
 * of active types; the administrators may ask for the deactivated ones too.
 */
export async function listDocumentTemplates(
  options: { actor: Actor; typeId?: string | undefined; includeInactive: boolean },
  tx: Db,
): Promise<DocumentTemplates> {
  const { actor } = options;
  const keeps = await mayKeep(tx, actor);
  const everything = options.includeInactive && keeps;
  const rows = await templatesWithTypes(
    tx,
    actor.organisationId,
    options.typeId ? eq(documentTemplates.typeId, options.typeId) : undefined,
    everything ? undefined : eq(documentTemplates.active, true),
    everything ? undefined : eq(documentTypes.active, true),
  ).orderBy(asc(sql`${documentTypes.name}->>'sv'`), asc(sql`${documentTemplates.name}->>'sv'`));
  return { items: rows.map((r) => presentTemplate(r.template, r.type, actor.language, keeps)) };
}

/** One template of the actor's organisation; another organisation's does not exist for them. */
export async function getDocumentTemplate(
  options: { actor: Actor; templateId: string },
  tx: Db,
): Promise<DocumentTemplate> {
  const { actor } = options;
  const [found] = await templatesWithTypes(
    tx,
    actor.organisationId,
    eq(documentTemplates.id, options.templateId),
  );
  if (!found) throw new AppError('document.template_not_found', 'not_found');
  return presentTemplate(found.template, found.type, actor.language, await mayKeep(tx, actor));
}

/**
 * The sections as stored: existing ones keep their id (so a rename or a move is still the same
 * section), new ones get one. Titles are unique within the template in every language.
 */
function resolveSections(
  inputs: TemplateSectionInput[],
  existing: TemplateSectionRow[],
): TemplateSectionRow[] {
  const existingIds = new Set(existing.map((s) => s.id));
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  inputs.forEach((section, i) => {
    if (section.id !== undefined) {
      if (!existingIds.has(section.id))
        fields.push({ path: `sections.${i}.id`, key: 'document.section_not_in_template' });
      else if (seen.has(section.id))
        fields.push({ path: `sections.${i}.id`, key: 'document.section_repeated' });
      seen.add(section.id);
    }
    for (const lang of langs) {
      if (inputs.slice(0, i).some((earlier) => sameText(earlier.title[lang], section.title[lang])))
        fields.push({ path: `sections.${i}.title.${lang}`, key: 'document.section_title_duplicate' });
    }
  });
  const [first] = fields;
  if (first) throw new AppError(first.key, 'validation', { fields });
  return inputs.map((section) => ({
    id: section.id ?? randomUUID(),
    title: section.title,
    guidance: section.guidance ?? noGuidance,
  }));
}

/** A type a template may be filed under: the organisation's own, and active. */
async function usableType(tx: Db, organisationId: string, typeId: string): Promise<TypeRow> {
  const type = await lockType(tx, organisationId, typeId);
  if (!type) throw fieldError('document.type_not_found', 'validation', 'typeId');
  if (!type.active) throw fieldError('document.type_inactive', 'validation', 'typeId');
  return type;
}

/** The names of the organisation's templates are unique in every language. */
const kept = { table: documentTemplates, taken: 'document.template_name_taken' };

function auditSections(sections: TemplateSectionRow[]): string[] {
  return sections.map((s) => s.title.sv);
}

export async function createDocumentTemplate(
  options: Change & { input: CreateDocumentTemplateBody },
  tx: Db,
): Promise<DocumentTemplate> {
  const organisationId = await keptOrganisation(tx, options.actor);
  const { input } = options;
  const type = await usableType(tx, organisationId, input.typeId);
  const sections = resolveSections(input.sections, []);
  await assertNameFree(tx, kept, organisationId, input.name);
  const [created] = await tx
    .insert(documentTemplates)
    .values({ organisationId, typeId: type.id, name: input.name, sections, active: input.active ?? true })
    .returning();
  if (!created) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'document_template.created',
    entityType: 'document_template',
    entityId: created.id,
    summary: {
      name: created.name.sv,
      typeId: created.typeId,
      sections: auditSections(created.sections),
      active: created.active,
    },
  });
  return presentTemplate(created, type, options.actor.language, true);
}

async function lockTemplate(tx: Db, organisationId: string, templateId: string): Promise<TemplateRow> {
  const [row] = await tx
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.id, templateId), eq(documentTemplates.organisationId, organisationId)))
    .for('update');
  if (!row) throw new AppError('document.template_not_found', 'not_found');
  return row;
}

export async function updateDocumentTemplate(
  options: Change & { templateId: string; changes: UpdateDocumentTemplateBody },
  tx: Db,
): Promise<DocumentTemplate> {
  const organisationId = await keptOrganisation(tx, options.actor);
  const before = await lockTemplate(tx, organisationId, options.templateId);
  const { changes } = options;
  const type =
    changes.typeId !== undefined && changes.typeId !== before.typeId
      ? await usableType(tx, organisationId, changes.typeId)
      : await lockType(tx, organisationId, before.typeId);
  if (!type) throw new AppError('document.type_not_found', 'not_found');
  const sections = changes.sections ? resolveSections(changes.sections, before.sections) : undefined;
  if (changes.name) await assertNameFree(tx, kept, organisationId, changes.name, before.id);
  const set = definedOnly({ name: changes.name, typeId: changes.typeId, active: changes.active, sections });
  const diff = diffSummary(before, set);
  if (Object.keys(diff).length === 0) return presentTemplate(before, type, options.actor.language, true);
  const [after] = await tx
    .update(documentTemplates)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(documentTemplates.id, before.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  // Sections are summarised by their Swedish titles in order; the row keeps the whole text.
  const { sections: sectionsChanged, ...rest } = diff;
  await writeAudit(tx, options.audit, {
    action: 'document_template.updated',
    entityType: 'document_template',
    entityId: after.id,
    summary: sectionsChanged
      ? { ...rest, sections: [auditSections(before.sections), auditSections(after.sections)] }
      : rest,
  });
  return presentTemplate(after, type, options.actor.language, true);
}
