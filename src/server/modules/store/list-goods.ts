import { and, asc, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { storeGoods } from './schema.js';
import { loadStoreInScope, presentGoods } from './store.js';

/** Every item of a store, offered or not, with its stock (staff of the store's scope). */
export async function listGoods(ctx: Ctx, siteId: string) {
  const site = await loadStoreInScope(ctx, siteId);
  const rows = await ctx.db
    .select()
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, site.tenantId), eq(storeGoods.siteId, site.id)))
    .orderBy(desc(storeGoods.active), asc(storeGoods.name));
  return { items: await presentGoods(ctx, rows) };
}
