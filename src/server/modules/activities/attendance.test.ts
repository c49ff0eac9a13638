import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { users } from '../accounts/index.js';
import { serviceRecords } from '../hours/index.js';
import { organisations } from '../organisations/index.js';
import { signToken } from './checkin-code.js';
import { checkinKeyFor } from './checkin-key.js';
import { closeForgottenCheckouts } from './close-forgotten-checkouts.js';
import { activityAttendance, activitySessions } from './schema.js';

let t: TestContext;
let keeper: Client;
let volunteer: Client;
let foreignKeeper: Client;
let volunteerUserId: string;
let siteId: string;
let teamId: string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 大世界雷锋岗, and a point 5 km north of it. */
const AT_SITE = { lng: 122.1226, lat: 37.5118, accuracyM: 20 };
const FAR = { lng: 122.1226, lat: 37.5118 + 5000 / 111_320, accuracyM: 20 };

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  const other = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002002001' }] });
  foreignKeeper = await signIn(t.app, other.phone);
  const sites = (await keeper.get('/api/v1/public/sites/map')).json().items;
  siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
  const [team] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '鲸园蓝志愿服务队'));
  teamId = team?.id as string;
  const [me] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.volunteer));
  volunteerUserId = me?.id as string;
});
afterAll(() => t.close());

/**
 * A published one-off activity at 大世界雷锋岗 starting in 20 minutes (so sign-up is still open and
 * check-in already is), the demo volunteer signed up. `shift` then moves the occurrence's window
 * (as if time had passed) so that check-out finds served minutes.
 */
async function occurrence(title = `签到测试${Math.random().toString(36).slice(2, 8)}`) {
  const startsAt = new Date(Date.now() + 20 * MINUTE);
  const created = await keeper.post('/api/v1/activities', {
    title,
    categoryCode: 'environment',
    organisationId: teamId,
    series: '蓝色周六',
    siteId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    quota: 5,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = (await keeper.post(`/api/v1/activities/${created.json().id}/publish`)).json();
  const sessionId = published.sessions[0].id as string;
  const signed = await volunteer.post(`/api/v1/activity-sessions/${sessionId}/signups`);
  expect(signed.statusCode, signed.body).toBe(201);
  return { activityId: published.id as string, sessionId };
}

async function shift(sessionId: string, startsAt: Date, endsAt: Date) {
  await t.database.db.update(activitySessions).set({ startsAt, endsAt }).where(eq(activitySessions.id, sessionId));
}

async function screen(sessionId: string, by: Client = keeper) {
  const res = await by.get(`/api/v1/activity-sessions/${sessionId}/checkin-code`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; shortCode: string; checkedIn: number; checkedOut: number };
}

const attendanceRows = (sessionId: string) =>
  t.database.db.select().from(activityAttendance).where(eq(activityAttendance.sessionId, sessionId));

describe('check-in and check-out', () => {
  it('checks in with the short code on the screen and out with the QR token; the minutes served become a pending record', async () => {
    const { sessionId } = await occurrence();
    const code = await screen(sessionId);
    expect(code.shortCode).toMatch(/^\d{6}$/);
    const inRes = await volunteer.post('/api/v1/activity-checkins', { code: code.shortCode, position: AT_SITE });
    expect(inRes.statusCode, inRes.body).toBe(200);
    expect(inRes.json().attendance).toMatchObject({ checkInMethod: 'code', checkOutAt: null });
    expect(inRes.json().attendance.distanceM).toBeLessThan(50);

    // Ninety minutes later: the occurrence started an hour and a half ago.
    await shift(sessionId, new Date(Date.now() - 90 * MINUTE), new Date(Date.now() + 30 * MINUTE));
    const [row] = await attendanceRows(sessionId);
    await t.database.db
      .update(activityAttendance)
      .set({ checkInAt: new Date(Date.now() - 100 * MINUTE) })
      .where(eq(activityAttendance.id, row?.id as string));
    const out = await volunteer.post('/api/v1/activity-checkouts', {
      token: (await screen(sessionId)).token,
      position: AT_SITE,
    });
    expect(out.statusCode, out.body).toBe(200);
    // Checked in before the start: only the 90 minutes inside the window count.
    expect(out.json().attendance).toMatchObject({ checkOutMethod: 'qr', minutes: 90, autoClosed: false });
    const recordId = out.json().serviceRecordId;
    expect(recordId).toBeTruthy();

    const pending = (await keeper.get('/api/v1/service-records?status=pending&limit=100')).json().items;
    const record = pending.find((r: { id: string }) => r.id === recordId);
    expect(record).toMatchObject({
      minutes: 90,
      status: 'pending',
      source: { type: 'activity_attendance', id: row?.id },
      volunteer: { userId: volunteerUserId },
    });
    expect(record.content).toMatch(/^蓝色周六·签到测试/);
    expect((await screen(sessionId)).checkedOut).toBe(1);

    // Checking out again changes nothing and answers the same.
    const again = await volunteer.post('/api/v1/activity-checkouts', { sessionId, position: AT_SITE });
    expect(again.json().serviceRecordId).toBe(recordId);
    const records = await t.database.db
      .select()
      .from(serviceRecords)
      .where(and(eq(serviceRecords.sourceType, 'activity_attendance'), eq(serviceRecords.sourceId, row?.id as string)));
    expect(records).toHaveLength(1);
  });

  it('refuses a check-in 5 km away, an imprecise fix, an expired or forged code, and no seat, writing nothing', async () => {
    const { sessionId } = await occurrence();
    const { shortCode } = await screen(sessionId);
    const far = await volunteer.post('/api/v1/activity-checkins', { code: shortCode, position: FAR });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('CHECKIN_OUT_OF_RANGE');
    expect(far.json().error.message).toContain('约 5.0 公里');
    const vague = await volunteer.post('/api/v1/activity-checkins', {
      sessionId,
      position: { ...AT_SITE, accuracyM: 3000 },
    });
    expect(vague.json().error.code).toBe('CHECKIN_LOCATION_IMPRECISE');
    const old = signToken(checkinKeyFor(t.config), sessionId, new Date(Date.now() - 2 * MINUTE));
    const expired = await volunteer.post('/api/v1/activity-checkins', { token: old, position: AT_SITE });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    const forged = await volunteer.post('/api/v1/activity-checkins', {
      token: `${old.slice(0, -4)}AAAA`,
      position: AT_SITE,
    });
    expect(forged.json().error.code).toBe('CHECKIN_CODE_INVALID');
    const wrong = String((Number(shortCode) + 1) % 1_000_000).padStart(6, '0');
    expect(
      (await volunteer.post('/api/v1/activity-checkins', { code: wrong, position: AT_SITE })).json().error.code,
    ).toBe('CHECKIN_CODE_INVALID');
    const both = await volunteer.post('/api/v1/activity-checkins', { code: shortCode, sessionId, position: AT_SITE });
    expect(both.statusCode).toBe(400);
    // The keeper has no seat on it.
    const keeperIn = await keeper.post('/api/v1/activity-checkins', { sessionId, position: AT_SITE });
    expect(keeperIn.json().error.code).toBe('CHECKIN_NOT_SIGNED_UP');
    const noCheckIn = await volunteer.post('/api/v1/activity-checkouts', { sessionId, position: AT_SITE });
    expect(noCheckIn.json().error.code).toBe('CHECKOUT_WITHOUT_CHECKIN');
    expect(await attendanceRows(sessionId)).toHaveLength(0);
  });

  it('the same scan sent 20 times at once makes one check-in, and 20 check-outs one service record', async () => {
    const { sessionId } = await occurrence();
    const { token } = await screen(sessionId);
    const ins = await Promise.all(
      Array.from({ length: 20 }, () => volunteer.post('/api/v1/activity-checkins', { token, position: AT_SITE })),
    );
    expect(ins.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const rows = await attendanceRows(sessionId);
    expect(rows).toHaveLength(1);
    expect(new Set(ins.map((r) => r.json().attendance.checkInAt))).toEqual(new Set([rows[0]?.checkInAt.toISOString()]));

    await shift(sessionId, new Date(Date.now() - HOUR), new Date(Date.now() + HOUR));
    const outs = await Promise.all(
      Array.from({ length: 20 }, () => volunteer.post('/api/v1/activity-checkouts', { token, position: AT_SITE })),
    );
    expect(outs.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(outs.map((r) => r.json().serviceRecordId)).size).toBe(1);
    const records = await t.database.db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.sourceId, rows[0]?.id as string));
    expect(records).toHaveLength(1);
  });

  it('a leader checks a volunteer in by hand with an audited reason; another community’s keeper cannot', async () => {
    const { sessionId } = await occurrence();
    const body = { userId: volunteerUserId, reason: '手机没电，现场核实身份' };
    const foreign = await foreignKeeper.post(`/api/v1/activity-sessions/${sessionId}/attendance`, body);
    expect(foreign.statusCode).toBe(404);
    expect((await foreignKeeper.get(`/api/v1/activity-sessions/${sessionId}/checkin-code`)).statusCode).toBe(404);
    expect(await attendanceRows(sessionId)).toHaveLength(0);
    const noReason = await keeper.post(`/api/v1/activity-sessions/${sessionId}/attendance`, { ...body, reason: '' });
    expect(noReason.statusCode).toBe(400);

    const res = await keeper.post(`/api/v1/activity-sessions/${sessionId}/attendance`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attendance).toMatchObject({ checkInMethod: 'manual', manualReason: body.reason });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'activity.hand_check_in'),
          eq(auditLog.entityId, (await attendanceRows(sessionId))[0]?.id as string),
        ),
      );
    expect(audit?.detail).toMatchObject({ reason: body.reason, userId: volunteerUserId });
    const roster = (await keeper.get(`/api/v1/activity-sessions/${sessionId}/signups`)).json();
    expect(roster.items[0].attendance).toMatchObject({ checkInMethod: 'manual', manualReason: body.reason });
  });

  it('the closing job ends forgotten check-outs at the occurrence end, flagged, with a pending record, once', async () => {
    const { sessionId } = await occurrence();
    const checkedIn = await volunteer.post('/api/v1/activity-checkins', { sessionId, position: AT_SITE });
    expect(checkedIn.json().attendance.checkInMethod).toBe('location');
    const [row] = await attendanceRows(sessionId);
    const end = new Date(Date.now() - 10 * MINUTE);
    await shift(sessionId, new Date(end.getTime() - 2 * HOUR), end);
    await t.database.db
      .update(activityAttendance)
      .set({ checkInAt: new Date(end.getTime() - 75 * MINUTE) })
      .where(eq(activityAttendance.id, row?.id as string));

    expect(await closeForgottenCheckouts(t.database.db, new Date())).toBeGreaterThanOrEqual(1);
    const [closed] = await attendanceRows(sessionId);
    expect(closed).toMatchObject({ autoClosed: true, checkOutMethod: 'auto', minutes: 75 });
    expect(closed?.checkOutAt?.toISOString()).toBe(end.toISOString());
    const [record] = await t.database.db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.sourceId, row?.id as string));
    expect(record).toMatchObject({ minutes: 75, status: 'pending', recordedBy: null });
    const [session] = await t.database.db.select().from(activitySessions).where(eq(activitySessions.id, sessionId));
    expect(session?.closedAt).not.toBeNull();
    // Nothing left to close; the roster shows the flag.
    expect(await closeForgottenCheckouts(t.database.db, new Date())).toBe(0);
    const roster = (await keeper.get(`/api/v1/activity-sessions/${sessionId}/signups`)).json();
    expect(roster.items[0].attendance.autoClosed).toBe(true);
    // A retried check-in answers with the attendance as it stands; nobody is checked in after closing.
    const late = await volunteer.post('/api/v1/activity-checkins', { sessionId, position: AT_SITE });
    expect(late.json().attendance.autoClosed).toBe(true);
    const hand = await keeper.post(`/api/v1/activity-sessions/${sessionId}/attendance`, {
      userId: volunteerUserId,
      reason: '补签',
    });
    expect(hand.json().error.code).toBe('CHECKIN_NOT_OPEN');
  });
});
