import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { dayStart } from './period.js';
import { storeDonations } from './schema.js';
import { moveStock } from './stock.js';
import { assertMerchant, loadGoodsInScope, presentGoods } from './store.js';

const chinaDate = (now: Date) => new Date(dayStart(now).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Adds stock; with a merchant, the restock is that caring merchant's donation (recorded with it). */
export async function restockGoods(
  ctx: Ctx,
  id: string,
  input: { quantity: number; merchantId?: string | null; donatedOn?: string; note: string | null },
) {
  const actor = requireActor(ctx);
  const { goods, site } = await loadGoodsInScope(ctx, id);
  await assertMerchant(ctx.db, site.tenantId, input.merchantId, 'body.merchantId');
  const now = new Date();
  const row = await ctx.db.transaction(async (tx) => {
    let donationId: string | null = null;
    if (input.merchantId) {
      const [donation] = await tx
        .insert(storeDonations)
        .values({
          tenantId: site.tenantId,
          goodsId: goods.id,
          siteId: site.id,
          regionCode: site.regionCode,
          merchantId: input.merchantId,
          quantity: input.quantity,
          donatedOn: input.donatedOn ?? chinaDate(now),
          note: input.note,
          createdBy: actor.userId,
        })
        .returning({ id: storeDonations.id });
      donationId = donation?.id ?? null;
    }
    const updated = await moveStock(tx, {
      tenantId: site.tenantId,
      goodsId: goods.id,
      kind: 'restock',
      delta: input.quantity,
      note: input.note,
      donationId,
      actorId: actor.userId,
      at: now,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'store.goods.restock',
      entityType: 'store_goods',
      entityId: goods.id,
      regionCode: site.regionCode,
      detail: { quantity: input.quantity, merchantId: input.merchantId ?? null, donationId, after: updated.stock },
    });
    return updated;
  });
  const [view] = await presentGoods(ctx, [row]);
  return view as NonNullable<typeof view>;
}
