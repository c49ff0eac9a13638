import { eq } from 'drizzle-orm';
import { subtreeCondition } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import type { ListSitesInput } from './list-sites.js';
import { sites } from './schema.js';
import { pageSites } from './site-queries.js';

/** Every site of the district, for anyone: filter by kind and by region subtree, keyset-paged. */
export async function listPublicSites(ctx: Ctx, input: ListSitesInput) {
  return pageSites(
    ctx.db,
    [
      eq(sites.tenantId, ctx.tenantId),
      input.kind ? eq(sites.kind, input.kind) : undefined,
      input.regionCode ? subtreeCondition(sites.regionCode, [input.regionCode]) : undefined,
    ],
    input,
  );
}
