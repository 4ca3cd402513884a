import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type DeviationStatus, deviationStatusSchema } from '../../../contracts/deviations.ts';
import { regionTimeZone } from '../../platform/days.ts';
import { AppError } from '../../platform/errors.ts';

// The filters the list (GET /api/deviations) and the statistics share, so that a statistics row's
// drill-down shows exactly the cases it counted. Each caller says which column it filters: the list
// builds with Drizzle's columns, the statistics with a raw query's aliases.

/** A comma-separated status filter; an unknown status is the caller's own validation error. */
export function parseStatuses(
  value: string,
  code: 'deviation.status_unknown' | 'deviation.stats_status_unknown',
): DeviationStatus[] {
  const parsed = value.split(',').map((s) => deviationStatusSchema.safeParse(s));
  if (parsed.some((s) => !s.success))
    throw new AppError(code, 'validation', { fields: [{ path: 'status', key: code }] });
  return parsed.flatMap((s) => (s.success ? [s.data] : []));
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
}

/** The category and every node under it; the tree is one organisation's configuration, so small. */
export function subtreeOf(nodes: readonly CategoryNode[], rootId: string): string[] {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId && ids.has(n.parentId) && !ids.has(n.id)) {
        ids.add(n.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

/** A unit path at or under any of the roots (a unit's path starts with its ancestors' paths). */
export function pathUnder(path: SQLWrapper, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((root) => sql`${path} like ${`${root}%`}`),
    sql` or `,
  )})`;
}

/**
 * The moment a day (YYYY-MM-DD) begins where reports are made: days and months of reports are those
 * of Sweden and Norway, which keep the same clock (platform/days.ts). The statistics rollup
 * (migration 0006, deviation_stats_month) cuts months in the same zone.
 */
export function startOfDay(day: SQLWrapper | string): SQL {
  return sql`((${day})::date::timestamp at time zone ${sql.raw(`'${regionTimeZone}'`)})`;
}

/** Reported from the first day to the last, both whole days in the reporting time zone. */
export function reportedWithin(
  reportedAt: SQLWrapper,
  range: { from?: string | undefined; to?: string | undefined },
): SQL[] {
  const conditions: SQL[] = [];
  if (range.from) conditions.push(sql`${reportedAt} >= ${startOfDay(sql`${range.from}`)}`);
  if (range.to) conditions.push(sql`${reportedAt} < ${startOfDay(sql`${range.to}::date + 1`)}`);
  return conditions;
}
