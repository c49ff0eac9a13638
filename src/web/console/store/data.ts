/** The keeper desk of the pioneer store: stores in scope, pickups, goods and stock, merchants. */
import { useQueryClient } from '@tanstack/react-query';
import { $api, pathKey, refresh } from '../../api/queries.js';
import type { components } from '../../api/schema.js';
import '../../h5/store/strings.js';

export type Goods = components['schemas']['StoreGoods'];
export type DeskRedemption = components['schemas']['StoreDeskRedemption'];
export type Merchant = components['schemas']['StoreMerchant'];

export const useStaffStores = () => $api.useQuery('get', '/api/v1/store/sites');

export const useGoods = (siteId: string) =>
  $api.useQuery('get', '/api/v1/store/sites/{siteId}/goods', { params: { path: { siteId } } });

export const useTodayPickups = (siteId: string) =>
  $api.useQuery('get', '/api/v1/store/sites/{siteId}/pickups', {
    params: { path: { siteId }, query: { limit: 200 } },
  });

export const useMovements = (id: string | null) =>
  $api.useQuery(
    'get',
    '/api/v1/store/goods/{id}/movements',
    { params: { path: { id: id ?? '' }, query: { limit: 100 } } },
    { enabled: !!id },
  );

export const useMerchants = () => $api.useQuery('get', '/api/v1/store/merchants');

export const useDonations = (id: string | null) =>
  $api.useQuery(
    'get',
    '/api/v1/store/merchants/{id}/donations',
    { params: { path: { id: id ?? '' } } },
    { enabled: !!id },
  );

export const useLookup = () => $api.useMutation('post', '/api/v1/store/sites/{siteId}/pickups/lookup');

const storeKeys = [
  pathKey('get', '/api/v1/store/sites/{siteId}/goods'),
  pathKey('get', '/api/v1/store/sites/{siteId}/pickups'),
  pathKey('get', '/api/v1/store/goods/{id}/movements'),
  pathKey('get', '/api/v1/store/merchants'),
  pathKey('get', '/api/v1/store/merchants/{id}/donations'),
];

export function useFulfil() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/sites/{siteId}/pickups', {
    onSuccess: () => refresh(qc, ...storeKeys),
  });
}

export function useDeskCancel() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/redemptions/{id}/cancel', {
    onSuccess: () => refresh(qc, ...storeKeys),
  });
}

export function useCreateGoods() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/sites/{siteId}/goods', { onSuccess: () => refresh(qc, ...storeKeys) });
}

export function useUpdateGoods() {
  const qc = useQueryClient();
  return $api.useMutation('put', '/api/v1/store/goods/{id}', { onSuccess: () => refresh(qc, ...storeKeys) });
}

export function useRestock() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/goods/{id}/restock', { onSuccess: () => refresh(qc, ...storeKeys) });
}

export function useStocktake() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/goods/{id}/stocktake', { onSuccess: () => refresh(qc, ...storeKeys) });
}
