import { and, asc, eq, sql } from 'drizzle-orm';
import { regionScope, scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { sites } from '../sites/index.js';
import { regions } from './schema.js';

/** The part of the region tree the caller administers, flat and in tree order, with site counts. */
export async function listRegionsInScope(ctx: Ctx) {
  const actor = requireActor(ctx);
  const siteCounts = ctx.db
    .select({ regionCode: sites.regionCode, n: sql<number>`count(*)::int`.as('n') })
    .from(sites)
    .where(eq(sites.tenantId, actor.tenantId))
    .groupBy(sites.regionCode)
    .as('site_counts');
  const rows = await ctx.db
    .select({
      code: regions.code,
      parentCode: regions.parentCode,
      level: regions.level,
      name: regions.shortName,
      officialName: regions.name,
      siteCount: sql<number>`coalesce(${siteCounts.n}, 0)`,
    })
    .from(regions)
    .leftJoin(siteCounts, eq(siteCounts.regionCode, regions.code))
    .where(and(eq(regions.tenantId, actor.tenantId), scopeCondition(actor, regions.code)))
    .orderBy(asc(regions.code));
  const roots = regionScope(actor);
  return {
    roots,
    regions: rows.map((r) => ({ ...r, parentCode: roots.includes(r.code) ? null : r.parentCode })),
  };
}
