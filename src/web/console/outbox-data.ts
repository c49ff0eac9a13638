/** Console data for outgoing messages (centre admins) and the demo phone (staff, demo only). */
import { useQueryClient } from '@tanstack/react-query';
import { $api, keysetPages, pathKey, refresh } from '../api/queries.js';
import type { operations } from '../api/schema.js';

export type OutboxMessage =
  operations['listOutboxMessages']['responses'][200]['content']['application/json']['items'][number];
export type OutboxStatus = OutboxMessage['status'];

export function useOutboxMessages(status: OutboxStatus | undefined) {
  return $api.useInfiniteQuery(
    'get',
    '/api/v1/outbox/messages',
    { params: { query: { limit: 50, status } } },
    keysetPages,
  );
}

export function useRetryOutboxMessage() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/outbox/messages/{id}/retry', {
    onSuccess: () => refresh(qc, pathKey('get', '/api/v1/outbox/messages')),
  });
}

/** The demo phone's texts; the request fails with 404 where the demo provider is off. */
export function useDemoSms(phone?: string) {
  return $api.useQuery(
    'get',
    '/api/v1/demo/sms',
    { params: { query: { phone } } },
    { retry: false, refetchInterval: 3000 },
  );
}
