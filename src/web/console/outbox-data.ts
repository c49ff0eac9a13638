/** Console data for outgoing messages (centre admins) and the demo phone (staff, demo only). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { operations } from '../api/schema.js';

export type OutboxMessage =
  operations['listOutboxMessages']['responses'][200]['content']['application/json']['items'][number];
export type OutboxStatus = OutboxMessage['status'];

export function useOutboxMessages(status: OutboxStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['outbox', status ?? null],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/outbox/messages', { params: { query: { limit: 50, cursor: pageParam, status } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRetryOutboxMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/outbox/messages/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
}

/** The demo phone's texts; the request fails with 404 where the demo provider is off. */
export function useDemoSms(phone?: string) {
  return useQuery({
    queryKey: ['demo-sms', phone ?? null],
    queryFn: () => call(api.GET('/api/v1/demo/sms', { params: { query: { phone } } })),
    retry: false,
    refetchInterval: 3000,
  });
}
