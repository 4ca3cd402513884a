import { keepPreviousData, type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me } from '../../../contracts/auth.ts';
import type {
  CreateDocumentBody,
  Document,
  DocumentList,
  DocumentTemplates,
  DocumentTypes,
  DocumentVersion,
  DocumentVersions,
  PutDraftBody,
  UpdateDocumentBody,
} from '../../../contracts/documents.ts';
import type { unitListResponse } from '../../../contracts/organisation.ts';
import { api } from '../../api.ts';

const enc = encodeURIComponent;

export interface DocumentListQuery {
  typeId?: string;
  status?: Document['status'];
  pastReviewDate?: 'true';
  page: number;
  pageSize: number;
}

export const documentKeys = {
  all: ['documents'] as const,
  list: (query: DocumentListQuery) => ['documents', 'list', query] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  versions: (id: string) => ['documents', 'versions', id] as const,
  version: (id: string, number: number) => ['documents', 'version', id, number] as const,
  types: ['document-types'] as const,
  templates: ['document-templates'] as const,
  units: ['units', 'documents'] as const,
};

/** Managers, quality coordinators and administrators write new documents (the server decides too). */
export function canCreateDocument(me: Me): boolean {
  return me.roles.some((r) => ['manager', 'quality_coordinator', 'administrator'].includes(r.role));
}

export function useDocumentList(query: DocumentListQuery) {
  return useQuery({
    queryKey: documentKeys.list(query),
    queryFn: ({ signal }) => api.get<DocumentList>('/api/documents', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function documentQuery(id: string) {
  return queryOptions({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => api.get<Document>(`/api/documents/${enc(id)}`, undefined, signal),
  });
}

export function useDocument(id: string) {
  return useQuery(documentQuery(id));
}

export function useDocumentVersions(id: string) {
  return useQuery({
    queryKey: documentKeys.versions(id),
    queryFn: ({ signal }) =>
      api.get<DocumentVersions>(`/api/documents/${enc(id)}/versions`, undefined, signal),
  });
}

export function versionQuery(id: string, number: number) {
  return queryOptions({
    queryKey: documentKeys.version(id, number),
    queryFn: ({ signal }) =>
      api.get<DocumentVersion>(`/api/documents/${enc(id)}/versions/${number}`, undefined, signal),
    // A version's content never changes once published; a draft's does, so it is fetched again.
    staleTime: 30_000,
  });
}

export function useVersion(id: string, number: number, enabled = true) {
  return useQuery({ ...versionQuery(id, number), enabled });
}

/** The organisation's document types, active and not (an old document may be of a deactivated type). */
export function useDocumentTypes() {
  return useQuery({
    queryKey: documentKeys.types,
    queryFn: ({ signal }) =>
      api.get<DocumentTypes>('/api/document-types', { includeInactive: 'true' }, signal),
    staleTime: 10 * 60_000,
  });
}

/** Every template, active and not: a document keeps the sections of the template it was made from. */
export function useDocumentTemplates() {
  return useQuery({
    queryKey: documentKeys.templates,
    queryFn: ({ signal }) =>
      api.get<DocumentTemplates>('/api/document-templates', { includeInactive: 'true' }, signal),
    staleTime: 10 * 60_000,
  });
}

export type UnitList = z.infer<typeof unitListResponse>['items'];

/** The organisation's units, for the audience (who a document applies to). */
export function useUnits() {
  return useQuery({
    queryKey: documentKeys.units,
    queryFn: ({ signal }) => api.get<z.infer<typeof unitListResponse>>('/api/units', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** A published or superseded version as a PDF file (the session cookie goes with a plain link). */
export function versionPdfHref(id: string, number: number): string {
  return `/api/documents/${enc(id)}/versions/${number}/pdf`;
}

export const documentApi = {
  create: (body: CreateDocumentBody): Promise<Document> => api.post<Document>('/api/documents', body),
  /** the document's details (title, people, audience, review-by, pipeline); only what changed */
  update: (id: string, body: UpdateDocumentBody): Promise<Document> =>
    api.patch<Document>(`/api/documents/${enc(id)}`, body),
  putDraft: (id: string, body: PutDraftBody): Promise<Document> =>
    api.put<Document>(`/api/documents/${enc(id)}/draft`, body),
  publish: (id: string, expectedVersion: number): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/publish`, { expectedVersion }),
};

/** After a change: the document itself is replaced by the server's answer, lists and versions fetched again. */
export async function documentChanged(queryClient: QueryClient, document: Document): Promise<void> {
  queryClient.setQueryData(documentKeys.detail(document.id), document);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['documents', 'list'] }),
    queryClient.invalidateQueries({ queryKey: documentKeys.versions(document.id) }),
    queryClient.invalidateQueries({ queryKey: ['documents', 'version', document.id] }),
  ]);
}
