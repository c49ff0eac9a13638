import { eq } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { type SiteKind, sites } from './schema.js';
import { pageSites } from './site-queries.js';

export interface ListSitesInput {
  kind?: SiteKind;
  regionCode?: string;
  limit: number;
  cursor?: string;
}

/** Sites in the caller's scope, optionally under one region, ordered by region then id, keyset-paged. */
export async function listSitesInScope(ctx: Ctx, input: ListSitesInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  return pageSites(
    ctx.db,
    [
      eq(sites.tenantId, actor.tenantId),
      scopeCondition(actor, sites.regionCode),
      input.kind ? eq(sites.kind, input.kind) : undefined,
      input.regionCode ? subtreeCondition(sites.regionCode, [input.regionCode]) : undefined,
    ],
    input,
  );
}
