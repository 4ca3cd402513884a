import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
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

// Counting deviations for management, from the statistics rollup (migration 0006): a few thousand
// cells per organisation and month instead of every case, grouped in SQL by the chosen key, then
// summed and their median taken in Node.

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

interface CellRow {
  key: string | null;
  status: DeviationStatus;
  handling_days: number | null;
  cases: number | string;
}

interface GroupUnit {
  id: string;
  path: string;
}

function roundedDays(value: number | null): number | null {
  if (value === null) return null;
  return Math.round(value * 10) / 10;
}

const openStatuses: DeviationStatus[] = ['submitted', 'in_handling', 'escalated'];

function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * How a period is read: whole months from the rollup, and the days of a month cut by from or to
 * from the cases themselves. Months are YYYY-MM, both ends included; days YYYY-MM-DD.
 */
export interface PeriodPlan {
  /** null: no month from the rollup; an open end: from the first month or to the last */
  months: { first?: string; last?: string } | null;
  days: { from: string; to: string }[];
}

export function planPeriod(range: { from?: string | undefined; to?: string | undefined }): PeriodPlan {
  const { from, to } = range;
  if (from && to && from > to) return { months: null, days: [] };
  const days: { from: string; to: string }[] = [];
  let first: string | undefined;
  let last: string | undefined;
  if (from) {
    const month = from.slice(0, 7);
    if (from.endsWith('-01')) first = month;
    else {
      const monthEnd = lastDayOfMonth(month);
      days.push({ from, to: to && to < monthEnd ? to : monthEnd });
      first = nextMonth(month);
    }
  }
  if (to) {
    const month = to.slice(0, 7);
    if (to === lastDayOfMonth(month)) last = month;
    else {
      last = previousMonth(month);
      const monthStart = `${month}-01`;
      // A from in the same month already read these days.
      if (!from || from.slice(0, 7) !== month) days.push({ from: monthStart, to });
      else if (from.endsWith('-01')) days.push({ from, to });
    }
  }
  const months = first && last && first > last ? null : { ...(first && { first }), ...(last && { last }) };
  return { months, days };
}

interface Counts {
  count: number;
  open: number;
  overdue: number;
  closed: number;
  /** whole days of handling → cases */
  handling: Map<number, number>;
}

function emptyCounts(): Counts {
  return { count: 0, open: 0, overdue: 0, closed: 0, handling: new Map() };
}

/** The median (PostgreSQL's percentile_cont(0.5)) of a histogram of whole days. */
export function medianOf(handling: Map<number, number>): number | null {
  let total = 0;
  for (const n of handling.values()) total += n;
  if (total === 0) return null;
  const sorted = [...handling.entries()].sort((a, b) => a[0] - b[0]);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (rank < seen) return days;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const middle = (total - 1) / 2;
  const low = valueAt(Math.floor(middle));
  const high = valueAt(Math.ceil(middle));
  return low + (high - low) * (middle - Math.floor(middle));
}

/**
 * The numbers behind "how common is each fault", within the actor's scope: the units they manage
 * or coordinate. Filters mean what they mean in the list (GET /api/deviations?view=unit), and each
 * row says which list shows its cases.
 *
 * Counts and handling times come from deviation_stats_rollup (cases per month, unit,
 * classification, status and whole days of handling, kept by a trigger), with the days of a month
 * cut by the period counted from the cases; overdue is counted live from the open cases, since it
 * changes with the clock. See docs/decisions/0005-statistics-rollup.md.
 */
export async function getDeviationStats(
  options: { actor: Actor; groupBy: StatsGroupBy; filters: StatsFilters },
  tx: Db,
): Promise<DeviationStats> {
  const { actor, groupBy, filters } = options;
  const roots = caseScopeRoots(actor);
  if (roots.length === 0) throw new AppError('deviation.stats_no_scope', 'forbidden');

  const conditions: SQL[] = [];
  if (filters.status) {
    const statuses = parseStatuses(filters.status, 'deviation.stats_status_unknown');
    conditions.push(
      sql`s.status::text in (${sql.join(
        statuses.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.entryId) conditions.push(sql`s.entry_id = ${filters.entryId}`);
  // The organisation's classification tree (small), for a branch filter and for areas.
  const nodes =
    filters.categoryId || groupBy === 'area'
      ? await tx
          .select({ id: deviationCategories.id, parentId: deviationCategories.parentId })
          .from(deviationCategories)
          .innerJoin(deviationEntries, eq(deviationEntries.id, deviationCategories.entryId))
          .where(eq(deviationEntries.organisationId, actor.organisationId))
      : [];
  if (filters.categoryId) {
    if (!nodes.some((n) => n.id === filters.categoryId))
      throw new AppError('deviation.stats_category_not_found', 'not_found');
    const ids = subtreeOf(nodes, filters.categoryId);
    conditions.push(
      sql`s.category_id in (${sql.join(
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
  }

  // The units that count, read from the small units table: the cells are then filtered by a list
  // of ids, which the planner estimates well, and each unit's group is worked out here, once.
  const unitConditions: SQL[] = [pathUnder(units.path, roots)];
  if (chosenUnit) unitConditions.push(pathUnder(units.path, [chosenUnit.path]));
  const scope = await tx
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.organisationId, actor.organisationId), ...unitConditions));
  const unitGroup = new Map<string, string>();
  for (const unit of scope) {
    if (chosenUnit) {
      // A child's group is the path segment right after the chosen unit's; its own cases keep its id.
      const rest = unit.path.slice(chosenUnit.path.length);
      unitGroup.set(unit.id, rest ? rest.slice(0, 36) : chosenUnit.id);
    } else {
      const root = scope.find((r) => roots.includes(r.path) && unit.path.startsWith(r.path));
      if (root) unitGroup.set(unit.id, root.id);
    }
  }
  const rootOf = new Map<string, string>();
  if (groupBy === 'area') {
    const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
    for (const n of nodes) {
      let top = n.id;
      for (let parent = parentOf.get(top); parent; parent = parentOf.get(top)) top = parent;
      rootOf.set(n.id, top);
    }
  }

  // What each cell is grouped by in SQL (typed columns hash fast), and its key from that.
  const [dimension, keyOf] = ((): [SQL, (value: string, unitId: string) => string | undefined] => {
    switch (groupBy) {
      case 'entry':
        return [sql`s.entry_id`, (value) => value];
      case 'category':
        return [sql`s.category_id`, (value) => value];
      case 'area':
        return [sql`s.category_id`, (value) => rootOf.get(value)];
      case 'status':
        return [sql`s.status`, (value) => value];
      case 'month':
        return [sql`s.month`, (value) => value.slice(0, 7)];
      case 'unit':
        return [sql`s.unit_id`, (_value, unitId) => unitGroup.get(unitId)];
      default: {
        const unreachable: never = groupBy;
        throw new Error(`unknown grouping ${String(unreachable)}`);
      }
    }
  })();

  /** Cells of one source (columns month, unit_id, entry_id, category_id, status, handling_days, cases) grouped by the key. */
  const cells = async (source: SQL): Promise<CellRow[]> => {
    if (scope.length === 0) return [];
    const found = await rowsOf<CellRow & { dimension: string; unit_id: string }>(
      tx,
      sql`select ${dimension}::text as dimension, ${groupBy === 'unit' ? sql`s.unit_id` : sql`null`} as unit_id,
          s.status, s.handling_days, sum(s.cases)::int as cases
        from (${source}) s
        where ${sql.join(
          [
            sql`s.unit_id in (${sql.join(
              scope.map((u) => sql`${u.id}::uuid`),
              sql`, `,
            )})`,
            ...conditions,
          ],
          sql` and `,
        )}
        group by ${dimension}, s.status, s.handling_days`,
    );
    return found.map((cell) => ({ ...cell, key: keyOf(cell.dimension, cell.unit_id) ?? null }));
  };

  const organisation = actor.organisationId;
  const plan = planPeriod(filters);
  const caseColumns = sql`deviation_stats_month(d.reported_at) as month, d.unit_id, d.entry_id, d.category_id, d.status`;
  const sources: SQL[] = [];
  if (plan.months) {
    const monthConditions: SQL[] = [sql`r.organisation_id = ${organisation}`];
    if (plan.months.first) monthConditions.push(sql`r.month >= ${`${plan.months.first}-01`}::date`);
    if (plan.months.last) monthConditions.push(sql`r.month <= ${`${plan.months.last}-01`}::date`);
    sources.push(sql`select r.month, r.unit_id, r.entry_id, r.category_id, r.status, r.handling_days, r.cases
      from deviation_stats_rollup r where ${sql.join(monthConditions, sql` and `)}`);
  }
  for (const days of plan.days) {
    sources.push(sql`select ${caseColumns},
        deviation_stats_handling_days(d.status, d.reported_at, d.resolved_at, d.closed_at) as handling_days,
        1 as cases
      from deviations d
      where d.organisation_id = ${organisation} and ${sql.join(reportedWithin(sql`d.reported_at`, days), sql` and `)}`);
  }
  const counted = sources.length > 0 ? await cells(sql.join(sources, sql` union all `)) : [];
  // Overdue changes with the clock: counted from the open cases (a partial index holds only those).
  const overdueConditions = [
    sql`d.organisation_id = ${organisation}`,
    sql`d.status in ('submitted', 'in_handling', 'escalated')`,
    sql`d.due_at < now()`,
    ...reportedWithin(sql`d.reported_at`, filters),
  ];
  const overdue =
    plan.months || plan.days.length > 0
      ? await cells(sql`select ${caseColumns}, null::integer as handling_days, 1 as cases
          from deviations d where ${sql.join(overdueConditions, sql` and `)}`)
      : [];

  const byKey = new Map<string, Counts>();
  const total = emptyCounts();
  const countsOf = (key: string): Counts => {
    let counts = byKey.get(key);
    if (!counts) {
      counts = emptyCounts();
      byKey.set(key, counts);
    }
    return counts;
  };
  for (const cell of counted) {
    if (cell.key === null) continue;
    const cases = Number(cell.cases);
    for (const counts of [countsOf(cell.key), total]) {
      counts.count += cases;
      if (openStatuses.includes(cell.status)) counts.open += cases;
      if (cell.status === 'closed') counts.closed += cases;
      if (cell.handling_days !== null) {
        const days = Number(cell.handling_days);
        counts.handling.set(days, (counts.handling.get(days) ?? 0) + cases);
      }
    }
  }
  for (const cell of overdue) {
    if (cell.key === null) continue;
    const cases = Number(cell.cases);
    countsOf(cell.key).overdue += cases;
    total.overdue += cases;
  }

  const base: StatsDrillDown = { view: 'unit' };
  for (const key of ['status', 'entryId', 'categoryId', 'unitId', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) base[key] = value;
  }
  const summary = (c: Counts) => ({
    count: c.count,
    open: c.open,
    overdue: c.overdue,
    closed: c.closed,
    medianHandlingDays: roundedDays(medianOf(c.handling)),
  });

  const rows = await labelRows(tx, {
    groupBy,
    groups: [...byKey.entries()].filter(([, c]) => c.count > 0).map(([key, c]) => ({ key, ...summary(c) })),
    base,
    filters,
    chosenUnit,
  });
  return { groupBy, rows, totals: { ...summary(total), drillDown: base } };
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
