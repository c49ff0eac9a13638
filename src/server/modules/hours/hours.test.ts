import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';
import { hoursEvents, recordService, serviceRecords } from './index.js';
import { confirmedMinutes } from './ledger-accounts.js';
import { hoursSettings } from './schema.js';

let t: TestContext;
let keeper: Client; // 北门外社区
let institute: Client; // 鲸园街道
let foreignKeeper: Client; // a keeper of 望岛社区 (竹岛街道)
let volunteer: Client;
let volunteerUserId: string;
const tenantId = '371002';
const BEIMENWAI = '371002002005';
const WANGDAO = '371002003006';
let n = 0;

async function pending(minutes: number, regionCode = BEIMENWAI) {
  n += 1;
  const { record } = await recordService(t.database.db, {
    tenantId,
    volunteerUserId,
    source: { type: 'activity_attendance', id: `hours-test-${n}` },
    regionCode,
    content: `蓝色周六·海滨清洁 第${n}次`,
    minutes,
    recordedBy: null,
  });
  return record;
}

const statusOf = async (id: string) =>
  (await t.database.db.select().from(serviceRecords).where(eq(serviceRecords.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  const foreign = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: WANGDAO }] });
  foreignKeeper = await signIn(t.app, foreign.phone);
  const v = await makeUser(t.database, { displayName: '周时长' });
  volunteerUserId = v.id;
  volunteer = await signIn(t.app, v.phone);
  // Small thresholds so that a few records reach a star: 1, 3, 6, 10, 15 hours.
  await t.database.db.insert(hoursSettings).values({ tenantId, starThresholdsHours: [1, 3, 6, 10, 15] });
});
afterAll(() => t.close());

describe('confirmation', () => {
  it('the organiser confirms in bulk; minutes become ledger entries, totals and the star level follow', async () => {
    const a = await pending(45);
    const b = await pending(30);
    const list = (await keeper.get('/api/v1/service-records?status=pending&limit=200')).json().items;
    const mine = list.filter((r: { id: string }) => [a.id, b.id].includes(r.id));
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ volunteer: { name: '周时长' }, status: 'pending', can: { confirm: true } });

    const before = (await volunteer.get('/api/v1/me/hours')).json();
    expect(before).toMatchObject({ pendingMinutes: 75, star: { level: 0, totalMinutes: 0, nextThresholdHours: 1 } });

    const res = await keeper.post('/api/v1/service-records/confirm', { ids: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmed.sort()).toEqual([a.id, b.id].sort());
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(75);

    const after = (await volunteer.get('/api/v1/me/hours')).json();
    expect(after).toMatchObject({ pendingMinutes: 0, confirmedRecords: 2, star: { level: 1, totalMinutes: 75 } });
    expect(after.star.minutesToNext).toBe(180 - 75);
    const inbox = (await volunteer.get('/api/v1/me/notifications')).json().items;
    const stars = inbox.filter((m: { kind: string }) => m.kind === 'hours.star_level');
    expect(stars.map((m: { title: string }) => m.title)).toEqual(['恭喜您成为1星级志愿者']);

    const events = await t.database.db
      .select()
      .from(hoursEvents)
      .where(inArray(hoursEvents.serviceRecordId, [a.id, b.id]));
    expect(events.map((e) => [e.kind, e.minutes]).sort()).toEqual([
      ['hours.confirmed', 30],
      ['hours.confirmed', 45],
    ]);

    // Confirming again changes nothing.
    const again = await keeper.post('/api/v1/service-records/confirm', { ids: [a.id] });
    expect(again.json()).toEqual({ confirmed: [], skipped: [{ id: a.id, reason: 'not_pending' }] });
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(75);
  });

  it('twenty concurrent confirmations of one record credit it once', async () => {
    const r = await pending(20);
    const before = await confirmedMinutes(t.database.db, tenantId, volunteerUserId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => keeper.post('/api/v1/service-records/confirm', { ids: [r.id] })),
    );
    expect(results.every((x) => x.statusCode === 200)).toBe(true);
    expect(results.filter((x) => x.json().confirmed.length === 1)).toHaveLength(1);
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(before + 20);
    const txs = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.sourceType, 'service_record'), eq(ledgerTransactions.sourceId, r.id)));
    expect(txs).toHaveLength(1);
  });

  it('another community’s keeper neither sees nor confirms them; the volunteer cannot confirm their own', async () => {
    const r = await pending(60);
    const seen = (await foreignKeeper.get('/api/v1/service-records?status=all&limit=200')).json().items;
    expect(seen.map((x: { id: string }) => x.id)).not.toContain(r.id);
    const tried = await foreignKeeper.post('/api/v1/service-records/confirm', { ids: [r.id] });
    expect(tried.json()).toEqual({ confirmed: [], skipped: [{ id: r.id, reason: 'not_found' }] });
    expect((await statusOf(r.id))?.status).toBe('pending');
    const self = await volunteer.post('/api/v1/service-records/confirm', { ids: [r.id] });
    expect(self.json()).toEqual({ confirmed: [], skipped: [{ id: r.id, reason: 'not_found' }] });
    expect((await statusOf(r.id))?.status).toBe('pending');
    // …while a record of 望岛 is theirs, and not the 北门外 keeper's.
    const there = await pending(15, WANGDAO);
    expect((await keeper.post('/api/v1/service-records/confirm', { ids: [there.id] })).json().confirmed).toEqual([]);
    expect((await foreignKeeper.post('/api/v1/service-records/confirm', { ids: [there.id] })).json().confirmed).toEqual(
      [there.id],
    );
  });
});

describe('corrections', () => {
  it('need a reason and another person; approval reverses the entry and posts a new one, the original stays', async () => {
    const r = await pending(120);
    await keeper.post('/api/v1/service-records/confirm', { ids: [r.id] });
    const original = await statusOf(r.id);
    const total = await confirmedMinutes(t.database.db, tenantId, volunteerUserId);

    const noReason = await volunteer.post(`/api/v1/service-records/${r.id}/corrections`, { minutes: 150, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const asked = await keeper.post(`/api/v1/service-records/${r.id}/corrections`, {
      minutes: 150,
      reason: '签退时手机没电，实际服务到11点半',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const correction = asked.json();
    expect(correction).toMatchObject({ state: 'pending', fromMinutes: 120, minutes: 150 });
    const twice = await volunteer.post(`/api/v1/service-records/${r.id}/corrections`, {
      minutes: 140,
      reason: '再申请',
    });
    expect(twice.json().error.code).toBe('CORRECTION_PENDING');

    // The requester cannot approve it; another community's keeper cannot see it.
    const self = await keeper.post(`/api/v1/hours-corrections/${correction.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('CORRECTION_SELF_APPROVAL');
    expect((await foreignKeeper.post(`/api/v1/hours-corrections/${correction.id}/approve`, {})).statusCode).toBe(404);
    const foreignList = (await foreignKeeper.get('/api/v1/hours-corrections')).json().items;
    expect(foreignList.map((c: { id: string }) => c.id)).not.toContain(correction.id);
    const ownList = (await institute.get('/api/v1/hours-corrections')).json().items;
    expect(ownList.map((c: { id: string }) => c.id)).toContain(correction.id);
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(total);

    const approved = await institute.post(`/api/v1/hours-corrections/${correction.id}/approve`, { note: '核实无误' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: { name: expect.any(String) } });
    const newId = approved.json().newRecordId;

    // The original record is kept with its minutes, marked corrected; the new one names it.
    const kept = await statusOf(r.id);
    expect(kept).toMatchObject({
      status: 'corrected',
      minutes: 120,
      ledgerTransactionId: original?.ledgerTransactionId,
    });
    expect(await statusOf(newId)).toMatchObject({ status: 'confirmed', minutes: 150, correctsId: r.id });
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(total + 30);

    // On the ledger: the original transaction, its reversal naming it, and a new posting naming it.
    const originalTx = original?.ledgerTransactionId as string;
    const [reversal] = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.reversesId, originalTx));
    expect(reversal?.kind).toBe('hours.confirm.reversal');
    const [stillThere] = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.id, originalTx));
    expect(stillThere?.kind).toBe('hours.confirm');
    const replacement = await statusOf(newId);
    const [posted] = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.id, replacement?.ledgerTransactionId as string));
    expect(posted?.data).toMatchObject({ corrects: originalTx, correction: correction.id });
    const entries = await t.database.db
      .select()
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.transactionId, [originalTx, reversal?.id as string, posted?.id as string]));
    expect(entries).toHaveLength(6);

    const events = await t.database.db
      .select({ kind: hoursEvents.kind, minutes: hoursEvents.minutes })
      .from(hoursEvents)
      .where(inArray(hoursEvents.serviceRecordId, [r.id, newId]))
      .orderBy(hoursEvents.id);
    expect(events).toEqual([
      { kind: 'hours.confirmed', minutes: 120 },
      { kind: 'hours.reversed', minutes: -120 },
      { kind: 'hours.confirmed', minutes: 150 },
    ]);

    // The volunteer sees both, the original as corrected.
    const mine = (await volunteer.get('/api/v1/me/service-records?limit=200')).json().items;
    expect(mine.find((x: { id: string }) => x.id === r.id).status).toBe('corrected');
    expect(mine.find((x: { id: string }) => x.id === newId)).toMatchObject({ status: 'confirmed', correctsId: r.id });
    // Deciding twice is refused.
    expect((await institute.post(`/api/v1/hours-corrections/${correction.id}/reject`, {})).statusCode).toBe(409);
  });

  it('a pending record cannot be corrected, and a rejected request changes nothing', async () => {
    const r = await pending(30);
    const early = await volunteer.post(`/api/v1/service-records/${r.id}/corrections`, {
      minutes: 40,
      reason: '多算了',
    });
    expect(early.json().error.code).toBe('HOURS_NOT_CONFIRMED');
    await keeper.post('/api/v1/service-records/confirm', { ids: [r.id] });
    const total = await confirmedMinutes(t.database.db, tenantId, volunteerUserId);
    const asked = (
      await volunteer.post(`/api/v1/service-records/${r.id}/corrections`, { minutes: 90, reason: '我记得是一个半小时' })
    ).json();
    const rejected = await keeper.post(`/api/v1/hours-corrections/${asked.id}/reject`, { note: '签到记录显示30分钟' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', newRecordId: null });
    expect((await statusOf(r.id))?.status).toBe('confirmed');
    expect(await confirmedMinutes(t.database.db, tenantId, volunteerUserId)).toBe(total);
  });
});
