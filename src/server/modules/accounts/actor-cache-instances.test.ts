/**
 * The actor cache across two app instances on one PostgreSQL, each in its own process (the cache
 * lives per process): a sign-out, a password change or a new role on instance A reaches the cache of
 * instance B within moments, not after ACTOR_CACHE_SECONDS (60 s).
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { type AppProcess, startAppProcess } from '../../../../test/instances.js';
import { createTestPostgresDatabase, databaseKind, demo, signIn, testConfig } from '../../../../test/server.js';
import { buildApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/seed-demo.js';
import { connectPostgres, type Database } from '../../platform/db.js';
import { sessions, users } from './schema.js';

/** Polls until `read` answers `want` (or 10 s pass); answers the last value read. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (value !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

describe.skipIf(databaseKind !== 'postgres')('the actor cache across two instances', () => {
  let database: Database;
  let a: FastifyInstance;
  let b: AppProcess;
  beforeAll(async () => {
    const url = await createTestPostgresDatabase(process.env.DATABASE_URL as string);
    database = connectPostgres(url, 4);
    a = await buildApp({ config: testConfig(), database, logger: false, jobs: { start: false } });
    await a.ready();
    b = await startAppProcess(url);
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.close();
    await database?.close();
  });

  const onB = (cookie: string) => fetch(`${b.url}/api/v1/me`, { headers: { cookie } });
  const statusOnB = async (cookie: string) => (await onB(cookie)).status;

  it('really caches on B: a session deleted behind the applications’ backs still works there', async () => {
    const client = await signIn(a, demo.judge);
    expect(await statusOnB(client.cookieHeader())).toBe(200);
    const [judge] = await database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.judge));
    await database.db.delete(sessions).where(eq(sessions.userId, judge?.id as string));
    // No instance announced anything, so B answers from its cache (for up to ACTOR_CACHE_SECONDS).
    await new Promise((r) => setTimeout(r, 500));
    expect(await statusOnB(client.cookieHeader())).toBe(200);
  });

  it('ends on B a session signed out on A', async () => {
    const client = await signIn(a, demo.orgAdmin);
    const cookie = client.cookieHeader();
    expect(await statusOnB(cookie)).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(await eventually(() => statusOnB(cookie), 401)).toBe(401);
  });

  it('ends on B the other sessions of a user whose password changed on A', async () => {
    const here = await signIn(a, demo.centreAdmin);
    const elsewhere = await signIn(a, demo.centreAdmin);
    expect(await statusOnB(elsewhere.cookieHeader())).toBe(200);
    const res = await here.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Another-pass-2026',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await eventually(() => statusOnB(elsewhere.cookieHeader()), 401)).toBe(401);
  });

  it('shows on B a role granted on A', async () => {
    const resident = await signIn(a, demo.resident);
    const roles = async () =>
      ((await (await onB(resident.cookieHeader())).json()) as { roles: { role: string }[] }).roles
        .map((r) => r.role)
        .includes('volunteer');
    expect(await roles()).toBe(false);
    const res = await resident.post('/api/v1/me/volunteer', {
      name: '王大爷',
      idNumber: idNumber('19500505', 111),
      regionCode: '371002002005',
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await eventually(roles, true)).toBe(true);
  });
});
