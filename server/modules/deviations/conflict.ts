import { and, asc, eq, sql } from 'drizzle-orm';
import type { CaseChange } from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { bodyNamesFor, presentEvent, visibleEvents } from './events.ts';
import { caseViewOf, maySeeReporter } from './policy.ts';
import { type LoadedCase, namesOf } from './records.ts';
import { deviationEvents } from './tables.ts';

// Two people changing one case: every change made from what a client saw carries the version it saw
// (expectedVersion), and every change bumps the version. A stale one is refused with what changed
// since, never applied over the other person's change.

/** Where a change records the version it made, so that "what changed since version n" can be told. */
export function versionData(version: number): { version: number } {
  return { version };
}

/**
 * Checks the version the client saw. Someone who may not read the case is refused as if it did not
 * exist, before anything about it is told. A reader with a stale version gets 409 and the history
 * entries since their version, as they may see them, without their texts: those are read (and the
 * read logged) by opening the case again.
 */
export async function requireVersion(
  tx: Db,
  actor: Actor,
  c: LoadedCase,
  expectedVersion: number | undefined,
): Promise<void> {
  if (expectedVersion === undefined || expectedVersion === c.row.version) return;
  const view = caseViewOf(actor, c.facts);
  if (!view) throw new AppError('deviation.not_found', 'not_found');
  const since = await tx
    .select()
    .from(deviationEvents)
    .where(
      and(
        eq(deviationEvents.deviationId, c.row.id),
        sql`(${deviationEvents.data}->>'version')::int > ${expectedVersion}`,
      ),
    )
    .orderBy(asc(deviationEvents.at));
  const shown = visibleEvents(since, view);
  const names = await namesOf(
    tx,
    shown.flatMap((e) => [e.actorId, e.toPersonId].filter((id): id is string => id !== null)),
  );
  const bodies = await bodyNamesFor(tx, c, shown);
  const reporterVisible = maySeeReporter(actor, c.facts, view, c.row.reporterNameShared);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const changes: CaseChange[] = shown.map((e) => {
    const { comment: _text, ...change } = presentEvent(e, view, {
      actor: (id) => (!reporterVisible && id === c.row.reporterId ? null : person(id)),
      person,
      bodies,
    });
    return change;
  });
  throw new AppError('deviation.changed_meanwhile', 'conflict', {
    params: { changes: describeChanges(actor, changes) },
    extra: {
      currentVersion: c.row.version,
      yourVersion: expectedVersion,
      currentStatus: c.row.status,
      changes,
    },
  });
}

/**
 * The changes in a sentence of the caller's language ("taken on (Maria Ek); risk assessed (Maria
 * Ek)"). A signed-in caller's answers are always in their own language, so it is the right one here.
 */
function describeChanges(actor: Actor, changes: CaseChange[]): string {
  const lang = actor.language;
  if (changes.length === 0) return t(lang, 'deviation.changes_not_listed');
  return changes
    .map((change) => {
      const key = `deviation.change.${change.action}`;
      const what = t(lang, key) === key ? change.action : t(lang, key);
      return change.actor ? t(lang, 'deviation.change_by', { what, who: change.actor.name }) : what;
    })
    .join('; ');
}
