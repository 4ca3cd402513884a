import { asc, eq, inArray } from 'drizzle-orm';
import type { RoleName } from '../../platform/access.ts';
import { type Db, inOrder } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { chunked } from './records.ts';
import { bodies, bodyMembers, organisations, people, roleAssignments, units } from './tables.ts';

export type PersonRecord = {
  id: string;
  organisationId: string;
  organisationName: string;
  username: string;
  name: string;
  email: string;
  profession: string | null;
  language: 'sv' | 'nb' | 'en';
  active: boolean;
  roles: Array<{
    id: string;
    role: RoleName;
    unitId: string;
    unitName: string;
    unitPath: string;
    /** the unit's organisation, which may differ from the person's */
    organisationId: string;
  }>;
  bodies: Array<{
    bodyId: string;
    name: string;
    role: 'chair' | 'member' | 'secretary';
    /** the organisation that owns the body */
    organisationId: string;
  }>;
};

/** Loads people with their roles and body memberships, in the order of `ids`. */
export async function loadPeople(tx: Db, ids: string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const found: PersonRecord[] = [];
  for (const chunk of chunked(ids)) {
    const [rows, roles, memberships] = await inOrder([
      tx
        .select({
          id: people.id,
          organisationId: people.organisationId,
          organisationName: organisations.name,
          username: people.username,
          name: people.name,
          email: people.email,
          profession: people.profession,
          language: people.language,
          active: people.active,
        })
        .from(people)
        .innerJoin(organisations, eq(organisations.id, people.organisationId))
        .where(inArray(people.id, chunk)),
      tx
        .select({
          personId: roleAssignments.personId,
          id: roleAssignments.id,
          role: roleAssignments.role,
          unitId: roleAssignments.unitId,
          unitName: units.name,
          unitPath: units.path,
          organisationId: units.organisationId,
        })
        .from(roleAssignments)
        .innerJoin(units, eq(units.id, roleAssignments.unitId))
        .where(inArray(roleAssignments.personId, chunk))
        .orderBy(asc(units.name), asc(roleAssignments.role)),
      tx
        .select({
          personId: bodyMembers.personId,
          bodyId: bodies.id,
          name: bodies.name,
          role: bodyMembers.role,
          organisationId: bodies.organisationId,
        })
        .from(bodyMembers)
        .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
        .where(inArray(bodyMembers.personId, chunk))
        .orderBy(asc(bodies.name)),
    ]);
    for (const row of rows) {
      found.push({
        ...row,
        roles: roles.filter((r) => r.personId === row.id).map(({ personId: _personId, ...role }) => role),
        bodies: memberships
          .filter((m) => m.personId === row.id)
          .map(({ personId: _personId, ...membership }) => membership),
      });
    }
  }
  const byId = new Map(found.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function requirePerson(tx: Db, personId: string): Promise<PersonRecord> {
  const [person] = await loadPeople(tx, [personId]);
  if (!person) throw new AppError('organisation.person_not_found', 'not_found');
  return person;
}
