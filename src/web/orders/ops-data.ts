/**
 * The dispatcher's tools beyond one order: service-quality metrics, batch dispatch (preview, then
 * confirm) and the tenant's time limits. Typed hooks of api/queries.ts, from the server's contract.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { $api, pathKey, refresh } from '../api/queries.js';
import type { operations } from '../api/schema.js';
import { orderKeys } from './data.js';

type Query<K extends keyof operations> = NonNullable<NonNullable<operations[K]['parameters']['query']>>;
type Ok<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type MetricsFilter = Query<'getOrderMetrics'>;
export type MetricsGroup = NonNullable<MetricsFilter['groupBy']>;
export type Metrics = Ok<'getOrderMetrics'>;
export type MetricsRow = Metrics['items'][number];

/** The metrics of every filter: refreshed with the order lists (a step of an order changes them). */
export const metricsKey = pathKey('get', '/api/v1/orders/metrics');

export function useOrderMetrics(filter: MetricsFilter) {
  return $api.useQuery(
    'get',
    '/api/v1/orders/metrics',
    { params: { query: filter } },
    { placeholderData: keepPreviousData },
  );
}

export type BatchPlan = Ok<'batchDispatchOrders'>;
export type BatchAssignment = BatchPlan['assignments'][number];

/** 批量派单 preview: nothing is written; the plan is what the dispatcher confirms. */
export function useBatchPreview(enabled: boolean, orderIds?: string[]) {
  return $api.useQuery(
    'post',
    '/api/v1/orders/dispatch/batch',
    { body: { mode: 'preview', orderIds } },
    { enabled, staleTime: 0, gcTime: 0 },
  );
}

export function useBatchConfirm() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/orders/dispatch/batch', {
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: orderKeys.all }), refresh(qc, metricsKey)]),
  });
}

export type OrderSettings = Ok<'getOrderSettings'>;

export function useOrderSettings() {
  return $api.useQuery('get', '/api/v1/order-settings');
}

export function useSaveOrderSettings() {
  const qc = useQueryClient();
  return $api.useMutation('put', '/api/v1/order-settings', {
    onSuccess: (saved) => qc.setQueryData($api.queryOptions('get', '/api/v1/order-settings').queryKey, saved),
  });
}
