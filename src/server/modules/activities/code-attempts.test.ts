/** Wrong typed check-in codes are limited per volunteer and occurrence, atomically. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { CODE_ATTEMPTS } from './attendance.js';
import { activityAttendance, activityCodeAttempts } from './schema.js';

let t: TestContext;
let keeper: Client;
let volunteer: Client;
let siteId: string;
let teamId: string;
let volunteerUserId: string;

const MINUTE = 60_000;
const AT_SITE = { lng: 122.1226, lat: 37.5118, accuracyM: 20 };

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
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

async function occurrence() {
  const startsAt = new Date(Date.now() + 20 * MINUTE);
  const created = await keeper.post('/api/v1/activities', {
    title: `输码测试${Math.random().toString(36).slice(2, 8)}`,
    categoryCode: 'environment',
    organisationId: teamId,
    siteId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
    quota: 5,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = (await keeper.post(`/api/v1/activities/${created.json().id}/publish`)).json();
  const sessionId = published.sessions[0].id as string;
  expect((await volunteer.post(`/api/v1/activity-sessions/${sessionId}/signups`)).statusCode).toBe(201);
  const screen = (await keeper.get(`/api/v1/activity-sessions/${sessionId}/checkin-code`)).json();
  return { sessionId, shortCode: screen.shortCode as string, token: screen.token as string };
}

/** A six-digit code that is not the screen's. */
const wrong = (right: string, i: number) => {
  let n = (Number(right) + 1 + i * 7919) % 1_000_000;
  if (String(n).padStart(6, '0') === right) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
};

const failures = async (sessionId: string) => {
  const [row] = await t.database.db
    .select({ failures: activityCodeAttempts.failures })
    .from(activityCodeAttempts)
    .where(and(eq(activityCodeAttempts.sessionId, sessionId), eq(activityCodeAttempts.userId, volunteerUserId)));
  return row?.failures ?? 0;
};

describe('check-in code attempts', () => {
  it('says how many tries are left, gives a right code its attempt back, and locks after the limit', async () => {
    const { sessionId, shortCode, token } = await occurrence();
    const first = await volunteer.post('/api/v1/activity-checkins', { code: wrong(shortCode, 0), position: AT_SITE });
    expect(first.statusCode).toBe(403);
    expect(first.json().error).toMatchObject({ code: 'CHECKIN_CODE_INVALID' });
    expect(first.json().error.message).toContain(`还可输入${CODE_ATTEMPTS - 1}次`);
    expect(await failures(sessionId)).toBe(1);
    for (let i = 1; i < CODE_ATTEMPTS; i++) {
      const res = await volunteer.post('/api/v1/activity-checkins', { code: wrong(shortCode, i), position: AT_SITE });
      expect(res.json().error.code).toBe('CHECKIN_CODE_INVALID');
    }
    expect(await failures(sessionId)).toBe(CODE_ATTEMPTS);
    // Locked: even the right code is refused now, and nothing is written.
    const locked = await volunteer.post('/api/v1/activity-checkins', { code: shortCode, position: AT_SITE });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: 'CHECKIN_CODE_LOCKED',
      messageEn: expect.stringMatching(/QR|leader/),
    });
    expect(locked.json().error.message).toMatch(/二维码|队长/);
    expect(
      await t.database.db.select().from(activityAttendance).where(eq(activityAttendance.sessionId, sessionId)),
    ).toEqual([]);
    expect(await failures(sessionId)).toBe(CODE_ATTEMPTS);
    // The screen's QR code still works.
    const scanned = await volunteer.post('/api/v1/activity-checkins', { token, position: AT_SITE });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json().attendance.checkInMethod).toBe('qr');
  });

  it('a right code after a few wrong ones checks in and does not count against the limit', async () => {
    const { sessionId, shortCode } = await occurrence();
    for (let i = 0; i < 2; i++)
      await volunteer.post('/api/v1/activity-checkins', { code: wrong(shortCode, i), position: AT_SITE });
    const ok = await volunteer.post('/api/v1/activity-checkins', { code: shortCode, position: AT_SITE });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await failures(sessionId)).toBe(2);
  });

  it('30 concurrent wrong guesses take at most the limit, the rest are locked', async () => {
    const { sessionId, shortCode } = await occurrence();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        volunteer.post('/api/v1/activity-checkins', { code: wrong(shortCode, i), position: AT_SITE }),
      ),
    );
    const codes = answers.map((a) => a.json().error.code as string);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_INVALID')).toHaveLength(CODE_ATTEMPTS);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_LOCKED')).toHaveLength(30 - CODE_ATTEMPTS);
    expect(await failures(sessionId)).toBe(CODE_ATTEMPTS);
  });
});
