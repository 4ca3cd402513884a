import { and, asc, eq, exists, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { type Colleague, colleagueSearchLimit } from '../../../contracts/organisation.ts';
import type { Actor, RoleName } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { escapeLike } from './records.ts';
import { people, roleAssignments, units } from './tables.ts';

/**
 * The one search behind every "pick a person" field: active people of one organisation whose name,
 * username or profession contains `q` in any case (PostgreSQL's ILIKE folds å, ä and ö as well),
 * by name, at most `colleagueSearchLimit`. With `role`, only people holding that role somewhere,
 * and their units are the units of that role. A picker lists names, so nothing here is audited as a
 * read of a person's record (GET /api/people/{id} is).
 */
export async function searchColleagues(
  options: { organisationId: string; q?: string | undefined; role?: RoleName | undefined },
  tx: Db,
): Promise<{ items: Colleague[]; more: boolean }> {
  const q = options.q?.trim();
  const conditions: Array<SQL | undefined> = [
    eq(people.organisationId, options.organisationId),
    eq(people.active, true),
  ];
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(ilike(people.name, pattern), ilike(people.username, pattern), ilike(people.profession, pattern)),
    );
  }
  if (options.role) {
    conditions.push(
      exists(
        tx
          .select({ one: roleAssignments.id })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.personId, people.id), eq(roleAssignments.role, options.role))),
      ),
    );
  }
  // One more than answered tells whether there are more.
  const found = await tx
    .select({ id: people.id, name: people.name, profession: people.profession })
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.name), asc(people.id))
    .limit(colleagueSearchLimit + 1);
  const shown = found.slice(0, colleagueSearchLimit);
  if (shown.length === 0) return { items: [], more: false };
  const roleUnits = await tx
    .selectDistinct({ personId: roleAssignments.personId, unit: units.name })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        inArray(
          roleAssignments.personId,
          shown.map((p) => p.id),
        ),
        eq(units.active, true),
        options.role ? eq(roleAssignments.role, options.role) : undefined,
      ),
    );
  return {
    items: shown.map((p) => ({
      ...p,
      units: roleUnits
        .filter((r) => r.personId === p.id)
        .map((r) => r.unit)
        .sort((a, b) => a.localeCompare(b, 'sv')),
    })),
    more: found.length > colleagueSearchLimit,
  };
}

/** GET /api/colleagues: anyone signed in looks among the active people of their own organisation. */
export async function findColleagues(
  options: { actor: Actor; q?: string | undefined },
  tx: Db,
): Promise<{ items: Colleague[]; more: boolean }> {
  return searchColleagues({ organisationId: options.actor.organisationId, q: options.q }, tx);
}
