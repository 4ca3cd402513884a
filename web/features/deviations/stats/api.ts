import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DeviationStats } from '../../../../contracts/deviation-stats.ts';
import { api, type QueryValue, withQuery } from '../../../api.ts';
import type { StatsSearch } from './search.ts';

function queryOf(search: StatsSearch): Record<string, QueryValue> {
  return { groupBy: 'entry', ...search };
}

export function useDeviationStats(search: StatsSearch) {
  return useQuery({
    queryKey: ['deviations', 'stats', search],
    queryFn: ({ signal }) => api.get<DeviationStats>('/api/deviations/stats', queryOf(search), signal),
    placeholderData: keepPreviousData,
  });
}

/** A plain link downloads the file: a GET with the session cookie needs no CSRF token. */
export function exportUrl(search: StatsSearch, format: 'csv' | 'xlsx'): string {
  return withQuery('/api/deviations/stats/export', { format, ...queryOf(search) });
}
