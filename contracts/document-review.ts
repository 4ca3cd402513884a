import { z } from 'zod';
import { requiredText, text } from './common.ts';
import { pipelineStatuses } from './document-reading.ts';

// The document lifecycle (issue 5): review rounds on a draft with comments anchored to a template
// section and the author's answers, submitting for approval, sending back, archiving and restoring,
// and the document's history of events.

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const expectedVersion = z.number().int().min(1).optional();
const personRef = z.object({ id: z.uuid(), name: z.string() });

export const draftStages = ['writing', 'in_review', 'awaiting_approval'] as const;
export const changeKinds = ['significant', 'minor'] as const;

export const openRoundBody = z
  .object({
    /** the last day reviewers have; today or later */
    deadline: isoDate,
    /** default: the document's reviewers; at least one, active people of the organisation */
    reviewerIds: z.array(z.uuid()).max(50).optional(),
    /** what the author asks the reviewers to look at */
    message: text(2000).optional(),
    expectedVersion,
  })
  .strict();
export type OpenRoundBody = z.infer<typeof openRoundBody>;

export const closeRoundBody = z.object({ expectedVersion }).strict();

export const roundParams = z
  .object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(10000) })
  .strict();

export const commentParams = z.object({ id: z.uuid(), commentId: z.uuid() }).strict();

export const commentBody = z
  .object({
    /** a section of the draft's template */
    sectionId: z.uuid(),
    /** the words commented on */
    quote: text(500).optional(),
    body: requiredText(4000),
  })
  .strict();
export type CommentBody = z.infer<typeof commentBody>;

export const answerBody = z.object({ answer: requiredText(4000) }).strict();

export const submitBody = z.object({ expectedVersion }).strict();
export const sendBackBody = z.object({ reason: requiredText(2000), expectedVersion }).strict();
export const archiveBody = z.object({ reason: requiredText(2000), expectedVersion }).strict();
export const restoreBody = z.object({ expectedVersion }).strict();

export const reviewRoundsQuery = z
  .object({
    /** an earlier version's rounds; default the current draft's */
    version: z.coerce.number().int().min(1).max(100000).optional(),
  })
  .strict();

export const reviewCommentSchema = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  quote: z.string(),
  body: z.string(),
  author: personRef,
  createdAt: isoDateTime,
  answer: z.string().nullable(),
  answeredBy: personRef.nullable(),
  answeredAt: isoDateTime.nullable(),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

export const reviewRoundSchema = z.object({
  number: z.number().int(),
  /** the document version (1, 2, …) the round reviews */
  versionNumber: z.number().int(),
  reviewers: z.array(personRef),
  deadline: isoDate,
  message: z.string(),
  openedBy: personRef,
  openedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  unansweredCount: z.number().int(),
  /**
   * The section titles of the version the round reviews, in the caller's language and that version's
   * order (document_versions.sections, as DocumentVersion.sectionTitles): a comment's sectionId is
   * looked up here, so a round keeps its comments under the titles its version had whatever the
   * template becomes. A comment whose section is not here has no title of its version.
   */
  sectionTitles: z.array(z.object({ id: z.uuid(), label: z.string() })),
  comments: z.array(reviewCommentSchema),
  /** the document's optimistic lock after this request: give it back as expectedVersion */
  documentVersion: z.number().int(),
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;

export const reviewRoundsResponse = z.object({ items: z.array(reviewRoundSchema) });
export type ReviewRounds = z.infer<typeof reviewRoundsResponse>;

export const documentEventKinds = [
  'created',
  'review_opened',
  'review_closed',
  'submitted_for_approval',
  'sent_back',
  'approved',
  'published',
  'archived',
  'restored',
  'pipeline_changed',
] as const;

/**
 * What an event changed, as data for the reader's language: a knowledge support's pipeline status
 * and planned publication day, each only when it changed; a side is null when there was none.
 */
export const documentEventChangeSchema = z.object({
  pipelineStatus: z
    .object({ from: z.enum(pipelineStatuses).nullable(), to: z.enum(pipelineStatuses).nullable() })
    .optional(),
  plannedPublication: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }).optional(),
});
export type DocumentEventChange = z.infer<typeof documentEventChangeSchema>;

export const documentEventSchema = z.object({
  kind: z.enum(documentEventKinds),
  versionNumber: z.number().int().nullable(),
  actor: personRef.nullable(),
  /** the reason given in words (empty when none); a pipeline change written before `change` says it here */
  reason: z.string(),
  /** what the event changed (pipeline_changed); null for the other events and older ones */
  change: documentEventChangeSchema.nullable(),
  at: isoDateTime,
});
export type DocumentEvent = z.infer<typeof documentEventSchema>;

export const documentEventsResponse = z.object({ items: z.array(documentEventSchema) });
export type DocumentEvents = z.infer<typeof documentEventsResponse>;
