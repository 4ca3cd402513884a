import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useQueries,
  useQuery,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDeviationBody,
  createActionBody,
  createContactBody,
  Deviation,
  DeviationConfig,
  DeviationListQuery,
  DeviationReceipt,
  deviationListResponse,
  deviationPeopleResponse,
  raisedAtMeetingResponse,
  TransitionBody,
  updateActionBody,
  updateDeviationBody,
} from '../../../contracts/deviations.ts';
import type { UnitContact, UnitDetail, unitListResponse } from '../../../contracts/organisation.ts';
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

// ---------------------------------------------------------------------------------------------
// Handling: the manager's, the body's and the unit meeting's calls. Every change answers the whole
// case, which replaces the cached one; lists are fetched again.

export type DeviationPeople = z.infer<typeof deviationPeopleResponse>['items'];

/** People of the caller's organisation to forward a case to (managers) or give an action. */
export function useDeviationPeople(q: string, managersOnly: boolean) {
  return useQuery({
    queryKey: ['deviation-people', q, managersOnly] as const,
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof deviationPeopleResponse>>(
        '/api/deviation-people',
        { q: q.trim() || undefined, managersOnly: managersOnly ? 'true' : undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * The contact persons at partner agencies of the case's unit and of the units above it (a ward uses
 * its clinic's contacts), nearest unit first.
 */
export function useUnitContacts(unitId: string): { contacts: UnitContact[]; pending: boolean } {
  const unit = useQuery({
    queryKey: ['units', 'handling', unitId] as const,
    queryFn: ({ signal }) =>
      api.get<UnitDetail>(`/api/units/${encodeURIComponent(unitId)}`, undefined, signal),
    staleTime: 5 * 60_000,
  });
  const above = (unit.data?.ancestorIds ?? []).filter((id) => id !== unitId).reverse();
  const ancestors = useQueries({
    queries: above.map((id) => ({
      queryKey: ['units', 'handling', id] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<UnitDetail>(`/api/units/${encodeURIComponent(id)}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const contacts = [unit.data, ...ancestors.map((q) => q.data)].flatMap((u) => u?.contacts ?? []);
  return { contacts, pending: unit.isPending || ancestors.some((q) => q.isPending) };
}

export const handlingApi = {
  transition: (id: string, body: TransitionBody): Promise<Deviation> =>
    api.post<Deviation>(`/api/deviations/${encodeURIComponent(id)}/transitions`, body),
  update: (id: string, body: z.input<typeof updateDeviationBody>): Promise<Deviation> =>
    api.patch<Deviation>(`/api/deviations/${encodeURIComponent(id)}`, body),
  addNote: (id: string, text: string): Promise<Deviation> =>
    api.post<Deviation>(`/api/deviations/${encodeURIComponent(id)}/notes`, { text }),
  addAction: (id: string, body: z.input<typeof createActionBody>): Promise<Deviation> =>
    api.post<Deviation>(`/api/deviations/${encodeURIComponent(id)}/actions`, body),
  updateAction: (actionId: string, body: z.input<typeof updateActionBody>): Promise<Deviation> =>
    api.patch<Deviation>(`/api/deviation-actions/${encodeURIComponent(actionId)}`, body),
  logContact: (id: string, body: z.input<typeof createContactBody>): Promise<Deviation> =>
    api.post<Deviation>(`/api/deviations/${encodeURIComponent(id)}/contacts`, body),
  markRaised: (deviationIds: string[], raisedOn: string): Promise<z.infer<typeof raisedAtMeetingResponse>> =>
    api.post('/api/unit-meetings/raised', { deviationIds, raisedOn }),
};

/** Puts the server's answer in place of the cached case and has every list fetched again. */
export async function acceptCase(queryClient: QueryClient, deviation: Deviation): Promise<void> {
  queryClient.setQueryData(deviationKeys.detail(deviation.id), deviation);
  await queryClient.invalidateQueries({ queryKey: [...deviationKeys.all, 'list'] });
}
