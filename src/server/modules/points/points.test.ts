import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { postTransaction } from '../../platform/ledger.js';
import { ledgerTransactions } from '../../platform/ledger-schema.js';
import { recordService, serviceRecords } from '../hours/index.js';
import { orders } from '../orders/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { volunteers } from '../volunteers/index.js';
import { openHeldAccount, openVolunteerPointsAccount, pointsBalance, pointsOwed } from './accounts.js';
import { runPointsEarning } from './earn.js';
import { expireTenantPoints } from './expire.js';
import { pointsAccountsSum } from './ledger-ops.js';
import { pointsEarnings } from './schema.js';

let t: TestContext;
let centre: Client;
let keeper: Client; // 北门外社区
let institute: Client; // 鲸园街道
let foreignKeeper: Client; // 望岛社区
let volunteer: Client;
let userId: string;
let volunteerId: string;
const tenantId = '371002';
const BEIMENWAI = '371002002005';
const WANGDAO = '371002003006';
let n = 0;

async function confirmed(minutes: number, sourceType: 'activity_attendance' | 'order' = 'order') {
  n += 1;
  const { record } = await recordService(t.database.db, {
    tenantId,
    volunteerUserId: userId,
    source: { type: sourceType, id: `points-test-${n}` },
    regionCode: BEIMENWAI,
    content: `积分测试服务 第${n}次`,
    minutes,
    recordedBy: null,
  });
  const res = await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
  expect(res.statusCode, res.body).toBe(200);
  return record;
}

async function earn() {
  await t.app.jobs.send('points.earn');
  await t.app.jobs.runDue();
}

/** Spends points the way a redemption hold does (volunteer → held). */
async function spend(amount: number) {
  const v = await openVolunteerPointsAccount(t.database.db, tenantId, userId);
  const held = await openHeldAccount(t.database.db, tenantId);
  await postTransaction(t.database.db, tenantId, {
    kind: 'points.test.hold',
    entries: [
      { accountId: v.id, amount: -amount },
      { accountId: held.id, amount },
    ],
  });
}

const balance = () => pointsBalance(t.database.db, tenantId, userId);

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  const foreign = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: WANGDAO }] });
  foreignKeeper = await signIn(t.app, foreign.phone);
  const v = await makeUser(t.database, { displayName: '钱积分' });
  userId = v.id;
  volunteer = await signIn(t.app, v.phone);
  const [profile] = await t.database.db.select().from(volunteers).where(eq(volunteers.userId, userId));
  volunteerId = profile?.id as string;
});
afterAll(() => t.close());

describe('settings', () => {
  it('staff read the rules; only a centre admin changes them, audited; bad input changes nothing', async () => {
    expect((await keeper.get('/api/v1/points/settings')).json()).toEqual({
      pointsPerHour: 10,
      activityCompletionPoints: 5,
      fiveStarBonusPoints: 5,
      expiryMonths: null,
    });
    expect((await volunteer.get('/api/v1/points/settings')).statusCode).toBe(403);
    const body = { pointsPerHour: 12, activityCompletionPoints: 3, fiveStarBonusPoints: 8, expiryMonths: null };
    expect((await keeper.request({ method: 'PUT', url: '/api/v1/points/settings', payload: body })).statusCode).toBe(
      403,
    );
    const bad = await centre.request({
      method: 'PUT',
      url: '/api/v1/points/settings',
      payload: { ...body, pointsPerHour: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toContain('pointsPerHour');
    const ok = await centre.request({ method: 'PUT', url: '/api/v1/points/settings', payload: body });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual(body);
    expect((await keeper.get('/api/v1/points/settings')).json()).toEqual(body);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'points_settings.update'));
    expect(audits).toHaveLength(1);
    // Back to the defaults for the rest of the file.
    await centre.request({
      method: 'PUT',
      url: '/api/v1/points/settings',
      payload: { pointsPerHour: 10, activityCompletionPoints: 5, fiveStarBonusPoints: 5, expiryMonths: null },
    });
  });
});

describe('earning', () => {
  it('confirmed hours earn pro rata, an activity earns its completion points, each exactly once', async () => {
    await confirmed(45);
    await confirmed(60, 'activity_attendance');
    expect(await balance()).toBe(0); // nothing until the job runs
    await earn();
    expect(await balance()).toBe(8 + 10 + 5);
    await earn();
    await t.app.jobs.send('points.earn');
    await t.app.jobs.send('points.earn');
    await t.app.jobs.runDue();
    expect(await balance()).toBe(23);
    const me = (await volunteer.get('/api/v1/me/points?limit=2')).json();
    expect(me.balance).toBe(23);
    expect(me.items).toHaveLength(2);
    expect(me.items[0]).toMatchObject({ kind: 'points.earn.activity', amount: 5, balanceAfter: 23 });
    expect(me.items[0].reason).toContain('完成活动');
    expect(me.items[1]).toMatchObject({ kind: 'points.earn.hours', amount: 10, balanceAfter: 18 });
    const next = (await volunteer.get(`/api/v1/me/points?limit=2&cursor=${me.nextCursor}`)).json();
    expect(next.items.map((i: { amount: number }) => i.amount)).toEqual([8]);
    expect(next.nextCursor).toBeNull();
    expect((await volunteer.get('/api/v1/me/points?cursor=forged')).statusCode).toBe(400);
    expect(await pointsAccountsSum(t.database.db, tenantId)).toBe(0);
  });

  it('concurrent runs of the job credit each source once (the bulk path claims before it posts)', async () => {
    const before = await balance();
    for (let i = 0; i < 6; i++) await confirmed(30);
    const runs = await Promise.all([1, 2, 3].map(() => runPointsEarning(t.database.db)));
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
    await earn();
    expect(await balance()).toBe(before + 6 * 5);
    expect(await pointsAccountsSum(t.database.db, tenantId)).toBe(0);
  });

  it('synthetic demo hours earn nothing', async () => {
    const before = await balance();
    n += 1;
    const { record } = await recordService(t.database.db, {
      tenantId,
      volunteerUserId: userId,
      source: { type: 'order', id: `points-test-${n}` },
      regionCode: BEIMENWAI,
      content: '合成演示数据',
      minutes: 120,
      recordedBy: null,
    });
    await t.database.db
      .update(serviceRecords)
      .set({ synthetic: true })
      .where(and(eq(serviceRecords.tenantId, tenantId), eq(serviceRecords.id, record.id)));
    expect((await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] })).statusCode).toBe(200);
    await earn();
    expect(await balance()).toBe(before);
  });

  it('a 5-star order earns the bonus once; other ratings earn nothing', async () => {
    const [category] = await t.database.db.select().from(serviceCategories).limit(1);
    const order = (stars: number, i: number) => ({
      tenantId,
      number: `DPTEST${i}`,
      state: 'rated' as const,
      categoryCode: category?.code as string,
      title: `积分测试订单${i}`,
      regionCode: BEIMENWAI,
      handlerRegionCode: BEIMENWAI,
      address: '北门外社区',
      windowStart: new Date(),
      windowEnd: new Date(),
      contactName: '居民',
      channel: 'phone' as const,
      placedAt: new Date(),
      volunteerUserId: userId,
      stars,
      ratedAt: new Date(),
    });
    const before = await balance();
    const [five] = await t.database.db
      .insert(orders)
      .values([order(5, 1), order(4, 2)])
      .returning();
    await earn();
    await earn();
    expect(await balance()).toBe(before + 5);
    const rows = await t.database.db
      .select()
      .from(pointsEarnings)
      .where(and(eq(pointsEarnings.sourceType, 'order_rating'), eq(pointsEarnings.userId, userId)));
    expect(rows.map((r) => r.sourceId)).toEqual([five?.id]);
    const [tx] = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, `points.earn:order_rating:${five?.id}`));
    expect(tx?.kind).toBe('points.earn.rating');
  });

  it('corrected hours take the points back by a new entry; what was spent is owed and recovered later', async () => {
    const start = await balance();
    const r = await confirmed(120); // +20
    await earn();
    expect(await balance()).toBe(start + 20);
    await spend(start + 15); // leaves 5
    const asked = await volunteer.post(`/api/v1/service-records/${r.id}/corrections`, {
      minutes: 0,
      reason: '未实际到场',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const ok = await institute.post(`/api/v1/hours-corrections/${asked.json().id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    await earn();
    await earn();
    expect(await balance()).toBe(0);
    expect(await pointsOwed(t.database.db, tenantId, userId)).toBe(15);
    const me = (await volunteer.get('/api/v1/me/points')).json();
    expect(me).toMatchObject({ balance: 0, owed: 15 });
    expect(me.items[0]).toMatchObject({ kind: 'points.earn.hours.reversal', amount: -5, balanceAfter: 0 });
    // The original earning is still there, unchanged.
    expect(
      me.items.some((i: { kind: string; amount: number }) => i.kind === 'points.earn.hours' && i.amount === 20),
    ).toBe(true);
    // Later earnings pay the debt first.
    await confirmed(60); // +10
    await earn();
    expect(await balance()).toBe(0);
    expect(await pointsOwed(t.database.db, tenantId, userId)).toBe(5);
    await confirmed(90); // +15
    await earn();
    expect(await balance()).toBe(10);
    expect(await pointsOwed(t.database.db, tenantId, userId)).toBe(0);
    expect(await pointsAccountsSum(t.database.db, tenantId)).toBe(0);
  });
});

describe('manual awards and deductions', () => {
  it('need a reason and a second person with scope; concurrent approvals post once', async () => {
    const start = await balance();
    const noReason = await keeper.post('/api/v1/points/adjustments', { volunteerId, direction: 'award', points: 30 });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await foreignKeeper.post('/api/v1/points/adjustments', {
          volunteerId,
          direction: 'award',
          points: 30,
          reason: '越权',
        })
      ).statusCode,
    ).toBe(404);
    const key = { 'idempotency-key': `award-${Date.now()}` };
    const asked = await keeper.post(
      '/api/v1/points/adjustments',
      { volunteerId, direction: 'award', points: 30, reason: '社区清洁积极分子' },
      key,
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    const again = await keeper.post(
      '/api/v1/points/adjustments',
      { volunteerId, direction: 'award', points: 30, reason: '社区清洁积极分子' },
      key,
    );
    expect(again.json().id).toBe(id);
    expect(asked.json()).toMatchObject({ amount: 30, state: 'pending', can: { decide: false } });
    expect(await balance()).toBe(start);

    const self = await keeper.post(`/api/v1/points/adjustments/${id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('POINTS_ADJUSTMENT_SELF_APPROVAL');
    expect((await foreignKeeper.post(`/api/v1/points/adjustments/${id}/approve`, {})).statusCode).toBe(404);
    const foreignList = (await foreignKeeper.get('/api/v1/points/adjustments')).json().items;
    expect(foreignList.map((a: { id: string }) => a.id)).not.toContain(id);
    const list = (await institute.get('/api/v1/points/adjustments')).json().items;
    expect(list.find((a: { id: string }) => a.id === id)).toMatchObject({ can: { decide: true } });

    const results = await Promise.all([
      institute.post(`/api/v1/points/adjustments/${id}/approve`, {}),
      centre.post(`/api/v1/points/adjustments/${id}/approve`, {}),
      institute.post(`/api/v1/points/adjustments/${id}/reject`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    expect(await balance()).toBe(winner.state === 'approved' ? start + 30 : start);
    const posted = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, `points.adjust:${id}`));
    expect(posted).toHaveLength(winner.state === 'approved' ? 1 : 0);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['points.adjustment_requested', `points.adjustment_${winner.state}`].sort(),
    );
  });

  it('a deduction never takes the balance below zero: refused at the request and at the approval', async () => {
    const start = await balance();
    const tooMuch = await keeper.post('/api/v1/points/adjustments', {
      volunteerId,
      direction: 'deduct',
      points: start + 1,
      reason: '扣减测试',
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error).toMatchObject({ code: 'POINTS_DEDUCTION_EXCEEDS_BALANCE' });
    expect(tooMuch.json().error.details[0].field).toBe('body.points');
    const asked = await keeper.post('/api/v1/points/adjustments', {
      volunteerId,
      direction: 'deduct',
      points: start,
      reason: '重复领取，扣回',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await spend(1);
    const refused = await institute.post(`/api/v1/points/adjustments/${asked.json().id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('POINTS_DEDUCTION_EXCEEDS_BALANCE');
    expect(await balance()).toBe(start - 1);
    const still = (await institute.get('/api/v1/points/adjustments')).json().items;
    expect(still.find((a: { id: string }) => a.id === asked.json().id)?.state).toBe('pending');
    expect((await institute.post(`/api/v1/points/adjustments/${asked.json().id}/reject`, {})).statusCode).toBe(200);
  });
});

describe('summary', () => {
  it('staff see the totals of their scope only', async () => {
    const mine = (await keeper.get('/api/v1/points/summary')).json();
    expect(mine.issued).toBeGreaterThan(0);
    expect(mine.balance).toBeGreaterThanOrEqual(await balance());
    expect(mine.owed).toBe(0);
    const foreign = (await foreignKeeper.get('/api/v1/points/summary')).json();
    expect(foreign).toMatchObject({ issued: 0, balance: 0, volunteersWithPoints: 0 });
    expect((await volunteer.get('/api/v1/points/summary')).statusCode).toBe(403);
  });
});

describe('expiry', () => {
  it('expires unspent points older than the configured months, once per month, on the job clock', async () => {
    const start = await balance();
    expect(start).toBeGreaterThan(0);
    await centre.request({
      method: 'PUT',
      url: '/api/v1/points/settings',
      payload: { pointsPerHour: 10, activityCompletionPoints: 5, fiveStarBonusPoints: 5, expiryMonths: 24 },
    });
    // Recent points do not expire.
    expect(await expireTenantPoints(t.database.db, tenantId, 24, new Date(Date.now() + 32 * 86400_000))).toBe(0);
    expect(await balance()).toBe(start);
    await t.app.jobs.advance(26 * 31 * 86400_000);
    await t.app.jobs.send('points.expire');
    await t.app.jobs.runDue();
    expect(await balance()).toBe(0);
    const me = (await volunteer.get('/api/v1/me/points')).json();
    expect(me.items[0]).toMatchObject({ kind: 'points.expire', amount: -start, balanceAfter: 0 });
    const summary = (await keeper.get('/api/v1/points/summary')).json();
    expect(summary.expired).toBeGreaterThanOrEqual(start);
    // Earned again the same month: the month has run, nothing more expires.
    await confirmed(60);
    await earn();
    await t.app.jobs.send('points.expire');
    await t.app.jobs.runDue();
    expect(await balance()).toBe(10);
    const [{ n: expiries } = { n: 0 }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerTransactions)
      .where(
        and(eq(ledgerTransactions.kind, 'points.expire'), sql`idempotency_key like ${`points.expire:${userId}:%`}`),
      );
    expect(expiries).toBe(1);
    expect(await pointsAccountsSum(t.database.db, tenantId)).toBe(0);
  });
});
