/** Console data: the region tree and sites in the caller's scope. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { operations } from '../api/schema.js';
import type { SiteKind } from '../sites/data.js';

export { type SiteKind, siteKinds } from '../sites/data.js';

export type RegionsResponse = operations['listRegions']['responses'][200]['content']['application/json'];
export type Region = RegionsResponse['regions'][number];
export type Site = operations['listSites']['responses'][200]['content']['application/json']['items'][number];

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => call(api.GET('/api/v1/regions')),
    staleTime: 5 * 60_000,
  });
}

export const SITES_PAGE = 50;

export function useSites(filter: { kind?: SiteKind; regionCode?: string }) {
  return useInfiniteQuery({
    queryKey: ['sites', filter.kind ?? null, filter.regionCode ?? null],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/sites', {
          params: { query: { limit: SITES_PAGE, cursor: pageParam, kind: filter.kind, regionCode: filter.regionCode } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
