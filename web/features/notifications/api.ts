import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkReadBody, NotificationList } from '../../../contracts/notifications.ts';
import { api } from '../../api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (page: number) => ['notifications', 'list', page] as const,
};

/** The unread count in the header: polled every minute, quietly left out when it fails. */
export function useUnreadCount(): number {
  const query = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) =>
      api.get<{ unread: number }>('/api/notifications/unread-count', undefined, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
    retry: false,
  });
  return query.data?.unread ?? 0;
}

export function useNotifications(page: number, pageSize: number) {
  return useQuery({
    queryKey: notificationKeys.list(page),
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) =>
      api.post<{ updated: number; unread: number }>('/api/notifications/read', body),
    onSuccess: (answer) => {
      queryClient.setQueryData(notificationKeys.unread, { unread: answer.unread });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
