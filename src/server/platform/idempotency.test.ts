import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Client, createTestDatabase, demo, signIn, testConfig } from '../../../test/server.js';
import { buildApp } from '../app.js';
import type { Database } from './db.js';
import { runHousekeeping } from './housekeeping.js';
import { idempotencyKeys } from './idempotency-schema.js';

let app: FastifyInstance;
let database: Database;
let calls = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/test/credits',
    {
      config: { idempotent: true, idempotencyRequired: true },
      schema: { body: z.object({ amount: z.number().int() }) },
    },
    async (req, reply) => {
      calls++;
      if (req.body.amount < 0) return reply.status(400).send({ error: { code: 'NEGATIVE' } });
      if (req.body.amount === 500) throw new Error('boom');
      return { credited: req.body.amount, call: calls };
    },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const credit = (client: Client, key: string | undefined, amount: number) =>
  client.post('/api/v1/test/credits', { amount }, key ? { 'idempotency-key': key } : {});

describe('Idempotency-Key', () => {
  it('runs a retried write once and replays its answer', async () => {
    const client = await signIn(app, demo.volunteer);
    const before = calls;
    const first = await credit(client, 'key-000001', 10);
    const retry = await credit(client, 'key-000001', 10);
    expect(first.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(calls - before).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    const client = await signIn(app, demo.volunteer);
    await credit(client, 'key-000002', 10);
    const res = await credit(client, 'key-000002', 11);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps keys per user', async () => {
    const a = await signIn(app, demo.volunteer);
    const b = await signIn(app, demo.resident);
    const before = calls;
    await credit(a, 'key-000003', 5);
    const other = await credit(b, 'key-000003', 5);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(calls - before).toBe(2);
  });

  it('replays a refusal, but lets a server error be retried', async () => {
    const client = await signIn(app, demo.volunteer);
    const before = calls;
    expect((await credit(client, 'key-000004', -1)).statusCode).toBe(400);
    expect((await credit(client, 'key-000004', -1)).headers['idempotent-replayed']).toBe('true');
    expect((await credit(client, 'key-000005', 500)).statusCode).toBe(500);
    expect((await credit(client, 'key-000005', 500)).statusCode).toBe(500);
    expect(calls - before).toBe(3);
  });

  it('requires a well-formed key where the route says so', async () => {
    const client = await signIn(app, demo.volunteer);
    const missing = await credit(client, undefined, 1);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('headers.idempotency-key');
    expect((await credit(client, 'short', 1)).statusCode).toBe(400);
  });
});

describe('housekeeping', () => {
  it('removes day-old idempotency keys and nothing newer, then runs the tasks modules handed it', async () => {
    const client = await signIn(app, demo.judge);
    await credit(client, 'key-000099', 1);
    const keysBefore = await database.db.select().from(idempotencyKeys);
    await database.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 25 * 3600_000) })
      .where(eq(idempotencyKeys.key, keysBefore[0]?.key as string));
    const ran: unknown[] = [];
    await runHousekeeping(database.db, [async (db) => void ran.push(db)]);
    expect(await database.db.select().from(idempotencyKeys)).toHaveLength(keysBefore.length - 1);
    expect(ran).toEqual([database.db]);
  });

  it('runs hourly as a durable job', async () => {
    const client = await signIn(app, demo.judge);
    await credit(client, 'key-000100', 1);
    expect((await database.db.select().from(idempotencyKeys)).length).toBeGreaterThan(0);
    await database.db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 25 * 3600_000) });
    await app.jobs.send('platform.housekeeping');
    expect(await app.jobs.runDue()).toBe(1);
    expect(await database.db.select().from(idempotencyKeys)).toHaveLength(0);
  });
});
