import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisation/tables.ts';

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
