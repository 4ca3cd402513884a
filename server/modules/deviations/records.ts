import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { bodies, people, units } from '../organisation/tables.ts';
import type { CaseFacts } from './policy.ts';
import {
  deviationActions,
  deviationCategories,
  deviationEvents,
  deviationLadderSteps,
  deviations,
} from './tables.ts';

// Loading a case and what the rules need to know about it.

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type DeviationRow = typeof deviations.$inferSelect;

export interface LoadedCase {
  row: DeviationRow;
  unitPath: string;
  facts: CaseFacts;
  /** the type's ladder, in order: position 1 is the first body */
  ladder: Array<{ position: number; bodyId: string; bodyName: string }>;
}

/** The case with its unit path, ladder and the bodies it has reached; `lock` takes a row lock for a change. */
export async function requireCase(tx: Db, id: string, options: { lock?: boolean } = {}): Promise<LoadedCase> {
  const query = tx
    .select({ row: deviations, unitPath: units.path })
    .from(deviations)
    .innerJoin(units, eq(units.id, deviations.unitId))
    .where(eq(deviations.id, id));
  const [found] = options.lock ? await query.for('update', { of: deviations }) : await query;
  if (!found) throw new AppError('deviation.not_found', 'not_found');
  // Sequential on purpose: a transaction is one connection, which runs one query at a time.
  const ladder = await ladderOf(tx, found.row.categoryId);
  const reached = await tx
    .selectDistinct({ bodyId: deviationEvents.bodyId })
    .from(deviationEvents)
    .where(and(eq(deviationEvents.deviationId, id), isNotNull(deviationEvents.bodyId)));
  const bodiesReached = reached.map((r) => r.bodyId).filter((b): b is string => b !== null);
  if (found.row.currentBodyId && !bodiesReached.includes(found.row.currentBodyId))
    bodiesReached.push(found.row.currentBodyId);
  const owners = await tx
    .selectDistinct({ ownerId: deviationActions.ownerId })
    .from(deviationActions)
    .where(eq(deviationActions.deviationId, id));
  return {
    row: found.row,
    unitPath: found.unitPath,
    ladder,
    facts: {
      organisationId: found.row.organisationId,
      reporterId: found.row.reporterId,
      handlerId: found.row.handlerId,
      unitPath: found.unitPath,
      currentBodyId: found.row.currentBodyId,
      bodiesReached,
      actionOwnerIds: owners.map((o) => o.ownerId),
    },
  };
}

export async function ladderOf(
  tx: Db,
  categoryId: string,
): Promise<Array<{ position: number; bodyId: string; bodyName: string }>> {
  const steps = await tx
    .select({ position: deviationLadderSteps.position, bodyId: bodies.id, bodyName: bodies.name })
    .from(deviationLadderSteps)
    .innerJoin(bodies, eq(bodies.id, deviationLadderSteps.bodyId))
    .where(eq(deviationLadderSteps.categoryId, categoryId))
    .orderBy(asc(deviationLadderSteps.position));
  // Positions are data and may have gaps; the case counts steps 1, 2, 3 … in order.
  return steps.map((s, i) => ({ ...s, position: i + 1 }));
}

/** The category with the ancestors' names, root first. */
export async function categoryPath(
  tx: Db,
  categoryId: string,
): Promise<Array<typeof deviationCategories.$inferSelect>> {
  const chain: Array<typeof deviationCategories.$inferSelect> = [];
  let next: string | null = categoryId;
  for (let depth = 0; next && depth < 20; depth++) {
    const [node]: Array<typeof deviationCategories.$inferSelect> = await tx
      .select()
      .from(deviationCategories)
      .where(eq(deviationCategories.id, next));
    if (!node) break;
    chain.unshift(node);
    next = node.parentId;
  }
  return chain;
}

/**
 * The nearest manager of a unit: a manager of the unit itself, else of the closest unit above it.
 * When several share that unit, the reporter is chosen if among them (the seed: "till dig själv om
 * du är chef"), else the first by name.
 */
export async function nearestManager(
  tx: Db,
  unitPath: string,
  preferPersonId: string | null,
): Promise<{ id: string; name: string; unitPath: string } | null> {
  const rows = await queryRows<{ id: string; name: string; path: string }>(
    tx,
    sql`
    select p.id, p.name, u.path
    from role_assignments ra
    join units u on u.id = ra.unit_id
    join people p on p.id = ra.person_id
    where ra.role = 'manager' and p.active and u.active and ${unitPath} like u.path || '%'
    order by length(u.path) desc, p.name
    limit 20`,
  );
  const nearest = rows[0];
  if (!nearest) return null;
  const sameLevel = rows.filter((r) => r.path === nearest.path);
  const chosen = sameLevel.find((r) => r.id === preferPersonId) ?? nearest;
  return { id: chosen.id, name: chosen.name, unitPath: chosen.path };
}

/** The manager above a manager: nearest manager of the parent of the unit where they manage `unitPath`. */
export async function managerAbove(
  tx: Db,
  managerId: string,
  unitPath: string,
): Promise<{ id: string; name: string } | null> {
  const own = await queryRows<{ path: string }>(
    tx,
    sql`
    select u.path from role_assignments ra join units u on u.id = ra.unit_id
    where ra.person_id = ${managerId} and ra.role = 'manager' and ${unitPath} like u.path || '%'
    order by length(u.path) desc limit 1`,
  );
  const path = own[0]?.path;
  if (!path) return null;
  const parentPath = path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);
  if (parentPath.length <= 1) return null;
  const found = await nearestManager(tx, parentPath, null);
  return found && found.id !== managerId ? { id: found.id, name: found.name } : null;
}

export async function personName(tx: Db, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, id));
  return row ?? null;
}

export async function namesOf(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
