import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { users } from '../accounts/index.js';
import { storeStockMovements } from './schema.js';
import { loadGoodsInScope } from './store.js';

/** The stock history of one item, newest first, keyset-paged. */
export async function listMovements(ctx: Ctx, id: string, input: { limit: number; cursor?: string }) {
  const { goods } = await loadGoodsInScope(ctx, id);
  const after = timeIdCursor.decode(input.cursor);
  const m = storeStockMovements;
  const rows = await ctx.db
    .select({ m, actorName: users.displayName })
    .from(m)
    .leftJoin(users, and(eq(users.tenantId, m.tenantId), eq(users.id, m.actorId)))
    .where(
      and(
        eq(m.tenantId, goods.tenantId),
        eq(m.goodsId, goods.id),
        after ? or(lt(m.at, new Date(after[0])), and(eq(m.at, new Date(after[0])), lt(m.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(m.at), desc(m.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ m: row, actorName }) => ({
      id: row.id,
      kind: row.kind,
      delta: row.delta,
      stockAfter: row.stockAfter,
      note: row.note,
      at: row.at.toISOString(),
      actorName,
    })),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.m.at.toISOString(), last.m.id]) : null,
  };
}
