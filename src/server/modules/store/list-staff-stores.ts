import { and, asc, eq, sql } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { sites } from '../sites/index.js';

/** The stores in the staff caller's scope, for the keeper desk's store picker. */
export async function listStaffStores(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select({ id: sites.id, name: sites.name, regionCode: sites.regionCode })
    .from(sites)
    .where(
      and(
        eq(sites.tenantId, actor.tenantId),
        sql`'points_store' = any(${sites.zones})`,
        scopeCondition(actor, sites.regionCode),
      ),
    )
    .orderBy(asc(sites.regionCode), asc(sites.name));
  return { items: rows };
}
