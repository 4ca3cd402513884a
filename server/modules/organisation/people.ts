import { and, asc, count, eq, exists, ilike, like, or, type SQL } from 'drizzle-orm';
import type { Actor, RoleName } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import { type Db, inOrder } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { revokeSessionsOf } from '../../platform/sessions.ts';
import { assertAdministratorsRemain, recordFirstAdministrators } from './administrators.ts';
import { loadPeople, type PersonRecord, requirePerson } from './person-records.ts';
import {
  isRootPath,
  mayManageOrganisation,
  mayManagePerson,
  mayReadPerson,
  peopleReadScope,
  type Steward,
} from './policy.ts';
import { blankToNull, escapeLike, findUnit, missingReference, requireOrganisationRef } from './records.ts';
import { checkRoleRequests } from './roles.ts';
import { loadSteward } from './stewardship.ts';
import { people, roleAssignments, units } from './tables.ts';

type Language = PersonRecord['language'];

/** People holding some role in one of these subtrees. */
function holdsRoleUnder(tx: Db, paths: string[]): SQL {
  return exists(
    tx
      .select({ one: roleAssignments.id })
      .from(roleAssignments)
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(
        and(eq(roleAssignments.personId, people.id), or(...paths.map((p) => like(units.path, `${p}%`)))),
      ),
  );
}

/**
 * Finds people. Every record returned is a read of personal data, so each one other than the actor's
 * own is logged in the audit log, in the same transaction, as GET /api/people/{id} logs its one.
 */
export async function listPeople(
  options: {
    actor: Actor;
    audit: AuditContext;
    q?: string | undefined;
    unitId?: string | undefined;
    organisationId?: string | undefined;
    page: number;
    pageSize: number;
  },
  tx: Db,
): Promise<{ items: PersonRecord[]; total: number; steward: Steward }> {
  const scope = peopleReadScope(options.actor);
  assertAllowed(scope.kind !== 'none', 'organisation.people_read_denied');
  const conditions: SQL[] = [];
  if (scope.kind === 'subtrees') conditions.push(holdsRoleUnder(tx, scope.roots));
  if (options.q) {
    const pattern = `%${escapeLike(options.q)}%`;
    const match = or(
      ilike(people.name, pattern),
      ilike(people.username, pattern),
      ilike(people.email, pattern),
    );
    if (match) conditions.push(match);
  }
  if (options.unitId) {
    const unit = await findUnit(tx, options.unitId);
    if (!unit) throw missingReference('unitId', 'organisation.unit_not_found');
    conditions.push(holdsRoleUnder(tx, [unit.path]));
  }
  if (options.organisationId) conditions.push(eq(people.organisationId, options.organisationId));
  const where = and(...conditions);
  const [totals, page] = await inOrder([
    tx.select({ n: count() }).from(people).where(where),
    tx
      .select({ id: people.id })
      .from(people)
      .where(where)
      .orderBy(asc(people.name), asc(people.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
  ]);
  const items = await loadPeople(
    tx,
    page.map((p) => p.id),
  );
  await writeAudit(
    tx,
    options.audit,
    items
      .filter((p) => p.id !== options.actor.personId)
      .map((p) => ({
        action: 'person.read',
        entityType: 'person',
        entityId: p.id,
        summary: { via: 'list' },
      })),
  );
  return { items, total: totals[0]?.n ?? 0, steward: await loadSteward(tx, options.actor) };
}

/**
 * A person's record is personal data: reading someone else's is logged in the audit log, in the
 * same transaction as the read (the mechanism deviation records will use too).
 */
export async function getPerson(
  options: { actor: Actor; personId: string; audit: AuditContext },
  tx: Db,
): Promise<{ person: PersonRecord; steward: Steward }> {
  const person = await requirePerson(tx, options.personId);
  assertAllowed(mayReadPerson(options.actor, person), 'organisation.people_read_denied');
  if (person.id !== options.actor.personId) {
    await writeAudit(tx, options.audit, { action: 'person.read', entityType: 'person', entityId: person.id });
  }
  return { person, steward: await loadSteward(tx, options.actor) };
}

async function assertUsernameFree(tx: Db, username: string): Promise<void> {
  const [clash] = await tx.select({ id: people.id }).from(people).where(eq(people.username, username));
  if (clash) {
    throw new AppError('organisation.username_taken', 'conflict', {
      fields: [{ path: 'username', key: 'organisation.username_taken' }],
    });
  }
}

export async function createPerson(
  options: {
    actor: Actor;
    audit: AuditContext;
    person: {
      organisationId: string;
      username: string;
      name: string;
      email: string;
      profession?: string | null | undefined;
      language?: Language | undefined;
      roles?: Array<{ role: RoleName; unitId: string }> | undefined;
    };
    /** hashed by the caller, outside the transaction */
    passwordHash: string | null;
  },
  tx: Db,
): Promise<{ person: PersonRecord; steward: Steward }> {
  const { person } = options;
  await requireOrganisationRef(tx, person.organisationId, 'organisationId');
  const steward = await loadSteward(tx, options.actor);
  assertAllowed(
    mayManageOrganisation(steward, person.organisationId),
    'organisation.organisation_outside_scope',
  );
  // The schema lowercases already; usernames are compared lowercase everywhere (sign-in, the unique index).
  const username = person.username.toLowerCase();
  await assertUsernameFree(tx, username);
  const roles = (person.roles ?? []).filter(
    (r, i, all) => all.findIndex((o) => o.role === r.role && o.unitId === r.unitId) === i,
  );
  const { firstAdministratorOf } = await checkRoleRequests(
    tx,
    steward,
    { organisationId: person.organisationId, roles: [], bodies: [] },
    roles.map((r, i) => ({ ...r, field: `roles.${i}.unitId` })),
  );
  const [row] = await tx
    .insert(people)
    .values({
      organisationId: person.organisationId,
      username,
      name: person.name,
      email: person.email,
      profession: blankToNull(person.profession) ?? null,
      language: person.language ?? 'sv',
      passwordHash: options.passwordHash,
    })
    .returning({ id: people.id });
  if (!row) throw new Error('person insert returned no row');
  if (roles.length > 0) {
    await tx
      .insert(roleAssignments)
      .values(roles.map((r) => ({ personId: row.id, role: r.role, unitId: r.unitId })));
  }
  await writeAudit(tx, options.audit, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    // Never the password or its hash: only whether one was set.
    summary: {
      username,
      name: person.name,
      organisationId: person.organisationId,
      roles,
      passwordSet: options.passwordHash !== null,
    },
  });
  await recordFirstAdministrators(
    tx,
    options.audit,
    [...firstAdministratorOf].map(([organisationId, unitId]) => ({
      organisationId,
      unitId,
      personId: row.id,
    })),
  );
  return { person: await requirePerson(tx, row.id), steward };
}

export async function updatePerson(
  options: {
    actor: Actor;
    audit: AuditContext;
    personId: string;
    changes: {
      name?: string | undefined;
      email?: string | undefined;
      profession?: string | null | undefined;
      language?: Language | undefined;
      active?: boolean | undefined;
      organisationId?: string | undefined;
    };
  },
  tx: Db,
): Promise<{ person: PersonRecord; steward: Steward }> {
  const steward = await loadSteward(tx, options.actor);
  const before = await requirePerson(tx, options.personId);
  assertAllowed(mayManagePerson(steward, before), 'organisation.person_outside_scope');
  const { changes } = options;
  const next = { ...changes, profession: blankToNull(changes.profession) };
  const summary = diffSummary(before, next);
  if (Object.keys(summary).length === 0) return { person: before, steward };
  if (summary.organisationId && changes.organisationId) {
    await requireOrganisationRef(tx, changes.organisationId, 'organisationId');
    // Moving someone hands them to the new organisation's administrators: both ends must be the actor's.
    assertAllowed(
      mayManageOrganisation(steward, changes.organisationId),
      'organisation.organisation_outside_scope',
    );
  }
  if (summary.active && changes.active === false) {
    if (before.id === options.actor.personId) {
      throw missingReference('active', 'organisation.cannot_deactivate_self');
    }
    // Whoever may deactivate an organisation's administrator is one of its administrators too, so
    // this bites when two of them deactivate each other at once; the lock inside makes one wait.
    await assertAdministratorsRemain(tx, {
      organisationIds: before.roles
        .filter((r) => r.role === 'administrator' && isRootPath(r.unitPath))
        .map((r) => r.organisationId),
      personName: before.name,
      without: { personId: before.id },
      field: 'active',
    });
  }
  await tx.update(people).set(next).where(eq(people.id, before.id));
  // A deactivated person is signed out at once, not when their session happens to expire.
  const sessionsEnded =
    summary.active && changes.active === false ? await revokeSessionsOf(tx, before.id) : 0;
  await writeAudit(tx, options.audit, {
    action: 'person.updated',
    entityType: 'person',
    entityId: before.id,
    summary: sessionsEnded > 0 ? { ...summary, sessionsEnded } : summary,
  });
  return { person: await requirePerson(tx, before.id), steward };
}

export async function setPersonPassword(
  options: { actor: Actor; audit: AuditContext; personId: string; passwordHash: string },
  tx: Db,
): Promise<void> {
  const steward = await loadSteward(tx, options.actor);
  const person = await requirePerson(tx, options.personId);
  // The most direct takeover there is: only for someone the actor may change in every respect.
  assertAllowed(mayManagePerson(steward, person), 'organisation.person_outside_scope');
  await tx.update(people).set({ passwordHash: options.passwordHash }).where(eq(people.id, person.id));
  // Whoever knew the old password is out; an administrator setting their own keeps this session.
  const keep = person.id === options.actor.personId ? options.actor.sessionId : undefined;
  const sessionsEnded = await revokeSessionsOf(tx, person.id, keep);
  await writeAudit(tx, options.audit, {
    action: 'person.password_set',
    entityType: 'person',
    entityId: person.id,
    summary: { sessionsEnded },
  });
}
