import type { Ctx } from '../../platform/context.js';
import { readDistrictPlaces } from './places.js';

/**
 * What the web map needs: the tile URL (none configured: the map draws sites over the region
 * points only, which is also how it runs offline), the tiles' coordinate system, and the district's extent.
 */
export function getMapConfig(ctx: Ctx) {
  const places = readDistrictPlaces(ctx.tenantId);
  return {
    tileUrl: ctx.config.MAP_TILE_URL ?? null,
    tileCoordSystem: ctx.config.MAP_TILE_COORD_SYSTEM,
    attribution: ctx.config.MAP_TILE_ATTRIBUTION,
    bounds: places?.bounds ?? null,
    centre: places ? { lng: places.district_centre.lng, lat: places.district_centre.lat } : null,
  };
}
