/**
 * Durable jobs across a restart with two app instances on one PostgreSQL: what one instance queued
 * (a job for later, a text message in the outbox) runs after the restart exactly once between the
 * two instances that then share the work.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestPostgresDatabase, databaseKind, demo, testConfig } from '../../../test/server.js';
import { type BuildAppOptions, buildApp } from '../app.js';
import { connectPostgres, type Database } from './db.js';
import { demoSmsMessages, outboxMessages } from './outbox/schema.js';

interface Instance {
  app: FastifyInstance;
  database: Database;
  /** The ids of the `test.count` jobs this instance ran. */
  ran: number[];
}

async function startInstance(url: string, jobs: BuildAppOptions['jobs']): Promise<Instance> {
  const database = connectPostgres(url, 4);
  const app = await buildApp({ config: testConfig(), database, logger: false, jobs });
  const ran: number[] = [];
  app.jobs.define<{ id: number }>({
    name: 'test.count',
    async run(data) {
      ran.push(data.id);
    },
  });
  await app.ready();
  return { app, database, ran };
}

async function stop(instance: Instance | undefined) {
  await instance?.app.close();
  await instance?.database.close();
}

describe.skipIf(databaseKind !== 'postgres')('jobs across a restart, two app instances on one PostgreSQL', () => {
  let url: string;
  let before: Instance | undefined;
  let a: Instance | undefined;
  let b: Instance | undefined;
  beforeAll(async () => {
    url = await createTestPostgresDatabase(process.env.DATABASE_URL as string);
  });
  afterAll(async () => {
    await Promise.all([stop(before), stop(a), stop(b)]);
  });

  it('runs each job queued before the restart exactly once when its time comes', async () => {
    // Before the restart: one instance that queues but does not work.
    before = await startInstance(url, { work: false });
    const later = new Date(before.app.jobs.now().getTime() + 3600_000);
    for (let id = 1; id <= 20; id++) await before.app.jobs.send('test.count', { id }, { startAfter: later });
    await anonymous(before.app).post('/api/v1/auth/password-reset', { phone: demo.resident });
    await stop(before);
    before = undefined;

    // After it: two working instances on the same database.
    [a, b] = await Promise.all([
      startInstance(url, { work: true, pollingIntervalSeconds: 0.5 }),
      startInstance(url, { work: true, pollingIntervalSeconds: 0.5 }),
    ]);
    const db = a.database.db;
    const sms = () =>
      db
        .select()
        .from(demoSmsMessages)
        .where(
          and(eq(demoSmsMessages.tenantId, testConfig().DEFAULT_TENANT), eq(demoSmsMessages.phone, demo.resident)),
        );
    // The text message was due at once: one of the two delivers it.
    const smsDeadline = Date.now() + 30_000;
    while ((await sms()).length === 0 && Date.now() < smsDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(await a.app.jobs.counts('test.count')).toEqual({ created: 20 });

    await a.app.jobs.advance(3600_000 + 1000);
    const deadline = Date.now() + 30_000;
    while ((await a.app.jobs.counts('test.count')).completed !== 20 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const ids = [...a.ran, ...b.ran].sort((x, y) => x - y);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await sms()).toHaveLength(1);
    const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, demo.resident));
    expect(message).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
