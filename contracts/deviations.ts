import { z } from 'zod';
import { problemSchema, requiredText, safeString, text } from './common.ts';
import { changedDocumentSchema, MAX_CHANGED_DOCUMENTS } from './document-search.ts';
import { colleagueSchema } from './organisation.ts';
import { containsPatientIdentifier } from './patient-identifiers.ts';

export const localizedTextSchema = z.object({ sv: z.string(), nb: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const deviationEntrySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
});

/** One node of an entry's classification tree; the client builds the tree from parentId. */
export const deviationCategorySchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  parentId: z.uuid().nullable(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
  /** a node without children: what a reporter finally picks */
  selectable: z.boolean(),
  patientRelated: z.boolean(),
  handlingDays: z.number().int(),
  companionEntryId: z.uuid().nullable(),
  /** the bodies a case of this type climbs, in order */
  ladder: z.array(z.object({ position: z.number().int(), bodyId: z.uuid(), bodyName: z.string() })),
});

/** GET /api/deviation-config: the reporting choices of the caller's organisation, in display order. */
export const deviationConfigResponse = z.object({
  entries: z.array(deviationEntrySchema),
  categories: z.array(deviationCategorySchema),
});
export type DeviationConfig = z.infer<typeof deviationConfigResponse>;

// ---------------------------------------------------------------------------------------------
// Reports and their handling

export const deviationStatusSchema = z.enum(['submitted', 'in_handling', 'escalated', 'resolved', 'closed']);
export type DeviationStatus = z.infer<typeof deviationStatusSchema>;

export const patientIdentifierKindSchema = z.enum([
  'se_personnummer',
  'se_samordningsnummer',
  'no_fodselsnummer',
  'no_d_nummer',
]);

/** Free text that must not carry a patient identifier: the protected patient field is for that. */
export function narrative(max: number) {
  return text(max).refine((s) => !containsPatientIdentifier(s), {
    params: { key: 'deviation.patient_identifier_in_text' },
  });
}
export function requiredNarrative(max: number) {
  return narrative(max).refine((s) => s.length > 0, { params: { key: 'validation.required' } });
}

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** POST /api/deviations: what a reporter fills in. Unit defaults to the reporter's own. */
export const createDeviationBody = z
  .object({
    categoryId: z.uuid(),
    unitId: z.uuid().optional(),
    occurredAt: isoDateTime,
    description: requiredNarrative(5000),
    immediateAction: narrative(2000).optional(),
    suggestion: narrative(2000).optional(),
    patientInvolved: z.boolean().default(false),
    patientHarmed: z.boolean().default(false),
    /** the protected patient field: a personnummer, samordningsnummer, fødselsnummer or D-nummer */
    patientIdentifier: safeString().max(20).nullish(),
    /** the reporter lets members of bodies from other organisations see who reported */
    reporterNameShared: z.boolean().default(false),
    /** the first report of the same event, when this is its companion: the two are linked both ways */
    companionOf: z.uuid().optional(),
  })
  .strict();
export type CreateDeviationBody = z.input<typeof createDeviationBody>;

const named = z.object({ id: z.uuid(), name: z.string() });

export const deviationEventSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.string(),
  actor: named.nullable(),
  fromStatus: deviationStatusSchema.nullable(),
  toStatus: deviationStatusSchema.nullable(),
  body: named.nullable(),
  toPerson: named.nullable(),
  comment: z.string().nullable(),
});

/** One change to a case since the version a client had: a history entry, without its text. */
export const caseChangeSchema = deviationEventSchema.omit({ comment: true });
export type CaseChange = z.infer<typeof caseChangeSchema>;

/**
 * 409 deviation.changed_meanwhile: someone changed the case after the version the client sent
 * (expectedVersion). Beside the problem's members: the case's version now, the one the client had,
 * its status now, and what changed between them as the caller may see it, oldest first; `detail`
 * names the same changes in the caller's language. Other 409s of the same routes carry none of these.
 */
export const caseConflictProblemSchema = problemSchema
  .extend({
    currentVersion: z.number().int().optional(),
    yourVersion: z.number().int().optional(),
    currentStatus: deviationStatusSchema.optional(),
    changes: z.array(caseChangeSchema).optional(),
  })
  .loose();
export type CaseConflictProblem = z.infer<typeof caseConflictProblemSchema>;

export const deviationActionStatusSchema = z.enum(['open', 'done', 'cancelled']);
export const deviationActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: named,
  dueOn: z.string(),
  status: deviationActionStatusSchema,
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
});

export const contactChannelSchema = z.enum(['phone', 'email', 'meeting', 'letter', 'other']);
export const deviationContactSchema = z.object({
  id: z.uuid(),
  unitContactId: z.uuid().nullable(),
  counterpartName: z.string(),
  counterpartOrganisation: z.string(),
  contactedOn: z.string(),
  channel: contactChannelSchema,
  summary: z.string(),
  outcome: z.string(),
  createdBy: named,
  createdAt: z.string(),
});

/** What the caller may do with the case next; the UI shows exactly these. */
export const deviationCommandSchema = z.enum([
  'accept',
  'forward',
  'escalate',
  'record_position',
  'return',
  'resolve',
  'close',
  'reopen',
  'lift_for_learning',
  'edit_handling',
  'add_note',
  'add_action',
  'log_contact',
  'add_attachment',
]);
export type DeviationCommand = z.infer<typeof deviationCommandSchema>;

/**
 * GET /api/deviations/{id}. `view` says whose view it is: a handler sees everything; a body member
 * sees no patient identifier, nor who reported unless the reporter agreed; the reporter sees the
 * timeline without internal notes, and the feedback.
 */
export const deviationSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  view: z.enum(['handler', 'body', 'reporter']),
  status: deviationStatusSchema,
  entry: z.object({ id: z.uuid(), name: localizedTextSchema }),
  category: z.object({ id: z.uuid(), name: localizedTextSchema, path: z.array(localizedTextSchema) }),
  patientRelated: z.boolean(),
  unit: named,
  occurredAt: z.string(),
  reportedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  description: z.string(),
  immediateAction: z.string(),
  suggestion: z.string(),
  patientInvolved: z.boolean(),
  patientHarmed: z.boolean(),
  /** only in the handler's view */
  patient: z.object({ kind: patientIdentifierKindSchema, identifier: z.string() }).nullable(),
  /** null when hidden from this viewer */
  reporter: named.nullable(),
  reporterNameShared: z.boolean(),
  handler: named,
  currentBody: z
    .object({ id: z.uuid(), name: z.string(), purpose: z.enum(['decision', 'learning']) })
    .nullable(),
  ladder: z.array(z.object({ position: z.number().int(), bodyId: z.uuid(), bodyName: z.string() })),
  ladderPosition: z.number().int(),
  risk: z
    .object({ consequence: z.number().int(), probability: z.number().int(), score: z.number().int() })
    .nullable(),
  raiseAtUnitMeeting: z.boolean(),
  unitMeetingRaisedOn: z.string().nullable(),
  feedback: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  linkedDeviation: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** the entry a companion report would be filed under, when this report offers one */
  companionEntryId: z.uuid().nullable(),
  version: z.number().int(),
  events: z.array(deviationEventSchema),
  actions: z.array(deviationActionSchema),
  contacts: z.array(deviationContactSchema),
  /** files attached to the report: for its handlers and its reporter, never for a body's members */
  attachments: z.array(
    z.object({
      id: z.uuid(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      uploadedBy: named,
      createdAt: z.string(),
    }),
  ),
  /** handler view: the contact persons at partner agencies of the unit and the units above it */
  partnerContacts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: z.string(),
      organisationName: z.string(),
      unitName: z.string(),
    }),
  ),
  /** handler and body views: the documents changed because of this case (empty for the reporter's view) */
  changedDocuments: z.array(changedDocumentSchema),
  allowedActions: z.array(deviationCommandSchema),
});
export type Deviation = z.infer<typeof deviationSchema>;

/** The answer to a submission: the receipt. */
export const deviationReceiptSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  reportedAt: z.string(),
  handler: named,
  /** when a patient was harmed and the type offers one: the companion report to file next */
  companion: z.object({ entryId: z.uuid(), entryName: localizedTextSchema }).nullable(),
  linkedDeviation: z.object({ id: z.uuid(), number: z.string() }).nullable(),
});
export type DeviationReceipt = z.infer<typeof deviationReceiptSchema>;

export const deviationListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: deviationStatusSchema,
  entryName: localizedTextSchema,
  categoryName: localizedTextSchema,
  unit: named,
  handler: named,
  currentBody: named.nullable(),
  reportedAt: z.string(),
  occurredAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  excerpt: z.string(),
  riskScore: z.number().int().nullable(),
  raiseAtUnitMeeting: z.boolean(),
  unitMeetingRaisedOn: z.string().nullable(),
});
export type DeviationListItem = z.infer<typeof deviationListItemSchema>;

/**
 * GET /api/deviations. view: inbox (cases I hold), unit (every case in the units I manage or
 * coordinate), mine (what I reported), body (what a body I sit in holds; bodyId), meeting (cases
 * awaiting a unit meeting in my units).
 */
export const deviationListQuery = z
  .object({
    view: z.enum(['inbox', 'unit', 'mine', 'body', 'meeting']).default('inbox'),
    bodyId: z.uuid().optional(),
    status: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/)
      .optional(),
    entryId: z.uuid().optional(),
    categoryId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: safeString().max(200).optional(),
    sort: z.enum(['reportedAt', 'dueAt', 'number']).default('reportedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();
export type DeviationListQuery = z.input<typeof deviationListQuery>;

export const deviationListResponse = z.object({
  items: z.array(deviationListItemSchema),
  total: z.number().int(),
  /** true when there are more than `total` matches: lists count at most 1000 (say "1000+") */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const expectedVersion = z.number().int().min(1).optional();

/** POST /api/deviations/{id}/transitions: one move of the case, by the transition table. */
export const transitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), expectedVersion }).strict(),
  z
    .object({
      action: z.literal('forward'),
      toPersonId: z.uuid(),
      reason: requiredNarrative(2000),
      expectedVersion,
    })
    .strict(),
  z.object({ action: z.literal('escalate'), reason: requiredNarrative(2000), expectedVersion }).strict(),
  z
    .object({ action: z.literal('record_position'), position: requiredNarrative(4000), expectedVersion })
    .strict(),
  z.object({ action: z.literal('return'), instructions: requiredNarrative(4000), expectedVersion }).strict(),
  z.object({ action: z.literal('resolve'), summary: requiredNarrative(4000), expectedVersion }).strict(),
  z
    .object({
      action: z.literal('close'),
      feedback: requiredNarrative(4000),
      /** "closed with routine changed": the documents changed because of the case, linked to it */
      changedDocumentIds: z.array(z.uuid()).max(MAX_CHANGED_DOCUMENTS).optional(),
      expectedVersion,
    })
    .strict(),
  z.object({ action: z.literal('reopen'), reason: requiredNarrative(2000), expectedVersion }).strict(),
  z
    .object({ action: z.literal('lift_for_learning'), reason: requiredNarrative(2000), expectedVersion })
    .strict(),
]);
export type TransitionBody = z.infer<typeof transitionBody>;
export type TransitionAction = TransitionBody['action'];

/** PATCH /api/deviations/{id}: the handler's assessment fields. */
export const updateDeviationBody = z
  .object({
    riskConsequence: z.number().int().min(1).max(4).nullable().optional(),
    riskProbability: z.number().int().min(1).max(4).nullable().optional(),
    raiseAtUnitMeeting: z.boolean().optional(),
    expectedVersion,
  })
  .strict();

export const addNoteBody = z.object({ text: requiredNarrative(4000) }).strict();

export const createActionBody = z
  .object({ title: requiredNarrative(500), ownerId: z.uuid(), dueOn: isoDate })
  .strict();
export const updateActionBody = z
  .object({
    title: requiredNarrative(500).optional(),
    ownerId: z.uuid().optional(),
    dueOn: isoDate.optional(),
    status: deviationActionStatusSchema.optional(),
    /** the case's version the change was made on: a stale one answers 409 with what changed since */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();

export const createContactBody = z
  .object({
    /** one of the unit's contact persons at a partner; or leave it out and name anyone */
    unitContactId: z.uuid().optional(),
    counterpartName: requiredText(200).optional(),
    counterpartOrganisation: text(200).optional(),
    contactedOn: isoDate,
    channel: contactChannelSchema,
    summary: requiredNarrative(4000),
    outcome: narrative(4000).optional(),
  })
  .strict();

/** POST /api/unit-meetings/raised: these cases were raised at the unit meeting on this date. */
export const raisedAtMeetingBody = z
  .object({ deviationIds: z.array(z.uuid()).min(1).max(200), raisedOn: isoDate })
  .strict();

/** GET /api/deviation-people: people of the caller's organisation to forward a case to or give an action. */
export const deviationPeopleQuery = z
  .object({
    q: safeString().max(100).optional(),
    /** managers only: the people a case can be forwarded to */
    managersOnly: z.enum(['true', 'false']).optional(),
  })
  .strict();
/** The organisation's colleague search (GET /api/colleagues), narrowed for case handling. */
export const deviationPeopleResponse = z.object({ items: z.array(colleagueSchema) });

/** POST /api/unit-meetings/raised answers how many cases were marked. */
export const raisedAtMeetingResponse = z.object({ updated: z.number().int() });

/** Files a report may carry: photos, scans and documents; never markup that a browser would run. */
export const attachmentContentTypes = [
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_CASE = 10;
