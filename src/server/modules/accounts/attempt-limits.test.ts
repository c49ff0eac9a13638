/**
 * Guess limits under concurrency: a burst of simultaneous wrong guesses, each from another client
 * address so the per-address rate limit does not hide the per-phone and per-code limits, gets at
 * most the configured number of guesses evaluated; afterwards even the right answer is refused.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo } from '../../../../test/sms.js';
import { DEMO_PASSWORD } from '../../demo/seed-demo.js';
import { phoneChangeRequests } from '../volunteers/index.js';
import { loginAttempts, passwordResets, users } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '5', LOGIN_RATE_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

/** `count` POSTs at once, the i-th from address 198.51.100.<i> (or 2001:db8::<i>). */
async function burst(client: Client, count: number, url: string, payload: (i: number) => object) {
  await client.get('/api/v1/auth/csrf');
  const statuses = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      client
        .request({
          method: 'POST',
          url,
          payload: payload(i),
          remoteAddress: i < 250 ? `198.51.100.${i + 1}` : `2001:db8::${i.toString(16)}`,
        })
        .then((res) => res.statusCode),
    ),
  );
  return statuses;
}

async function lastCode(phone: string) {
  return (await lastCodeTo(t.app, phone)) as string;
}

const wrongCode = (code: string, i: number) => {
  const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
  return guess === code ? '999999' : guess;
};

describe('sign-in lockout under a burst of guesses', () => {
  it('evaluates at most LOGIN_MAX_FAILURES of 200 simultaneous wrong passwords, then refuses the right one', async () => {
    const statuses = await burst(anonymous(t.app), 200, '/api/v1/auth/login', (i) => ({
      phone: demo.judge,
      password: `wrong-guess-${i}`,
    }));
    const evaluated = await t.database.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.tenantId, '371002'), eq(loginAttempts.phone, demo.judge)));
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBe(evaluated.length);
    expect(statuses.filter((s) => s === 429).length).toBe(200 - evaluated.length);

    const right = await anonymous(t.app).post('/api/v1/auth/login', { phone: demo.judge, password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('LOGIN_LOCKED');
  });

  it('locks an unknown phone alike, so the lock does not tell who is registered', async () => {
    const statuses = await burst(anonymous(t.app), 50, '/api/v1/auth/login', (i) => ({
      phone: '13911112222',
      password: `wrong-guess-${i}`,
    }));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
  });

  it('still lets the owner in after fewer failures than the limit', async () => {
    const client = anonymous(t.app);
    for (let i = 0; i < 4; i++) {
      expect((await client.post('/api/v1/auth/login', { phone: demo.keeper, password: `nope-${i}` })).statusCode).toBe(
        401,
      );
    }
    await signIn(t.app, demo.keeper);
  });
});

describe('password-reset codes under a burst of guesses', () => {
  it('leaves the right code unusable after 100 simultaneous wrong codes', async () => {
    const request = await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.resident });
    expect(request.statusCode).toBe(200);
    const code = await lastCode(demo.resident);
    expect(code).toMatch(/^\d{6}$/);

    const statuses = await burst(anonymous(t.app), 100, '/api/v1/auth/password-reset/confirm', (i) => ({
      phone: demo.resident,
      code: wrongCode(code, i),
      newPassword: 'Guessed2026abc',
    }));
    expect(statuses.every((s) => s === 400)).toBe(true);
    const [reset] = await t.database.db.select().from(passwordResets).orderBy(desc(passwordResets.createdAt)).limit(1);
    expect(reset?.attempts).toBe(5);

    const right = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code,
      newPassword: 'Owner2026abc',
    });
    expect(right.statusCode).toBe(400);
    expect(right.json().error.details[0].field).toBe('body.code');
    await signIn(t.app, demo.resident, DEMO_PASSWORD);
  });
});

describe('phone-change codes under a burst of guesses', () => {
  it('leaves the right code unusable after 100 simultaneous wrong codes', async () => {
    const owner = await signIn(t.app, demo.volunteer);
    const request = await owner.post('/api/v1/me/volunteer/phone-change', { newPhone: '13900004001' });
    expect(request.statusCode, request.body).toBe(200);
    const { requestId } = request.json();
    const code = await lastCode('13900004001');

    const statuses = await burst(owner, 100, '/api/v1/me/volunteer/phone-change/confirm', (i) => ({
      requestId,
      code: wrongCode(code, i),
    }));
    expect(statuses.every((s) => s === 400)).toBe(true);
    const [row] = await t.database.db.select().from(phoneChangeRequests).where(eq(phoneChangeRequests.id, requestId));
    expect(row?.attempts).toBe(5);

    const right = await owner.post('/api/v1/me/volunteer/phone-change/confirm', { requestId, code });
    expect(right.statusCode).toBe(400);
    const [user] = await t.database.db
      .select({ phone: users.phone })
      .from(users)
      .where(eq(users.phone, demo.volunteer));
    expect(user?.phone).toBe(demo.volunteer);
  });
});
