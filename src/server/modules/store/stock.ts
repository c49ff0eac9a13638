/** Stock changes: one conditional UPDATE of the goods' stock and one movement row, in the caller's transaction. */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { type StockMovementKind, storeGoods, storeStockMovements } from './schema.js';

export interface StockMove {
  tenantId: string;
  goodsId: string;
  kind: StockMovementKind;
  /** Positive adds to the stock, negative takes from it (never below zero: STORE_OUT_OF_STOCK). */
  delta: number;
  note?: string | null;
  donationId?: string | null;
  redemptionId?: string | null;
  actorId?: string | null;
  at: Date;
  /** Only when the goods are offered (a reservation): STORE_GOODS_UNAVAILABLE otherwise. */
  requireActive?: boolean;
}

export async function moveStock(tx: Db, move: StockMove) {
  const [row] = await tx
    .update(storeGoods)
    .set({ stock: sql`${storeGoods.stock} + ${move.delta}` })
    .where(
      and(
        eq(storeGoods.tenantId, move.tenantId),
        eq(storeGoods.id, move.goodsId),
        move.delta < 0 ? gte(storeGoods.stock, -move.delta) : undefined,
        move.requireActive ? eq(storeGoods.active, true) : undefined,
      ),
    )
    .returning();
  if (!row) {
    if (move.requireActive) {
      const [goods] = await tx
        .select({ active: storeGoods.active })
        .from(storeGoods)
        .where(and(eq(storeGoods.tenantId, move.tenantId), eq(storeGoods.id, move.goodsId)));
      if (goods && !goods.active) throw new AppError('STORE_GOODS_UNAVAILABLE');
    }
    throw new AppError('STORE_OUT_OF_STOCK');
  }
  await tx.insert(storeStockMovements).values({
    tenantId: move.tenantId,
    goodsId: move.goodsId,
    siteId: row.siteId,
    kind: move.kind,
    delta: move.delta,
    stockAfter: row.stock,
    note: move.note ?? null,
    donationId: move.donationId ?? null,
    redemptionId: move.redemptionId ?? null,
    at: move.at,
    actorId: move.actorId ?? null,
  });
  return row;
}
