import type { StatsGroupBy } from '../../../../contracts/deviation-stats.ts';
import { optionalString } from '../../../routes/search.ts';

// The statistics page keeps its choices in the URL, so a view of the numbers can be linked to.

export const groupings = [
  'entry',
  'area',
  'category',
  'unit',
  'month',
  'status',
] as const satisfies readonly StatsGroupBy[];

export interface StatsSearch {
  groupBy?: StatsGroupBy;
  from?: string;
  to?: string;
  entryId?: string;
  categoryId?: string;
  unitId?: string;
  status?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function matching(value: unknown, pattern: RegExp): string | undefined {
  const text = optionalString(value);
  return text && pattern.test(text) ? text : undefined;
}

/** The URL is untrusted input: what does not fit is dropped. */
export function validateStatsSearch(search: Record<string, unknown>): StatsSearch {
  const groupBy = groupings.find((g) => g === search.groupBy);
  const result: StatsSearch = {
    groupBy,
    from: matching(search.from, isoDate),
    to: matching(search.to, isoDate),
    entryId: matching(search.entryId, uuid),
    categoryId: matching(search.categoryId, uuid),
    unitId: matching(search.unitId, uuid),
    status: matching(search.status, /^[a-z_]+(,[a-z_]+)*$/),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as StatsSearch;
}
