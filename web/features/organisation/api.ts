import { keepPreviousData, type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  auditListResponse,
  Body,
  bodyListResponse,
  bodyMemberBody,
  colleagueSearchResponse,
  createBodyBody,
  createOrganisationBody,
  createPersonBody,
  createUnitBody,
  importResponse,
  Organisation,
  organisationListResponse,
  Person,
  personListResponse,
  Unit,
  UnitAssignment,
  UnitContact,
  UnitDetail,
  unitAssignmentBody,
  unitContactBody,
  unitListResponse,
  updateBodyBody,
  updateOrganisationBody,
  updatePersonBody,
  updateUnitAssignmentBody,
  updateUnitBody,
  updateUnitContactBody,
} from '../../../contracts/organisation.ts';
import { api, type QueryValue, request } from '../../api.ts';

// Every organisation-module endpoint the web app calls, in one place (the contract's routes).

export const keys = {
  organisations: ['organisations'] as const,
  units: ['units'] as const,
  unit: (id: string) => ['units', id] as const,
  people: (query: Record<string, QueryValue>) => ['people', query] as const,
  colleagues: (q: string) => ['people', 'colleagues', q] as const,
  bodies: ['bodies'] as const,
  audit: (query: Record<string, QueryValue>) => ['audit', query] as const,
};

export const organisationsQuery = queryOptions({
  queryKey: keys.organisations,
  queryFn: ({ signal }) =>
    api.get<z.infer<typeof organisationListResponse>>('/api/organisations', undefined, signal),
});

export const unitsQuery = queryOptions({
  queryKey: keys.units,
  queryFn: ({ signal }) =>
    api.get<z.infer<typeof unitListResponse>>('/api/units', { includeInactive: 'true' }, signal),
});

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: keys.unit(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<UnitDetail>(`/api/units/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function usePeople(
  query: { q?: string; page: number; pageSize: number; organisationId?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: keys.people(query),
    enabled,
    queryFn: ({ signal }) => api.get<z.infer<typeof personListResponse>>('/api/people', query, signal),
    placeholderData: keepPreviousData,
  });
}

export type Colleagues = z.infer<typeof colleagueSearchResponse>;
export type Colleague = Colleagues['items'][number];

/**
 * Colleagues of one's own organisation to pick (an owner, an approver, a reviewer): anyone signed in
 * may search; at most 20, `more` when typing more would find others.
 */
export function useColleagues(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: keys.colleagues(trimmed),
    queryFn: ({ signal }) => api.get<Colleagues>('/api/colleagues', { q: trimmed || undefined }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const bodiesQuery = queryOptions({
  queryKey: keys.bodies,
  queryFn: ({ signal }) =>
    api.get<z.infer<typeof bodyListResponse>>('/api/bodies', { includeInactive: 'true' }, signal),
});

export type AuditQuery = Record<string, QueryValue>;
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => api.get<z.infer<typeof auditListResponse>>('/api/audit', query, signal),
    placeholderData: keepPreviousData,
  });
}

const id = (value: string): string => encodeURIComponent(value);

export const organisationApi = {
  createOrganisation: (body: z.input<typeof createOrganisationBody>) =>
    api.post<Organisation>('/api/organisations', body),
  updateOrganisation: (orgId: string, body: z.input<typeof updateOrganisationBody>) =>
    api.patch<Organisation>(`/api/organisations/${id(orgId)}`, body),

  createUnit: (body: z.input<typeof createUnitBody>) => api.post<Unit>('/api/units', body),
  updateUnit: (unitId: string, body: z.input<typeof updateUnitBody>) =>
    api.patch<Unit>(`/api/units/${id(unitId)}`, body),
  moveUnit: (unitId: string, parentId: string) =>
    api.post<Unit>(`/api/units/${id(unitId)}/move`, { parentId }),
  addContact: (unitId: string, body: z.input<typeof unitContactBody>) =>
    api.post<UnitContact>(`/api/units/${id(unitId)}/contacts`, body),
  updateContact: (contactId: string, body: z.input<typeof updateUnitContactBody>) =>
    api.patch<UnitContact>(`/api/unit-contacts/${id(contactId)}`, body),
  removeContact: (contactId: string) => api.delete<void>(`/api/unit-contacts/${id(contactId)}`),
  addAssignment: (unitId: string, body: z.input<typeof unitAssignmentBody>) =>
    api.post<UnitAssignment>(`/api/units/${id(unitId)}/assignments`, body),
  updateAssignment: (assignmentId: string, body: z.input<typeof updateUnitAssignmentBody>) =>
    api.patch<UnitAssignment>(`/api/unit-assignments/${id(assignmentId)}`, body),
  removeAssignment: (assignmentId: string) => api.delete<void>(`/api/unit-assignments/${id(assignmentId)}`),

  createPerson: (body: z.input<typeof createPersonBody>) => api.post<Person>('/api/people', body),
  updatePerson: (personId: string, body: z.input<typeof updatePersonBody>) =>
    api.patch<Person>(`/api/people/${id(personId)}`, body),
  setPassword: (personId: string, password: string) =>
    api.post<void>(`/api/people/${id(personId)}/password`, { password }),
  addRole: (personId: string, role: string, unitId: string) =>
    api.post<Person>(`/api/people/${id(personId)}/roles`, { role, unitId }),
  removeRole: (personId: string, roleId: string) =>
    api.delete<void>(`/api/people/${id(personId)}/roles/${id(roleId)}`),

  createBody: (body: z.input<typeof createBodyBody>) => api.post<Body>('/api/bodies', body),
  updateBody: (bodyId: string, body: z.input<typeof updateBodyBody>) =>
    api.patch<Body>(`/api/bodies/${id(bodyId)}`, body),
  setMember: (bodyId: string, personId: string, body: z.input<typeof bodyMemberBody>) =>
    api.put<Body>(`/api/bodies/${id(bodyId)}/members/${id(personId)}`, body),
  removeMember: (bodyId: string, personId: string) =>
    api.delete<void>(`/api/bodies/${id(bodyId)}/members/${id(personId)}`),

  importCsv: (kind: 'units' | 'people', csv: string, dryRun: boolean) =>
    request<z.infer<typeof importResponse>>('POST', `/api/import/${kind}`, {
      body: csv,
      contentType: 'text/csv',
      query: { dryRun: dryRun ? 'true' : 'false' },
    }),
};

/** After a change to units or people, every view that shows them is fetched again. */
export async function refreshOrganisation(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.units }),
    queryClient.invalidateQueries({ queryKey: ['people'] }),
    queryClient.invalidateQueries({ queryKey: keys.bodies }),
    queryClient.invalidateQueries({ queryKey: ['me'] }),
  ]);
}
