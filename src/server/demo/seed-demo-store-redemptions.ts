/**
 * Synthetic redemptions at the demo's pioneer stores (合成演示数据), seeded after the synthetic
 * volunteers are credited their points: over the past four months, mostly handed over, some
 * cancelled, some expired, a few still waiting within the pickup window. Each is posted as the store
 * would post it (a hold volunteer → held, then a settlement held → store or a release held →
 * volunteer), labelled `synthetic` in the postings' data, in time order through the bulk ledger
 * writer, which refuses any balance below zero. A volunteer only spends what their balance covers.
 *
 * Stock: an item is redeemed only after its last movement so far; a synthetic restock, dated a day
 * before its first redemption, covers all of them, and the reservations and releases follow it.
 * Existing movements are never changed, and every stock figure read in date order stays right. Deterministic (a seeded generator); answers false when the history is
 * already there (its redemptions' request keys start with `synthetic:`) or there is nothing to seed.
 */
import { and, eq, inArray, like, max, sql } from 'drizzle-orm';
import { openHeldAccount, openStoreAccount, pointsAccountKeys } from '../modules/points/index.js';
import {
  PICKUP_CODE_LENGTH,
  periodStart,
  pickupDays,
  storeGoods,
  storeRedemptions,
  storeStockMovements,
} from '../modules/store/index.js';
import type { Db } from '../platform/db.js';
import { type BulkPosting, postTransactionsBulk } from '../platform/ledger-bulk.js';
import { DAY, generator, HOUR, MINUTE } from './synthetic.js';

const MONTHS_BACK = 120 * DAY;
const LABEL = '（合成演示数据）';

type Status = 'reserved' | 'fulfilled' | 'cancelled' | 'expired';
type Goods = typeof storeGoods.$inferSelect;
type Volunteer = { userId: string; accountId: string; budget: number };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function seedDemoStoreRedemptions(db: Db, tenantId: string, now: Date, count = 700): Promise<boolean> {
  const [done] = await db
    .select({ id: storeRedemptions.id })
    .from(storeRedemptions)
    .where(and(eq(storeRedemptions.tenantId, tenantId), like(storeRedemptions.requestKey, 'synthetic:%')))
    .limit(1);
  if (done) return false;
  const goods = await db
    .select()
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, tenantId), eq(storeGoods.active, true)))
    .orderBy(storeGoods.siteId, storeGoods.name);
  const volunteers = rowsOf<{ userId: string; accountId: string; balance: string | number }>(
    await db.execute(sql`
      select u.id as "userId", a.id as "accountId", a.balance
        from ledger_accounts a
        join users u on u.tenant_id = a.tenant_id and a.key = ${pointsAccountKeys.volunteer('')} || u.id::text
       where a.tenant_id = ${tenantId} and a.kind = 'points.volunteer' and a.balance > 0 and u.phone like '170%'
       order by u.phone`),
  ).map((v): Volunteer => ({ userId: v.userId, accountId: v.accountId, budget: Number(v.balance) }));
  const cheapest = Math.min(...goods.map((g) => g.pricePoints));
  if (goods.length === 0 || !volunteers.some((v) => v.budget >= cheapest)) return false;

  // An item's redemptions come after its last movement so far, so that every stock figure read in
  // date order stays right (the synthetic restock is dated a day before its first redemption).
  const lastMovement = await db
    .select({ goodsId: storeStockMovements.goodsId, at: max(storeStockMovements.at) })
    .from(storeStockMovements)
    .where(eq(storeStockMovements.tenantId, tenantId))
    .groupBy(storeStockMovements.goodsId);
  const openFrom = new Map(lastMovement.map((m) => [m.goodsId, (m.at?.getTime() ?? 0) + 2 * DAY]));
  const days = await pickupDays(db, tenantId);
  const rnd = generator(2611);
  const nowMs = now.getTime();
  // Dates first, in time order, so that limits and balances are counted as they happened.
  const pendingCount = Math.max(3, Math.round(count * 0.015));
  const plan = Array.from({ length: count }, (_, i) =>
    i < pendingCount
      ? { at: nowMs - rnd.int(HOUR, (days * DAY) / 2), pending: true }
      : { at: nowMs - rnd.int(days * DAY, MONTHS_BACK), pending: false },
  ).sort((a, b) => a.at - b.at);

  const taken = new Map<string, number>();
  const openCodes = new Set(
    (
      await db
        .select({ siteId: storeRedemptions.siteId, code: storeRedemptions.pickupCode })
        .from(storeRedemptions)
        .where(and(eq(storeRedemptions.tenantId, tenantId), eq(storeRedemptions.status, 'reserved')))
    ).map((r) => `${r.siteId}:${r.code}`),
  );
  const redemptions: (typeof storeRedemptions.$inferInsert)[] = [];
  const accountOf = new Map<string, string>();
  for (const [n, p] of plan.entries()) {
    const createdAt = new Date(p.at);
    const open = goods.filter((g) => (openFrom.get(g.id) ?? 0) <= p.at);
    const choice = pickRedemption(rnd, open, volunteers, taken, createdAt);
    if (!choice) continue;
    const { g, v, quantity } = choice;
    const points = g.pricePoints * quantity;
    v.budget -= points;
    accountOf.set(v.userId, v.accountId);
    const expiresAt = new Date(p.at + days * DAY);
    const roll = rnd.next();
    const status: Status = p.pending ? 'reserved' : roll < 0.78 ? 'fulfilled' : roll < 0.9 ? 'cancelled' : 'expired';
    const closedAt =
      status === 'reserved'
        ? null
        : status === 'expired'
          ? expiresAt
          : new Date(
              p.at +
                Math.min(days * DAY - HOUR, 10 * MINUTE + rnd.wait(status === 'fulfilled' ? DAY : 6 * HOUR, 5 * DAY)),
            );
    if (status !== 'cancelled' && status !== 'expired') {
      const key = `${g.id}:${v.userId}:${g.limitPeriod ? periodStart(g.limitPeriod, createdAt).getTime() : ''}`;
      taken.set(key, (taken.get(key) ?? 0) + quantity);
    }
    let pickupCode: string;
    do pickupCode = String(rnd.int(0, 10 ** PICKUP_CODE_LENGTH - 1)).padStart(PICKUP_CODE_LENGTH, '0');
    while (status === 'reserved' && openCodes.has(`${g.siteId}:${pickupCode}`));
    if (status === 'reserved') openCodes.add(`${g.siteId}:${pickupCode}`);
    redemptions.push({
      tenantId,
      id: rnd.uuid(),
      siteId: g.siteId,
      regionCode: g.regionCode,
      goodsId: g.id,
      userId: v.userId,
      quantity,
      pricePoints: g.pricePoints,
      points,
      status,
      pickupCode,
      requestKey: `synthetic:store-redemption:${n + 1}`,
      holdTransactionId: rnd.uuid(),
      settleTransactionId: status === 'fulfilled' ? rnd.uuid() : null,
      createdAt,
      expiresAt,
      closedAt,
      closedBy: status === 'cancelled' ? v.userId : null,
    });
  }
  if (redemptions.length === 0) return false;

  await db.transaction(async (tx) => {
    const held = await openHeldAccount(tx, tenantId);
    const stores = new Map<string, string>();
    for (const siteId of new Set(redemptions.map((r) => r.siteId)))
      stores.set(siteId, (await openStoreAccount(tx, tenantId, siteId)).id);
    const names = new Map(goods.map((g) => [g.id, g.name]));
    const postings: BulkPosting[] = [];
    for (const r of redemptions) {
      const volunteer = accountOf.get(r.userId) as string;
      const source = { type: 'store_redemption', id: r.id as string };
      const data = { synthetic: true };
      postings.push({
        id: r.holdTransactionId as string,
        kind: 'points.redeem.hold',
        entries: [
          { accountId: volunteer, amount: -r.points },
          { accountId: held.id, amount: r.points },
        ],
        memo: `兑换 ${names.get(r.goodsId)} × ${r.quantity}`,
        source,
        idempotencyKey: `store.hold:${r.id}`,
        actorId: r.userId,
        data,
        createdAt: r.createdAt as Date,
      });
      if (r.status === 'fulfilled')
        postings.push({
          id: r.settleTransactionId as string,
          kind: 'points.redeem.settle',
          entries: [
            { accountId: held.id, amount: -r.points },
            { accountId: stores.get(r.siteId) as string, amount: r.points },
          ],
          memo: '兑换物品已领取',
          source,
          idempotencyKey: `store.settle:${r.id}`,
          data,
          createdAt: r.closedAt as Date,
        });
      else if (r.status !== 'reserved')
        postings.push({
          id: rnd.uuid(),
          kind: r.status === 'cancelled' ? 'points.redeem.cancel' : 'points.redeem.expire',
          entries: [
            { accountId: held.id, amount: -r.points },
            { accountId: volunteer, amount: r.points },
          ],
          memo: r.status === 'cancelled' ? '取消兑换，积分退回' : '兑换逾期未领取，积分退回',
          source,
          idempotencyKey: `store.release:${r.id}`,
          actorId: r.closedBy ?? null,
          data,
          createdAt: r.closedAt as Date,
        });
    }
    postings.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
    const written = await postTransactionsBulk(tx, tenantId, postings);
    if (written.size !== postings.length) throw new Error('demo store: some synthetic postings existed already');
    await tx.insert(storeRedemptions).values(redemptions);
    await writeStock(tx, tenantId, redemptions, rnd);
  });
  return true;
}

/** A volunteer who can afford an item within its per-person limit (a few draws; null when none fits). */
function pickRedemption(
  rnd: ReturnType<typeof generator>,
  goods: Goods[],
  volunteers: Volunteer[],
  taken: Map<string, number>,
  at: Date,
) {
  for (let attempt = 0; attempt < 12 && goods.length > 0; attempt++) {
    const v = rnd.pick(volunteers);
    const g = rnd.pick(goods);
    const quantity = g.pricePoints <= 150 && rnd.next() < 0.25 ? 2 : 1;
    if (g.pricePoints * quantity > v.budget) continue;
    const key = `${g.id}:${v.userId}:${g.limitPeriod ? periodStart(g.limitPeriod, at).getTime() : ''}`;
    if (g.limitQuantity && (taken.get(key) ?? 0) + quantity > g.limitQuantity) continue;
    return { g, v, quantity };
  }
  return null;
}

/**
 * One restock per item before its first redemption, covering every reservation, then each
 * reservation and release at its date; each new movement carries the running stock at its date
 * (the existing movements counted in). The goods' stock moves by the net.
 */
async function writeStock(
  tx: Db,
  tenantId: string,
  redemptions: (typeof storeRedemptions.$inferInsert)[],
  rnd: ReturnType<typeof generator>,
) {
  const byGoods = new Map<string, (typeof storeRedemptions.$inferInsert)[]>();
  for (const r of redemptions) byGoods.set(r.goodsId, [...(byGoods.get(r.goodsId) ?? []), r]);
  const existing = await tx
    .select({ goodsId: storeStockMovements.goodsId, at: storeStockMovements.at, delta: storeStockMovements.delta })
    .from(storeStockMovements)
    .where(and(eq(storeStockMovements.tenantId, tenantId), inArray(storeStockMovements.goodsId, [...byGoods.keys()])));
  const movements: (typeof storeStockMovements.$inferInsert)[] = [];
  for (const [goodsId, rs] of byGoods) {
    const first = rs[0] as (typeof rs)[number];
    const mine: (typeof storeStockMovements.$inferInsert)[] = [
      {
        tenantId,
        id: rnd.uuid(),
        goodsId,
        siteId: first.siteId,
        kind: 'restock',
        delta: rs.reduce((s, r) => s + r.quantity, 0),
        stockAfter: 0,
        note: `补货入库${LABEL}`,
        at: new Date((first.createdAt as Date).getTime() - DAY),
      },
    ];
    for (const r of rs) {
      mine.push({
        tenantId,
        id: rnd.uuid(),
        goodsId,
        siteId: r.siteId,
        kind: 'reserve',
        delta: -r.quantity,
        stockAfter: 0,
        note: `积分兑换${LABEL}`,
        redemptionId: r.id,
        actorId: r.userId,
        at: r.createdAt as Date,
      });
      if (r.status === 'cancelled' || r.status === 'expired')
        mine.push({
          tenantId,
          id: rnd.uuid(),
          goodsId,
          siteId: r.siteId,
          kind: 'release',
          delta: r.quantity,
          stockAfter: 0,
          note: `${r.status === 'cancelled' ? '取消兑换' : '逾期未领取'}${LABEL}`,
          redemptionId: r.id,
          actorId: r.closedBy ?? null,
          at: r.closedAt as Date,
        });
    }
    const timeline = [
      ...existing.filter((m) => m.goodsId === goodsId).map((m) => ({ at: m.at.getTime(), delta: m.delta, row: null })),
      ...mine.map((m) => ({ at: (m.at as Date).getTime(), delta: m.delta, row: m })),
    ].sort((a, b) => a.at - b.at || (a.row ? 1 : 0) - (b.row ? 1 : 0));
    let stock = 0;
    for (const t of timeline) {
      stock += t.delta;
      if (t.row) t.row.stockAfter = stock;
    }
    movements.push(...mine);
    const net = mine.reduce((s, m) => s + m.delta, 0);
    await tx
      .update(storeGoods)
      .set({ stock: sql`${storeGoods.stock} + ${net}` })
      .where(and(eq(storeGoods.tenantId, tenantId), eq(storeGoods.id, goodsId)));
  }
  for (let i = 0; i < movements.length; i += 1000)
    await tx.insert(storeStockMovements).values(movements.slice(i, i + 1000));
}
