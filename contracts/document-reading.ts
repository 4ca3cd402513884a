import { z } from 'zod';
import { pageQuery } from './common.ts';

// Reading and validity of controlled documents (issue 5): the audience confirms having read the
// version it is asked to read, managers see who in their units has, and knowledge supports carry
// seed 003's pipeline status.

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const personRef = z.object({ id: z.uuid(), name: z.string() });
const unitRef = z.object({ id: z.uuid(), name: z.string() });

// ---------- acknowledgements ----------

export const acknowledgeBody = z
  .object({
    /** the published version read: the current one, or the one the audience is asked to read */
    versionNumber: z.number().int().min(1).max(100000),
  })
  .strict();
export type AcknowledgeBody = z.infer<typeof acknowledgeBody>;

export const acknowledgementSchema = z.object({
  documentId: z.uuid(),
  versionNumber: z.number().int(),
  /** the first time the caller confirmed it; a repeated confirmation keeps it */
  acknowledgedAt: isoDateTime,
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const readingStatuses = ['all', 'read', 'unread'] as const;

export const acknowledgementsQuery = z
  .object({
    /** the unit whose subtree to count; default every unit the caller manages or coordinates */
    unitId: z.uuid().optional(),
    status: z.enum(readingStatuses).default('all'),
    ...pageQuery,
  })
  .strict();

export const acknowledgementOverviewSchema = z.object({
  /** the version the audience is asked to have read; null when the document asks nobody */
  versionNumber: z.number().int().nullable(),
  readBy: isoDate.nullable(),
  /** people of the audience in the unit's subtree */
  audience: z.number().int(),
  /** of those, the ones who have confirmed reading that version (or a later one) */
  read: z.number().int(),
  items: z.array(
    z.object({
      person: personRef,
      unit: unitRef,
      profession: z.string().nullable(),
      acknowledgedAt: isoDateTime.nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AcknowledgementOverview = z.infer<typeof acknowledgementOverviewSchema>;

// ---------- my reading list ----------

export const readingListQuery = z
  .object({
    /** unread: asked of me and not yet confirmed; read: confirmed in the last 90 days; all: both */
    status: z.enum(readingStatuses).default('all'),
    ...pageQuery,
  })
  .strict();

export const readingItemSchema = z.object({
  documentId: z.uuid(),
  title: z.string(),
  type: z.object({ id: z.uuid(), label: z.string() }),
  versionNumber: z.number().int(),
  readBy: isoDate.nullable(),
  /** asked of me, not yet read, and the read-by day is over */
  overdue: z.boolean(),
  acknowledgedAt: isoDateTime.nullable(),
});
export type ReadingItem = z.infer<typeof readingItemSchema>;

export const readingListResponse = z.object({
  /** first what I am asked to read (earliest read-by first), then what I read recently (newest first) */
  items: z.array(readingItemSchema),
  total: z.number().int(),
  /** how many documents ask me to read them, whatever the page */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReadingList = z.infer<typeof readingListResponse>;

export const readingOverviewQuery = z.object({ unitId: z.uuid().optional(), ...pageQuery }).strict();

export const readingOverviewResponse = z.object({
  items: z.array(
    z.object({
      documentId: z.uuid(),
      title: z.string(),
      versionNumber: z.number().int(),
      readBy: isoDate.nullable(),
      audience: z.number().int(),
      read: z.number().int(),
    }),
  ),
  /** documents that ask the scope to read them, whatever the page */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReadingOverview = z.infer<typeof readingOverviewResponse>;

// ---------- knowledge supports (seed 003) ----------

export const pipelineStatuses = [
  'on_list',
  'in_progress',
  'review_round_1',
  'review_round_2',
  'published',
  'regional_addition',
  'under_revision',
] as const;
export type PipelineStatus = (typeof pipelineStatuses)[number];

export const knowledgeSupportItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(pipelineStatuses),
  plannedPublication: isoDate.nullable(),
  owner: personRef,
});
export type KnowledgeSupportItem = z.infer<typeof knowledgeSupportItemSchema>;

export const knowledgeSupportsResponse = z.object({
  /** with a current version (an on_list/in_progress it still carries shows as published), or set so by hand */
  published: z.array(knowledgeSupportItemSchema),
  /** never published: review round 2 first, then review round 1 */
  nearPublication: z.array(knowledgeSupportItemSchema),
  /** never published: in progress first, then on the list; each by planned publication */
  next: z.array(knowledgeSupportItemSchema),
  regionalAdditions: z.array(knowledgeSupportItemSchema),
  /** under revision, and a published one whose new version is in review round 1 or 2 (its status says so) */
  underRevision: z.array(knowledgeSupportItemSchema),
});
export type KnowledgeSupports = z.infer<typeof knowledgeSupportsResponse>;
