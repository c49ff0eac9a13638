import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import type { GoodsInput } from './create-goods.js';
import { storeGoods } from './schema.js';
import { assertMerchant, loadGoodsInScope, presentGoods } from './store.js';

/** Edits goods (not the stock: that changes only by restock, stock-take and redemptions). */
export async function updateGoods(ctx: Ctx, id: string, input: GoodsInput & { active: boolean }) {
  const actor = requireActor(ctx);
  const { goods, site } = await loadGoodsInScope(ctx, id);
  await assertMerchant(ctx.db, site.tenantId, input.merchantId, 'body.merchantId');
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      if (input.photoFileId && input.photoFileId !== goods.photoFileId)
        await attachFiles(tx, {
          tenantId: site.tenantId,
          ids: [input.photoFileId],
          ownerId: actor.userId,
          purpose: 'photo',
          regionCode: site.regionCode,
          field: 'body.photoFileId',
        });
      const [row] = await tx
        .update(storeGoods)
        .set({
          name: input.name,
          description: input.description,
          photoFileId: input.photoFileId ?? null,
          pricePoints: input.pricePoints,
          limitQuantity: input.limitQuantity ?? null,
          limitPeriod: input.limitPeriod ?? null,
          merchantId: input.merchantId ?? null,
          active: input.active,
          updatedAt: new Date(),
        })
        .where(and(eq(storeGoods.tenantId, site.tenantId), eq(storeGoods.id, goods.id)))
        .returning();
      if (!row) throw new AppError('NOT_FOUND');
      await writeAudit(tx, auditContext(ctx), {
        action: 'store.goods.update',
        entityType: 'store_goods',
        entityId: row.id,
        regionCode: site.regionCode,
        detail: { ...input },
      });
      return row;
    });
    const [view] = await presentGoods(ctx, [updated]);
    return view as NonNullable<typeof view>;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}
