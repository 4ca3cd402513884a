import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const organisationKind = pgEnum('organisation_kind', ['region', 'municipality', 'agency', 'other']);
export const roleName = pgEnum('role_name', ['staff', 'manager', 'quality_coordinator', 'administrator']);
export const bodyKind = pgEnum('body_kind', ['committee', 'forum', 'collaboration_group']);
export const bodyRole = pgEnum('body_role', ['chair', 'member', 'secretary']);
export const langEnum = pgEnum('language', ['sv', 'nb', 'en']);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  kind: organisationKind('kind').notNull(),
  /** e.g. a Swedish organisationsnummer; optional */
  orgNumber: text('org_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The unit tree. `path` is the chain of ids from the root ('/<root>/<child>/…/<self>/') so that a
 * subtree is one prefix match; moving a unit rewrites its subtree's paths in one statement.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    name: text('name').notNull(),
    /** an external identifier such as an HSA-id; unique when present */
    externalId: text('external_id'),
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_external_id_idx').on(t.externalId).where(sql`${t.externalId} is not null`),
    index('units_path_idx').on(t.path.op('text_pattern_ops')),
    index('units_parent_idx').on(t.parentId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    username: text('username').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    profession: text('profession'),
    language: langEnum('language').notNull().default('sv'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_username_idx').on(sql`lower(${t.username})`),
    index('people_email_idx').on(t.email),
  ],
);

/** A role held over a unit and its whole subtree. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: roleName('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_assignments_unique_idx').on(t.personId, t.role, t.unitId),
    index('role_assignments_unit_idx').on(t.unitId, t.role),
  ],
);

/** Committees, forums and collaboration groups; members may come from several organisations. */
export const bodies = pgTable('bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull().unique(),
  kind: bodyKind('kind').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bodyMembers = pgTable(
  'body_members',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: bodyRole('role').notNull().default('member'),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.personId] }), index('body_members_person_idx').on(t.personId)],
);

/** A unit's contact persons at a partner organisation (e.g. its contact at Försäkringskassan). */
export const unitContacts = pgTable(
  'unit_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_contacts_unit_idx').on(t.unitId)],
);

/** Which unit holds which mission (e.g. "hub for ankle prostheses"). */
export const unitAssignments = pgTable(
  'unit_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_assignments_unit_idx').on(t.unitId)],
);
