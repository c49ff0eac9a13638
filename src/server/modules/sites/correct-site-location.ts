import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { withinBounds } from './approximate-location.js';
import { readDistrictPlaces } from './places.js';
import { sites } from './schema.js';
import { loadSiteInScope } from './site-queries.js';

export interface CorrectLocationInput {
  lng: number;
  lat: number;
}

/**
 * A keeper sets a site's real WGS-84 point (typed, or a pin moved on the map). The point must lie
 * within the district's plausible extent; the approximate flag is cleared; old and new are audited.
 */
export async function correctSiteLocation(ctx: Ctx, id: string, input: CorrectLocationInput) {
  const site = await loadSiteInScope(ctx, id);
  const places = readDistrictPlaces(site.tenantId);
  if (places && !withinBounds(input, places.bounds)) {
    const { minLng, maxLng, minLat, maxLat } = places.bounds;
    const range = `经度 ${minLng}–${maxLng}，纬度 ${minLat}–${maxLat}`;
    throw fieldError(
      input.lng < minLng || input.lng > maxLng ? 'body.lng' : 'body.lat',
      `坐标不在本区范围内（${range}，WGS-84）`,
      `The point lies outside the district (longitude ${minLng}–${maxLng}, latitude ${minLat}–${maxLat}, WGS-84)`,
    );
  }
  const lng = Math.round(input.lng * 1e6) / 1e6;
  const lat = Math.round(input.lat * 1e6) / 1e6;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sites)
      .set({ lng, lat, locationApproximate: false, updatedAt: new Date() })
      .where(and(eq(sites.tenantId, site.tenantId), eq(sites.id, site.id)));
    await writeAudit(tx, auditContext(ctx), {
      action: 'site.location.correct',
      entityType: 'site',
      entityId: site.id,
      regionCode: site.regionCode,
      detail: {
        before: { lng: site.lng, lat: site.lat, approximate: site.locationApproximate },
        after: { lng, lat, approximate: false },
      },
    });
  });
  return { id: site.id, lng, lat, locationApproximate: false };
}
