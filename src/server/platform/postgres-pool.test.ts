/** The server outlives its PostgreSQL connections: ended connections are replaced, an absent database is a 503. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, databaseKind, demo, signIn, type TestContext } from '../../../test/server.js';

const onPostgres = databaseKind === 'postgres';
let t: TestContext;
let admin: import('pg').Client;
let name: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  const pg = (await import('pg')).default;
  const url = process.env.DATABASE_URL as string;
  admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  name = (await t.database.pool?.query<{ db: string }>('select current_database() as db'))?.rows[0]?.db as string;
});
afterAll(async () => {
  if (!onPostgres) return;
  await admin.query(`alter database ${name} allow_connections true`).catch(() => {});
  await admin.end();
  await t.close();
});

const terminateAll = () =>
  admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);

async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('PostgreSQL connections ended under the server', () => {
  it.skipIf(!onPostgres)(
    'keeps serving after pg_terminate_backend, says 503 while the database is away, and recovers (PostgreSQL only: PGlite runs inside the process and has no connections to end)',
    async () => {
      const volunteer = await signIn(t.app, demo.volunteer);
      const health = () => anonymous(t.app).get('/api/health');
      expect((await health()).statusCode).toBe(200);
      // Several idle connections in the pool, then all of them ended by the server.
      await Promise.all([volunteer.get('/api/v1/me'), volunteer.get('/api/v1/me'), health(), health()]);
      await terminateAll();
      expect(await eventually(async () => (await health()).statusCode === 200)).toBe(true);
      expect((await volunteer.get('/api/v1/me')).statusCode).toBe(200);

      await admin.query(`alter database ${name} allow_connections false`);
      await terminateAll();
      const down = await health();
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
      const me = await volunteer.get('/api/v1/me');
      expect(me.statusCode).toBe(503);
      expect(me.json().error.code).toBe('SERVICE_UNAVAILABLE');

      await admin.query(`alter database ${name} allow_connections true`);
      expect(await eventually(async () => (await health()).statusCode === 200)).toBe(true);
      expect((await volunteer.get('/api/v1/me')).json().phone).toBe(demo.volunteer);
    },
  );
});
