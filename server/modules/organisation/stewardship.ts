import { and, inArray, not, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { isOrganisationAdministrator, isRootPath, type Steward } from './policy.ts';
import { organisations, roleAssignments, units } from './tables.ts';

/**
 * True for an organisation that has never had an administrator: no administrator role on any of its
 * units. Role rows are deleted when a role is taken away, so "never" is kept true by refusing to take
 * away or deactivate an organisation's last active administrator (administrators.ts).
 */
const neverAdministered = not(
  sql`exists (select 1 from ${roleAssignments} ra join ${units} u on u.id = ra.unit_id
    where ra.role = 'administrator' and u.organisation_id = "organisations"."id")`,
);

/** Nobody keeps anything: the answer for everyone who is not an organisation administrator. */
export function noStewardship(actor: Actor): Steward {
  return { actor, administered: new Set(), caretaken: new Set() };
}

/**
 * The organisations whose registers the actor keeps (policy.ts, rules 1 and 2), in one query; none,
 * without a query, for anyone who is not an organisation administrator.
 */
export async function loadSteward(tx: Db, actor: Actor): Promise<Steward> {
  if (!isOrganisationAdministrator(actor)) return noStewardship(actor);
  const rootIds = actor.roles
    .filter((r) => r.role === 'administrator' && isRootPath(r.unitPath))
    .map((r) => r.unitId);
  const administered = sql<boolean>`exists (select 1 from ${units} u
    where u.organisation_id = "organisations"."id" and u.parent_id is null
    and u.id in (${sql.join(
      rootIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}))`;
  const rows = await tx
    .select({ id: organisations.id, administered })
    .from(organisations)
    .where(sql`${administered} or ${neverAdministered}`);
  return {
    actor,
    administered: new Set(rows.filter((r) => r.administered).map((r) => r.id)),
    caretaken: new Set(rows.filter((r) => !r.administered).map((r) => r.id)),
  };
}

/** Which of these organisations have never had an administrator (see `neverAdministered`). */
export async function neverAdministeredOrganisations(
  tx: Db,
  organisationIds: string[],
): Promise<Set<string>> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), neverAdministered));
  return new Set(rows.map((r) => r.id));
}
