import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeviationListItem, DeviationStatus } from '../../../contracts/deviations.ts';
import { type Actor, scopeRoots } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { cappedTotal } from '../../platform/paging.ts';
import { bodies, people, units } from '../organisation/tables.ts';
import { parseStatuses, pathUnder, reportedWithin, subtreeOf } from './filters.ts';
import { caseScopeRoots, isMemberOf } from './policy.ts';
import { isOverdue } from './read.ts';
import { deviationCategories, deviationEntries, deviations } from './tables.ts';

export interface ListOptions {
  view: 'inbox' | 'unit' | 'mine' | 'body' | 'meeting';
  bodyId?: string | undefined;
  status?: string | undefined;
  entryId?: string | undefined;
  categoryId?: string | undefined;
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  q?: string | undefined;
  sort: 'reportedAt' | 'dueAt' | 'number';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const openStatuses: DeviationStatus[] = ['submitted', 'in_handling', 'escalated'];

/**
 * Cases of the units under the roots. `= any(array(…))` lets the planner treat the (few) unit ids
 * as a known list, where `in (subquery)` made it join row by row on a large table.
 */
function unitsUnder(roots: readonly string[]): SQL {
  return sql`${deviations.unitId} = any(array(select ${units.id} from ${units} where ${pathUnder(units.path, roots)}))`;
}

/**
 * Lists count at most this many matches. An exact count of a region-wide search would read every
 * match before the first page could be shown; beyond this the answer says "at least".
 */
export const LIST_COUNT_CAP = 1000;

/** The rows this view shows before any filter: each view is its own access rule. */
function viewCondition(actor: Actor, options: ListOptions): SQL {
  switch (options.view) {
    case 'inbox':
      // Cases I hold that wait for me: not with a body, not closed.
      return and(
        eq(deviations.handlerId, actor.personId),
        isNull(deviations.currentBodyId),
        sql`${deviations.status} <> 'closed'`,
      ) as SQL;
    case 'mine':
      return eq(deviations.reporterId, actor.personId);
    case 'unit': {
      const roots = caseScopeRoots(actor);
      if (roots.length === 0) throw new AppError('deviation.no_unit_scope', 'forbidden');
      return unitsUnder(roots);
    }
    case 'meeting': {
      const roots = scopeRoots(actor, 'manager');
      if (roots.length === 0) throw new AppError('deviation.no_meeting_scope', 'forbidden');
      return and(
        unitsUnder(roots),
        eq(deviations.raiseAtUnitMeeting, true),
        isNull(deviations.unitMeetingRaisedOn),
      ) as SQL;
    }
    case 'body': {
      if (!options.bodyId)
        throw new AppError('deviation.body_required', 'validation', {
          fields: [{ path: 'bodyId', key: 'validation.required' }],
        });
      if (!isMemberOf(actor, options.bodyId)) throw new AppError('deviation.not_member', 'forbidden');
      return eq(deviations.currentBodyId, options.bodyId);
    }
    default: {
      const unreachable: never = options.view;
      throw new Error(`unknown view ${String(unreachable)}`);
    }
  }
}

/** The category and every node under it (the tree is small: one organisation's configuration). */
async function categoryWithDescendants(tx: Db, categoryId: string): Promise<string[]> {
  const [root] = await tx
    .select({ entryId: deviationCategories.entryId })
    .from(deviationCategories)
    .where(eq(deviationCategories.id, categoryId));
  if (!root) return [categoryId];
  const nodes = await tx
    .select({ id: deviationCategories.id, parentId: deviationCategories.parentId })
    .from(deviationCategories)
    .where(eq(deviationCategories.entryId, root.entryId));
  return subtreeOf(nodes, categoryId);
}

async function filterConditions(tx: Db, actor: Actor, options: ListOptions): Promise<SQL[]> {
  // One's own reports, and a body's cases (members come from partner agencies too), are found by
  // the view alone; the other views are the actor's own organisation's cases.
  const conditions: SQL[] =
    options.view === 'mine' || options.view === 'body'
      ? []
      : [eq(deviations.organisationId, actor.organisationId)];
  if (options.status)
    conditions.push(inArray(deviations.status, parseStatuses(options.status, 'deviation.status_unknown')));
  if (options.entryId) conditions.push(eq(deviations.entryId, options.entryId));
  if (options.categoryId)
    conditions.push(inArray(deviations.categoryId, await categoryWithDescendants(tx, options.categoryId)));
  if (options.unitId) {
    const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, options.unitId));
    conditions.push(unit ? unitsUnder([unit.path]) : sql`false`);
  }
  conditions.push(...reportedWithin(deviations.reportedAt, options));
  if (options.overdue === 'true')
    conditions.push(and(inArray(deviations.status, openStatuses), sql`${deviations.dueAt} < now()`) as SQL);
  if (options.overdue === 'false')
    conditions.push(
      sql`not (${deviations.status} in ('submitted','in_handling','escalated') and ${deviations.dueAt} < now())`,
    );
  const q = options.q?.trim();
  if (q) {
    // Reports are indexed in their reporter's language; a search matches any of the three stemmings.
    conditions.push(
      or(
        eq(deviations.number, q.toUpperCase()),
        sql`${deviations.search} @@ (websearch_to_tsquery('swedish', ${q}) || websearch_to_tsquery('norwegian', ${q}) || websearch_to_tsquery('english', ${q}))`,
      ) as SQL,
    );
  }
  return conditions;
}

const handlerPerson = alias(people, 'handler_person');

/**
 * One page of a view, newest first by default. The read is logged: one audit row naming the cases
 * listed, in the same transaction.
 */
export async function listDeviations(
  options: { actor: Actor; audit: AuditContext; query: ListOptions },
  tx: Db,
): Promise<{
  items: DeviationListItem[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}> {
  const { actor, query } = options;
  const where = and(viewCondition(actor, query), ...(await filterConditions(tx, actor, query)));
  const sortColumn =
    query.sort === 'dueAt'
      ? deviations.dueAt
      : query.sort === 'number'
        ? deviations.number
        : deviations.reportedAt;
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await tx
    .select({
      id: deviations.id,
      number: deviations.number,
      status: deviations.status,
      entryName: deviationEntries.name,
      categoryName: deviationCategories.name,
      unitId: units.id,
      unitName: units.name,
      handlerId: handlerPerson.id,
      handlerName: handlerPerson.name,
      bodyId: bodies.id,
      bodyName: bodies.name,
      reportedAt: deviations.reportedAt,
      occurredAt: deviations.occurredAt,
      dueAt: deviations.dueAt,
      excerpt: sql<string>`left(${deviations.description}, 160)`,
      riskConsequence: deviations.riskConsequence,
      riskProbability: deviations.riskProbability,
      raiseAtUnitMeeting: deviations.raiseAtUnitMeeting,
      unitMeetingRaisedOn: deviations.unitMeetingRaisedOn,
    })
    .from(deviations)
    .innerJoin(deviationEntries, eq(deviationEntries.id, deviations.entryId))
    .innerJoin(deviationCategories, eq(deviationCategories.id, deviations.categoryId))
    .innerJoin(units, eq(units.id, deviations.unitId))
    .innerJoin(handlerPerson, eq(handlerPerson.id, deviations.handlerId))
    .leftJoin(bodies, eq(bodies.id, deviations.currentBodyId))
    .where(where)
    .orderBy(direction(sortColumn), direction(deviations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const { total, totalIsLowerBound } = await cappedTotal(tx, {
    from: deviations,
    where,
    cap: LIST_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
    onPage: rows.length,
  });
  if (rows.length > 0) {
    await writeAudit(tx, options.audit, {
      action: 'deviation.listed',
      entityType: 'deviation',
      summary: { view: query.view, ids: rows.map((r) => r.id) },
    });
  }
  const now = new Date();
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      entryName: r.entryName,
      categoryName: r.categoryName,
      unit: { id: r.unitId, name: r.unitName },
      handler: { id: r.handlerId, name: r.handlerName },
      currentBody: r.bodyId && r.bodyName ? { id: r.bodyId, name: r.bodyName } : null,
      reportedAt: r.reportedAt.toISOString(),
      occurredAt: r.occurredAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      overdue: isOverdue(r.status, r.dueAt, now),
      excerpt: r.excerpt,
      riskScore:
        r.riskConsequence !== null && r.riskProbability !== null
          ? r.riskConsequence * r.riskProbability
          : null,
      raiseAtUnitMeeting: r.raiseAtUnitMeeting,
      unitMeetingRaisedOn: r.unitMeetingRaisedOn,
    })),
    total,
    totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
}
