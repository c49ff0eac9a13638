/** Reading, presenting and closing redemptions (shared by the volunteer's, the keeper's and the job's use cases). */
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { postTransaction } from '../../platform/ledger.js';
import { users } from '../accounts/index.js';
import { openHeldAccount, openStoreAccount, openVolunteerPointsAccount } from '../points/index.js';
import { sites } from '../sites/index.js';
import { storeGoods, storeRedemptions } from './schema.js';
import { moveStock } from './stock.js';

export type Redemption = typeof storeRedemptions.$inferSelect;

/** Built when called: other modules' tables are read at run time, never while modules load. */
const redemptionColumns = () => ({
  r: storeRedemptions,
  siteName: sites.name,
  goodsName: storeGoods.name,
  volunteerName: users.displayName,
});

export function redemptionQuery(db: Db) {
  return db
    .select(redemptionColumns())
    .from(storeRedemptions)
    .innerJoin(sites, and(eq(sites.tenantId, storeRedemptions.tenantId), eq(sites.id, storeRedemptions.siteId)))
    .innerJoin(
      storeGoods,
      and(eq(storeGoods.tenantId, storeRedemptions.tenantId), eq(storeGoods.id, storeRedemptions.goodsId)),
    )
    .innerJoin(users, and(eq(users.tenantId, storeRedemptions.tenantId), eq(users.id, storeRedemptions.userId)))
    .$dynamic();
}

type Joined = { r: Redemption; siteName: string; goodsName: string; volunteerName: string };

export function present(row: Joined, withCode: boolean) {
  const { r } = row;
  return {
    id: r.id,
    siteId: r.siteId,
    siteName: row.siteName,
    goodsId: r.goodsId,
    goodsName: row.goodsName,
    quantity: r.quantity,
    points: r.points,
    status: r.status,
    pickupCode: withCode && r.status === 'reserved' ? r.pickupCode : null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

export function presentDesk(row: Joined) {
  const { pickupCode: _code, ...rest } = present(row, false);
  return { ...rest, volunteerName: row.volunteerName };
}

export async function presentRedemption(ctx: Ctx, id: string, options: { withCode: boolean }) {
  const [row] = await redemptionQuery(ctx.db).where(
    and(eq(storeRedemptions.tenantId, ctx.tenantId), eq(storeRedemptions.id, id)),
  );
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, options.withCode);
}

export async function findRedemption(db: Db, tenantId: string, id: string): Promise<Redemption | null> {
  const [row] = await db
    .select()
    .from(storeRedemptions)
    .where(and(eq(storeRedemptions.tenantId, tenantId), eq(storeRedemptions.id, id)));
  return row ?? null;
}

/**
 * Closes an open redemption as cancelled or expired: the status moves only from `reserved` (one
 * conditional UPDATE, so a pickup, a cancellation and the expiry job racing each other close it
 * once), the stock comes back, and the held points go back to the volunteer. Answers false when it
 * was no longer open.
 */
export async function releaseRedemption(
  db: Db,
  tenantId: string,
  id: string,
  how: { status: 'cancelled' | 'expired'; actorId: string | null; at: Date },
): Promise<boolean> {
  const volunteerAccount = async (userId: string) => openVolunteerPointsAccount(db, tenantId, userId);
  const prior = await findRedemption(db, tenantId, id);
  if (prior?.status !== 'reserved') return false;
  const volunteer = await volunteerAccount(prior.userId);
  const held = await openHeldAccount(db, tenantId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(storeRedemptions)
      .set({ status: how.status, closedAt: how.at, closedBy: how.actorId })
      .where(
        and(
          eq(storeRedemptions.tenantId, tenantId),
          eq(storeRedemptions.id, id),
          eq(storeRedemptions.status, 'reserved'),
        ),
      )
      .returning();
    if (!row) return false;
    await moveStock(tx, {
      tenantId,
      goodsId: row.goodsId,
      kind: 'release',
      delta: row.quantity,
      note: how.status === 'cancelled' ? '取消兑换' : '逾期未领取',
      redemptionId: row.id,
      actorId: how.actorId,
      at: how.at,
    });
    await postTransaction(tx, tenantId, {
      kind: how.status === 'cancelled' ? 'points.redeem.cancel' : 'points.redeem.expire',
      entries: [
        { accountId: held.id, amount: -row.points },
        { accountId: volunteer.id, amount: row.points },
      ],
      memo: how.status === 'cancelled' ? '取消兑换，积分退回' : '兑换逾期未领取，积分退回',
      source: { type: 'store_redemption', id: row.id },
      idempotencyKey: `store.release:${row.id}`,
      actorId: how.actorId,
    });
    return true;
  });
}

/** Hands the goods over: reserved → fulfilled once (conditional UPDATE), and the hold becomes the store's (held → store). */
export async function settleRedemption(
  db: Db,
  tenantId: string,
  redemption: Redemption,
  how: { actorId: string; at: Date },
): Promise<boolean> {
  const held = await openHeldAccount(db, tenantId);
  const store = await openStoreAccount(db, tenantId, redemption.siteId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(storeRedemptions)
      .set({ status: 'fulfilled', closedAt: how.at, closedBy: how.actorId })
      .where(
        and(
          eq(storeRedemptions.tenantId, tenantId),
          eq(storeRedemptions.id, redemption.id),
          eq(storeRedemptions.status, 'reserved'),
        ),
      )
      .returning();
    if (!row) return false;
    const settled = await postTransaction(tx, tenantId, {
      kind: 'points.redeem.settle',
      entries: [
        { accountId: held.id, amount: -row.points },
        { accountId: store.id, amount: row.points },
      ],
      memo: '兑换物品已领取',
      source: { type: 'store_redemption', id: row.id },
      idempotencyKey: `store.settle:${row.id}`,
      actorId: how.actorId,
    });
    await tx
      .update(storeRedemptions)
      .set({ settleTransactionId: settled.id })
      .where(and(eq(storeRedemptions.tenantId, tenantId), eq(storeRedemptions.id, row.id)));
    return true;
  });
}
