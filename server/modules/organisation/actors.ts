import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { bodies, bodyMembers, organisations, people, roleAssignments, units } from './tables.ts';

/** Loads the signed-in person with their role scopes and body memberships; null when inactive. */
export async function loadActor(db: Db, personId: string, sessionId: string): Promise<Actor | null> {
  const [person] = await db
    .select({
      id: people.id,
      username: people.username,
      name: people.name,
      organisationId: people.organisationId,
      language: people.language,
    })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true)));
  if (!person) return null;
  const [roles, memberships] = await Promise.all([
    db
      .select({ role: roleAssignments.role, unitId: roleAssignments.unitId, unitPath: units.path })
      .from(roleAssignments)
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(eq(roleAssignments.personId, personId)),
    db
      .select({ bodyId: bodyMembers.bodyId, role: bodyMembers.role })
      .from(bodyMembers)
      .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
      .where(and(eq(bodyMembers.personId, personId), eq(bodies.active, true))),
  ]);
  return {
    personId: person.id,
    username: person.username,
    name: person.name,
    organisationId: person.organisationId,
    language: person.language,
    sessionId,
    roles,
    bodies: memberships,
  };
}

/** The full picture for GET /api/me. */
export async function getMe(db: Db, actor: Actor) {
  const [row] = await db
    .select({
      person: {
        id: people.id,
        username: people.username,
        name: people.name,
        email: people.email,
        profession: people.profession,
        language: people.language,
      },
      organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind },
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, actor.personId));
  if (!row) throw new Error('signed-in person vanished');
  const [roles, memberships] = await Promise.all([
    db
      .select({ role: roleAssignments.role, unitId: roleAssignments.unitId, unitName: units.name })
      .from(roleAssignments)
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(eq(roleAssignments.personId, actor.personId))
      .orderBy(units.name),
    db
      .select({ bodyId: bodies.id, name: bodies.name, kind: bodies.kind, role: bodyMembers.role })
      .from(bodyMembers)
      .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
      .where(and(eq(bodyMembers.personId, actor.personId), eq(bodies.active, true)))
      .orderBy(bodies.name),
  ]);
  return { ...row, roles, bodies: memberships };
}

/** Finds an active person by username for sign-in. */
export async function findPersonForLogin(db: Db, username: string) {
  const [row] = await db
    .select({
      id: people.id,
      passwordHash: people.passwordHash,
      active: people.active,
      username: people.username,
      name: people.name,
    })
    .from(people)
    .where(eq(people.username, username.trim().toLowerCase()));
  return row?.active ? row : null;
}

export async function getPasswordHash(db: Db, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ passwordHash: people.passwordHash })
    .from(people)
    .where(eq(people.id, personId));
  return row?.passwordHash ?? null;
}

export async function setPasswordHash(db: Db, personId: string, passwordHash: string): Promise<void> {
  await db.update(people).set({ passwordHash }).where(eq(people.id, personId));
}

export async function setLanguage(db: Db, personId: string, language: 'sv' | 'nb' | 'en'): Promise<void> {
  await db.update(people).set({ language }).where(eq(people.id, personId));
}
