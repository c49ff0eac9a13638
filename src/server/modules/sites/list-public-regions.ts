import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { regions } from '../regions/index.js';
import { approximatePoint } from './approximate-location.js';
import { readDistrictPlaces } from './places.js';

/**
 * The district's regions for drawing a map without tiles: code, name, level and an approximate
 * centre (hand-placed for the district and subdistricts, the default station point for communities).
 */
export async function listPublicRegions(ctx: Ctx) {
  const rows = await ctx.db
    .select({ code: regions.code, parentCode: regions.parentCode, level: regions.level, name: regions.shortName })
    .from(regions)
    .where(eq(regions.tenantId, ctx.tenantId))
    .orderBy(asc(regions.code));
  const places = readDistrictPlaces(ctx.tenantId);
  return {
    items: rows.map((r) => {
      const point = places ? approximatePoint(places, r.code) : null;
      return { ...r, lng: point?.lng ?? null, lat: point?.lat ?? null, approximate: true };
    }),
  };
}
