import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { postTransaction } from '../../platform/ledger.js';
import { ledgerAccounts } from '../../platform/ledger-schema.js';
import { organisations } from '../organisations/index.js';
import { openIssuanceAccount, openVolunteerPointsAccount, pointsBalance } from '../points/index.js';
import { storeCodeFailures, storeGoods, storeRedemptions, storeStockMovements } from './schema.js';

let t: TestContext;
let keeper: Client;
let foreignKeeper: Client;
let post: string; // 大世界雷锋岗 (北门外社区), with the store zone
let otherStore: string; // a store outside 北门外社区
let merchantId: string;
let tenantId: string;
let serial = 0;

const DAY = 24 * 60 * 60 * 1000;

async function give(userId: string, points: number) {
  const db = t.database.db;
  const issuance = await openIssuanceAccount(db, tenantId);
  const volunteer = await openVolunteerPointsAccount(db, tenantId, userId);
  await postTransaction(db, tenantId, {
    kind: 'points.test',
    entries: [
      { accountId: issuance.id, amount: -points },
      { accountId: volunteer.id, amount: points },
    ],
    memo: 'test',
  });
}

/** A fresh volunteer with `points` points, signed in. */
async function volunteerWith(points: number) {
  const user = await makeUser(t.database);
  if (points > 0) await give(user.id, points);
  return { ...user, client: await signIn(t.app, user.phone) };
}

async function goods(site: string, body: Record<string, unknown> = {}, by: Client = keeper) {
  serial += 1;
  const res = await by.post(`/api/v1/store/sites/${site}/goods`, {
    name: `测试物品${serial}`,
    pricePoints: 100,
    stock: 10,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; stock: number; name: string };
}

const key = () => `k-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
const redeem = (c: Client, goodsId: string, quantity = 1, k = key()) =>
  c.post('/api/v1/store/redemptions', { goodsId, quantity }, { 'idempotency-key': k });

async function stockOf(id: string) {
  const [row] = await t.database.db.select({ stock: storeGoods.stock }).from(storeGoods).where(eq(storeGoods.id, id));
  return row?.stock;
}

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  const other = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002002001' }] });
  tenantId = other.tenantId;
  foreignKeeper = await signIn(t.app, other.phone);
  const centre = await signIn(t.app, demo.centreAdmin);
  const stores: { id: string; name: string; regionCode: string }[] = (await centre.get('/api/v1/store/sites')).json()
    .items;
  const find = (f: (s: (typeof stores)[number]) => boolean) => {
    const s = stores.find(f);
    if (!s) throw new Error('store missing');
    return s.id;
  };
  post = find((s) => s.name === '大世界雷锋岗');
  otherStore = find((s) => !s.regionCode.startsWith('371002002005'));
  const [merchant] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'caring_merchant'))
    .limit(1);
  if (!merchant) throw new Error('no caring merchant');
  merchantId = merchant.id;
});
afterAll(() => t.close());

describe('goods and stock', () => {
  it('creates goods, restocks with a donation, takes stock, and keeps an append-only history', async () => {
    const g = await goods(post, { name: '洗衣液（测试）', merchantId, limitQuantity: 2, limitPeriod: 'month' });
    expect(g).toMatchObject({ stock: 10, merchant: { id: merchantId }, limitQuantity: 2, limitPeriod: 'month' });
    const restocked = await keeper.post(`/api/v1/store/goods/${g.id}/restock`, {
      quantity: 5,
      merchantId,
      donatedOn: '2026-11-30',
      note: '冬季捐赠',
    });
    expect(restocked.statusCode, restocked.body).toBe(200);
    expect(restocked.json().stock).toBe(15);
    const counted = await keeper.post(`/api/v1/store/goods/${g.id}/stocktake`, { counted: 13, reason: '破损2瓶' });
    expect(counted.json().stock).toBe(13);
    const history = (await keeper.get(`/api/v1/store/goods/${g.id}/movements`)).json().items;
    expect(history.map((m: { kind: string; delta: number }) => [m.kind, m.delta])).toEqual([
      ['stocktake', -2],
      ['restock', 5],
      ['restock', 10],
    ]);
    expect(history[0]).toMatchObject({ note: '破损2瓶', stockAfter: 13 });
    const donations = (await keeper.get(`/api/v1/store/merchants/${merchantId}/donations`)).json().items;
    expect(donations).toContainEqual(
      expect.objectContaining({ goodsId: g.id, quantity: 5, donatedOn: '2026-11-30', note: '冬季捐赠' }),
    );
    // Movements are append-only rows: the stock column equals their sum.
    const [sum] = await t.database.db
      .select({ n: sql<number>`sum(${storeStockMovements.delta})::int` })
      .from(storeStockMovements)
      .where(eq(storeStockMovements.goodsId, g.id));
    expect(sum?.n).toBe(13);
  });

  it('refuses bad input with a stable code and the field, changing nothing', async () => {
    const g = await goods(post);
    for (const body of [{ quantity: -1 }, { quantity: 0 }, { quantity: 1e12 }, { quantity: 1.5 }]) {
      const res = await keeper.post(`/api/v1/store/goods/${g.id}/restock`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].field).toBe('body.quantity');
    }
    const nul = await keeper.post(`/api/v1/store/sites/${post}/goods`, { name: 'a\u0000b', pricePoints: 10 });
    expect(nul.statusCode).toBe(400);
    const half = await keeper.post(`/api/v1/store/sites/${post}/goods`, {
      name: '半个限额',
      pricePoints: 10,
      limitQuantity: 1,
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details[0].field).toBe('body.limitPeriod');
    const notMerchant = await keeper.post(`/api/v1/store/goods/${g.id}/restock`, { quantity: 1, merchantId: g.id });
    expect(notMerchant.statusCode).toBe(400);
    const negativeCount = await keeper.post(`/api/v1/store/goods/${g.id}/stocktake`, { counted: -3, reason: 'x' });
    expect(negativeCount.statusCode).toBe(400);
    expect(await stockOf(g.id)).toBe(10);
  });

  it('keeps another community’s keeper out (404), and a site without the store zone is refused', async () => {
    const g = await goods(post);
    expect((await foreignKeeper.get(`/api/v1/store/sites/${post}/goods`)).statusCode).toBe(404);
    expect((await foreignKeeper.post(`/api/v1/store/goods/${g.id}/restock`, { quantity: 1 })).statusCode).toBe(404);
    expect(
      (await foreignKeeper.post(`/api/v1/store/goods/${g.id}/stocktake`, { counted: 0, reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await foreignKeeper.get(`/api/v1/store/goods/${g.id}/movements`)).statusCode).toBe(404);
    expect((await keeper.get(`/api/v1/store/sites/${otherStore}/goods`)).statusCode).toBe(404);
    expect(await stockOf(g.id)).toBe(10);
    const sites: { id: string }[] = (await foreignKeeper.get('/api/v1/store/sites')).json().items;
    expect(sites.map((s) => s.id)).not.toContain(post);
  });
});

describe('redemption', () => {
  it('holds the points, reserves the stock, answers a code; the keeper hands it over once', async () => {
    const v = await volunteerWith(500);
    const g = await goods(post, { pricePoints: 120 });
    const k = key();
    const res = await redeem(v.client, g.id, 2, k);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'reserved', points: 240, quantity: 2, balance: 260 });
    expect(r.pickupCode).toMatch(/^\d{8}$/);
    expect(await stockOf(g.id)).toBe(8);
    // The retry answers the same redemption, and nothing moves again.
    const retry = await redeem(v.client, g.id, 2, k);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(r.id);
    expect(await stockOf(g.id)).toBe(8);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(260);

    const seen = await keeper.post(`/api/v1/store/sites/${post}/pickups/lookup`, { code: r.pickupCode });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ id: r.id, goodsName: g.name, quantity: 2, status: 'reserved' });
    expect(seen.json()).not.toHaveProperty('pickupCode');
    // Another community's keeper, or this keeper at another store: 404.
    expect((await foreignKeeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode })).statusCode).toBe(
      404,
    );
    const centre = await signIn(t.app, demo.centreAdmin);
    expect((await centre.post(`/api/v1/store/sites/${otherStore}/pickups`, { code: r.pickupCode })).statusCode).toBe(
      404,
    );

    const done = await keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('fulfilled');
    const again = await keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode });
    expect(again.statusCode).toBe(404);
    const accounts = await t.database.db
      .select({ key: ledgerAccounts.key, balance: ledgerAccounts.balance })
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.key, `points:store:${post}`));
    expect(accounts[0]?.balance).toBeGreaterThanOrEqual(240);
    const today = (await keeper.get(`/api/v1/store/sites/${post}/pickups`)).json().items;
    expect(today.map((p: { id: string }) => p.id)).toContain(r.id);
    const mine = (await v.client.get('/api/v1/store/redemptions/mine')).json().items;
    expect(mine[0]).toMatchObject({ id: r.id, status: 'fulfilled', pickupCode: null });
    // The statement's hold line carries the redemption's status now; other lines carry none.
    const statement = (await v.client.get('/api/v1/me/points')).json().items;
    const hold = statement.find((l: { kind: string }) => l.kind === 'points.redeem.hold');
    expect(hold).toMatchObject({ amount: -240, balanceAfter: 260, redemptionStatus: 'fulfilled' });
    expect(hold.reason).toContain(g.name);
    expect(statement.filter((l: { redemptionStatus: string | null }) => l.redemptionStatus === null)).toHaveLength(
      statement.length - 1,
    );
    // Cancelling after pickup is refused.
    const late = await v.client.post(`/api/v1/store/redemptions/${r.id}/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('STORE_REDEMPTION_NOT_OPEN');
  });

  it('says how many points are missing, and changes nothing', async () => {
    const v = await volunteerWith(50);
    const g = await goods(post, { pricePoints: 80 });
    const res = await redeem(v.client, g.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STORE_NOT_ENOUGH_POINTS', message: '积分不足，还差30分' });
    expect(await stockOf(g.id)).toBe(10);
    const noKey = await v.client.post('/api/v1/store/redemptions', { goodsId: g.id, quantity: 1 });
    expect(noKey.statusCode).toBe(400);
    for (const quantity of [0, -1, 101, 1e15]) {
      const bad = await redeem(v.client, g.id, quantity);
      expect(bad.statusCode).toBe(400);
    }
  });

  it('cancels before pickup: stock and points come back; others get 404', async () => {
    const v = await volunteerWith(300);
    const stranger = await volunteerWith(0);
    const g = await goods(post, { pricePoints: 100 });
    const r = (await redeem(v.client, g.id)).json();
    expect((await stranger.client.post(`/api/v1/store/redemptions/${r.id}/cancel`)).statusCode).toBe(404);
    expect((await foreignKeeper.post(`/api/v1/store/redemptions/${r.id}/cancel`)).statusCode).toBe(404);
    const cancelled = await v.client.post(`/api/v1/store/redemptions/${r.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', pickupCode: null });
    const lines = (await v.client.get('/api/v1/me/points')).json().items;
    expect(
      lines.slice(0, 2).map((l: { kind: string; redemptionStatus: string }) => [l.kind, l.redemptionStatus]),
    ).toEqual([
      ['points.redeem.cancel', 'cancelled'],
      ['points.redeem.hold', 'cancelled'],
    ]);
    expect(await stockOf(g.id)).toBe(10);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(300);
    // The keeper of the store may cancel too.
    const r2 = (await redeem(v.client, g.id)).json();
    expect((await keeper.post(`/api/v1/store/redemptions/${r2.id}/cancel`)).statusCode).toBe(200);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(300);
  });

  it('enforces the per-person limit per period, also under concurrency', async () => {
    const v = await volunteerWith(10_000);
    const g = await goods(post, { pricePoints: 10, limitQuantity: 2, limitPeriod: 'week', stock: 50 });
    const results = await Promise.all(Array.from({ length: 6 }, () => redeem(v.client, g.id)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    for (const r of results.filter((x) => x.statusCode !== 201))
      expect(r.json().error.code).toBe('STORE_LIMIT_REACHED');
    expect(await stockOf(g.id)).toBe(48);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(10_000 - 20);
    const shop = (await v.client.get(`/api/v1/store/stores/${post}`)).json();
    expect(shop.goods.find((x: { id: string }) => x.id === g.id).myRemaining).toBe(0);
    // Another person is not limited by it.
    const w = await volunteerWith(100);
    expect((await redeem(w.client, g.id, 2)).statusCode).toBe(201);
  });

  it('double spend: two redemptions that together exceed the balance, exactly one succeeds', async () => {
    const v = await volunteerWith(150);
    const a = await goods(post, { pricePoints: 100 });
    const b = await goods(post, { pricePoints: 100 });
    const [ra, rb] = await Promise.all([redeem(v.client, a.id), redeem(v.client, b.id)]);
    const codes = [ra.statusCode, rb.statusCode].sort();
    expect(codes).toEqual([201, 409]);
    const failed = ra.statusCode === 409 ? ra : rb;
    const failedGoods = ra.statusCode === 409 ? a : b;
    expect(failed.json().error.code).toBe('STORE_NOT_ENOUGH_POINTS');
    expect(await stockOf(failedGoods.id)).toBe(10);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(50);
  });

  it('the last unit goes to exactly one of several concurrent redemptions', async () => {
    const g = await goods(post, { pricePoints: 10, stock: 1 });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await volunteerWith(100));
    const results = await Promise.all(people.map((p) => redeem(p.client, g.id)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(r.json().error.code).toBe('STORE_OUT_OF_STOCK');
    expect(await stockOf(g.id)).toBe(0);
    const balances = await Promise.all(people.map((p) => pointsBalance(t.database.db, tenantId, p.id)));
    expect(balances.sort()).toEqual([100, 100, 100, 90]);
  });

  it('two keepers confirming the same code together hand it over once', async () => {
    const v = await volunteerWith(100);
    const g = await goods(post, { pricePoints: 100 });
    const r = (await redeem(v.client, g.id)).json();
    const institute = await signIn(t.app, demo.instituteAdmin);
    const results = await Promise.all([
      keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode }),
      institute.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode }),
    ]);
    expect(results.filter((x) => x.statusCode === 200)).toHaveLength(1);
    for (const x of results.filter((y) => y.statusCode !== 200)) expect([404, 409]).toContain(x.statusCode);
    const [row] = await t.database.db.select().from(storeRedemptions).where(eq(storeRedemptions.id, r.id));
    expect(row?.status).toBe('fulfilled');
    expect(row?.settleTransactionId).toBeTruthy();
  });

  it('stops a keeper guessing codes after 10 misses, valid code or not', async () => {
    const guesser = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002002005' }] });
    const c = await signIn(t.app, guesser.phone);
    const v = await volunteerWith(100);
    const g = await goods(post, { pricePoints: 100 });
    const r = (await redeem(v.client, g.id)).json();
    const wrong = r.pickupCode === '00000000' ? '00000001' : '00000000';
    for (let i = 0; i < 10; i++) {
      const miss = await c.post(`/api/v1/store/sites/${post}/pickups/lookup`, { code: wrong });
      expect(miss.statusCode).toBe(404);
    }
    const locked = await c.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('STORE_CODE_ATTEMPTS');
    const forged = await c.post(`/api/v1/store/sites/${post}/pickups`, { code: '12ab' });
    expect(forged.statusCode).toBe(400);
    // The redemption is untouched, and another keeper still hands it over.
    expect((await keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.pickupCode })).statusCode).toBe(200);
    await t.database.db.delete(storeCodeFailures).where(eq(storeCodeFailures.userId, guesser.id));
  });

  it('a redemption not picked up within the setting’s days is released by the durable job', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    expect(
      (await keeper.request({ method: 'PUT', url: '/api/v1/store/settings', payload: { pickupDays: 3 } })).statusCode,
    ).toBe(403);
    const set = await centre.request({ method: 'PUT', url: '/api/v1/store/settings', payload: { pickupDays: 3 } });
    expect(set.json()).toEqual({ pickupDays: 3 });
    const v = await volunteerWith(200);
    const g = await goods(post, { pricePoints: 100 });
    const r = (await redeem(v.client, g.id)).json();
    expect(Date.parse(r.expiresAt) - Date.parse(r.createdAt)).toBe(3 * DAY);
    const kept = (await redeem(v.client, g.id)).json();
    // The second one was just picked up: the job leaves it alone.
    expect((await keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: kept.pickupCode })).statusCode).toBe(200);

    await t.app.jobs.send('store.expire-redemptions');
    await t.app.jobs.runDue();
    expect((await v.client.get('/api/v1/store/redemptions/mine')).json().items[1].status).toBe('reserved');

    await t.app.jobs.advance(3 * DAY + 60_000);
    await t.app.jobs.send('store.expire-redemptions');
    expect(await t.app.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const mine = (await v.client.get('/api/v1/store/redemptions/mine')).json().items;
    expect(mine.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [kept.id, 'fulfilled'],
      [r.id, 'expired'],
    ]);
    expect(await stockOf(g.id)).toBe(9);
    expect(await pointsBalance(t.database.db, tenantId, v.id)).toBe(100);
    await centre.request({ method: 'PUT', url: '/api/v1/store/settings', payload: { pickupDays: 7 } });
  });

  it('shows the volunteer the stores, their own community first, and the merchant view adds up', async () => {
    const v = await volunteerWith(0);
    const stores = (await v.client.get('/api/v1/store/stores')).json().items;
    expect(stores[0]).toMatchObject({ id: post, mine: true });
    expect((await anonymous(t.app).get('/api/v1/store/stores')).statusCode).toBe(401);
    expect((await v.client.get(`/api/v1/store/sites/${post}/goods`)).statusCode).toBe(403);
    const merchants = (await keeper.get('/api/v1/store/merchants')).json().items;
    const m = merchants.find((x: { id: string }) => x.id === merchantId);
    expect(m.donatedQuantity).toBeGreaterThanOrEqual(5);
    expect(m.donations).toBeGreaterThanOrEqual(1);
    const foreign = (await foreignKeeper.get('/api/v1/store/merchants')).json().items;
    const fm = foreign.find((x: { id: string }) => x.id === merchantId);
    expect(fm?.donatedQuantity ?? 0).toBeLessThan(m.donatedQuantity);
  });

  it('never leaves a negative balance or stock, and the points accounts sum to zero', async () => {
    const [neg] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(storeGoods)
      .where(sql`${storeGoods.stock} < 0`);
    expect(neg?.n).toBe(0);
    const [sum] = await t.database.db
      .select({ n: sql<number>`coalesce(sum(${ledgerAccounts.balance}), 0)::int` })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.unit, 'points'), eq(ledgerAccounts.tenantId, tenantId)));
    expect(sum?.n).toBe(0);
  });
});
