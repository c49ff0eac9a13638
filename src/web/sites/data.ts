/** Public site data: list, map points, regions, map configuration, one site and its corners. No sign-in needed. */
import { $api, keysetPages } from '../api/queries.js';
import type { components, operations } from '../api/schema.js';

type Ok<K extends keyof operations> = operations[K] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type PublicSite = Ok<'listPublicSites'>['items'][number];
export type MapPoint = Ok<'listSiteMapPoints'>['items'][number];
export type PublicRegion = Ok<'listPublicRegions'>['items'][number];
export type MapConfig = Ok<'getMapConfig'>;
export type SiteDetail = Ok<'getPublicSite'>;
export type SiteServices = Ok<'getPublicSiteServices'>;
export type SiteKind = components['schemas']['SiteKind'];
export type SiteZone = components['schemas']['SiteZone'];

/** The values of the generated enums; `Record<…, true>` fails to compile when the server adds or drops one. */
const kindSet: Record<SiteKind, true> = {
  centre: true,
  institute: true,
  station: true,
  leifeng_post: true,
  sanitation_home: true,
  caring_merchant: true,
  bank_outlet: true,
};
export const siteKinds = Object.keys(kindSet) as SiteKind[];

const zoneSet: Record<SiteZone, true> = {
  culture_sale: true,
  checkin_corner: true,
  points_store: true,
  book_drift: true,
  self_help: true,
};
export const siteZones = Object.keys(zoneSet) as SiteZone[];

/** Marker colours by kind, shared by the map, its legend and the tags. */
export const kindColour: Record<SiteKind, string> = {
  centre: '#c8161d',
  institute: '#d4380d',
  station: '#fa8c16',
  leifeng_post: '#1677ff',
  sanitation_home: '#389e0d',
  caring_merchant: '#722ed1',
  bank_outlet: '#08979c',
};

export const PUBLIC_SITES_PAGE = 20;

export function usePublicSites(filter: { kind?: SiteKind; regionCode?: string }) {
  return $api.useInfiniteQuery(
    'get',
    '/api/v1/public/sites',
    { params: { query: { limit: PUBLIC_SITES_PAGE, kind: filter.kind, regionCode: filter.regionCode } } },
    keysetPages,
  );
}

export function useSiteMapPoints() {
  return $api.useQuery('get', '/api/v1/public/sites/map', {}, { staleTime: 60_000 });
}

export function usePublicRegions() {
  return $api.useQuery('get', '/api/v1/public/regions', {}, { staleTime: 10 * 60_000 });
}

export function useMapConfig() {
  return $api.useQuery('get', '/api/v1/public/map-config', {}, { staleTime: 10 * 60_000 });
}

export function usePublicSite(id: string) {
  return $api.useQuery('get', '/api/v1/public/sites/{id}', { params: { path: { id } } });
}

export function usePublicSiteServices(id: string) {
  return $api.useQuery('get', '/api/v1/public/sites/{siteId}/services', { params: { path: { siteId: id } } });
}
