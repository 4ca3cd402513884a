import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth.ts';
import { api } from '../../../api.ts';
import type { DeviationList } from '../api.ts';
import { handlesCases, hasRole } from './views.ts';
import './nav.css';

/**
 * What the navigation offers for handling: the case list (with the inbox count) to managers,
 * quality coordinators and body members, the unit meeting to managers.
 */
export function useHandlingNav(me: Me): { cases: boolean; meeting: boolean; inboxCount: number } {
  const cases = handlesCases(me);
  const inbox = useQuery({
    queryKey: ['deviations', 'list', { view: 'inbox', pageSize: 1 }] as const,
    queryFn: ({ signal }) =>
      api.get<DeviationList>('/api/deviations', { view: 'inbox', pageSize: 1 }, signal),
    enabled: cases,
    staleTime: 30_000,
    // The count is a help, not the page: a failure leaves it out rather than showing an error.
    retry: false,
  });
  return { cases, meeting: hasRole(me, 'manager'), inboxCount: inbox.data?.total ?? 0 };
}
