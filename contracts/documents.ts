import { z } from 'zod';
import { requiredText, safeString, text } from './common.ts';
import { pipelineStatuses } from './document-reading.ts';
import { changeKinds, draftStages } from './document-review.ts';

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

// ---------- document content (decision 0006) ----------
// A version's content is, per template section, a tree of JSON nodes in a small closed vocabulary.
// Every object is strict (no extra keys), so a `script`, an `onclick` or a `style` cannot be said;
// links are http:, https: or mailto: only. Lists nest at most MAX_LIST_DEPTH deep: the schema is
// unrolled to that depth rather than recursive, which is the depth limit.

export const MAX_LIST_DEPTH = 3;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_NODES_PER_SECTION = 500;
export const MAX_INLINE_NODES = 200;
export const MAX_TABLE_ROWS = 200;
export const MAX_TABLE_CELLS = 30;
export const MAX_LIST_ITEMS = 200;
export const MAX_HREF_LENGTH = 2000;
export const linkSchemes = ['http:', 'https:', 'mailto:'] as const;

/** A link target a reader may follow without running anything: http, https or mailto only. */
export function isSafeHref(href: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters hide schemes from naive parsers
  if (/[\u0000-\u0020\u007F]/.test(href)) return false;
  try {
    const url = new URL(href);
    return (linkSchemes as readonly string[]).includes(url.protocol);
  } catch {
    return false;
  }
}

const contentText = safeString()
  .max(MAX_TEXT_LENGTH)
  .refine((s) => s.length > 0, { params: { key: 'validation.required' } });

export const textNode = z
  .object({
    type: z.literal('text'),
    text: contentText,
    marks: z
      .array(z.enum(['bold', 'italic']))
      .max(2)
      .optional(),
  })
  .strict();

export const linkNode = z
  .object({
    type: z.literal('link'),
    href: safeString()
      .max(MAX_HREF_LENGTH)
      .refine(isSafeHref, { params: { key: 'document.link_scheme' } }),
    content: z.array(textNode).min(1).max(MAX_INLINE_NODES),
  })
  .strict();

const inlineNode = z.discriminatedUnion('type', [textNode, linkNode]);
const inlineContent = z.array(inlineNode).max(MAX_INLINE_NODES);

export const paragraphNode = z.object({ type: z.literal('paragraph'), content: inlineContent }).strict();

export const headingNode = z
  .object({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    content: inlineContent,
  })
  .strict();

const tableCellNode = z
  .object({
    type: z.literal('tableCell'),
    /** a header cell (th) rather than a data cell (td) */
    header: z.boolean(),
    content: z.array(paragraphNode).max(50),
  })
  .strict();
const tableRowNode = z
  .object({ type: z.literal('tableRow'), content: z.array(tableCellNode).min(1).max(MAX_TABLE_CELLS) })
  .strict();
export const tableNode = z
  .object({ type: z.literal('table'), content: z.array(tableRowNode).min(1).max(MAX_TABLE_ROWS) })
  .strict();

/** The block nodes allowed where lists may still nest `depth` more levels. */
function blockNode(depth: number): z.ZodType {
  if (depth === 0) return z.discriminatedUnion('type', [paragraphNode, headingNode, tableNode]);
  const inner = blockNode(depth - 1);
  const listItem = z.object({ type: z.literal('listItem'), content: z.array(inner).min(1).max(50) }).strict();
  const list = (type: 'bulletList' | 'orderedList') =>
    z.object({ type: z.literal(type), content: z.array(listItem).min(1).max(MAX_LIST_ITEMS) }).strict();
  return z.discriminatedUnion('type', [
    paragraphNode,
    headingNode,
    tableNode,
    list('bulletList'),
    list('orderedList'),
  ]);
}

export const contentNode = blockNode(MAX_LIST_DEPTH);

/** Inline content as the server stores and answers it. */
export type InlineNode =
  | { type: 'text'; text: string; marks?: Array<'bold' | 'italic'> }
  | {
      type: 'link';
      href: string;
      content: Array<{ type: 'text'; text: string; marks?: Array<'bold' | 'italic'> }>;
    };
export type ContentNode =
  | { type: 'paragraph'; content: InlineNode[] }
  | { type: 'heading'; level: 2 | 3 | 4; content: InlineNode[] }
  | {
      type: 'table';
      content: Array<{
        type: 'tableRow';
        content: Array<{
          type: 'tableCell';
          header: boolean;
          content: Array<{ type: 'paragraph'; content: InlineNode[] }>;
        }>;
      }>;
    }
  | { type: 'bulletList' | 'orderedList'; content: Array<{ type: 'listItem'; content: ContentNode[] }> };

export const sectionContentInput = z
  .object({
    /** a section of the document's template */
    sectionId: z.uuid(),
    nodes: z.array(contentNode).max(MAX_NODES_PER_SECTION),
  })
  .strict();

/** A version's content: one entry per template section, in the template's order (checked by the server). */
export const documentContentInput = z.array(sectionContentInput).max(MAX_TEMPLATE_SECTIONS);
export interface SectionContent {
  sectionId: string;
  nodes: ContentNode[];
}

// ---------- documents and versions ----------

export const documentStatuses = ['draft', 'published', 'archived'] as const;
export const versionStatuses = ['draft', 'published', 'superseded'] as const;
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const expectedVersion = z.number().int().min(1).optional();
const professionCode = z.string().regex(/^[a-z0-9_-]{1,40}$/);

export const createDocumentBody = z
  .object({
    templateId: z.uuid(),
    title: requiredText(300),
    /** the owner; default the caller */
    ownerId: z.uuid().optional(),
    approverId: z.uuid().nullable().optional(),
    reviewerIds: z.array(z.uuid()).max(50).optional(),
    audienceUnitIds: z.array(z.uuid()).max(200).optional(),
    audienceProfessions: z.array(professionCode).max(50).optional(),
  })
  .strict();
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z
  .object({
    title: requiredText(300).optional(),
    ownerId: z.uuid().optional(),
    approverId: z.uuid().nullable().optional(),
    reviewerIds: z.array(z.uuid()).max(50).optional(),
    audienceUnitIds: z.array(z.uuid()).max(200).optional(),
    audienceProfessions: z.array(professionCode).max(50).optional(),
    reviewBy: isoDate.optional(),
    /** seed 003's pipeline: only for documents of a knowledge-support type (422 otherwise) */
    pipelineStatus: z.enum(pipelineStatuses).optional(),
    plannedPublication: isoDate.nullable().optional(),
    expectedVersion,
  })
  .strict();
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const putDraftBody = z
  .object({
    sections: documentContentInput,
    revisionNote: text(2000).optional(),
    expectedVersion,
  })
  .strict();
export type PutDraftBody = z.infer<typeof putDraftBody>;

/**
 * The approver's approval. changeKind is required from version 2 on (the first is always
 * significant); a significant change asks the audience to read it by readBy (default 30 days on).
 */
export const publishBody = z
  .object({
    changeKind: z.enum(changeKinds).optional(),
    readBy: isoDate.optional(),
    /** replaces the draft's revision note when given */
    revisionNote: text(2000).optional(),
    expectedVersion,
  })
  .strict();
export type PublishBody = z.infer<typeof publishBody>;

export const documentActionNames = [
  'edit',
  /** PATCH the document's details (title, people, audience, review-by, pipeline) */
  'edit_details',
  'open_review',
  'close_review',
  'comment',
  'answer',
  'submit',
  'publish',
  'send_back',
  'archive',
  'restore',
] as const;
export type DocumentAction = (typeof documentActionNames)[number];

const personRef = z.object({ id: z.uuid(), name: z.string() });
const storedNode: z.ZodType = z.record(z.string(), z.unknown());

export const documentVersionSchema = z.object({
  number: z.number().int(),
  status: z.enum(versionStatuses),
  sections: z.array(z.object({ sectionId: z.uuid(), nodes: z.array(storedNode) })),
  /**
   * The version's own section titles in the caller's language, in order: the template's as they stood
   * when the draft was last saved, kept once published (a later template edit does not rewrite them).
   */
  sectionTitles: z.array(z.object({ id: z.uuid(), label: z.string() })),
  revisionNote: z.string(),
  createdBy: personRef.nullable(),
  createdAt: isoDateTime,
  publishedAt: isoDateTime.nullable(),
  publishedBy: personRef.nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentListItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(documentStatuses),
  type: z.object({ id: z.uuid(), label: z.string() }),
  templateId: z.uuid(),
  owner: personRef,
  currentVersion: z.number().int().nullable(),
  reviewBy: isoDate.nullable(),
  /** the review-by day is over (a day in Europe/Stockholm) */
  pastReviewDate: z.boolean(),
  updatedAt: isoDateTime,
});
export type DocumentListItem = z.infer<typeof documentListItemSchema>;

export const documentSchema = documentListItemSchema.extend({
  approver: personRef.nullable(),
  reviewers: z.array(personRef),
  audienceUnitIds: z.array(z.uuid()),
  audienceProfessions: z.array(z.string()),
  /** seed 003's pipeline status, for documents of a knowledge-support type; null for the others */
  pipelineStatus: z.enum(pipelineStatuses).nullable(),
  plannedPublication: isoDate.nullable(),
  /** optimistic lock: give it back as expectedVersion */
  version: z.number().int(),
  current: documentVersionSchema.nullable(),
  /** the draft, for those who may read drafts (owner, reviewers, approver, administrators) */
  draft: documentVersionSchema.nullable(),
  /** where the draft stands (null without a draft, or for those who may not read drafts) */
  stage: z.enum(draftStages).nullable(),
  /** the draft's open review round, for those who may read drafts */
  openRound: z
    .object({ number: z.number().int(), deadline: isoDate, unansweredCount: z.number().int() })
    .nullable(),
  archivedReason: z.string().nullable(),
  /** what the caller may do now */
  allowedActions: z.array(z.enum(documentActionNames)),
});
export type Document = z.infer<typeof documentSchema>;

export const documentListQuery = z
  .object({
    typeId: z.uuid().optional(),
    status: z.enum(documentStatuses).optional(),
    /** true: only those past their review-by day; false: only those not past it */
    pastReviewDate: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();
export type DocumentListQuery = z.input<typeof documentListQuery>;

export const documentListResponse = z.object({
  items: z.array(documentListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DocumentList = z.infer<typeof documentListResponse>;

export const documentVersionsResponse = z.object({
  items: z.array(documentVersionSchema.omit({ sections: true, sectionTitles: true })),
});
export type DocumentVersions = z.infer<typeof documentVersionsResponse>;

export const versionParams = z
  .object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(100000) })
  .strict();
