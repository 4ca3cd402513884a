import { optionalPage, optionalString } from '../../../routes/search.ts';

// The case list keeps every choice in the URL, so a list can be linked to (the statistics page
// links to `/deviations?view=unit&categoryId=…&from=…&to=…`) and the back button works.

export const views = ['inbox', 'unit', 'body', 'meeting'] as const;
export type ListView = (typeof views)[number];
export const sorts = ['reportedAt', 'dueAt', 'number'] as const;
export type ListSort = (typeof sorts)[number];

export interface DeviationsSearch {
  view?: ListView;
  bodyId?: string;
  status?: string;
  entryId?: string;
  categoryId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  overdue?: 'true' | 'false';
  q?: string;
  sort?: ListSort;
  order?: 'asc' | 'desc';
  page?: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  const text = optionalString(value);
  return text && pattern.test(text) ? text : undefined;
}

/** The URL is untrusted input: what does not fit is dropped rather than sent on. */
export function validateDeviationsSearch(search: Record<string, unknown>): DeviationsSearch {
  const result: DeviationsSearch = {
    view: oneOf(search.view, views),
    bodyId: matching(search.bodyId, uuid),
    status: matching(search.status, /^[a-z_]+(,[a-z_]+)*$/),
    entryId: matching(search.entryId, uuid),
    categoryId: matching(search.categoryId, uuid),
    unitId: matching(search.unitId, uuid),
    from: matching(search.from, isoDate),
    to: matching(search.to, isoDate),
    overdue: oneOf(search.overdue, ['true', 'false'] as const),
    q: optionalString(search.q),
    sort: oneOf(search.sort, sorts),
    order: oneOf(search.order, ['asc', 'desc'] as const),
    page: optionalPage(search.page),
  };
  // Undefined keys would still show up as "?view=" in links; leave them out.
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as DeviationsSearch;
}
