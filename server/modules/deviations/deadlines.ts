import { and, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { systemContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { EntityDescriber } from '../notifications/index.ts';
import { notify } from '../notifications/index.ts';
import { people, roleAssignments, units } from '../organisation/tables.ts';
import { deviationActions, deviationCategories, deviations } from './tables.ts';

/**
 * Deadlines: a report left `submitted` past its type's triage days reminds its handler, and
 * escalate-reminder days after that the handler's own manager is told; an open action past its
 * due date reminds its owner, then the handler's manager. Settings are per type (data).
 *
 * Exactly once, also with several processes running the check at the same moment: each reminder is
 * claimed by a conditional update (`… where triage_reminded_at is null returning …`) in its own
 * transaction, together with its audit row and its notifications. Of two racing claims PostgreSQL
 * lets one update the row; the other re-checks the condition after the first commits and matches
 * nothing. A second run finds nothing left to do. The claims do not bump the case's version: a
 * reminder is not a change the handler must reload for.
 */

const BATCH = 500;

export interface DeadlineRun {
  triageReminders: number;
  triageEscalations: number;
  actionReminders: number;
  actionEscalations: number;
}

/** Days as an interval, from a column or a number. */
const days = (n: unknown) => sql`make_interval(days => ${n})`;

/**
 * The manager(s) to tell about a handler: the nearest managers strictly above the handler's unit.
 * The handler's unit is where the handler holds the manager role covering the deviation's unit
 * (the deepest such); failing that, the deviation's unit itself.
 */
export async function managersAboveHandler(
  tx: Db,
  handlerId: string,
  deviationUnitId: string,
): Promise<string[]> {
  const [deviationUnit] = await tx
    .select({ path: units.path })
    .from(units)
    .where(eq(units.id, deviationUnitId));
  if (!deviationUnit) return [];
  const covering = await tx
    .select({ path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        eq(roleAssignments.personId, handlerId),
        eq(roleAssignments.role, 'manager'),
        sql`${deviationUnit.path} like ${units.path} || '%'`,
      ),
    )
    .orderBy(sql`length(${units.path}) desc`)
    .limit(1);
  const handlerPath = covering[0]?.path;
  // Above the handler's own unit; when the handler holds no covering role, at or above the case's unit.
  const candidates = await tx
    .select({ personId: roleAssignments.personId, path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.role, 'manager'),
        eq(people.active, true),
        sql`${roleAssignments.personId} <> ${handlerId}`,
        handlerPath
          ? sql`${handlerPath} like ${units.path} || '%' and ${units.path} <> ${handlerPath}`
          : sql`${deviationUnit.path} like ${units.path} || '%'`,
      ),
    );
  const deepest = Math.max(0, ...candidates.map((c) => c.path.length));
  return [...new Set(candidates.filter((c) => c.path.length === deepest).map((c) => c.personId))];
}

async function nameOf(tx: Db, personId: string): Promise<string> {
  const [row] = await tx.select({ name: people.name }).from(people).where(eq(people.id, personId));
  return row?.name ?? '';
}

/**
 * What every claimed reminder does: its audit row and its notifications, under one name (the audit
 * action is the notification kind). Recorded even when nobody is told, so the check does not retry it.
 */
async function recordAndNotify(
  tx: Db,
  kind: string,
  deviationId: string,
  told: { personIds: string[]; summary: Record<string, unknown>; params: Record<string, string> },
): Promise<void> {
  await writeAudit(tx, systemContext, {
    action: kind,
    entityType: 'deviation',
    entityId: deviationId,
    summary: told.summary,
  });
  await notify(tx, {
    personIds: told.personIds,
    kind,
    params: told.params,
    entityType: 'deviation',
    entityId: deviationId,
  });
}

async function remindTriage(tx: Db, id: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .update(deviations)
    .set({ triageRemindedAt: now })
    .where(
      and(eq(deviations.id, id), eq(deviations.status, 'submitted'), isNull(deviations.triageRemindedAt)),
    )
    .returning({ id: deviations.id, number: deviations.number, handlerId: deviations.handlerId });
  if (!row) return false;
  await recordAndNotify(tx, 'deviation.triage_reminder', row.id, {
    personIds: [row.handlerId],
    summary: { number: row.number, to: [row.handlerId] },
    params: { number: row.number },
  });
  return true;
}

async function escalateTriage(tx: Db, id: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .update(deviations)
    .set({ triageEscalatedAt: now })
    .where(
      and(
        eq(deviations.id, id),
        eq(deviations.status, 'submitted'),
        isNotNull(deviations.triageRemindedAt),
        isNull(deviations.triageEscalatedAt),
      ),
    )
    .returning({
      id: deviations.id,
      number: deviations.number,
      handlerId: deviations.handlerId,
      unitId: deviations.unitId,
    });
  if (!row) return false;
  const managers = await managersAboveHandler(tx, row.handlerId, row.unitId);
  await recordAndNotify(tx, 'deviation.triage_overdue_to_manager', row.id, {
    personIds: managers,
    summary: { number: row.number, handlerId: row.handlerId, to: managers },
    params: { number: row.number, handler: await nameOf(tx, row.handlerId) },
  });
  return true;
}

async function actionCase(tx: Db, deviationId: string) {
  const [row] = await tx
    .select({
      id: deviations.id,
      number: deviations.number,
      handlerId: deviations.handlerId,
      unitId: deviations.unitId,
    })
    .from(deviations)
    .where(eq(deviations.id, deviationId));
  return row;
}

async function remindAction(tx: Db, id: string, now: Date): Promise<boolean> {
  const [action] = await tx
    .update(deviationActions)
    .set({ remindedAt: now })
    .where(
      and(
        eq(deviationActions.id, id),
        eq(deviationActions.status, 'open'),
        isNull(deviationActions.remindedAt),
      ),
    )
    .returning();
  if (!action) return false;
  const c = await actionCase(tx, action.deviationId);
  if (!c) return false;
  await recordAndNotify(tx, 'deviation.action_reminder', c.id, {
    personIds: [action.ownerId],
    summary: { number: c.number, actionId: action.id, to: [action.ownerId] },
    params: { number: c.number, action: action.title, dueOn: action.dueOn },
  });
  return true;
}

async function escalateAction(tx: Db, id: string, now: Date): Promise<boolean> {
  const [action] = await tx
    .update(deviationActions)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(deviationActions.id, id),
        eq(deviationActions.status, 'open'),
        isNotNull(deviationActions.remindedAt),
        isNull(deviationActions.escalatedAt),
      ),
    )
    .returning();
  if (!action) return false;
  const c = await actionCase(tx, action.deviationId);
  if (!c) return false;
  const managers = await managersAboveHandler(tx, c.handlerId, c.unitId);
  await recordAndNotify(tx, 'deviation.action_overdue_to_manager', c.id, {
    personIds: managers,
    summary: { number: c.number, actionId: action.id, handlerId: c.handlerId, to: managers },
    params: {
      number: c.number,
      action: action.title,
      owner: await nameOf(tx, action.ownerId),
      dueOn: action.dueOn,
    },
  });
  return true;
}

/** Runs each candidate's claim in its own transaction; counts the ones this run won. */
async function claimEach(
  db: Db,
  ids: Array<{ id: string }>,
  claim: (tx: Db, id: string) => Promise<boolean>,
): Promise<number> {
  let won = 0;
  for (const { id } of ids) if (await db.transaction((tx) => claim(tx, id))) won++;
  return won;
}

/**
 * One pass of every deadline check as of `now`. The scheduled job calls it with the clock; tests
 * call it with a chosen `now`. Safe to run twice or in two processes at once.
 */
export async function runDueDeadlineChecks(db: Db, now: Date): Promise<DeadlineRun> {
  // The action's due day is over once `now` (UTC) has passed it.
  const at = sql`${now.toISOString()}::timestamptz`;
  const today = sql`(${at} at time zone 'UTC')::date`;
  const overdueTriage = await db
    .select({ id: deviations.id })
    .from(deviations)
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .where(
      and(
        eq(deviations.status, 'submitted'),
        isNull(deviations.triageRemindedAt),
        lte(sql`${deviations.reportedAt} + ${days(deviationCategories.triageDays)}`, at),
      ),
    )
    .limit(BATCH);
  const triageReminders = await claimEach(db, overdueTriage, (tx, id) => remindTriage(tx, id, now));

  const ignoredTriage = await db
    .select({ id: deviations.id })
    .from(deviations)
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .where(
      and(
        eq(deviations.status, 'submitted'),
        isNull(deviations.triageEscalatedAt),
        lte(sql`${deviations.triageRemindedAt} + ${days(deviationCategories.escalateReminderDays)}`, at),
      ),
    )
    .limit(BATCH);
  const triageEscalations = await claimEach(db, ignoredTriage, (tx, id) => escalateTriage(tx, id, now));

  const overdueActions = await db
    .select({ id: deviationActions.id })
    .from(deviationActions)
    .where(
      and(
        eq(deviationActions.status, 'open'),
        isNull(deviationActions.remindedAt),
        sql`${deviationActions.dueOn} < ${today}`,
      ),
    )
    .limit(BATCH);
  const actionReminders = await claimEach(db, overdueActions, (tx, id) => remindAction(tx, id, now));

  const ignoredActions = await db
    .select({ id: deviationActions.id })
    .from(deviationActions)
    .innerJoin(deviations, eq(deviations.id, deviationActions.deviationId))
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .where(
      and(
        eq(deviationActions.status, 'open'),
        isNull(deviationActions.escalatedAt),
        lte(sql`${deviationActions.remindedAt} + ${days(deviationCategories.escalateReminderDays)}`, at),
      ),
    )
    .limit(BATCH);
  const actionEscalations = await claimEach(db, ignoredActions, (tx, id) => escalateAction(tx, id, now));

  return { triageReminders, triageEscalations, actionReminders, actionEscalations };
}

/** What an e-mail may say about a case: its type and unit, in the recipient's language. */
export const describeDeviation: EntityDescriber = async (db, entityId, lang: Lang) => {
  const [row] = await db
    .select({ type: deviationCategories.name, unit: units.name })
    .from(deviations)
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .innerJoin(units, eq(units.id, deviations.unitId))
    .where(eq(deviations.id, entityId));
  return row ? { type: row.type[lang], unit: row.unit } : null;
};
