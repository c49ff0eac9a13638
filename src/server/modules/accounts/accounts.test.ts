import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { DEMO_PASSWORD } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';
import { runHousekeeping } from '../../platform/housekeeping.js';
import { actorCache } from './actor-cache.js';
import { loginAttempts, sessions, users } from './schema.js';
import { deleteExpiredSessions } from './sessions.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with phone and password and tells who is signed in, with role places and scope', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const me = (await keeper.get('/api/v1/me')).json();
    expect(me.displayName).toBe('北门外社区专管员');
    expect(me.roles).toEqual([
      {
        role: 'station_keeper',
        region: { code: '371002002005', name: '北门外社区', level: 'community' },
        organisation: null,
      },
    ]);
    expect(me.scope.map((r: { code: string }) => r.code)).toEqual(['371002002005']);
  });

  it("tells the tenant's time zone, read from the tenant (the web shows every time in it)", async () => {
    const keeper = await signIn(t.app, demo.keeper);
    expect((await keeper.get('/api/v1/me')).json().timeZone).toBe('Asia/Shanghai');
    await t.database.db.execute(sql`update tenants set timezone = 'Asia/Urumqi'`);
    try {
      expect((await keeper.get('/api/v1/me')).json().timeZone).toBe('Asia/Urumqi');
    } finally {
      await t.database.db.execute(sql`update tenants set timezone = 'Asia/Shanghai'`);
    }
  });

  it('keeps the session in an httpOnly SameSite cookie and stores only a hash of it', async () => {
    const res = await anonymous(t.app).post('/api/v1/auth/login', { phone: demo.volunteer, password: DEMO_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'lf_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const token = cookie?.value.split('.')[1] as string;
    const stored = await t.database.db.select().from(sessions);
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.map((s) => s.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('answers a wrong password and an unknown phone alike, in Chinese and English', async () => {
    const wrong = await anonymous(t.app).post('/api/v1/auth/login', { phone: demo.resident, password: 'nope-12345' });
    const unknown = await anonymous(t.app).post('/api/v1/auth/login', { phone: '13999999999', password: 'nope-12345' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '手机号或密码不正确' });
  });

  it('rejects a malformed phone with the field path and changes nothing', async () => {
    const before = await t.database.db.select().from(loginAttempts);
    const res = await anonymous(t.app).post('/api/v1/auth/login', { phone: '12345', password: 'x' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual({
      field: 'body.phone',
      message: '请输入11位手机号',
      messageEn: 'Enter an 11-digit mobile number',
    });
    expect(await t.database.db.select().from(loginAttempts)).toHaveLength(before.length);
  });

  it('locks a phone after repeated failures, even for the right password', async () => {
    const client = anonymous(t.app);
    for (let i = 0; i < 3; i++) {
      const res = await client.post('/api/v1/auth/login', { phone: demo.judge, password: `wrong-${i}-pass` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await client.post('/api/v1/auth/login', { phone: demo.judge, password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
  });

  it('refuses writes without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: demo.resident, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('never sends a stack trace', async () => {
    const res = await anonymous(t.app).request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"phone": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('sign-out and password change', () => {
  it('ends the session on logout', async () => {
    const client = await signIn(t.app, demo.orgAdmin);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('housekeeping removes expired sessions and keeps live ones', async () => {
    const stale = await signIn(t.app, demo.keeper);
    const [keeper] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.keeper));
    const ofKeeper = eq(sessions.userId, keeper?.id as string);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(ofKeeper);
    // The expiry was moved by hand: the in-process actor cache still holds the one it read.
    actorCache.invalidateUser(keeper?.id as string);
    const live = await signIn(t.app, demo.keeper);
    await runHousekeeping(t.database.db, [deleteExpiredSessions]);
    expect((await stale.get('/api/v1/me')).statusCode).toBe(401);
    expect((await live.get('/api/v1/me')).statusCode).toBe(200);
    expect(await t.database.db.select().from(sessions).where(ofKeeper)).toHaveLength(1);
  });

  it('changes the password, ends other sessions, keeps this one, and audits it', async () => {
    const here = await signIn(t.app, demo.instituteAdmin);
    const elsewhere = await signIn(t.app, demo.instituteAdmin);
    const weak = await here.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('body.newPassword');
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'bad', newPassword: 'NewPass2026' });
    expect(wrong.json().error.details[0].field).toBe('body.currentPassword');

    const ok = await here.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'NewPass2026' });
    expect(ok.statusCode).toBe(200);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    await expect(signIn(t.app, demo.instituteAdmin)).rejects.toThrow(/401/);
    await signIn(t.app, demo.instituteAdmin, 'NewPass2026');

    const me = (await here.get('/api/v1/me')).json();
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'password.change'), eq(auditLog.actorId, me.id)));
    expect(rows).toHaveLength(1);
  });

  it('rejects a disabled account', async () => {
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.phone, demo.resident));
    await expect(signIn(t.app, demo.resident)).rejects.toThrow(/401/);
  });
});

describe('sign-in rate limit per client address', () => {
  it('slows down a client that tries too often, whatever the phone', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '2' } });
    const client = anonymous(limited.app);
    const statuses: number[] = [];
    for (const phone of ['13900000001', '13900000002', '13900000003']) {
      statuses.push((await client.post('/api/v1/auth/login', { phone, password: 'whatever1' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
    const last = await client.post('/api/v1/auth/login', { phone: demo.keeper, password: DEMO_PASSWORD });
    expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    await limited.close();
  });
});
