import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { people, roleAssignments, units } from '../organisation/tables.ts';

/**
 * People of the caller's organisation a case can go to: managers to forward to, anyone to own an
 * action. For those who handle cases or sit in a body; twenty at a time, by name.
 */
export async function findCasePeople(
  options: { actor: Actor; q?: string | undefined; managersOnly: boolean },
  tx: Db,
): Promise<Array<{ id: string; name: string; profession: string | null; units: string[] }>> {
  const { actor } = options;
  const handles =
    hasRole(actor, 'manager') || hasRole(actor, 'quality_coordinator') || actor.bodies.length > 0;
  if (!handles) throw new AppError('deviation.people_denied', 'forbidden');
  const q = options.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await tx
    .select({ id: people.id, name: people.name, profession: people.profession })
    .from(people)
    .where(
      and(
        eq(people.organisationId, actor.organisationId),
        eq(people.active, true),
        pattern ? or(ilike(people.name, pattern), ilike(people.username, pattern)) : undefined,
        options.managersOnly
          ? sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.personId} = ${people.id} and ${roleAssignments.role} = 'manager')`
          : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(20);
  if (found.length === 0) return [];
  const roleUnits = await tx
    .selectDistinct({ personId: roleAssignments.personId, unit: units.name })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        inArray(
          roleAssignments.personId,
          found.map((p) => p.id),
        ),
        options.managersOnly ? eq(roleAssignments.role, 'manager') : undefined,
      ),
    );
  return found.map((p) => ({
    ...p,
    units: roleUnits
      .filter((r) => r.personId === p.id)
      .map((r) => r.unit)
      .sort(),
  }));
}
