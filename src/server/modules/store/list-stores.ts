import { and, count, eq, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { regions } from '../regions/index.js';
import { sites } from '../sites/index.js';
import { volunteers } from '../volunteers/index.js';
import { storeGoods } from './schema.js';

/** Great-circle distance in metres (WGS-84 sphere). Pure. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

/**
 * The stores (sites with the 积分兑换先锋超市 zone) a volunteer can pick: those in their own community
 * first, then the nearest when the phone gives a position, then by name.
 */
export async function listStores(ctx: Ctx, near: { lat?: number; lng?: number }) {
  const actor = requireActor(ctx);
  const [me] = await ctx.db
    .select({ regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.userId, actor.userId)));
  const rows = await ctx.db
    .select({ site: sites, regionName: regions.shortName })
    .from(sites)
    .leftJoin(regions, and(eq(regions.tenantId, sites.tenantId), eq(regions.code, sites.regionCode)))
    .where(and(eq(sites.tenantId, actor.tenantId), sql`'points_store' = any(${sites.zones})`));
  const counts = await ctx.db
    .select({ siteId: storeGoods.siteId, n: count() })
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, actor.tenantId), eq(storeGoods.active, true)))
    .groupBy(storeGoods.siteId);
  const here = near.lat !== undefined && near.lng !== undefined ? { lat: near.lat, lng: near.lng } : null;
  const items = rows.map(({ site, regionName }) => ({
    id: site.id,
    name: site.name,
    regionCode: site.regionCode,
    regionName,
    address: site.address,
    openingHours: site.openingHours,
    distanceMeters:
      here && site.lat !== null && site.lng !== null ? distanceMeters(here, { lat: site.lat, lng: site.lng }) : null,
    mine: !!me && site.regionCode.startsWith(me.regionCode),
    goodsCount: counts.find((c) => c.siteId === site.id)?.n ?? 0,
  }));
  items.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      (a.distanceMeters ?? Number.MAX_SAFE_INTEGER) - (b.distanceMeters ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  return { items };
}
