/**
 * The compiled response writers on the real routes: every response schema of the app compiles, and
 * a production app (writers only) answers byte for byte what a test app (writers checked against
 * zod on every response) answers.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext, testConfig } from '../../../test/server.js';
import { buildApp } from '../app.js';
import { compiledResponses, zodOnlyResponses } from './serializer.js';

describe('compiled response serialisation', () => {
  let t: TestContext;
  let production: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    const config = testConfig({ NODE_ENV: 'production', SEED_DEMO: 'false' });
    production = await buildApp({ config, database: t.database, logger: false, jobs: { start: false } });
    await production.ready();
  });
  afterAll(async () => {
    await production?.close();
    await t?.close();
  });

  it('compiles a writer for every response schema of the API', () => {
    expect(compiledResponses.size).toBeGreaterThan(100);
    expect(compiledResponses).toContain('GET /api/v1/me 200');
    expect([...zodOnlyResponses]).toEqual([]);
  });

  it('answers the same bytes in production as under the zod check', async () => {
    const reads: [string, string | null][] = [
      ['/api/v1/public/sites?limit=20', null],
      ['/api/v1/public/regions', null],
      ['/api/v1/me', demo.instituteAdmin],
      ['/api/v1/sites?limit=20', demo.instituteAdmin],
      ['/api/v1/volunteers?limit=20', demo.keeper],
      ['/api/v1/orders/mine?limit=20', demo.resident],
      ['/api/v1/me', demo.volunteer],
      ['/api/v1/nope', null],
      ['/api/v1/sites?limit=0', demo.instituteAdmin],
    ];
    for (const [url, phone] of reads) {
      const checked = phone ? await signIn(t.app, phone) : null;
      const cookie = checked?.cookieHeader() ?? '';
      const a = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      const b = await production.inject({ method: 'GET', url, headers: { cookie } });
      expect(b.statusCode, url).toBe(a.statusCode);
      expect(b.body, url).toBe(a.body);
      expect(a.body.length, url).toBeGreaterThan(2);
    }
  });
});
