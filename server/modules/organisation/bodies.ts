import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { mayManageBodiesOf, type Steward } from './policy.ts';
import { blankToNull, missingReference, requireOrganisationRef } from './records.ts';
import { loadSteward } from './stewardship.ts';
import { bodies, bodyMembers, organisations, people } from './tables.ts';

// Committees, forums and collaboration groups, with members from several organisations. A body is
// managed by whoever keeps the organisation that owns it (policy.ts, rule 5); its members may be
// anyone.

type BodyKind = 'committee' | 'forum' | 'collaboration_group';
type BodyRole = 'chair' | 'member' | 'secretary';

export type BodyRecord = {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  kind: BodyKind;
  description: string | null;
  active: boolean;
  members: Array<{
    personId: string;
    name: string;
    organisationId: string;
    organisationName: string;
    role: BodyRole;
  }>;
};

async function loadBodies(
  options: { ids?: string[]; organisationId?: string | undefined; includeInactive?: boolean },
  tx: Db,
): Promise<BodyRecord[]> {
  const conditions: SQL[] = [];
  if (options.ids) conditions.push(inArray(bodies.id, options.ids));
  if (options.organisationId) conditions.push(eq(bodies.organisationId, options.organisationId));
  if (options.includeInactive === false) conditions.push(eq(bodies.active, true));
  const rows = await tx
    .select({
      id: bodies.id,
      organisationId: bodies.organisationId,
      organisationName: organisations.name,
      name: bodies.name,
      kind: bodies.kind,
      description: bodies.description,
      active: bodies.active,
    })
    .from(bodies)
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(and(...conditions))
    .orderBy(asc(bodies.name));
  if (rows.length === 0) return [];
  const members = await tx
    .select({
      bodyId: bodyMembers.bodyId,
      personId: people.id,
      name: people.name,
      organisationId: people.organisationId,
      organisationName: organisations.name,
      role: bodyMembers.role,
    })
    .from(bodyMembers)
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      inArray(
        bodyMembers.bodyId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(people.name));
  return rows.map((row) => ({
    ...row,
    members: members.filter((m) => m.bodyId === row.id).map(({ bodyId: _bodyId, ...member }) => member),
  }));
}

async function requireBody(tx: Db, bodyId: string): Promise<BodyRecord> {
  const [body] = await loadBodies({ ids: [bodyId] }, tx);
  if (!body) throw new AppError('organisation.body_not_found', 'not_found');
  return body;
}

export async function listBodies(
  options: { actor: Actor; organisationId?: string | undefined; includeInactive: boolean },
  tx: Db,
): Promise<{ items: BodyRecord[]; steward: Steward }> {
  const { actor, ...filters } = options;
  return { items: await loadBodies(filters, tx), steward: await loadSteward(tx, actor) };
}

export async function getBody(
  options: { actor: Actor; bodyId: string },
  tx: Db,
): Promise<{ body: BodyRecord; steward: Steward }> {
  return { body: await requireBody(tx, options.bodyId), steward: await loadSteward(tx, options.actor) };
}

/** Loads the steward and refuses unless they manage the bodies of this organisation. */
async function stewardOf(tx: Db, actor: Actor, organisationId: string): Promise<Steward> {
  const steward = await loadSteward(tx, actor);
  assertAllowed(mayManageBodiesOf(steward, organisationId), 'organisation.organisation_outside_scope');
  return steward;
}

/**
 * Locks the body row: membership changes on one body run one after another (exactly one chair).
 * Returns the owning organisation.
 */
async function lockBody(tx: Db, bodyId: string): Promise<{ organisationId: string }> {
  const [row] = await tx
    .select({ organisationId: bodies.organisationId })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .for('update');
  if (!row) throw new AppError('organisation.body_not_found', 'not_found');
  return row;
}

async function assertNameFree(tx: Db, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.name, name), exceptId ? ne(bodies.id, exceptId) : undefined));
  if (clash) {
    throw new AppError('organisation.body_name_taken', 'conflict', {
      fields: [{ path: 'name', key: 'organisation.body_name_taken' }],
    });
  }
}

interface BodyInput {
  organisationId: string;
  name: string;
  kind: BodyKind;
  description?: string | null | undefined;
}

export async function createBody(
  options: { actor: Actor; audit: AuditContext; body: BodyInput },
  tx: Db,
): Promise<{ body: BodyRecord; steward: Steward }> {
  const { body } = options;
  await requireOrganisationRef(tx, body.organisationId, 'organisationId');
  const steward = await stewardOf(tx, options.actor, body.organisationId);
  await assertNameFree(tx, body.name);
  const [row] = await tx
    .insert(bodies)
    .values({ ...body, description: blankToNull(body.description) ?? null })
    .returning({ id: bodies.id });
  if (!row) throw new Error('body insert returned no row');
  await writeAudit(tx, options.audit, {
    action: 'body.created',
    entityType: 'body',
    entityId: row.id,
    summary: { name: body.name, kind: body.kind, organisationId: body.organisationId },
  });
  return { body: await requireBody(tx, row.id), steward };
}

export async function updateBody(
  options: {
    actor: Actor;
    audit: AuditContext;
    bodyId: string;
    changes: Partial<BodyInput> & { active?: boolean | undefined };
  },
  tx: Db,
): Promise<{ body: BodyRecord; steward: Steward }> {
  const owner = await lockBody(tx, options.bodyId);
  const steward = await stewardOf(tx, options.actor, owner.organisationId);
  const before = await requireBody(tx, options.bodyId);
  const next = { ...options.changes, description: blankToNull(options.changes.description) };
  const summary = diffSummary(before, next);
  if (Object.keys(summary).length === 0) return { body: before, steward };
  if (summary.organisationId && next.organisationId) {
    await requireOrganisationRef(tx, next.organisationId, 'organisationId');
    // Handing a body to another organisation needs a say in both.
    assertAllowed(mayManageBodiesOf(steward, next.organisationId), 'organisation.organisation_outside_scope');
  }
  if (summary.name && next.name) await assertNameFree(tx, next.name, before.id);
  await tx.update(bodies).set(next).where(eq(bodies.id, before.id));
  await writeAudit(tx, options.audit, {
    action: 'body.updated',
    entityType: 'body',
    entityId: before.id,
    summary,
  });
  return { body: await requireBody(tx, before.id), steward };
}

export async function setBodyMember(
  options: { actor: Actor; audit: AuditContext; bodyId: string; personId: string; role: BodyRole },
  tx: Db,
): Promise<{ body: BodyRecord; steward: Steward }> {
  const owner = await lockBody(tx, options.bodyId);
  const steward = await stewardOf(tx, options.actor, owner.organisationId);
  const [person] = await tx
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(eq(people.id, options.personId));
  if (!person) throw new AppError('organisation.person_not_found', 'not_found');
  if (!person.active) throw missingReference('personId', 'organisation.person_inactive');
  const [current] = await tx
    .select({ role: bodyMembers.role })
    .from(bodyMembers)
    .where(and(eq(bodyMembers.bodyId, options.bodyId), eq(bodyMembers.personId, person.id)));
  if (current?.role === options.role) return { body: await requireBody(tx, options.bodyId), steward };
  // A body has one chair: a new chair steps the previous one down to member.
  const demoted =
    options.role === 'chair'
      ? await tx
          .update(bodyMembers)
          .set({ role: 'member' })
          .where(
            and(
              eq(bodyMembers.bodyId, options.bodyId),
              eq(bodyMembers.role, 'chair'),
              ne(bodyMembers.personId, person.id),
            ),
          )
          .returning({ personId: bodyMembers.personId })
      : [];
  await tx
    .insert(bodyMembers)
    .values({ bodyId: options.bodyId, personId: person.id, role: options.role })
    .onConflictDoUpdate({ target: [bodyMembers.bodyId, bodyMembers.personId], set: { role: options.role } });
  await writeAudit(tx, options.audit, {
    action: 'body.member_set',
    entityType: 'body',
    entityId: options.bodyId,
    summary: {
      personId: person.id,
      role: [current?.role ?? null, options.role],
      ...(demoted.length > 0 ? { previousChairs: demoted.map((d) => d.personId) } : {}),
    },
  });
  return { body: await requireBody(tx, options.bodyId), steward };
}

export async function removeBodyMember(
  options: { actor: Actor; audit: AuditContext; bodyId: string; personId: string },
  tx: Db,
): Promise<void> {
  const owner = await lockBody(tx, options.bodyId);
  await stewardOf(tx, options.actor, owner.organisationId);
  const removed = await tx
    .delete(bodyMembers)
    .where(and(eq(bodyMembers.bodyId, options.bodyId), eq(bodyMembers.personId, options.personId)))
    .returning({ role: bodyMembers.role });
  const [member] = removed;
  if (!member) throw new AppError('organisation.member_not_found', 'not_found');
  await writeAudit(tx, options.audit, {
    action: 'body.member_removed',
    entityType: 'body',
    entityId: options.bodyId,
    summary: { personId: options.personId, role: member.role },
  });
}
