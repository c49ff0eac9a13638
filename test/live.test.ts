import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { notify } from '../src/server/modules/notifications/index.js';
import { connectPostgres, type Database } from '../src/server/platform/db.js';
import { openEvents } from './event-stream.js';
import { makeUser } from './people.js';
import { createTestApp, createTestPostgresDatabase, databaseKind, type TestContext, testConfig } from './server.js';

describe('live push to a signed-in user', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('streams a notification to its user when the transaction commits, and to no one else', async () => {
    const [person, other] = [await makeUser(t.database), await makeUser(t.database)];
    const mine = await openEvents(t.app, person.phone);
    const theirs = await openEvents(t.app, other.phone);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.rolled_back', title: '回滚' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.database.db.transaction((tx) =>
      notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.live', title: '实时' }),
    );
    await mine.waitFor('"kind":"test.live"');
    expect(mine.text()).toContain('event: notification');
    expect(mine.text()).not.toContain('test.rolled_back');
    expect(theirs.text()).not.toContain('test.live');
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('refuses a stream without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/events' })).statusCode).toBe(401);
  });
});

describe.skipIf(databaseKind !== 'postgres')('live push across two instances on one PostgreSQL', () => {
  let a: { app: FastifyInstance; database: Database };
  let b: { app: FastifyInstance; database: Database };
  let url: string;
  beforeAll(async () => {
    url = await createTestPostgresDatabase(process.env.DATABASE_URL as string);
    const start = async () => {
      const database = connectPostgres(url, 3);
      const app = await buildApp({ config: testConfig(), database, logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { app, database };
    };
    [a, b] = [await start(), await start()];
  });
  afterAll(async () => {
    for (const x of [a, b]) {
      await x?.app.close();
      await x?.database.close();
    }
  });

  it('delivers a notification written on instance A to a stream held by instance B, also after B’s listener is cut', async () => {
    const person = await makeUser(a.database);
    const stream = await openEvents(b.app, person.phone);
    await a.database.db.transaction((tx) =>
      notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.across', title: '跨实例' }),
    );
    await stream.waitFor('"kind":"test.across"');

    // Cut every listening connection to this test's database, as a database restart or failover
    // would; they come back by themselves.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL, user: 'postgres' });
    await admin.connect();
    const ours = `application_name = 'leifeng-pubsub' and datname = '${new URL(url).pathname.slice(1)}'`;
    const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where ${ours}`);
    expect(cut.rowCount).toBeGreaterThanOrEqual(1);
    const deadline = Date.now() + 10_000;
    let listening = 0;
    while (listening < (cut.rowCount ?? 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const { rows } = await admin.query(
        `select count(*)::int as n from pg_stat_activity where ${ours} and query like 'LISTEN%'`,
      );
      listening = rows[0].n;
    }
    await admin.end();
    await a.database.db.transaction((tx) =>
      notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.after_cut', title: '重连之后' }),
    );
    await stream.waitFor('"kind":"test.after_cut"');
    await stream.close();
  });
});
