/** Staff refuse a pending service record with a reason: never counted, the volunteer told, audited. */

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { textLimits } from '../../../shared/text-limits.js';
import { auditLog } from '../../platform/audit-schema.js';
import { ledgerTransactions } from '../../platform/ledger-schema.js';
import { hoursEvents, recordService, serviceRecords } from './index.js';

let t: TestContext;
let keeper: Client; // 北门外社区
let foreignKeeper: Client; // 望岛社区
let volunteer: Client;
let volunteerUserId: string;
let n = 0;

async function pending(minutes = 60) {
  n += 1;
  const { record } = await recordService(t.database.db, {
    tenantId: '371002',
    volunteerUserId,
    source: { type: 'manual', id: `reject-test-${n}` },
    regionCode: '371002002005',
    content: `助老陪伴 第${n}次`,
    minutes,
  });
  return record;
}
const row = async (id: string) =>
  (await t.database.db.select().from(serviceRecords).where(eq(serviceRecords.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  const foreign = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002003006' }] });
  foreignKeeper = await signIn(t.app, foreign.phone);
  const v = await makeUser(t.database, { displayName: '吴驳回' });
  volunteerUserId = v.id;
  volunteer = await signIn(t.app, v.phone);
});
afterAll(() => t.close());

describe('rejecting a pending service record', () => {
  it('moves it to rejected with the reason, writes no ledger entry and no hours event, tells the volunteer, audits', async () => {
    const record = await pending(75);
    const res = await keeper.post(`/api/v1/service-records/${record.id}/reject`, {
      reason: '当天未到岗，签到记录有误',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: record.id,
      status: 'rejected',
      rejectReason: '当天未到岗，签到记录有误',
      can: { confirm: false, reject: false, correct: false },
    });
    expect(await row(record.id)).toMatchObject({ status: 'rejected', ledgerTransactionId: null });
    expect(await t.database.db.select().from(hoursEvents).where(eq(hoursEvents.serviceRecordId, record.id))).toEqual(
      [],
    );
    expect(
      await t.database.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.sourceId, record.id)),
    ).toEqual([]);
    const told = (
      (await t.database.db.execute(
        sql`select body from notifications where user_id = ${volunteerUserId} and kind = 'hours.rejected'`,
      )) as unknown as { rows: { body: string }[] }
    ).rows;
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain('当天未到岗');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hours.reject'), eq(auditLog.entityId, record.id)));
    expect(audited).toHaveLength(1);
    // The volunteer sees it refused, with the reason; the total stays 0.
    const mine = (await volunteer.get('/api/v1/me/service-records?status=all')).json().items;
    expect(mine.find((r: { id: string }) => r.id === record.id)).toMatchObject({
      status: 'rejected',
      rejectReason: '当天未到岗，签到记录有误',
    });
    expect((await volunteer.get('/api/v1/me/hours')).json().star.totalMinutes).toBe(0);
    // Decided once: a second refusal and a confirmation find it no longer pending.
    const again = await keeper.post(`/api/v1/service-records/${record.id}/reject`, { reason: '重复驳回' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HOURS_NOT_PENDING');
    const confirm = await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
    expect(confirm.json().skipped).toEqual([{ id: record.id, reason: 'not_pending' }]);
  });

  it('refuses a missing reason, another community, a volunteer and a confirmed record, changing nothing', async () => {
    const record = await pending();
    for (const reason of ['', ' ', '好', 'x'.repeat(textLimits.hoursRejectReason + 1)]) {
      const res = await keeper.post(`/api/v1/service-records/${record.id}/reject`, { reason });
      expect(res.statusCode, reason).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.reason');
    }
    const missing = await keeper.post(`/api/v1/service-records/${record.id}/reject`, {});
    expect(missing.statusCode).toBe(400);
    const foreign = await foreignKeeper.post(`/api/v1/service-records/${record.id}/reject`, { reason: '不是我管的' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    // Leaders may refuse too now, so a volunteer is let in, and finds no record of theirs to refuse.
    const self = await volunteer.post(`/api/v1/service-records/${record.id}/reject`, { reason: '自己驳回' });
    expect(self.statusCode).toBe(404);
    expect(await row(record.id)).toMatchObject({ status: 'pending', rejectReason: null, rejectedBy: null });

    const confirmed = await pending();
    await keeper.post('/api/v1/service-records/confirm', { ids: [confirmed.id] });
    const late = await keeper.post(`/api/v1/service-records/${confirmed.id}/reject`, { reason: '确认后再驳回' });
    expect(late.json().error.code).toBe('HOURS_NOT_PENDING');
    expect(await row(confirmed.id)).toMatchObject({ status: 'confirmed', rejectReason: null });
  });

  it('a refusal racing a confirmation: exactly one wins', async () => {
    for (let i = 0; i < 3; i++) {
      const record = await pending(30);
      const [rejected, confirmed] = await Promise.all([
        keeper.post(`/api/v1/service-records/${record.id}/reject`, { reason: '并发驳回' }),
        keeper.post('/api/v1/service-records/confirm', { ids: [record.id] }),
      ]);
      const rejectWon = rejected.statusCode === 200;
      const confirmWon = confirmed.json().confirmed?.includes(record.id) === true;
      expect(rejectWon !== confirmWon).toBe(true);
      const events = await t.database.db.select().from(hoursEvents).where(eq(hoursEvents.serviceRecordId, record.id));
      expect(events).toHaveLength(confirmWon ? 1 : 0);
      expect((await row(record.id))?.status).toBe(confirmWon ? 'confirmed' : 'rejected');
    }
  });
});
