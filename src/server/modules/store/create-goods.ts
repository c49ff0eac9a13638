import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import type { LimitPeriod } from './schema.js';
import { storeGoods } from './schema.js';
import { moveStock } from './stock.js';
import { assertMerchant, loadStoreInScope, presentGoods } from './store.js';

export interface GoodsInput {
  name: string;
  description: string | null;
  photoFileId?: string | null;
  pricePoints: number;
  limitQuantity?: number | null;
  limitPeriod?: LimitPeriod | null;
  merchantId?: string | null;
}

/** Adds goods to a store (keeper or admin of its scope); an initial stock is a first restock movement. */
export async function createGoods(ctx: Ctx, siteId: string, input: GoodsInput & { stock: number }) {
  const actor = requireActor(ctx);
  const site = await loadStoreInScope(ctx, siteId);
  await assertMerchant(ctx.db, site.tenantId, input.merchantId, 'body.merchantId');
  try {
    const goods = await ctx.db.transaction(async (tx) => {
      if (input.photoFileId)
        await attachFiles(tx, {
          tenantId: site.tenantId,
          ids: [input.photoFileId],
          ownerId: actor.userId,
          purpose: 'photo',
          regionCode: site.regionCode,
          field: 'body.photoFileId',
        });
      const [row] = await tx
        .insert(storeGoods)
        .values({
          tenantId: site.tenantId,
          siteId: site.id,
          regionCode: site.regionCode,
          name: input.name,
          description: input.description,
          photoFileId: input.photoFileId ?? null,
          pricePoints: input.pricePoints,
          stock: 0,
          limitQuantity: input.limitQuantity ?? null,
          limitPeriod: input.limitPeriod ?? null,
          merchantId: input.merchantId ?? null,
        })
        .returning();
      if (!row) throw new Error('insert failed');
      const stocked =
        input.stock > 0
          ? await moveStock(tx, {
              tenantId: site.tenantId,
              goodsId: row.id,
              kind: 'restock',
              delta: input.stock,
              note: '初始库存',
              actorId: actor.userId,
              at: new Date(),
            })
          : row;
      await writeAudit(tx, auditContext(ctx), {
        action: 'store.goods.create',
        entityType: 'store_goods',
        entityId: row.id,
        regionCode: site.regionCode,
        detail: { siteId: site.id, name: row.name, pricePoints: row.pricePoints, stock: input.stock },
      });
      return stocked;
    });
    const [view] = await presentGoods(ctx, [goods]);
    return view as NonNullable<typeof view>;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}
