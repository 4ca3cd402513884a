import { keepPreviousData, type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDeviationBody,
  Deviation,
  DeviationConfig,
  DeviationListQuery,
  DeviationReceipt,
  deviationListResponse,
} from '../../../contracts/deviations.ts';
import type { unitListResponse } from '../../../contracts/organisation.ts';
import { api, request } from '../../api.ts';

// The deviation endpoints the web app calls, in one place. Type-only imports from the contracts:
// the report page must not pull zod into its first paint. Shared by reporting and handling pages;
// add to it, do not reshape what is here.

export type DeviationList = z.infer<typeof deviationListResponse>;
/** The list query as the web app sends it (the contract coerces page numbers from text). */
export type DeviationListParams = Omit<DeviationListQuery, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};

export const deviationKeys = {
  all: ['deviations'] as const,
  config: ['deviation-config'] as const,
  list: (query: DeviationListParams) => ['deviations', 'list', query] as const,
  detail: (id: string) => ['deviations', 'detail', id] as const,
  reportUnits: ['units', 'report'] as const,
};

/** The organisation's entries and classification trees; they change rarely. */
export const deviationConfigQuery = queryOptions({
  queryKey: deviationKeys.config,
  queryFn: ({ signal }) => api.get<DeviationConfig>('/api/deviation-config', undefined, signal),
  staleTime: 10 * 60_000,
});

export function useDeviationConfig() {
  return useQuery(deviationConfigQuery);
}

/** Every active unit of the organisation, for "where did it happen" beyond the reporter's own. */
export function useReportUnits(enabled: boolean) {
  return useQuery({
    queryKey: deviationKeys.reportUnits,
    queryFn: ({ signal }) => api.get<z.infer<typeof unitListResponse>>('/api/units', undefined, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useDeviationList(query: DeviationListParams) {
  return useQuery({
    queryKey: deviationKeys.list(query),
    queryFn: ({ signal }) => api.get<DeviationList>('/api/deviations', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function deviationQuery(id: string) {
  return queryOptions({
    queryKey: deviationKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<Deviation>(`/api/deviations/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useDeviation(id: string) {
  return useQuery(deviationQuery(id));
}

export const deviationApi = {
  /** The same key for retries of one submission: the server then stores the report once. */
  submit: (body: CreateDeviationBody, idempotencyKey: string): Promise<DeviationReceipt> =>
    request<DeviationReceipt>('POST', '/api/deviations', {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
};

/** After a change to any deviation, every list and case view is fetched again. */
export async function refreshDeviations(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: deviationKeys.all });
}
