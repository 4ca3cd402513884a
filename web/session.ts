import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../contracts/auth.ts';
import type { Language } from '../contracts/common.ts';
import { api } from './api.ts';
import { applyLanguage } from './i18n/index.ts';

export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: ({ signal }) => api.get<Me>('/api/me', undefined, signal),
  staleTime: 60_000,
  retry: false,
});

/** The signed-in person; only used below the signed-in layout, where it is always loaded. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe used outside the signed-in layout');
  return data;
}

export function canAdminister(me: Me): boolean {
  return me.allowedActions.includes('administer');
}

/** Only organisation administrators read the audit log; the server decides and says so in allowedActions. */
export function canViewAudit(me: Me): boolean {
  return me.allowedActions.includes('viewAudit');
}

/**
 * The organisation's own settings (the deviation and document configuration) are kept by its
 * administrators: the same people the server lets read the audit log (isOrganisationAdministrator).
 */
export function canKeepOrganisationConfig(me: Me): boolean {
  return me.allowedActions.includes('viewAudit');
}

/** Stores who signed in and switches to their remembered language. */
export async function acceptMe(queryClient: QueryClient, me: Me): Promise<void> {
  queryClient.setQueryData(meQuery.queryKey, me);
  await applyLanguage(me.person.language);
}

export async function signIn(queryClient: QueryClient, username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { username, password });
  queryClient.clear();
  await acceptMe(queryClient, me);
  return me;
}

export async function signOut(queryClient: QueryClient, everywhere = false): Promise<void> {
  await api.post<void>('/api/auth/logout', everywhere ? { everywhere: true } : {});
  queryClient.clear();
}

export async function saveLanguage(queryClient: QueryClient, language: Language): Promise<void> {
  const me = await api.put<Me>('/api/me/language', { language });
  await acceptMe(queryClient, me);
}
