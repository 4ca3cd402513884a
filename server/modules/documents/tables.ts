import { getTableColumns, sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DocumentEventChange } from '../../../contracts/document-review.ts';
import type { SectionContent } from '../../../contracts/documents.ts';
import { regconfig, tsvector } from '../../platform/pg-types.ts';
import { organisations, people } from '../organisation/tables.ts';

/** Text an organisation writes in every language Loopen speaks. */
export interface LocalizedText {
  sv: string;
  nb: string;
  en: string;
}

/** One section of a template, in order: what the author fills in, and guidance on what belongs there. */
export interface TemplateSectionRow {
  /** stable across renames and moves, so later versions and comments can point at it */
  id: string;
  title: LocalizedText;
  guidance: LocalizedText;
}

/**
 * A section as a version carries it: the template section's id and title as they stood when the draft
 * was last saved. Publishing stops the saving, so a published version keeps the titles it was approved
 * under whatever the template becomes.
 */
export interface VersionSectionRow {
  id: string;
  label: LocalizedText;
}

/** A template's sections as a version freezes them (ids and titles, in order; no guidance). */
export function versionSectionsOf(sections: TemplateSectionRow[]): VersionSectionRow[] {
  return sections.map((s) => ({ id: s.id, label: s.title }));
}

/**
 * The kinds of controlled document an organisation keeps (rutin, riktlinje, vårdprogram …), as data:
 * nothing in the code names one. Never deleted, only deactivated, since documents point at them.
 */
export const documentTypes = pgTable(
  'document_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** documents of this type carry the national knowledge-support pipeline status (seed 003) */
    isKnowledgeSupport: boolean('is_knowledge_support').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The use case compares all three languages; this index settles a race on the Swedish name.
  (t) => [uniqueIndex('document_types_name_idx').on(t.organisationId, sql`lower(${t.name}->>'sv')`)],
);

/**
 * A template: the ordered sections a document of its type is written in (seed 000's routine:
 * Revidering i denna version, Bakgrund, Vilka berörs, Syfte, Åtgärder). The sections are one ordered
 * list that is always read and replaced whole, so they live in the row.
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => documentTypes.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    sections: jsonb('sections').$type<TemplateSectionRow[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_templates_name_idx').on(t.organisationId, sql`lower(${t.name}->>'sv')`),
    index('document_templates_type_idx').on(t.typeId),
  ],
);

export const documentStatus = pgEnum('document_status', ['draft', 'published', 'archived']);
export const documentVersionStatus = pgEnum('document_version_status', ['draft', 'published', 'superseded']);
/**
 * Where a draft stands on its way to publication: being written, out for a review round, or with the
 * approver. Only a draft version has a meaningful stage; published and superseded keep their last.
 */
export const documentDraftStage = pgEnum('document_draft_stage', [
  'writing',
  'in_review',
  'awaiting_approval',
]);
/** A significant change asks the audience to read again; a minor one does not (issue 5). */
export const documentChangeKind = pgEnum('document_change_kind', ['significant', 'minor']);
/** The national knowledge-support pipeline of seed 003, for documents of a knowledge-support type. */
export const knowledgePipelineStatus = pgEnum('knowledge_pipeline_status', [
  'on_list',
  'in_progress',
  'review_round_1',
  'review_round_2',
  'published',
  'regional_addition',
  'under_revision',
]);

/**
 * A controlled document: its metadata and who answers for it. The text lives in its versions; the
 * current published one is pointed at (null until the first is published).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => documentTypes.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => documentTemplates.id),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    approverId: uuid('approver_id').references(() => people.id),
    reviewerIds: jsonb('reviewer_ids').$type<string[]>().notNull().default([]),
    audienceUnitIds: jsonb('audience_unit_ids').$type<string[]>().notNull().default([]),
    audienceProfessions: jsonb('audience_professions').$type<string[]>().notNull().default([]),
    /** set on publishing to the published date + 2 years unless someone chose one */
    reviewBy: date('review_by'),
    status: documentStatus('status').notNull().default('draft'),
    currentVersionId: uuid('current_version_id'),
    /**
     * The version the audience is asked to have read: the latest published with a significant change.
     * A minor change leaves it where it was, so nobody is asked again.
     */
    readVersionId: uuid('read_version_id'),
    /** by when the audience is asked to have read readVersionId */
    readBy: date('read_by'),
    /** seed 003's pipeline, for documents of a knowledge-support type only (null otherwise) */
    pipelineStatus: knowledgePipelineStatus('pipeline_status'),
    /** when the knowledge support is expected to be published: orders "what is next" */
    plannedPublication: date('planned_publication'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedReason: text('archived_reason'),
    /** the language the text is written in, for full-text search: swedish, norwegian or english */
    searchConfig: regconfig('search_config').notNull().default(sql`'swedish'::regconfig`),
    /** the title and the plain text of the current published version (the title alone before the first), kept by the trigger of migration 0010 */
    searchText: text('search_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector(search_config, search_text)`),
    /** optimistic lock, bumped by every change to the document or its draft */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_org_idx').on(t.organisationId, t.typeId, t.status),
    index('documents_template_idx').on(t.templateId),
    index('documents_search_idx').using('gin', t.search),
    index('documents_review_by_idx').on(t.organisationId, t.reviewBy),
  ],
);

/**
 * A document's columns but its search text and vector (kept by migration 0010's trigger, out of line,
 * a few KB): what reading or changing a document needs, without fetching those from TOAST each time.
 */
const { searchText: _searchText, search: _search, ...documentRowColumns } = getTableColumns(documents);

export { documentRowColumns };

/**
 * The versions of a document, numbered 1..n. At most one draft and one published at a time (partial
 * unique indexes); a published one becomes superseded when the next is published. Never deleted.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    number: integer('number').notNull(),
    status: documentVersionStatus('status').notNull().default('draft'),
    content: jsonb('content').$type<SectionContent[]>().notNull(),
    /** the template's sections with their titles, saved with the content; never changed once published (migration 0011) */
    sections: jsonb('sections').$type<VersionSectionRow[]>().notNull(),
    revisionNote: text('revision_note').notNull().default(''),
    stage: documentDraftStage('stage').notNull().default('writing'),
    /** set when published: significant asks the audience to read it (always so for the first) */
    changeKind: documentChangeKind('change_kind'),
    createdById: uuid('created_by_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedById: uuid('published_by_id').references(() => people.id),
  },
  (t) => [
    uniqueIndex('document_versions_number_idx').on(t.documentId, t.number),
    uniqueIndex('document_versions_one_draft_idx').on(t.documentId).where(sql`${t.status} = 'draft'`),
    uniqueIndex('document_versions_one_published_idx').on(t.documentId).where(sql`${t.status} = 'published'`),
  ],
);

/**
 * A review round on a draft version: round 1, 2, … per version, each with its reviewers and a
 * deadline. One open round at a time per document (partial unique index).
 */
export const documentReviewRounds = pgTable(
  'document_review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id),
    number: integer('number').notNull(),
    reviewerIds: jsonb('reviewer_ids').$type<string[]>().notNull(),
    deadline: date('deadline').notNull(),
    /** what the author asks the reviewers to look at */
    message: text('message').notNull().default(''),
    openedById: uuid('opened_by_id')
      .notNull()
      .references(() => people.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('document_review_rounds_number_idx').on(t.versionId, t.number),
    uniqueIndex('document_review_rounds_one_open_idx').on(t.documentId).where(sql`${t.closedAt} is null`),
  ],
);

/** A reviewer's comment, anchored to a template section of the version; the author answers each. */
export const documentReviewComments = pgTable(
  'document_review_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => documentReviewRounds.id),
    /** the template section id the comment is about (SectionContent.sectionId) */
    sectionId: uuid('section_id').notNull(),
    /** the words commented on, when the reviewer marked some */
    quote: text('quote').notNull().default(''),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredById: uuid('answered_by_id').references(() => people.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('document_review_comments_round_idx').on(t.roundId, t.createdAt)],
);

export const documentEventKind = pgEnum('document_event_kind', [
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
]);

/** The document's history as its people see it: who moved it where, with the reason when one is asked. */
export const documentEvents = pgTable(
  'document_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id').references(() => documentVersions.id),
    kind: documentEventKind('kind').notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    /** the approver's reason for sending back, the reason for archiving, a round's message … */
    reason: text('reason').notNull().default(''),
    /** what a pipeline_changed event changed (migration 0015); null for the others and older ones */
    change: jsonb('change').$type<DocumentEventChange>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_events_document_idx').on(t.documentId, t.at)],
);

/** A person's confirmation of having read a version. Once per person and version. */
export const documentAcknowledgements = pgTable(
  'document_acknowledgements',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_acknowledgements_person_idx').on(t.versionId, t.personId),
    index('document_acknowledgements_person_doc_idx').on(t.personId, t.documentId),
  ],
);

/**
 * The review-by reminders sent to the owner (90, 14, 7 and 1 days before): one row per document,
 * review-by date and step, so each is sent exactly once even with two servers running the schedule.
 */
export const documentReviewReminders = pgTable(
  'document_review_reminders',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    reviewBy: date('review_by').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_review_reminders_idx').on(t.documentId, t.reviewBy, t.daysBefore)],
);
