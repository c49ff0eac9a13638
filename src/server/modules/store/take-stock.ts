import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { storeGoods } from './schema.js';
import { moveStock } from './stock.js';
import { loadGoodsInScope, presentGoods } from './store.js';

/**
 * A stock-take: the keeper counts the shelf; the difference to the stock is one adjustment movement
 * with the reason. The count is read under the goods' row lock, so a redemption at the same moment
 * is either counted before or applied after, never lost.
 */
export async function takeStock(ctx: Ctx, id: string, input: { counted: number; reason: string }) {
  const actor = requireActor(ctx);
  const { goods, site } = await loadGoodsInScope(ctx, id);
  const row = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ stock: storeGoods.stock })
      .from(storeGoods)
      .where(and(eq(storeGoods.tenantId, site.tenantId), eq(storeGoods.id, goods.id)))
      .for('update');
    if (!locked) throw new Error('goods vanished');
    const delta = input.counted - locked.stock;
    if (delta === 0) {
      await writeAudit(tx, auditContext(ctx), {
        action: 'store.goods.stocktake',
        entityType: 'store_goods',
        entityId: goods.id,
        regionCode: site.regionCode,
        detail: { counted: input.counted, delta: 0, reason: input.reason },
      });
      return { ...goods, stock: locked.stock };
    }
    const updated = await moveStock(tx, {
      tenantId: site.tenantId,
      goodsId: goods.id,
      kind: 'stocktake',
      delta,
      note: input.reason,
      actorId: actor.userId,
      at: new Date(),
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'store.goods.stocktake',
      entityType: 'store_goods',
      entityId: goods.id,
      regionCode: site.regionCode,
      detail: { counted: input.counted, before: locked.stock, delta, reason: input.reason },
    });
    return updated;
  });
  const [view] = await presentGoods(ctx, [row]);
  return view as NonNullable<typeof view>;
}
