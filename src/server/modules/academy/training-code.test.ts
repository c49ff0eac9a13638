/**
 * The typed 6-digit code under a training session's QR code: it checks in and out like the QR token
 * (same geofence), only for a session the volunteer is enrolled in, and a few wrong codes lock the
 * typed way (the QR code still works). The code is the activities' code, not a copy.
 */
import { describe, expect, it } from 'vitest';
import { academySuite } from '../../../../test/academy.js';
import { checkinKeyFor, shortCode } from '../activities/index.js';

const academy = academySuite();

const MINUTE = 60_000;
const POINT = { lng: 122.1205, lat: 37.5102, radiusM: 150 };
const AT_POINT = { lng: 122.1206, lat: 37.5103, accuracyM: 15 };
const FAR = { lng: 122.1205, lat: 37.5102 + 5000 / 111_320, accuracyM: 15 };

describe('training check-in with the typed short code', () => {
  it('checks in and out with the code on the screen; a wrong code says how many tries are left, then locks', async () => {
    const { t, keeper, volunteer, resident, makeCourse, makeSession } = academy();
    const course = await makeCourse({ title: '急救技能培训（签到码）' });
    const session = await makeSession(course.id, 30, 10 * MINUTE, { checkinPoint: POINT });
    expect((await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(201);

    const screen = (await keeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`)).json();
    expect(screen.shortCode).toMatch(/^\d{6}$/);
    const code = () => shortCode(checkinKeyFor(t.config), session.id, new Date());
    // A code this session never showed in the last ten minutes.
    const shown = new Set(
      Array.from({ length: 70 }, (_, k) =>
        shortCode(checkinKeyFor(t.config), session.id, new Date(Date.now() - k * 10_000)),
      ),
    );
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((c) => !shown.has(c)) as string;

    // Bad input: not six digits, or both a token and a code.
    const short = await volunteer.post('/api/v1/academy/checkins', { code: '12345', position: AT_POINT });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ field: 'body.code', message: '请输入屏幕上的6位签到码' });
    const both = await volunteer.post('/api/v1/academy/checkins', {
      code: code(),
      token: screen.token,
      position: AT_POINT,
    });
    expect(both.statusCode).toBe(400);

    // Someone not enrolled: the code names nothing they may check in to.
    const stranger = await resident.post('/api/v1/academy/checkins', { code: code(), position: AT_POINT });
    expect(stranger.json().error.code).toBe('CHECKIN_CODE_INVALID');

    const miss = await volunteer.post('/api/v1/academy/checkins', { code: wrong, position: AT_POINT });
    expect(miss.statusCode).toBe(403);
    expect(miss.json().error.message).toContain('还可输入4次');
    expect(miss.json().error.messageEn).toContain('4 tries left');

    // The right code, but 5 km away: the geofence still holds.
    const far = await volunteer.post('/api/v1/academy/checkins', { code: code(), position: FAR });
    expect(far.json().error.code).toBe('CHECKIN_OUT_OF_RANGE');

    const checkedIn = await volunteer.post('/api/v1/academy/checkins', { code: screen.shortCode, position: AT_POINT });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    expect(checkedIn.json()).toMatchObject({ sessionId: session.id, status: 'enrolled', checkedOutAt: null });
    expect(checkedIn.json().checkedInAt).not.toBeNull();

    const checkedOut = await volunteer.post('/api/v1/academy/checkouts', { code: code(), position: AT_POINT });
    expect(checkedOut.statusCode, checkedOut.body).toBe(200);
    expect(checkedOut.json()).toMatchObject({ sessionId: session.id, status: 'attended' });

    // Five wrong codes in all: even the right one is refused now, the QR token still works.
    for (let left = 3; left >= 0; left--) {
      const again = await volunteer.post('/api/v1/academy/checkins', { code: wrong, position: AT_POINT });
      expect(again.json().error.message).toContain(`还可输入${left}次`);
    }
    const locked = await volunteer.post('/api/v1/academy/checkins', { code: code(), position: AT_POINT });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('CHECKIN_CODE_LOCKED');
    const token = (await keeper.get(`/api/v1/academy/sessions/${session.id}/checkin-code`)).json().token;
    const byQr = await volunteer.post('/api/v1/academy/checkins', { token, position: AT_POINT });
    expect(byQr.statusCode, byQr.body).toBe(200);
  });

  it('twenty wrong codes at once use up exactly the five tries; the rest, and then the right code, are locked', async () => {
    const { t, volunteer, makeCourse, makeSession } = academy();
    const course = await makeCourse({ title: '急救技能培训（并发猜码）' });
    const session = await makeSession(course.id, 30, 10 * MINUTE, { checkinPoint: POINT });
    expect((await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(201);
    const now = () => shortCode(checkinKeyFor(t.config), session.id, new Date());
    const shown = new Set(
      Array.from({ length: 70 }, (_, k) =>
        shortCode(checkinKeyFor(t.config), session.id, new Date(Date.now() - k * 10_000)),
      ),
    );
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((c) => !shown.has(c)) as string;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => volunteer.post('/api/v1/academy/checkins', { code: wrong, position: AT_POINT })),
    );
    const codes = answers.map((a) => a.json().error.code as string);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_LOCKED')).toHaveLength(15);
    const right = await volunteer.post('/api/v1/academy/checkins', { code: now(), position: AT_POINT });
    expect(right.json().error.code).toBe('CHECKIN_CODE_LOCKED');
  });
});
