/** Console data: the region tree and sites in the caller's scope. */
import { $api, keysetPages } from '../api/queries.js';
import type { operations } from '../api/schema.js';
import type { SiteKind } from '../sites/data.js';

export { type SiteKind, siteKinds } from '../sites/data.js';

export type RegionsResponse = operations['listRegions']['responses'][200]['content']['application/json'];
export type Region = RegionsResponse['regions'][number];
export type Site = operations['listSites']['responses'][200]['content']['application/json']['items'][number];

export function useRegions() {
  return $api.useQuery('get', '/api/v1/regions', {}, { staleTime: 5 * 60_000 });
}

export const SITES_PAGE = 50;

export function useSites(filter: { kind?: SiteKind; regionCode?: string }) {
  return $api.useInfiniteQuery(
    'get',
    '/api/v1/sites',
    { params: { query: { limit: SITES_PAGE, kind: filter.kind, regionCode: filter.regionCode } } },
    keysetPages,
  );
}
