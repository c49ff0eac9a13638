import type { Ctx } from '../../platform/context.js';
import type { ListSitesInput } from './list-sites.js';
import { pageSites } from './site-queries.js';

/** Every site of the district, for anyone: filter by kind and by region subtree, keyset-paged. */
export async function listPublicSites(ctx: Ctx, input: ListSitesInput) {
  return pageSites(ctx.db, { tenantId: ctx.tenantId, kind: input.kind, regionCode: input.regionCode }, input);
}
