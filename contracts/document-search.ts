import { z } from 'zod';
import { requiredText, safeString } from './common.ts';
import { documentStatuses } from './documents.ts';

// Finding documents by their words (issue 5): GET /api/documents/search, and the links between a
// deviation and the documents changed because of it (GET/POST/DELETE under /api/documents/{id}).

/** GET /api/documents/search */
export const documentSearchQuery = z
  .object({
    /** words, "a phrase", -not, or: as in a web search; matched in Swedish, Norwegian and English */
    q: requiredText(200),
    typeId: z.uuid().optional(),
    /** documents whose audience includes this unit or a unit above it */
    unitId: z.uuid().optional(),
    /** documents whose audience includes this profession (its code, e.g. sjukskoterska) */
    profession: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/)
      .optional(),
    status: z.enum(documentStatuses).optional(),
    /** 'true': past its review-by date (before today in Europe/Stockholm); 'false': not */
    pastReviewDate: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type DocumentSearchQuery = z.input<typeof documentSearchQuery>;

/**
 * A piece of the text around a hit: the words that matched have hit true. Plain text, never markup:
 * show it as text (fragments are separated by a piece ' … ' with hit false).
 */
export const highlightSchema = z.object({ text: z.string(), hit: z.boolean() });
export type Highlight = z.infer<typeof highlightSchema>;

export const documentSearchItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** the document type's name in the caller's language */
  typeLabel: z.string(),
  status: z.enum(documentStatuses),
  /** the number of the current (published) version; null before the first publication */
  versionNumber: z.number().int().nullable(),
  reviewBy: z.string().nullable(),
  pastReviewDate: z.boolean(),
  highlights: z.array(highlightSchema),
});
export type DocumentSearchItem = z.infer<typeof documentSearchItemSchema>;

export const documentSearchResponse = z.object({
  items: z.array(documentSearchItemSchema),
  total: z.number().int(),
  /** true when there are more than `total` matches: searches count at most 1000 (say "1000+") */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DocumentSearch = z.infer<typeof documentSearchResponse>;

// ---------- deviation ↔ document links ----------

/** A deviation that led to a change of the document. The number is for every reader of the document. */
export const documentDeviationSchema = z.object({
  number: z.string(),
  /** to open the case: only when the caller may read it */
  id: z.uuid().nullable(),
  /** the deviation's type in the caller's language: only when the caller may read the case */
  summary: z.string().nullable(),
  linkedAt: z.string(),
});
export type DocumentDeviation = z.infer<typeof documentDeviationSchema>;

export const documentDeviationsResponse = z.object({ items: z.array(documentDeviationSchema) });
export type DocumentDeviations = z.infer<typeof documentDeviationsResponse>;

/** POST /api/documents/{id}/deviation-links */
export const documentDeviationLinkBody = z
  .object({
    deviationNumber: safeString()
      .min(1)
      .max(40)
      .transform((s) => s.trim().toUpperCase()),
  })
  .strict();
export type DocumentDeviationLinkBody = z.input<typeof documentDeviationLinkBody>;

export const documentDeviationLinkParams = z.object({ id: z.uuid(), deviationId: z.uuid() }).strict();

/** On the case view: the documents changed because of this case (for those who see its handling). */
export const changedDocumentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** the version that carried the change, when known */
  versionNumber: z.number().int().nullable(),
});
export type ChangedDocument = z.infer<typeof changedDocumentSchema>;

export const MAX_CHANGED_DOCUMENTS = 20;
