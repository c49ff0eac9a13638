import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { loadSiteInScope } from '../sites/index.js';
import { selfHelpItems } from './schema.js';
import { presentItem } from './self-help.js';

/** The items of one site's self-help corner, by name. */
export async function listSelfHelpItems(ctx: Ctx, siteId: string) {
  const site = await loadSiteInScope(ctx, siteId);
  const rows = await ctx.db
    .select()
    .from(selfHelpItems)
    .where(and(eq(selfHelpItems.tenantId, site.tenantId), eq(selfHelpItems.siteId, site.id)))
    .orderBy(asc(selfHelpItems.name));
  return { items: rows.map(presentItem) };
}
