import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regconfig, tsvector } from '../../platform/pg-types.ts';
import { documents, documentVersions } from '../documents/tables.ts';
import { bodies, organisations, people, unitContacts, units } from '../organisation/tables.ts';

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
    /** days a new report may wait for the manager to take it up before a reminder is sent */
    triageDays: integer('triage_days').notNull().default(3),
    /** days after a reminder (triage or an action) before the manager's own manager is told */
    escalateReminderDays: integer('escalate_reminder_days').notNull().default(3),
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

/** Where a case stands; the transition table in transitions.ts says who may move it where. */
export const deviationStatus = pgEnum('deviation_status', [
  'submitted',
  'in_handling',
  'escalated',
  'resolved',
  'closed',
]);

/** Why a body holds a case: to decide on it (escalated), or to learn from a resolved one. */
export const bodyPurpose = pgEnum('deviation_body_purpose', ['decision', 'learning']);

/**
 * A reported deviation. The narrative never holds a patient identifier (refused on the way in);
 * the identifier lives in deviation_patients, which only the case's handlers read.
 */
export const deviations = pgTable(
  'deviations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** human-readable, e.g. AV-2026-000123: per organisation and year */
    number: text('number').notNull(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => deviationEntries.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => deviationCategories.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => people.id),
    /** the reporter agreed that members of bodies from other organisations may see who reported */
    reporterNameShared: boolean('reporter_name_shared').notNull().default(false),
    /** where it happened; by default the reporter's own unit */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    description: text('description').notNull(),
    immediateAction: text('immediate_action').notNull().default(''),
    suggestion: text('suggestion').notNull().default(''),
    patientInvolved: boolean('patient_involved').notNull().default(false),
    patientHarmed: boolean('patient_harmed').notNull().default(false),
    status: deviationStatus('status').notNull().default('submitted'),
    /** the manager who holds the case now */
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => people.id),
    /** the body that holds it, when one does; purpose says why */
    currentBodyId: uuid('current_body_id').references(() => bodies.id),
    bodyPurpose: bodyPurpose('body_purpose'),
    /** how far up the type's ladder the case has gone (0: at the manager; 1: the first body) */
    ladderPosition: integer('ladder_position').notNull().default(0),
    riskConsequence: smallint('risk_consequence'),
    riskProbability: smallint('risk_probability'),
    raiseAtUnitMeeting: boolean('raise_at_unit_meeting').notNull().default(false),
    unitMeetingRaisedOn: date('unit_meeting_raised_on', { mode: 'string' }),
    /** when the manager must have handled it (reported + the type's handling days) */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    triageRemindedAt: timestamp('triage_reminded_at', { withTimezone: true }),
    triageEscalatedAt: timestamp('triage_escalated_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** what the reporter is told when the case closes */
    feedback: text('feedback'),
    /** the other report of the same event (a care report and an organisational one), linked both ways */
    linkedDeviationId: uuid('linked_deviation_id').references((): AnyPgColumn => deviations.id),
    /** a client's key for a submission, so that a retried request stores the report once */
    idempotencyKey: text('idempotency_key'),
    /** bumped by every change; a stale write answers 409 */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** the text-search configuration of the reporter's language (swedish, norwegian, english) */
    searchConfig: regconfig('search_config').notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector(search_config, number || ' ' || description || ' ' || immediate_action || ' ' || suggestion)`,
    ),
  },
  (t) => [
    uniqueIndex('deviations_number_idx').on(t.organisationId, t.number),
    uniqueIndex('deviations_idempotency_idx')
      .on(t.reporterId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('deviations_handler_idx').on(t.handlerId, t.status, t.reportedAt),
    // The inbox: what a manager holds that waits for them, one index range per person (read backwards
    // for newest first; ascending, so that it matches ORDER BY … DESC with its default NULLS FIRST).
    index('deviations_inbox_idx')
      .on(t.handlerId, t.reportedAt, t.id)
      .where(sql`${t.currentBodyId} is null and ${t.status} <> 'closed'`),
    index('deviations_unit_idx').on(t.unitId, t.reportedAt),
    index('deviations_reporter_idx').on(t.reporterId, t.reportedAt),
    index('deviations_body_idx').on(t.currentBodyId).where(sql`${t.currentBodyId} is not null`),
    index('deviations_org_reported_idx').on(t.organisationId, t.reportedAt),
    index('deviations_search_idx').using('gin', t.search),
  ],
);

/** Per organisation and year, the last number given; one row lock makes numbers gapless. */
export const deviationCounters = pgTable(
  'deviation_counters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

export const patientIdentifierKind = pgEnum('patient_identifier_kind', [
  'se_personnummer',
  'se_samordningsnummer',
  'no_fodselsnummer',
  'no_d_nummer',
]);

/** The protected patient field: apart from the narrative, read only by the case's handlers. */
export const deviationPatients = pgTable('deviation_patients', {
  deviationId: uuid('deviation_id')
    .primaryKey()
    .references(() => deviations.id),
  kind: patientIdentifierKind('kind').notNull(),
  identifier: text('identifier').notNull(),
});

/**
 * The case's history. Events marked visible to the reporter make "my reports"' timeline; the rest
 * (investigation notes, a body's internal position) stay with the handlers.
 */
export const deviationEvents = pgTable(
  'deviation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => people.id),
    action: text('action').notNull(),
    fromStatus: deviationStatus('from_status'),
    toStatus: deviationStatus('to_status'),
    bodyId: uuid('body_id').references(() => bodies.id),
    /** the person the case went to (forwarded, returned) */
    toPersonId: uuid('to_person_id').references(() => people.id),
    comment: text('comment'),
    visibleToReporter: boolean('visible_to_reporter').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('deviation_events_deviation_idx').on(t.deviationId, t.at)],
);

export const actionStatus = pgEnum('deviation_action_status', ['open', 'done', 'cancelled']);

/** Corrective actions: what, who, by when. */
export const deviationActions = pgTable(
  'deviation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: actionStatus('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    index('deviation_actions_deviation_idx').on(t.deviationId),
    index('deviation_actions_due_idx').on(t.dueOn).where(sql`${t.status} = 'open'`),
  ],
);

export const contactChannel = pgEnum('contact_channel', ['phone', 'email', 'meeting', 'letter', 'other']);

/** The contact log: who at a partner was contacted about the case, how, and what came of it. */
export const deviationContacts = pgTable(
  'deviation_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    /** the unit's contact person at the agency, when it was one of them */
    unitContactId: uuid('unit_contact_id').references(() => unitContacts.id),
    counterpartName: text('counterpart_name').notNull(),
    counterpartOrganisation: text('counterpart_organisation').notNull().default(''),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    channel: contactChannel('channel').notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deviation_contacts_deviation_idx').on(t.deviationId)],
);

/** Files attached to a report (a photo of the label, a scanned form). */
export const deviationAttachments = pgTable(
  'deviation_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: customType<{ data: Buffer }>({ dataType: () => 'bytea' })('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deviation_attachments_deviation_idx').on(t.deviationId)],
);

/**
 * "This routine changed because of AV-2026-000123": a deviation and a controlled document changed
 * because of it. The link lives with the deviations, which build on documents (documents never
 * import deviations). Made when a handler closes a case with the documents it changed, or by the
 * document's owner; shown on both sides.
 */
export const deviationDocumentLinks = pgTable(
  'deviation_document_links',
  {
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** the version that carried the change, when known */
    versionId: uuid('version_id').references(() => documentVersions.id),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.deviationId, t.documentId] }),
    index('deviation_document_links_document_idx').on(t.documentId),
  ],
);
