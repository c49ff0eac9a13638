import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { decodeCursor, encodeCursor } from '../../platform/contract.js';
import { regions } from '../regions/schema.js';
import { type SiteKind, sites } from './schema.js';

export interface ListSitesInput {
  kind?: SiteKind;
  regionCode?: string;
  limit: number;
  cursor?: string;
}

/** Sites in the caller's scope, optionally under one region, ordered by region then name, keyset-paged. */
export async function listSitesInScope(ctx: Ctx, input: ListSitesInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const after = decodeCursor(input.cursor) as [string, string] | null;
  const conditions: (SQL | undefined)[] = [
    eq(sites.tenantId, actor.tenantId),
    scopeCondition(actor, sites.regionCode),
    input.kind ? eq(sites.kind, input.kind) : undefined,
    input.regionCode ? subtreeCondition(sites.regionCode, [input.regionCode]) : undefined,
    after ? or(gt(sites.regionCode, after[0]), and(eq(sites.regionCode, after[0]), gt(sites.id, after[1]))) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: sites.id,
      kind: sites.kind,
      name: sites.name,
      regionCode: sites.regionCode,
      regionName: regions.shortName,
      address: sites.address,
      lng: sites.lng,
      lat: sites.lat,
      locationApproximate: sites.locationApproximate,
      pilotBatch: sites.pilotBatch,
    })
    .from(sites)
    .innerJoin(regions, and(eq(regions.tenantId, sites.tenantId), eq(regions.code, sites.regionCode)))
    .where(and(...conditions))
    .orderBy(asc(sites.regionCode), asc(sites.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.regionCode, last.id]) : null,
  };
}
