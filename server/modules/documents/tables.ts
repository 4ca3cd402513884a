import { sql } from 'drizzle-orm';
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
import type { SectionContent } from '../../../contracts/documents.ts';
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
    /** optimistic lock, bumped by every change to the document or its draft */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_org_idx').on(t.organisationId, t.typeId, t.status),
    index('documents_template_idx').on(t.templateId),
  ],
);

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
    revisionNote: text('revision_note').notNull().default(''),
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
