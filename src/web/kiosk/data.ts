/** What the kiosk reads and writes: the station, its community's menu, and the order. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { paths } from '../api/schema.js';

export type KioskOrderBody =
  paths['/api/v1/public/kiosk/{siteId}/orders']['post']['requestBody']['content']['application/json'];

export function useStation(siteId: string) {
  return useQuery({
    queryKey: ['kiosk-site', siteId],
    retry: false,
    queryFn: () => call(api.GET('/api/v1/public/sites/{id}', { params: { path: { id: siteId } } })),
  });
}

export function useStationMenu(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['kiosk-menu', regionCode],
    enabled: !!regionCode,
    queryFn: () => call(api.GET('/api/v1/public/menu-items', { params: { query: { regionCode, limit: 50 } } })),
  });
}

export function usePlaceKioskOrder(siteId: string) {
  return useMutation({
    mutationFn: ({ body, key }: { body: KioskOrderBody; key: string }) =>
      call(
        api.POST('/api/v1/public/kiosk/{siteId}/orders', {
          params: { path: { siteId } },
          headers: { 'Idempotency-Key': key },
          body,
        }),
      ),
  });
}
