import { type Actor, hasRole } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { searchColleagues } from '../organisation/index.ts';

/**
 * People of the caller's organisation a case can go to: managers to forward to (with the units they
 * manage), anyone to own an action. For those who handle cases or sit in a body; the organisation
 * module's colleague search, so twenty at a time, by name.
 */
export async function findCasePeople(
  options: { actor: Actor; q?: string | undefined; managersOnly: boolean },
  tx: Db,
): Promise<Array<{ id: string; name: string; profession: string | null; units: string[] }>> {
  const { actor } = options;
  const handles =
    hasRole(actor, 'manager') || hasRole(actor, 'quality_coordinator') || actor.bodies.length > 0;
  if (!handles) throw new AppError('deviation.people_denied', 'forbidden');
  const found = await searchColleagues(
    {
      organisationId: actor.organisationId,
      q: options.q,
      role: options.managersOnly ? 'manager' : undefined,
    },
    tx,
  );
  return found.items;
}
