import { inArray } from 'drizzle-orm';
import type { Deviation } from '../../../contracts/deviations.ts';
import type { Db } from '../../platform/db.ts';
import { bodies } from '../organisation/tables.ts';
import type { CaseView } from './policy.ts';
import type { LoadedCase } from './records.ts';
import type { deviationEvents } from './tables.ts';

// A case's history as each viewer sees it: the case page's timeline, and what changed since a
// version when two people change the case at once.

/** Events a body member does not see: the manager's own investigation notes. */
const internalToHandlers = new Set(['note']);

type EventRow = typeof deviationEvents.$inferSelect;
type Named = { id: string; name: string } | null;

/** The history entries this view shows: the reporter's own timeline; a body's, without the notes. */
export function visibleEvents(events: EventRow[], view: CaseView): EventRow[] {
  return events.filter((e) =>
    view === 'reporter' ? e.visibleToReporter : view === 'body' ? !internalToHandlers.has(e.action) : true,
  );
}

/** One history entry as this view shows it; names come from the caller's lookups. */
export function presentEvent(
  e: EventRow,
  view: CaseView,
  names: {
    actor: (id: string | null) => Named;
    person: (id: string | null) => Named;
    bodies: ReadonlyMap<string, string>;
  },
): Deviation['events'][number] {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actor: names.actor(e.actorId),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    body: e.bodyId ? { id: e.bodyId, name: names.bodies.get(e.bodyId) ?? '' } : null,
    toPerson: view === 'reporter' ? null : names.person(e.toPersonId),
    // The reporter reads the feedback, not the handlers' reasons.
    comment: view === 'reporter' && e.action !== 'close' ? null : e.comment,
  };
}

/** The names of the bodies these entries mention: the type's ladder, and any body since left off it. */
export async function bodyNamesFor(tx: Db, c: LoadedCase, events: EventRow[]): Promise<Map<string, string>> {
  const bodyNames = new Map(c.ladder.map((s) => [s.bodyId, s.bodyName]));
  const unnamed = [...new Set(events.map((e) => e.bodyId))].filter(
    (id): id is string => id !== null && !bodyNames.has(id),
  );
  if (unnamed.length > 0) {
    const rows = await tx
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(inArray(bodies.id, unnamed));
    for (const r of rows) bodyNames.set(r.id, r.name);
  }
  return bodyNames;
}
