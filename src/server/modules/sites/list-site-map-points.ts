import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { subtreeCondition } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { type SiteKind, sites } from './schema.js';

/** All located sites of the district as compact map points, in one response (a district has hundreds, not millions). */
export async function listSiteMapPoints(ctx: Ctx, input: { kind?: SiteKind; regionCode?: string }) {
  const rows = await ctx.db
    .select({
      id: sites.id,
      kind: sites.kind,
      name: sites.name,
      lng: sites.lng,
      lat: sites.lat,
      approximate: sites.locationApproximate,
      regionCode: sites.regionCode,
      pilotBatch: sites.pilotBatch,
    })
    .from(sites)
    .where(
      and(
        eq(sites.tenantId, ctx.tenantId),
        isNotNull(sites.lng),
        isNotNull(sites.lat),
        input.kind ? eq(sites.kind, input.kind) : undefined,
        input.regionCode ? subtreeCondition(sites.regionCode, [input.regionCode]) : undefined,
      ),
    )
    .orderBy(asc(sites.regionCode), asc(sites.id));
  return { items: rows.map((r) => ({ ...r, lng: r.lng as number, lat: r.lat as number })) };
}
