import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestDatabase,
  createTestPostgresDatabase,
  databaseKind,
  type TestContext,
} from '../../../test/server.js';
import { connectPostgres, type Database } from './db.js';
import { databaseExecutor, JOBS_SCHEMA, Jobs } from './jobs.js';

const silent = {
  child: () => silent,
  error() {},
  warn() {},
  info() {},
  debug() {},
  trace() {},
  fatal() {},
  level: 'silent',
} as unknown as FastifyBaseLogger;

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A job runner with one `test.echo` job that records each run's id and attempt. */
function runner(db: Database, runs: Array<{ id: unknown; attempt: number }>, options = {}) {
  const jobs = new Jobs(db, { log: silent, ...options });
  jobs.define<{ id: number; fail?: boolean }>({
    name: 'test.echo',
    retryLimit: 2,
    retryDelaySeconds: 10,
    async run(data, ctx) {
      runs.push({ id: data.id, attempt: ctx.attempt });
      if (data.fail) throw new Error('provider down');
    },
  });
  return jobs;
}

describe('durable jobs', () => {
  it('runs a job scheduled before a restart after it, once, when its time comes', async () => {
    const runs: Array<{ id: unknown; attempt: number }> = [];
    const before = runner(database, runs);
    await before.start();
    for (let id = 1; id <= 5; id++) {
      await before.send('test.echo', { id }, { startAfter: new Date(before.now().getTime() + 3600_000) });
    }
    await before.stop();

    const after = runner(database, runs);
    await after.start();
    expect(await after.runDue()).toBe(0);
    await after.advance(3600_000 + 1000);
    expect(await after.runDue()).toBe(5);
    expect(await after.runDue()).toBe(0);
    expect(runs.map((r) => r.id).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await after.counts('test.echo')).completed).toBe(5);
    await after.stop();
  });

  it('retries a failing job with growing delays, then marks it failed', async () => {
    const runs: Array<{ id: unknown; attempt: number }> = [];
    const jobs = runner(database, runs);
    await jobs.start();
    await jobs.send('test.echo', { id: 99, fail: true });
    expect(await jobs.runDue()).toBe(1);
    // The first retry waits between 10 and 20 s: not due yet.
    expect(await jobs.runDue()).toBe(0);
    await jobs.advance(9_000);
    expect(await jobs.runDue()).toBe(0);
    await jobs.advance(11_500);
    expect(await jobs.runDue()).toBe(1);
    // The second waits between 20 and 40 s.
    await jobs.advance(19_000);
    expect(await jobs.runDue()).toBe(0);
    await jobs.advance(22_000);
    expect(await jobs.runDue()).toBe(1);
    await jobs.advance(3600_000);
    expect(await jobs.runDue()).toBe(0);
    expect(runs.filter((r) => r.id === 99).map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect((await jobs.counts('test.echo')).failed).toBe(1);
    await jobs.stop();
  });

  it('sends a job inside a transaction: it exists only if the transaction commits', async () => {
    const runs: Array<{ id: unknown; attempt: number }> = [];
    const jobs = runner(database, runs);
    await jobs.start();
    await expect(
      database.db.transaction(async (tx) => {
        await jobs.send('test.echo', { id: 'lost' }, { db: tx });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await database.db.transaction(async (tx) => {
      await jobs.send('test.echo', { id: 'kept' }, { db: tx });
    });
    await jobs.runDue();
    expect(runs.map((r) => r.id)).toContain('kept');
    expect(runs.map((r) => r.id)).not.toContain('lost');
    await jobs.stop();
  });
});

describe('the app’s job runner', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('schedules the hourly housekeeping by cron', async () => {
    const { rows } = await databaseExecutor(t.database).executeSql(`select name, cron from ${JOBS_SCHEMA}.schedule`);
    expect(rows).toContainEqual({ name: 'platform.housekeeping', cron: '17 * * * *' });
  });
});

describe.skipIf(databaseKind !== 'postgres')('two instances on one PostgreSQL', () => {
  it('run each job queued before a restart exactly once between them', async () => {
    const url = await createTestPostgresDatabase(process.env.DATABASE_URL as string);
    const first = connectPostgres(url, 2);
    const runsBefore: Array<{ id: unknown; attempt: number }> = [];
    const sender = runner(first, runsBefore);
    await sender.start();
    for (let id = 1; id <= 30; id++) {
      await sender.send('test.echo', { id }, { startAfter: new Date(sender.now().getTime() + 600_000) });
    }
    await sender.stop();
    await first.close();

    // The restart: two instances on the same database, both polling for work.
    const [a, b] = [connectPostgres(url, 3), connectPostgres(url, 3)];
    const runsA: Array<{ id: unknown; attempt: number }> = [];
    const runsB: Array<{ id: unknown; attempt: number }> = [];
    const jobsA = runner(a, runsA, { work: true, pollingIntervalSeconds: 0.5 });
    const jobsB = runner(b, runsB, { work: true, pollingIntervalSeconds: 0.5 });
    await Promise.all([jobsA.start(), jobsB.start()]);
    await jobsA.advance(600_000 + 1000);
    const deadline = Date.now() + 20_000;
    while ((await jobsA.counts('test.echo')).completed !== 30 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all([jobsA.stop(), jobsB.stop()]);
    const ids = [...runsA, ...runsB].map((r) => r.id as number).sort((x, y) => x - y);
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(runsBefore).toHaveLength(0);
    await Promise.all([a.close(), b.close()]);
  });
});
