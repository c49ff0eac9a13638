import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { postTransactionsBulk } from '../../platform/ledger-bulk.js';
import { openHeldAccount, openVolunteerPointsAccount, pointsBalance } from '../points/index.js';
import { newPickupCode, periodStart } from './period.js';
import { present, presentRedemption } from './redemptions.js';
import { storeRedemptions } from './schema.js';
import { moveStock } from './stock.js';
import { findGoods, loadOpenStore, pickupDays } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Redeems goods for points, in ONE transaction: the stock is reserved by a conditional UPDATE (never
 * below zero; the goods' row stays locked until commit, so redemptions of one item run one after
 * another), the per-person limit is counted in the database under that lock, and the points are held
 * on the ledger (volunteer → held), which refuses to take the volunteer below zero. Any refusal rolls
 * back all three. `requestKey` (the Idempotency-Key) makes a retry answer the first redemption.
 *
 * Few statements (each is a round trip on the one embedded connection, docs/benchmarks.md): the
 * accounts are looked up, not opened, when they exist; the redemption and its hold transaction get
 * their ids up front, so the row is written once, with its hold named; the hold is posted by the
 * bulk ledger writer (header, lock, balances, entries); a taken pickup code is skipped by
 * `on conflict do nothing` on the open-code index instead of a savepoint per insert.
 */
export async function redeem(
  ctx: Ctx,
  input: { goodsId: string; quantity: number },
  requestKey: string | null,
  now: Date = new Date(),
) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  if (requestKey) {
    const prior = await findByRequestKey(ctx, actor.userId, requestKey);
    if (prior) return prior;
  }
  const goods = await findGoods(ctx.db, tenantId, input.goodsId);
  if (!goods) throw new AppError('NOT_FOUND');
  const site = await loadOpenStore(ctx.db, tenantId, goods.siteId);
  const points = goods.pricePoints * input.quantity;
  if (!Number.isSafeInteger(points) || points > 2_000_000_000) throw new AppError('STORE_NOT_ENOUGH_POINTS');
  const volunteer = await openVolunteerPointsAccount(ctx.db, tenantId, actor.userId);
  if (volunteer.balance < points) throw notEnough(points - volunteer.balance);
  const held = await openHeldAccount(ctx.db, tenantId);
  const days = await pickupDays(ctx.db, tenantId);
  const id = randomUUID();
  const holdId = randomUUID();
  let row: typeof storeRedemptions.$inferSelect;
  try {
    row = await ctx.db.transaction(async (tx) => {
      const reserved = await moveStock(tx, {
        tenantId,
        goodsId: goods.id,
        kind: 'reserve',
        delta: -input.quantity,
        requireActive: true,
        actorId: actor.userId,
        at: now,
      });
      if (reserved.limitQuantity && reserved.limitPeriod) {
        const [taken] = await tx
          .select({ n: sql<number>`coalesce(sum(${storeRedemptions.quantity}), 0)::int` })
          .from(storeRedemptions)
          .where(
            and(
              eq(storeRedemptions.tenantId, tenantId),
              eq(storeRedemptions.goodsId, goods.id),
              eq(storeRedemptions.userId, actor.userId),
              inArray(storeRedemptions.status, ['reserved', 'fulfilled']),
              gte(storeRedemptions.createdAt, periodStart(reserved.limitPeriod, now)),
            ),
          );
        if ((taken?.n ?? 0) + input.quantity > reserved.limitQuantity) {
          throw new AppError('STORE_LIMIT_REACHED', [
            {
              field: 'body.quantity',
              message: `每人${periodLabel[reserved.limitPeriod]}限兑${reserved.limitQuantity}件，您还可兑${Math.max(0, reserved.limitQuantity - (taken?.n ?? 0))}件`,
              messageEn: `At most ${reserved.limitQuantity} per person per ${reserved.limitPeriod}; ${Math.max(0, reserved.limitQuantity - (taken?.n ?? 0))} left for you`,
            },
          ]);
        }
      }
      const inserted = await insertWithCode(tx, {
        tenantId,
        id,
        siteId: site.id,
        regionCode: site.regionCode,
        goodsId: goods.id,
        userId: actor.userId,
        quantity: input.quantity,
        pricePoints: goods.pricePoints,
        points,
        requestKey,
        holdTransactionId: holdId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
      });
      const posted = await postTransactionsBulk(tx, tenantId, [
        {
          id: holdId,
          kind: 'points.redeem.hold',
          entries: [
            { accountId: volunteer.id, amount: -points },
            { accountId: held.id, amount: points },
          ],
          memo: `兑换 ${goods.name} × ${input.quantity}（${site.name}）`,
          source: { type: 'store_redemption', id },
          idempotencyKey: `store.hold:${id}`,
          actorId: actor.userId,
        },
      ]);
      if (!posted.has(holdId)) throw new Error(`store: the hold of redemption ${id} was posted already`);
      await writeAudit(tx, auditContext(ctx), {
        action: 'store.redemption.create',
        entityType: 'store_redemption',
        entityId: id,
        regionCode: site.regionCode,
        detail: { goodsId: goods.id, quantity: input.quantity, points, stockAfter: reserved.stock },
      });
      return inserted;
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'LEDGER_INSUFFICIENT_BALANCE') {
      const now = await pointsBalance(ctx.db, tenantId, actor.userId);
      throw notEnough(Math.max(1, points - now));
    }
    if (requestKey && isUniqueViolation(err, 'store_redemptions_request_uq')) {
      const prior = await findByRequestKey(ctx, actor.userId, requestKey);
      if (prior) return prior;
    }
    throw err;
  }
  const view = present({ r: row, siteName: site.name, goodsName: goods.name, volunteerName: '' }, true);
  return { ...view, balance: await pointsBalance(ctx.db, tenantId, actor.userId) };
}

const periodLabel = { day: '每天', week: '每周', month: '每月' } as const;

function notEnough(missing: number) {
  return new AppError(
    'STORE_NOT_ENOUGH_POINTS',
    [
      {
        field: 'body.quantity',
        message: `积分不足，还差${missing}分`,
        messageEn: `Not enough points: ${missing} missing`,
      },
    ],
    { message: `积分不足，还差${missing}分`, messageEn: `Not enough points: ${missing} missing` },
  );
}

async function findByRequestKey(ctx: Ctx, userId: string, requestKey: string) {
  const [row] = await ctx.db
    .select({ id: storeRedemptions.id })
    .from(storeRedemptions)
    .where(
      and(
        eq(storeRedemptions.tenantId, ctx.tenantId),
        eq(storeRedemptions.userId, userId),
        eq(storeRedemptions.requestKey, requestKey),
      ),
    );
  if (!row) return null;
  const view = await presentRedemption(ctx, row.id, { withCode: true });
  return { ...view, balance: await pointsBalance(ctx.db, ctx.tenantId, userId) };
}

type NewRedemption = Omit<typeof storeRedemptions.$inferInsert, 'pickupCode'>;

/** Inserts with a fresh pickup code; a code already open at this store (rare) is drawn again. */
async function insertWithCode(tx: Db, values: NewRedemption) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const [row] = await tx
      .insert(storeRedemptions)
      .values({ ...values, pickupCode: newPickupCode() })
      .onConflictDoNothing({
        target: [storeRedemptions.tenantId, storeRedemptions.siteId, storeRedemptions.pickupCode],
        where: sql`${storeRedemptions.status} = 'reserved'`,
      })
      .returning();
    if (row) return row;
  }
  throw new Error('store: no free pickup code after 6 draws');
}
