import { z } from 'zod';
import { requiredText, text } from './common.ts';

// Controlled documents: the types an organisation files its documents under (rutin, riktlinje,
// vårdprogram, PM, kliniskt kunskapsstöd …) and the templates whose sections an author fills in.
// Both are per organisation, kept by its administrators, and never deleted: switching one off
// (active: false) takes it out of the authors' choices.

const localized = z.object({ sv: z.string(), nb: z.string(), en: z.string() });

/** A name in every language Loopen speaks: all three are required. */
export const documentNameInput = z
  .object({ sv: requiredText(200), nb: requiredText(200), en: requiredText(200) })
  .strict();

/** A section title in the three languages, all required. */
const sectionTitleInput = z
  .object({ sv: requiredText(120), nb: requiredText(120), en: requiredText(120) })
  .strict();

/** What belongs in the section, told to the author; may be empty in every language. */
const sectionGuidanceInput = z.object({ sv: text(2000), nb: text(2000), en: text(2000) }).strict();

export const MAX_TEMPLATE_SECTIONS = 40;

export const templateSectionInput = z
  .object({
    /** an existing section of this template, to keep its identity when renamed or moved; absent for a new one */
    id: z.uuid().optional(),
    title: sectionTitleInput,
    guidance: sectionGuidanceInput.optional(),
  })
  .strict();
export type TemplateSectionInput = z.infer<typeof templateSectionInput>;

/** The sections in order. At least one; titles unique within the template (checked by the server). */
const sectionsInput = z
  .array(templateSectionInput)
  .max(MAX_TEMPLATE_SECTIONS)
  .refine((sections) => sections.length > 0, { params: { key: 'document.sections_required' } });

// ---------- document types ----------

export const createDocumentTypeBody = z
  .object({
    name: documentNameInput,
    /** documents of this type also carry the national knowledge-support pipeline status */
    isKnowledgeSupport: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type CreateDocumentTypeBody = z.infer<typeof createDocumentTypeBody>;
export const updateDocumentTypeBody = createDocumentTypeBody.partial().strict();
export type UpdateDocumentTypeBody = z.infer<typeof updateDocumentTypeBody>;

export const documentTypeSchema = z.object({
  id: z.uuid(),
  /** the name in every language, for those who keep it */
  name: localized,
  /** the name in the caller's language */
  label: z.string(),
  isKnowledgeSupport: z.boolean(),
  active: z.boolean(),
  allowedActions: z.array(z.enum(['edit'])),
});
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentTypesQuery = z
  .object({
    /** include deactivated types (for administrators keeping the list); default: active only */
    includeInactive: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const documentTypesResponse = z.object({ items: z.array(documentTypeSchema) });
export type DocumentTypes = z.infer<typeof documentTypesResponse>;

// ---------- templates ----------

export const createDocumentTemplateBody = z
  .object({
    name: documentNameInput,
    typeId: z.uuid(),
    sections: sectionsInput,
    active: z.boolean().optional(),
  })
  .strict();
export type CreateDocumentTemplateBody = z.infer<typeof createDocumentTemplateBody>;
/** Any field may change; `sections`, when given, replaces the whole ordered list. */
export const updateDocumentTemplateBody = createDocumentTemplateBody.partial().strict();
export type UpdateDocumentTemplateBody = z.infer<typeof updateDocumentTemplateBody>;

export const templateSectionSchema = z.object({
  id: z.uuid(),
  title: localized,
  guidance: localized,
  /** title and guidance in the caller's language */
  label: z.string(),
  guidanceText: z.string(),
});
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const documentTemplateSchema = z.object({
  id: z.uuid(),
  name: localized,
  label: z.string(),
  type: z.object({
    id: z.uuid(),
    label: z.string(),
    isKnowledgeSupport: z.boolean(),
    active: z.boolean(),
  }),
  sections: z.array(templateSectionSchema),
  active: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  allowedActions: z.array(z.enum(['edit'])),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

export const documentTemplatesQuery = z
  .object({
    typeId: z.uuid().optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const documentTemplatesResponse = z.object({ items: z.array(documentTemplateSchema) });
export type DocumentTemplates = z.infer<typeof documentTemplatesResponse>;
