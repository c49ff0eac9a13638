/**
 * A record that is not there is "not found", whatever the path holds: an id of the right shape
 * that names nothing, or one that could never name anything (`/sites/abc`). Every operation with
 * a path parameter in the OpenAPI document is tried, signed in as the centre admin.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from './server.js';

let t: TestContext;
let admin: Client;
let reads: { path: string; params: { name: string; schema: { format?: string } }[] }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, demo.centreAdmin);
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  reads = Object.entries<Record<string, { parameters?: { in: string; name: string; schema: object }[] }>>(doc.paths)
    // A certificate verification answers every number, with `unknown` for one never issued.
    .filter(([path, item]) => item.get && path.includes('{') && !path.endsWith('/content'))
    .filter(([path]) => path !== '/api/v1/public/certificates/{number}')
    .map(([path, item]) => ({
      path,
      params: (item.get?.parameters ?? []).filter((p) => p.in === 'path') as {
        name: string;
        schema: { format?: string };
      }[],
    }));
});
afterAll(() => t.close());

const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));

function expectNotFound(res: { statusCode: number; json(): unknown }, url: string) {
  expect({ url, status: res.statusCode, code: (res.json() as { error?: { code?: string } }).error?.code }).toEqual({
    url,
    status: 404,
    code: 'NOT_FOUND',
  });
}

it('answers an id that names nothing with 404 not found', async () => {
  expect(reads.length).toBeGreaterThan(5);
  for (const { path } of reads) {
    const url = fill(path, () => '00000000-0000-4000-8000-000000000000');
    expectNotFound(await admin.get(url), url);
  }
});

it('answers an id that could name nothing (not a uuid, too long, a word) with 404 not found, not a validation error', async () => {
  for (const { path } of reads) {
    for (const bad of ['abc', '12345', 'x'.repeat(80)]) {
      const url = fill(path, () => bad);
      expectNotFound(await admin.get(url), url);
    }
  }
  expectNotFound(await admin.get('/api/v1/public/sites/not-a-site'), 'public site');
});

/**
 * Every operation, not only reads: a change sent to `/orders/abc/cancel` is "not found" too. The
 * caller is one whose role the route accepts (a role refusal does not depend on the id), and the
 * body is empty: the path is checked before the body, so the answer never becomes a validation error.
 */
it('answers every operation with a malformed id in its path with 404 not found', async () => {
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  const callers = await Promise.all(
    [demo.centreAdmin, demo.keeper, demo.orgAdmin, demo.volunteer, demo.resident, demo.judge].map((p) =>
      signIn(t.app, p),
    ),
  );
  const failures: unknown[] = [];
  let probed = 0;
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
    if (!path.includes('{') || path === '/api/v1/public/certificates/{number}') continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (!item[method]) continue;
      // A PUT creates the record its path names (`PUT /service-categories/abc`), so only an
      // impossible name is not found there.
      for (const bad of method === 'put' ? ['x'.repeat(80)] : ['abc', 'x'.repeat(80)]) {
        const url = fill(path, () => bad);
        let res: Awaited<ReturnType<Client['request']>> | undefined;
        for (const caller of callers) {
          res = await caller.request({
            method,
            url,
            payload: method === 'get' || method === 'delete' ? undefined : {},
          });
          if (res.statusCode !== 403) break;
        }
        probed++;
        const code = res?.json().error?.code;
        if (res?.statusCode !== 404 || code !== 'NOT_FOUND')
          failures.push({ method, url: path, status: res?.statusCode, code });
      }
    }
  }
  expect(probed).toBeGreaterThan(100);
  expect(failures).toEqual([]);
});
