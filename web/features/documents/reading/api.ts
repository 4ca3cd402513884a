import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth.ts';
import type {
  Acknowledgement,
  AcknowledgementOverview,
  ReadingList,
  ReadingOverview,
} from '../../../../contracts/document-reading.ts';
import { api } from '../../../api.ts';

const enc = encodeURIComponent;

export type ReadingStatus = 'all' | 'read' | 'unread';

export const readingKeys = {
  all: ['document-reading'] as const,
  list: (status: ReadingStatus, page: number, pageSize: number) =>
    ['document-reading', 'list', { status, page, pageSize }] as const,
  overview: (unitId: string | undefined, page = 1) =>
    ['document-reading', 'overview', unitId ?? null, page] as const,
  acknowledgements: (documentId: string, query: Record<string, unknown>) =>
    ['document-reading', 'acknowledgements', documentId, query] as const,
};

/** Managers, quality coordinators and administrators see who in their units has read (the server decides too). */
export function canOverseeReading(me: Me): boolean {
  return me.roles.some((r) => ['manager', 'quality_coordinator', 'administrator'].includes(r.role));
}

/** The units the caller oversees, by name, once each. */
export function overseenUnits(me: Me): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const role of me.roles) {
    if (['manager', 'quality_coordinator', 'administrator'].includes(role.role)) {
      seen.set(role.unitId, role.unitName);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function useReadingList(status: ReadingStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: readingKeys.list(status, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<ReadingList>('/api/document-reading', { status, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many documents ask me to read them: for the navigation's badge. */
export function useUnreadCount(): number {
  const query = useQuery({
    queryKey: readingKeys.list('unread', 1, 1),
    queryFn: ({ signal }) =>
      api.get<ReadingList>('/api/document-reading', { status: 'unread', page: 1, pageSize: 1 }, signal),
    staleTime: 30_000,
    // The count is a help, not the page: a failure leaves it out rather than showing an error.
    retry: false,
  });
  return query.data?.unread ?? 0;
}

export function useReadingOverview(
  query: { unitId: string | undefined; page: number; pageSize: number },
  enabled = true,
) {
  const { unitId, page, pageSize } = query;
  return useQuery({
    queryKey: readingKeys.overview(unitId, page),
    queryFn: ({ signal }) =>
      api.get<ReadingOverview>('/api/document-reading/overview', { unitId, page, pageSize }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export interface AcknowledgementsQuery {
  unitId?: string;
  status: ReadingStatus;
  page: number;
  pageSize: number;
}

export function useAcknowledgements(documentId: string, query: AcknowledgementsQuery) {
  return useQuery({
    queryKey: readingKeys.acknowledgements(documentId, { ...query }),
    queryFn: ({ signal }) =>
      api.get<AcknowledgementOverview>(
        `/api/documents/${enc(documentId)}/acknowledgements`,
        { ...query },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function acknowledge(documentId: string, versionNumber: number): Promise<Acknowledgement> {
  return api.post<Acknowledgement>(`/api/documents/${enc(documentId)}/acknowledgements`, { versionNumber });
}

/** After a confirmation: the reading list, the badge and the overviews are fetched again. */
export async function readingChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: readingKeys.all });
}
