import { z } from 'zod';
import { languageSchema, paged, pageQuery, requiredText, roleSchema, text } from './common.ts';

// ---------- organisations ----------
export const organisationKindSchema = z.enum(['region', 'municipality', 'agency', 'other']);
export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organisationKindSchema,
  orgNumber: z.string().nullable(),
  /** the unit at the top of the organisation's tree, created with the organisation */
  rootUnitId: z.uuid().nullable(),
  allowedActions: z.array(z.enum(['edit'])),
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationListResponse = z.object({ items: z.array(organisationSchema) });
export const createOrganisationBody = z
  .object({
    name: requiredText(200),
    kind: organisationKindSchema,
    orgNumber: text(40).nullable().optional(),
  })
  .strict();
export const updateOrganisationBody = createOrganisationBody.partial().strict();

// ---------- units ----------
export const unitSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  externalId: z.string().nullable(),
  active: z.boolean(),
  /** ids from the root down to this unit, inclusive */
  ancestorIds: z.array(z.uuid()),
  allowedActions: z.array(z.enum(['edit', 'move', 'createChild'])),
});
export type Unit = z.infer<typeof unitSchema>;
/** GET /api/units: every unit, flat; the client builds the tree from parentId. */
export const unitListResponse = z.object({ items: z.array(unitSchema) });
export const unitListQuery = z
  .object({ organisationId: z.uuid().optional(), includeInactive: z.enum(['true', 'false']).optional() })
  .strict();
export const createUnitBody = z
  .object({
    /** required unless the unit is a root of its organisation */
    parentId: z.uuid().nullable(),
    organisationId: z.uuid(),
    name: requiredText(200),
    externalId: text(64).nullable().optional(),
  })
  .strict();
export const updateUnitBody = z
  .object({ name: requiredText(200), externalId: text(64).nullable(), active: z.boolean() })
  .partial()
  .strict();
export const moveUnitBody = z.object({ parentId: z.uuid() }).strict();

export const unitContactSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type UnitContact = z.infer<typeof unitContactSchema>;
export const unitContactBody = z
  .object({
    organisationId: z.uuid(),
    name: requiredText(200),
    role: requiredText(200),
    email: z.email().max(320).nullable().optional(),
    phone: text(40).nullable().optional(),
  })
  .strict();
export const updateUnitContactBody = unitContactBody.partial().strict();

export const unitAssignmentSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  validFrom: z.iso.date().nullable(),
  validTo: z.iso.date().nullable(),
});
export type UnitAssignment = z.infer<typeof unitAssignmentSchema>;
export const unitAssignmentBody = z
  .object({
    title: requiredText(200),
    description: text(2000).nullable().optional(),
    validFrom: z.iso.date().nullable().optional(),
    validTo: z.iso.date().nullable().optional(),
  })
  .strict();
export const updateUnitAssignmentBody = unitAssignmentBody.partial().strict();

/** GET /api/units/{id}: the unit with what hangs on it. */
export const unitDetailResponse = unitSchema.extend({
  organisationName: z.string(),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })),
  /** people holding a role directly on this unit */
  people: z.array(z.object({ personId: z.uuid(), name: z.string(), role: roleSchema, roleId: z.uuid() })),
  /** the nearest manager: on this unit, else the closest ancestor that has one */
  nearestManagers: z.array(z.object({ personId: z.uuid(), name: z.string(), unitId: z.uuid() })),
  contacts: z.array(unitContactSchema),
  assignments: z.array(unitAssignmentSchema),
});
export type UnitDetail = z.infer<typeof unitDetailResponse>;

// ---------- people ----------
export const personRoleSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  unitId: z.uuid(),
  unitName: z.string(),
});
export const personSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  profession: z.string().nullable(),
  language: languageSchema,
  active: z.boolean(),
  roles: z.array(personRoleSchema),
  bodies: z.array(
    z.object({ bodyId: z.uuid(), name: z.string(), role: z.enum(['chair', 'member', 'secretary']) }),
  ),
  allowedActions: z.array(z.enum(['edit', 'assignRoles', 'resetPassword'])),
});
export type Person = z.infer<typeof personSchema>;
export const personListQuery = z
  .object({
    q: text(200).optional(),
    unitId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    ...pageQuery,
  })
  .strict();
export const personListResponse = paged(personSchema);
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, 'username');
export const createPersonBody = z
  .object({
    organisationId: z.uuid(),
    username: usernameSchema,
    name: requiredText(200),
    email: z.email().max(320),
    profession: text(100).nullable().optional(),
    language: languageSchema.optional(),
    /** an initial password; without one the person cannot sign in until an administrator sets one */
    password: z.string().min(10).max(500).optional(),
    roles: z
      .array(z.object({ role: roleSchema, unitId: z.uuid() }).strict())
      .max(50)
      .optional(),
  })
  .strict();
export const updatePersonBody = z
  .object({
    name: requiredText(200),
    email: z.email().max(320),
    profession: text(100).nullable(),
    language: languageSchema,
    active: z.boolean(),
    organisationId: z.uuid(),
  })
  .partial()
  .strict();
export const setPasswordBody = z.object({ password: z.string().min(10).max(500) }).strict();
export const addRoleBody = z.object({ role: roleSchema, unitId: z.uuid() }).strict();
export const roleParams = z.object({ id: z.uuid(), roleId: z.uuid() }).strict();

// ---------- colleagues: picking someone of one's own organisation ----------
/** GET /api/colleagues answers at most this many people; the rest are found by typing more. */
export const colleagueSearchLimit = 20;
export const colleagueSearchQuery = z
  .object({
    /** part of a name, username or profession, in any case; without it the first by name */
    q: text(100).pipe(z.string().min(1)).optional(),
  })
  .strict();
export const colleagueSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  profession: z.string().nullable(),
  /** the names of the active units the person holds a role on, sorted */
  units: z.array(z.string()),
});
export type Colleague = z.infer<typeof colleagueSchema>;
export const colleagueSearchResponse = z.object({
  items: z.array(colleagueSchema),
  /** more people match than were answered: type more of the name */
  more: z.boolean(),
});

// ---------- bodies ----------
export const bodyKindSchema = z.enum(['committee', 'forum', 'collaboration_group']);
export const bodyRoleSchema = z.enum(['chair', 'member', 'secretary']);
export const bodyMemberSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: bodyRoleSchema,
});
export const bodySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  kind: bodyKindSchema,
  description: z.string().nullable(),
  active: z.boolean(),
  chair: z.object({ personId: z.uuid(), name: z.string() }).nullable(),
  members: z.array(bodyMemberSchema),
  allowedActions: z.array(z.enum(['edit', 'manageMembers'])),
});
export type Body = z.infer<typeof bodySchema>;
export const bodyListResponse = z.object({ items: z.array(bodySchema) });
export const bodyListQuery = z
  .object({ organisationId: z.uuid().optional(), includeInactive: z.enum(['true', 'false']).optional() })
  .strict();
export const createBodyBody = z
  .object({
    organisationId: z.uuid(),
    name: requiredText(200),
    kind: bodyKindSchema,
    description: text(2000).nullable().optional(),
  })
  .strict();
export const updateBodyBody = createBodyBody.extend({ active: z.boolean() }).partial().strict();
/** PUT /api/bodies/{id}/members/{personId}: add or change a member; a new chair replaces the old one */
export const bodyMemberBody = z.object({ role: bodyRoleSchema }).strict();
export const bodyMemberParams = z.object({ id: z.uuid(), personId: z.uuid() }).strict();

// ---------- CSV import ----------
/**
 * POST /api/import/units and /api/import/people take the CSV text as the body (content-type text/csv),
 * with ?dryRun=true to check without writing. Columns (header row, comma or semicolon separated):
 *   units:  external_id, name, parent_external_id, organisation
 *   people: username, name, email, profession, language, organisation, unit_external_id, role
 * At most `maxImportLines` data lines per file (a larger file is refused with 400 import.too_many_lines).
 * Idempotent: rows are matched on external_id / username and updated, never duplicated. Any bad line
 * means nothing is written, and the 400 answer lists every bad line in `lines` (ImportLineError[],
 * at most 1000; `linesOmitted` counts the rest).
 *   units:  `organisation` is the organisation's name or id. A parent may come later in the file. An
 *           empty parent_external_id puts a new unit under its organisation's root unit (or makes it
 *           the root of an organisation that has none) and leaves a stored unit where it is.
 *   people: one line per role; a person with two roles has two lines that agree on everything else.
 *           Each line passes the rules of the single-person endpoints: new people only in organisations
 *           you administer (or look after while they have none), changes only to people you may
 *           change, roles only where you may give them.
 *           Roles are only ever added, never removed. An empty profession clears it; an empty language
 *           keeps the stored one (new people: sv). New people get no password.
 */
export const maxImportLines = 20_000;
export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() }).strict();
export const importResponse = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export const importLineError = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportLineError = z.infer<typeof importLineError>;

// ---------- audit ----------
export const auditQuery = z
  .object({
    actorId: z.uuid().optional(),
    action: text(100).optional(),
    entityType: text(100).optional(),
    entityId: text(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...pageQuery,
  })
  .strict();
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListResponse = paged(auditEntrySchema);
