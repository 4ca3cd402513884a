import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  AdminConfig,
  AdminConfigCategory,
  AdminConfigEntry,
  CreateConfigCategoryBody,
  CreateConfigEntryBody,
  UpdateConfigCategoryBody,
  UpdateConfigEntryBody,
} from '../../../../contracts/deviation-config-admin.ts';
import { api } from '../../../api.ts';

// The administrators' endpoints of the reporting configuration (contracts/deviation-config-admin.ts).

/** Under the reporters' key, so one invalidation refreshes both what admins and reporters see. */
export const adminConfigKey = ['deviation-config', 'admin'] as const;

export const adminConfigQuery = queryOptions({
  queryKey: adminConfigKey,
  queryFn: ({ signal }) => api.get<AdminConfig>('/api/deviation-config/admin', undefined, signal),
});

export const configApi = {
  createEntry: (body: CreateConfigEntryBody) => api.post<AdminConfigEntry>('/api/deviation-entries', body),
  updateEntry: (id: string, body: UpdateConfigEntryBody) =>
    api.patch<AdminConfigEntry>(`/api/deviation-entries/${encodeURIComponent(id)}`, body),
  createCategory: (body: CreateConfigCategoryBody) =>
    api.post<AdminConfigCategory>('/api/deviation-categories', body),
  updateCategory: (id: string, body: UpdateConfigCategoryBody) =>
    api.patch<AdminConfigCategory>(`/api/deviation-categories/${encodeURIComponent(id)}`, body),
  replaceLadder: (id: string, bodyIds: string[]) =>
    api.put<AdminConfigCategory>(`/api/deviation-categories/${encodeURIComponent(id)}/ladder`, { bodyIds }),
};

export async function refreshConfig(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['deviation-config'] });
}
