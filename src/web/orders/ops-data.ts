/**
 * The dispatcher's tools beyond one order: service-quality metrics, batch dispatch (preview, then
 * confirm) and the tenant's time limits. Typed from the server's own OpenAPI document.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { operations } from '../api/schema.js';
import { orderKeys } from './data.js';

type Query<K extends keyof operations> = NonNullable<NonNullable<operations[K]['parameters']['query']>>;

export type MetricsFilter = Query<'getOrderMetrics'>;
export type MetricsGroup = NonNullable<MetricsFilter['groupBy']>;
export type Metrics = Awaited<ReturnType<typeof fetchMetrics>>;
export type MetricsRow = Metrics['items'][number];

const fetchMetrics = (query: MetricsFilter) => call(api.GET('/api/v1/orders/metrics', { params: { query } }));

export function useOrderMetrics(filter: MetricsFilter) {
  return useQuery({
    queryKey: [...orderKeys.all, 'metrics', filter],
    queryFn: () => fetchMetrics(filter),
    placeholderData: keepPreviousData,
  });
}

export type BatchPlan = Awaited<ReturnType<typeof previewBatch>>;
export type BatchAssignment = BatchPlan['assignments'][number];

const previewBatch = (orderIds?: string[]) =>
  call(api.POST('/api/v1/orders/dispatch/batch', { body: { mode: 'preview', orderIds } }));

/** 批量派单 preview: nothing is written; the plan is what the dispatcher confirms. */
export function useBatchPreview(enabled: boolean, orderIds?: string[]) {
  return useQuery({
    queryKey: [...orderKeys.all, 'batch-preview', orderIds ?? null],
    queryFn: () => previewBatch(orderIds),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useBatchConfirm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignments: { orderId: string; volunteerId: string }[]) =>
      call(api.POST('/api/v1/orders/dispatch/batch', { body: { mode: 'confirm', assignments } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export type OrderSettings = Awaited<ReturnType<typeof fetchSettings>>;
const fetchSettings = () => call(api.GET('/api/v1/order-settings'));

export function useOrderSettings() {
  return useQuery({ queryKey: ['order-settings'], queryFn: fetchSettings });
}

export function useSaveOrderSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderSettings) => call(api.PUT('/api/v1/order-settings', { body })),
    onSuccess: (saved) => qc.setQueryData(['order-settings'], saved),
  });
}
