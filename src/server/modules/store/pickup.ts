import { and, count, eq, gte } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { presentDesk, redemptionQuery, releaseRedemption, settleRedemption } from './redemptions.js';
import { storeCodeFailures, storeRedemptions } from './schema.js';
import { loadStoreInScope } from './store.js';

export const CODE_ATTEMPTS = 10;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Finds the open redemption a pickup code names at this store. Only staff of the store's scope get
 * here; a code that names nothing open at this store (another store's code included) is NOT_FOUND
 * and counts as a miss: after 10 misses in 15 minutes the keeper is refused (429) until the window passes.
 */
async function openByCode(ctx: Ctx, siteId: string, code: string, now: Date) {
  const actor = requireActor(ctx);
  const site = await loadStoreInScope(ctx, siteId);
  const [misses] = await ctx.db
    .select({ n: count() })
    .from(storeCodeFailures)
    .where(
      and(
        eq(storeCodeFailures.tenantId, actor.tenantId),
        eq(storeCodeFailures.userId, actor.userId),
        gte(storeCodeFailures.at, new Date(now.getTime() - WINDOW_MS)),
      ),
    );
  if ((misses?.n ?? 0) >= CODE_ATTEMPTS) throw new AppError('STORE_CODE_ATTEMPTS');
  const [row] = await redemptionQuery(ctx.db).where(
    and(
      eq(storeRedemptions.tenantId, actor.tenantId),
      eq(storeRedemptions.siteId, site.id),
      eq(storeRedemptions.pickupCode, code),
      eq(storeRedemptions.status, 'reserved'),
    ),
  );
  if (!row) {
    await ctx.db
      .insert(storeCodeFailures)
      .values({ tenantId: actor.tenantId, userId: actor.userId, siteId: site.id, at: now });
    throw new AppError('NOT_FOUND');
  }
  if (row.r.expiresAt <= now) {
    await releaseRedemption(ctx.db, actor.tenantId, row.r.id, { status: 'expired', actorId: null, at: now });
    throw new AppError('STORE_REDEMPTION_NOT_OPEN');
  }
  return row;
}

/** The keeper types or scans a pickup code: what it is for (goods, quantity, who), before handing it over. */
export async function lookupPickup(ctx: Ctx, siteId: string, code: string) {
  return presentDesk(await openByCode(ctx, siteId, code, new Date()));
}

/** 确认发放: hands the goods over once, even when two keepers confirm the same code together. */
export async function fulfilPickup(ctx: Ctx, siteId: string, code: string) {
  const actor = requireActor(ctx);
  const now = new Date();
  const row = await openByCode(ctx, siteId, code, now);
  const settled = await settleRedemption(ctx.db, actor.tenantId, row.r, { actorId: actor.userId, at: now });
  if (!settled) throw new AppError('STORE_REDEMPTION_NOT_OPEN');
  await writeAudit(ctx.db, auditContext(ctx), {
    action: 'store.redemption.fulfil',
    entityType: 'store_redemption',
    entityId: row.r.id,
    regionCode: row.r.regionCode,
    detail: { goodsId: row.r.goodsId, quantity: row.r.quantity, points: row.r.points },
  });
  return presentDesk({ ...row, r: { ...row.r, status: 'fulfilled', closedAt: now, closedBy: actor.userId } });
}
