import { regionScope, requireRegionInScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { SiteKind } from './schema.js';
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
    { tenantId: actor.tenantId, scope: regionScope(actor), kind: input.kind, regionCode: input.regionCode },
    input,
  );
}
