import { and, desc, eq, lt, or } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { present, redemptionQuery } from './redemptions.js';
import type { RedemptionStatus } from './schema.js';
import { storeRedemptions } from './schema.js';

/** 我的兑换: the caller's redemptions, newest first; open ones carry their pickup code. */
export async function listMyRedemptions(
  ctx: Ctx,
  input: { limit: number; cursor?: string; status?: RedemptionStatus },
) {
  const actor = requireActor(ctx);
  const after = timeIdCursor.decode(input.cursor);
  const r = storeRedemptions;
  const rows = await redemptionQuery(ctx.db)
    .where(
      and(
        eq(r.tenantId, actor.tenantId),
        eq(r.userId, actor.userId),
        input.status ? eq(r.status, input.status) : undefined,
        after
          ? or(lt(r.createdAt, new Date(after[0])), and(eq(r.createdAt, new Date(after[0])), lt(r.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => present(row, true)),
    nextCursor:
      rows.length > input.limit && last ? timeIdCursor.encode([last.r.createdAt.toISOString(), last.r.id]) : null,
  };
}
