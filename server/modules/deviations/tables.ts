import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bodies, organisations } from '../organisation/tables.ts';

/** Text an organisation writes in every language Loopen speaks. */
export interface LocalizedText {
  sv: string;
  nb: string;
  en: string;
}

/**
 * The first choice a reporter makes (e.g. "Vårdavvikelse"). Per organisation, maintained as data:
 * nothing in the code names a particular entry, classification or body.
 */
export const deviationEntries = pgTable(
  'deviation_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** a stable key for imports and links, e.g. 'care' */
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    help: jsonb('help').$type<LocalizedText>(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deviation_entries_key_idx').on(t.organisationId, t.key)],
);

/**
 * The classification tree under an entry, of any depth (area → type → …). A node without children
 * is what a reporter finally picks; its settings decide the flow of the report.
 */
export const deviationCategories = pgTable(
  'deviation_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => deviationEntries.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => deviationCategories.id),
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    help: jsonb('help').$type<LocalizedText>(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** a patient was or could have been affected: the report gets the protected patient field */
    patientRelated: boolean('patient_related').notNull().default(false),
    /** days the manager has to handle a report of this type */
    handlingDays: integer('handling_days').notNull().default(30),
    /** when a patient was harmed, offer a companion report of this entry, pre-filled and linked */
    companionEntryId: uuid('companion_entry_id').references((): AnyPgColumn => deviationEntries.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deviation_categories_key_idx').on(t.entryId, t.key),
    index('deviation_categories_parent_idx').on(t.parentId),
  ],
);

/** The escalation ladder of a category: the bodies a case climbs, in order (1 is the first body). */
export const deviationLadderSteps = pgTable(
  'deviation_ladder_steps',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => deviationCategories.id),
    position: integer('position').notNull(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.position] })],
);
