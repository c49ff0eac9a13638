/** The pioneer store for volunteers: stores, one store's goods, redeeming, 我的兑换. */
import { useQueryClient } from '@tanstack/react-query';
import { $api, pathKey, refresh } from '../../api/queries.js';
import type { components } from '../../api/schema.js';
import './strings.js';

export type StoreSite = components['schemas']['StoreSite'];
export type ShopGoods = components['schemas']['StoreShopGoods'];
export type Redemption = components['schemas']['StoreRedemption'];

export const useStores = (near: { lat: number; lng: number } | null) =>
  $api.useQuery('get', '/api/v1/store/stores', { params: { query: near ?? {} } });

export const useShop = (siteId: string) =>
  $api.useQuery('get', '/api/v1/store/stores/{siteId}', { params: { path: { siteId } } });

export const useMyMerchants = () => $api.useQuery('get', '/api/v1/store/my-merchants');

export const useMyRedemptions = () =>
  $api.useQuery('get', '/api/v1/store/redemptions/mine', { params: { query: { limit: 50 } } });

const afterChange = (qc: ReturnType<typeof useQueryClient>) =>
  refresh(
    qc,
    pathKey('get', '/api/v1/store/stores/{siteId}'),
    pathKey('get', '/api/v1/store/redemptions/mine'),
    pathKey('get', '/api/v1/store/stores'),
  );

export function useRedeem() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/redemptions', { onSuccess: () => afterChange(qc) });
}

export function useCancelRedemption() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/store/redemptions/{id}/cancel', { onSuccess: () => afterChange(qc) });
}
