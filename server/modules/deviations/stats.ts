import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  DeviationStats,
  DeviationStatsRow,
  StatsDrillDown,
  StatsGroupBy,
} from '../../../contracts/deviation-stats.ts';
import type { DeviationStatus } from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { registerMessages } from '../../platform/i18n.ts';
import { units } from '../organisation/tables.ts';
import { parseStatuses, pathUnder, reportedWithin, subtreeOf } from './filters.ts';
import { caseScopeRoots } from './policy.ts';
import { deviationCategories, deviationEntries } from './tables.ts';

// Counting deviations for management. One aggregate query over the deviations table joined to the
// small units table (and, for areas, the classification tree), grouped in SQL with a grouping set
// for the totals: a million rows are scanned once, never sent to Node.

export interface StatsFilters {
  from?: string | undefined;
  to?: string | undefined;
  entryId?: string | undefined;
  categoryId?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
}

const statusOrder: DeviationStatus[] = ['submitted', 'in_handling', 'escalated', 'resolved', 'closed'];

async function rowsOf<T>(tx: Db, query: SQL): Promise<T[]> {
  // Both drivers answer a raw query with `{ rows }`.
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

function lastDayOfMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = 0, month = 1] = first.split('-').map(Number);
  for (let i = 0; i < 600; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

interface Aggregate {
  key: string | null;
  is_total: number;
  count: number;
  open: number;
  overdue: number;
  closed: number;
  median: number | string | null;
}

interface GroupUnit {
  id: string;
  path: string;
}

function roundedDays(value: number | string | null): number | null {
  if (value === null) return null;
  return Math.round(Number(value) * 10) / 10;
}

/**
 * The numbers behind "how common is each fault", within the actor's scope: the units they manage
 * or coordinate. Filters mean what they mean in the list (GET /api/deviations?view=unit), and each
 * row says which list shows its cases.
 */
export async function getDeviationStats(
  options: { actor: Actor; groupBy: StatsGroupBy; filters: StatsFilters },
  tx: Db,
): Promise<DeviationStats> {
  const { actor, groupBy, filters } = options;
  const roots = caseScopeRoots(actor);
  if (roots.length === 0) throw new AppError('deviation.stats_no_scope', 'forbidden');

  const conditions: SQL[] = [sql`d.organisation_id = ${actor.organisationId}`];
  // Which units count: applied to the small units table, which the deviations then join.
  const unitConditions: SQL[] = [pathUnder(sql`u.path`, roots)];
  if (filters.status) {
    const statuses = parseStatuses(filters.status, 'deviation.stats_status_unknown');
    conditions.push(
      sql`d.status::text in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.entryId) conditions.push(sql`d.entry_id = ${filters.entryId}`);
  if (filters.categoryId) {
    const nodes = await tx
      .select({ id: deviationCategories.id, parentId: deviationCategories.parentId })
      .from(deviationCategories)
      .innerJoin(deviationEntries, eq(deviationEntries.id, deviationCategories.entryId))
      .where(eq(deviationEntries.organisationId, actor.organisationId));
    if (!nodes.some((n) => n.id === filters.categoryId))
      throw new AppError('deviation.stats_category_not_found', 'not_found');
    const ids = subtreeOf(nodes, filters.categoryId);
    conditions.push(
      sql`d.category_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  let chosenUnit: GroupUnit | null = null;
  if (filters.unitId) {
    const [unit] = await tx
      .select({ id: units.id, path: units.path })
      .from(units)
      .where(eq(units.id, filters.unitId));
    if (!unit) throw new AppError('deviation.stats_unit_not_found', 'not_found');
    chosenUnit = unit;
    unitConditions.push(pathUnder(sql`u.path`, [unit.path]));
  }
  conditions.push(...reportedWithin(sql`d.reported_at`, filters));

  // The scope roots as units, for the default unit grouping.
  const rootUnits =
    groupBy === 'unit' && !chosenUnit
      ? await tx.select({ id: units.id, path: units.path }).from(units).where(inArray(units.path, roots))
      : [];

  // Each unit's group, worked out once per unit rather than once per deviation.
  const unitKey = ((): SQL => {
    if (groupBy !== 'unit') return sql`null::uuid`;
    if (chosenUnit) {
      // The child's id is the path segment right after the chosen unit's path; its own cases keep its id.
      return sql`(case when u.path = ${chosenUnit.path} then ${chosenUnit.id}
        else substr(u.path, ${chosenUnit.path.length + 1}, 36) end)::uuid`;
    }
    return sql`(case ${sql.join(
      rootUnits.map((r) => sql`when u.path like ${`${r.path}%`} then ${r.id}`),
      sql` `,
    )} end)::uuid`;
  })();

  // Typed keys (uuid, enum, timestamp) sort and hash much faster than text; text comes at the end.
  const [keyExpression, keyText] = ((): [SQL, SQL] => {
    switch (groupBy) {
      case 'entry':
        return [sql`d.entry_id`, sql`s.key::text`];
      case 'category':
        return [sql`d.category_id`, sql`s.key::text`];
      case 'area':
        return [sql`tree.root`, sql`s.key::text`];
      case 'status':
        return [sql`d.status`, sql`s.key::text`];
      case 'month':
        // The session's time zone, as the list's from/to filters use it: a month's drill-down matches.
        return [sql`date_trunc('month', d.reported_at)`, sql`to_char(s.key, 'YYYY-MM')`];
      case 'unit':
        return [sql`u.unit_key`, sql`s.key::text`];
      default: {
        const unreachable: never = groupBy;
        throw new Error(`unknown grouping ${String(unreachable)}`);
      }
    }
  })();

  // The top node of each category's tree, for areas: a recursive walk over the small tree.
  const areaTree =
    groupBy === 'area'
      ? sql`with recursive tree(id, root) as (
          select c.id, c.id from deviation_categories c
            join deviation_entries e on e.id = c.entry_id
            where c.parent_id is null and e.organisation_id = ${actor.organisationId}
          union all
          select c.id, tree.root from deviation_categories c join tree on c.parent_id = tree.id
        ) `
      : sql``;
  const areaJoin = groupBy === 'area' ? sql`join tree on tree.id = d.category_id` : sql``;

  // One sort of the whole set feeds both the groups and the total (the median needs sorted input);
  // the default work_mem would spill it to disk.
  await tx.execute(sql`set local work_mem = '128MB'`);
  const aggregates = await rowsOf<Aggregate>(
    tx,
    sql`${areaTree}
      select ${keyText} as key, grouping(s.key) as is_total,
        count(*)::int as count,
        count(*) filter (where s.open)::int as open,
        count(*) filter (where s.overdue)::int as overdue,
        count(*) filter (where s.status = 'closed')::int as closed,
        percentile_cont(0.5) within group (order by s.handling_days)
          filter (where s.handling_days is not null) as median
      from (
        select ${keyExpression} as key, d.status,
          d.status in ('submitted', 'in_handling', 'escalated') as open,
          d.status in ('submitted', 'in_handling', 'escalated') and d.due_at < now() as overdue,
          case when d.status in ('resolved', 'closed')
            then extract(epoch from (coalesce(d.resolved_at, d.closed_at) - d.reported_at)) / 86400.0
          end as handling_days
        from deviations d
        join (select u.id, ${unitKey} as unit_key from units u where ${sql.join(unitConditions, sql` and `)}) u
          on u.id = d.unit_id
        ${areaJoin}
        where ${sql.join(conditions, sql` and `)}
      ) s
      group by grouping sets ((s.key), ())`,
  );

  const base: StatsDrillDown = { view: 'unit' };
  for (const key of ['status', 'entryId', 'categoryId', 'unitId', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) base[key] = value;
  }
  const totalRow = aggregates.find((a) => Number(a.is_total) === 1);
  const groups = aggregates.filter((a) => Number(a.is_total) === 0 && a.key !== null);
  const counted = (a: Aggregate | undefined) => ({
    count: a?.count ?? 0,
    open: a?.open ?? 0,
    overdue: a?.overdue ?? 0,
    closed: a?.closed ?? 0,
    medianHandlingDays: roundedDays(a?.median ?? null),
  });

  const rows = await labelRows(tx, {
    groupBy,
    groups: groups.map((g) => ({ key: g.key ?? '', ...counted(g) })),
    base,
    filters,
    chosenUnit,
  });
  return { groupBy, rows, totals: { ...counted(totalRow), drillDown: base } };
}

type Counted = Omit<DeviationStatsRow, 'label' | 'drillDown'>;

/** Names, order and drill-down for each group. */
async function labelRows(
  tx: Db,
  options: {
    groupBy: StatsGroupBy;
    groups: Counted[];
    base: StatsDrillDown;
    filters: StatsFilters;
    chosenUnit: GroupUnit | null;
  },
): Promise<DeviationStatsRow[]> {
  const { groupBy, groups, base, filters, chosenUnit } = options;
  const keys = groups.map((g) => g.key);
  const byCount = (a: DeviationStatsRow, b: DeviationStatsRow): number =>
    b.count - a.count || a.key.localeCompare(b.key);
  switch (groupBy) {
    case 'entry': {
      if (keys.length === 0) return [];
      const entries = await tx
        .select({
          id: deviationEntries.id,
          name: deviationEntries.name,
          sortOrder: deviationEntries.sortOrder,
        })
        .from(deviationEntries)
        .where(inArray(deviationEntries.id, keys));
      const order = new Map(entries.map((e) => [e.id, e.sortOrder]));
      const names = new Map(entries.map((e) => [e.id, e.name]));
      return groups
        .map((g) => ({ ...g, label: names.get(g.key) ?? g.key, drillDown: { ...base, entryId: g.key } }))
        .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0) || byCount(a, b));
    }
    case 'category':
    case 'area': {
      if (keys.length === 0) return [];
      const nodes = await tx
        .select({ id: deviationCategories.id, name: deviationCategories.name })
        .from(deviationCategories)
        .where(inArray(deviationCategories.id, keys));
      const names = new Map(nodes.map((n) => [n.id, n.name]));
      // An area row of a narrower category filter keeps that filter: its cases are exactly those.
      const categoryOf = (key: string): string =>
        groupBy === 'area' && filters.categoryId ? filters.categoryId : key;
      return groups
        .map((g) => ({
          ...g,
          label: names.get(g.key) ?? g.key,
          drillDown: { ...base, categoryId: categoryOf(g.key) },
        }))
        .sort(byCount);
    }
    case 'unit': {
      if (keys.length === 0) return [];
      const found = await tx
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, keys));
      const names = new Map(found.map((u) => [u.id, u.name]));
      return groups
        .map((g) => ({
          ...g,
          label: names.get(g.key) ?? g.key,
          // The list cannot show a unit's own cases without its subtree's: no drill-down for that row
          // unless the unit has no children with cases.
          drillDown:
            chosenUnit && g.key === chosenUnit.id && groups.length > 1 ? null : { ...base, unitId: g.key },
        }))
        .sort(byCount);
    }
    case 'month': {
      if (keys.length === 0) return [];
      const present = new Map(groups.map((g) => [g.key, g]));
      const sorted = [...keys].sort();
      const first = [filters.from?.slice(0, 7), sorted[0]].filter((m): m is string => !!m).sort()[0] ?? '';
      const last =
        [filters.to?.slice(0, 7), sorted.at(-1)]
          .filter((m): m is string => !!m)
          .sort()
          .at(-1) ?? '';
      // Empty months between are shown as zero, so that a chart does not skip them.
      return monthsBetween(first, last).map((month) => {
        const from = filters.from && filters.from > `${month}-01` ? filters.from : `${month}-01`;
        const end = lastDayOfMonth(month);
        const to = filters.to && filters.to < end ? filters.to : end;
        const counts = present.get(month) ?? {
          key: month,
          count: 0,
          open: 0,
          overdue: 0,
          closed: 0,
          medianHandlingDays: null,
        };
        return { ...counts, key: month, label: month, drillDown: { ...base, from, to } };
      });
    }
    case 'status':
      return groups
        .map((g) => ({ ...g, label: g.key, drillDown: { ...base, status: g.key } }))
        .sort(
          (a, b) =>
            statusOrder.indexOf(a.key as DeviationStatus) - statusOrder.indexOf(b.key as DeviationStatus),
        );
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
}

registerMessages({
  sv: {
    'deviation.stats_no_scope':
      'Statistiken visar avvikelser i de enheter du är chef eller kvalitetssamordnare för, och du har ingen sådan enhet.',
    'deviation.stats_category_not_found': 'Klassificeringen finns inte i din organisation.',
    'deviation.stats_unit_not_found': 'Enheten finns inte.',
    'deviation.stats_status_unknown': 'Okänd status.',
  },
  nb: {
    'deviation.stats_no_scope':
      'Statistikken viser avvik i enhetene du er leder eller kvalitetskoordinator for, og du har ingen slik enhet.',
    'deviation.stats_category_not_found': 'Klassifiseringen finnes ikke i organisasjonen din.',
    'deviation.stats_unit_not_found': 'Enheten finnes ikke.',
    'deviation.stats_status_unknown': 'Ukjent status.',
  },
  en: {
    'deviation.stats_no_scope':
      'Statistics show deviations in the units you manage or coordinate quality for, and you have no such unit.',
    'deviation.stats_category_not_found': 'The classification does not exist in your organisation.',
    'deviation.stats_unit_not_found': 'The unit does not exist.',
    'deviation.stats_status_unknown': 'Unknown status.',
  },
});
