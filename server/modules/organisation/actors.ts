import { and, eq, sql } from 'drizzle-orm';
import type { Actor, BodyMembership, RoleScope } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { bodies, bodyMembers, organisations, people, roleAssignments, units } from './tables.ts';

// Role scopes and body memberships come back as JSON arrays from correlated subqueries, so that a
// request's actor costs one round trip: on PGlite every query blocks the event loop. The outer
// table is named literally: Drizzle leaves columns unqualified in a one-table select.
const roleScopesOf = sql<Array<RoleScope & { unitName: string }>>`coalesce((
  select json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitPath', u.path, 'unitName', u.name) order by u.name)
  from ${roleAssignments} ra join ${units} u on u.id = ra.unit_id
  where ra.person_id = "people"."id"), '[]'::json)`;
const membershipsOf = sql<Array<BodyMembership & { name: string; kind: string }>>`coalesce((
  select json_agg(json_build_object('bodyId', b.id, 'role', bm.role, 'name', b.name, 'kind', b.kind) order by b.name)
  from ${bodyMembers} bm join ${bodies} b on b.id = bm.body_id
  where bm.person_id = "people"."id" and b.active), '[]'::json)`;

/** Loads the signed-in person with their role scopes and body memberships; null when inactive. */
export async function loadActor(db: Db, personId: string, sessionId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      personId: people.id,
      username: people.username,
      name: people.name,
      organisationId: people.organisationId,
      language: people.language,
      roles: roleScopesOf,
      bodies: membershipsOf,
    })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true)));
  if (!row) return null;
  return {
    ...row,
    sessionId,
    roles: row.roles.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })),
    bodies: row.bodies.map(({ bodyId, role }) => ({ bodyId, role })),
  };
}

/** The full picture for GET /api/me, in one query. */
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
      roles: roleScopesOf,
      bodies: membershipsOf,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, actor.personId));
  if (!row) throw new Error('signed-in person vanished');
  return {
    person: row.person,
    organisation: row.organisation,
    roles: row.roles.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
    bodies: row.bodies.map(({ bodyId, name, kind, role }) => ({ bodyId, name, kind, role })),
  };
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
