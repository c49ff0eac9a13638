/**
 * The hot read paths' database round trips, counted: a statement added to one of them (an N+1
 * lookup, a session read the actor cache should have answered) fails here instead of quietly
 * halving the path's throughput. Counted on PGlite, where every statement passes one client.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { wrapPglite } from '../src/server/platform/db.js';
import { anonymous, type Client, databaseKind, demo, signIn, testConfig } from './server.js';

const statements: string[] = [];
let counting = false;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  if (databaseKind !== 'pglite') return;
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) });
  // Counted outside the product's own wrapping (repeated statements prepared by name).
  const database = wrapPglite(client);
  const query = client.query.bind(client);
  client.query = ((sql: string, ...rest: Parameters<typeof query> extends [unknown, ...infer R] ? R : never) => {
    if (counting) statements.push(sql);
    return query(sql, ...rest);
  }) as typeof client.query;
  app = await buildApp({ config: testConfig(), database, web: false, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

/** Statements of one request, after a first one has warmed the caches (actor, settings). */
async function roundTrips(who: Client, path: string): Promise<string[]> {
  expect((await who.get(path)).statusCode).toBe(200);
  statements.length = 0;
  counting = true;
  const res = await who.get(path);
  counting = false;
  expect(res.statusCode).toBe(200);
  return [...statements];
}

describe.skipIf(databaseKind !== 'pglite')('hot read paths', () => {
  it('answer the health check, the public and scoped site lists, /me and the volunteer page in one statement each', async () => {
    const institute = await signIn(app, demo.instituteAdmin);
    expect(await roundTrips(anonymous(app), '/api/health')).toHaveLength(1);
    expect(await roundTrips(anonymous(app), '/api/v1/public/sites?limit=20')).toHaveLength(1);
    expect(await roundTrips(institute, '/api/v1/me')).toHaveLength(1);
    expect(await roundTrips(institute, '/api/v1/sites?limit=20')).toHaveLength(1);
    expect(await roundTrips(await signIn(app, demo.keeper), '/api/v1/volunteers?limit=20')).toHaveLength(1);
  });

  it('page a resident’s orders in three statements: the page, the viewer’s facts, the page’s names', async () => {
    const resident = await signIn(app, demo.resident);
    for (const day of [1, 2]) {
      const start = new Date(Date.UTC(2027, 0, day, 1));
      const placed = await resident.post('/api/v1/orders', {
        categoryCode: 'health',
        title: `量血压 ${day}`,
        regionCode: '371002002005',
        address: '北门外社区 1 号楼',
        windowStart: start.toISOString(),
        windowEnd: new Date(start.getTime() + 3600_000).toISOString(),
      });
      expect(placed.statusCode, placed.body).toBe(201);
    }
    expect(await roundTrips(resident, '/api/v1/orders/mine?limit=1')).toHaveLength(3);
    const first = (await resident.get('/api/v1/orders/mine?limit=1')).json();
    // The names are read: the category's and the community's, not their codes.
    expect(first.items[0]).toMatchObject({ categoryCode: 'health', regionCode: '371002002005' });
    expect(first.items[0].categoryName).not.toBe('health');
    expect(first.items[0].regionName).not.toBe('371002002005');
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(await roundTrips(resident, `/api/v1/orders/mine?limit=1&cursor=${first.nextCursor}`)).toHaveLength(3);
  });

  it('read the session from the actor cache, not from the database, once signed in', async () => {
    const sent = await roundTrips(await signIn(app, demo.volunteer), '/api/v1/me');
    expect(sent.join('\n')).not.toMatch(/from "sessions"/);
  });
});
