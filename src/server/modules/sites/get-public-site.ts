import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findSite, presentSiteDetail } from './site-queries.js';

/** One site for anyone: kind, place, opening hours, zones and what one can do there. */
export async function getPublicSite(ctx: Ctx, id: string) {
  const site = await findSite(ctx.db, ctx.tenantId, id);
  if (!site) throw new AppError('NOT_FOUND');
  return presentSiteDetail(ctx.db, site);
}
