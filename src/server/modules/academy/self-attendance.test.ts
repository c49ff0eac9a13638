/**
 * Training-session attendance by the activities' check-in mechanism: the session screen's rotating
 * QR token and the device inside the geofence. Check-out records training minutes, never service
 * hours or points; retries of one scan make one attendance.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite } from '../../../../test/academy.js';
import { auditLog } from '../../platform/audit-schema.js';
import { checkinKeyFor, signToken } from '../activities/index.js';
import { academyEnrolments, academySessions, academyTrainingRecords } from './schema.js';

const academy = academySuite();

const MINUTE = 60_000;
/** 北门外社区新时代文明实践站, and a point 5 km north of it. */
const POINT = { lng: 122.1205, lat: 37.5102, radiusM: 150 };
const AT_POINT = { lng: 122.1206, lat: 37.5103, accuracyM: 15 };
const FAR = { lng: 122.1205, lat: 37.5102 + 5000 / 111_320, accuracyM: 15 };

describe('training-session check-in with the screen code and the geofence', () => {
  it('refuses an expired code and a device 5 km away; 20 concurrent scans make one attendance; no hours, no points', async () => {
    const { t, keeper, foreignKeeper, volunteer, resident, makeCourse, makeSession, serviceAndLedgerRows } = academy();
    const course = await makeCourse({ title: '急救技能培训（签到）' });
    const session = await makeSession(course.id, 30, 10 * MINUTE, { checkinPoint: POINT });
    expect((await volunteer.get(`/api/v1/academy/courses/${course.id}`)).json().sessions[0].checkinPoint).toEqual(
      POINT,
    );
    const enrolled = await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`);
    expect(enrolled.statusCode, enrolled.body).toBe(201);

    // The screen: staff whose scope holds the session only.
    expect((await volunteer.get(`/api/v1/academy/sessions/${session.id}/checkin-code`)).statusCode).toBe(403);
    expect((await foreignKeeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`)).statusCode).toBe(404);
    const screen = await keeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`);
    expect(screen.statusCode, screen.body).toBe(200);
    const { token } = screen.json() as { token: string };

    // A code shown two minutes ago has expired; a forged one is invalid.
    const stale = signToken(checkinKeyFor(t.config), session.id, new Date(Date.now() - 2 * MINUTE));
    const expired = await volunteer.post('/api/v1/academy/checkins', { token: stale, position: AT_POINT });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    const forged = await volunteer.post('/api/v1/academy/checkins', { token: `${token}x`, position: AT_POINT });
    expect(forged.json().error.code).toBe('CHECKIN_CODE_INVALID');

    // Someone not enrolled in the session: refused, told to enrol first.
    const stranger = await resident.post('/api/v1/academy/checkins', { token, position: AT_POINT });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error).toMatchObject({ code: 'CHECKIN_NOT_SIGNED_UP' });
    expect(stranger.json().error.message).toContain('没有报名这个培训场次');
    expect(stranger.json().error.messageEn).toContain('not enrolled in this training session');

    // 5 km away: refused, with the distance.
    const far = await volunteer.post('/api/v1/academy/checkins', { token, position: FAR });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('CHECKIN_OUT_OF_RANGE');
    expect(far.json().error.message).toContain('5.0 公里');

    // No check-out before a check-in.
    const early = await volunteer.post('/api/v1/academy/checkouts', { token, position: AT_POINT });
    expect(early.json().error.code).toBe('CHECKOUT_WITHOUT_CHECKIN');

    // 20 concurrent retries of one scan: one check-in, every answer the same.
    const ins = await Promise.all(
      Array.from({ length: 20 }, () => volunteer.post('/api/v1/academy/checkins', { token, position: AT_POINT })),
    );
    expect(ins.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(ins.map((r) => r.json().checkedInAt)).size).toBe(1);
    expect(ins[0]?.json()).toMatchObject({ status: 'enrolled', checkedOutAt: null });

    // As if the session had run: it started three hours ago and the volunteer checked in then.
    const startedAt = new Date(Date.now() - 3 * 60 * MINUTE);
    await t.database.db
      .update(academySessions)
      .set({ startsAt: startedAt, endsAt: new Date(Date.now() + MINUTE) })
      .where(eq(academySessions.id, session.id));
    await t.database.db
      .update(academyEnrolments)
      .set({ checkedInAt: new Date(startedAt.getTime() - 5 * MINUTE) })
      .where(eq(academyEnrolments.sessionId, session.id));
    const fresh = (await keeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`)).json().token as string;

    const farOut = await volunteer.post('/api/v1/academy/checkouts', { token: fresh, position: FAR });
    expect(farOut.json().error.code).toBe('CHECKIN_OUT_OF_RANGE');

    const before = await serviceAndLedgerRows();
    const hoursBefore = (await volunteer.get('/api/v1/me/hours')).json();
    const pointsBefore = (await volunteer.get('/api/v1/me/points')).json();
    const outs = await Promise.all(
      Array.from({ length: 20 }, () =>
        volunteer.post('/api/v1/academy/checkouts', { token: fresh, position: AT_POINT }),
      ),
    );
    expect(outs.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    // The minutes present inside the window (3 hours), capped by the course's 180.
    expect(new Set(outs.map((r) => JSON.stringify([r.json().checkedOutAt, r.json().trainingMinutes])))).toEqual(
      new Set([JSON.stringify([outs[0]?.json().checkedOutAt, 180])]),
    );
    expect(outs[0]?.json().status).toBe('attended');

    const records = await t.database.db
      .select()
      .from(academyTrainingRecords)
      .where(eq(academyTrainingRecords.sessionId, session.id));
    expect(records.map((r) => r.minutes)).toEqual([180]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'academy.attendance.self'), eq(auditLog.entityId, session.id)));
    expect(audits).toHaveLength(1);
    expect(await serviceAndLedgerRows()).toEqual(before);
    expect((await volunteer.get('/api/v1/me/hours')).json()).toEqual(hoursBefore);
    expect((await volunteer.get('/api/v1/me/points')).json()).toEqual(pointsBefore);
    const mine = (await volunteer.get('/api/v1/me/academy')).json();
    expect(mine.totalMinutes).toBeGreaterThanOrEqual(180);

    // The keeper's marking stays the fallback and adds nothing for someone already attended.
    const enrolmentId = ins[0]?.json().enrolmentId as string;
    const marked = await keeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(marked.json().marked).toBe(0);
  });

  it('a session without a check-in point has no screen code: the keeper marks attendance', async () => {
    const { keeper, makeCourse, makeSession } = academy();
    const course = await makeCourse({ title: '心理疏导入门', qualificationCode: null, validMonths: null });
    const session = await makeSession(course.id);
    const res = await keeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ACADEMY_NO_CHECKIN_POINT');
  });
});
