/**
 * Fuzz every route: walk /api/openapi.json and send each operation requests that are malformed
 * by construction (wrong types, control characters, lone surrogates, strings past their limit,
 * look-alike digits, out-of-range and huge numbers, forged cursors, missing fields) while the
 * other inputs stay plausible and the path ids are real records, so the request reaches as deep
 * into the handler as its validation allows. Signed in as the centre admin (district-wide).
 *
 * Every answer must be a 4xx in the error shape. "Unchanged" means: the content of every table in
 * the schema is byte-for-byte the same after the operation's runs as before (no exclusions: rate
 * limits live in memory, sessions are only read, and a refused request writes no audit or
 * idempotency row). FUZZ_RUNS (default 20 per operation) and FUZZ_SEED reproduce or widen a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../server.js';
import { forgedCursors, type JsonSchema, malformed, malformedObject, plausible } from './arbitraries.js';
import { tableChecksums } from './checksums.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}
interface Request {
  method: string;
  url: string;
  payload?: unknown;
}

let t: TestContext;
let admin: Client;
let operations: Operation[];
/** Real record ids, by the path segment that names the collection. */
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, demo.centreAdmin);
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  operations = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content?.[
        'application/json'
      ]?.schema;
      operations.push({ method: method.toUpperCase(), path, parameters: (op.parameters as Parameter[]) ?? [], body });
    }
  }
  const site = (await admin.get('/api/v1/public/sites/map'))
    .json()
    .items.find((s: { name: string }) => s.name === '大世界雷锋岗');
  const book = (await admin.post(`/api/v1/sites/${site.id}/books`, { title: '模糊测试' })).json();
  const item = (await admin.get(`/api/v1/sites/${site.id}/self-help-items`)).json().items[0];
  const org = (await admin.get('/api/v1/organisations')).json().items[0];
  const volunteer = (await admin.get('/api/v1/volunteers?limit=1')).json().items[0];
  ids.set('sites', site.id);
  ids.set('books', book.id);
  ids.set('self-help-items', item.id);
  ids.set('organisations', org.id);
  ids.set('volunteers', volunteer.id);
  ids.set('members', volunteer.userId ?? volunteer.id);
  ids.set('staff', volunteer.userId ?? volunteer.id);
}, 120_000);
afterAll(() => t.close());

/** The collection a path parameter belongs to: the segment before it (`/sites/{id}` → sites). */
function realIdFor(path: string, name: string): string | undefined {
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return ids.get(segments[at - 1] ?? '');
}

/** encodeURIComponent, except that a lone surrogate travels as its (invalid) three UTF-8 bytes. */
function encode(value: unknown): string {
  return String(value).replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => {
    const cu = ch.charCodeAt(0);
    if (ch.length === 1 && cu >= 0xd800 && cu <= 0xdfff) {
      return [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(ch);
  });
}

function fill(path: string, values: Record<string, unknown>) {
  return path.replace(/\{(\w+)\}/g, (_, name) => encode(values[name]));
}

function query(values: Record<string, unknown>) {
  const parts = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Requests to the operation with exactly one input malformed. */
function malformedRequests(op: Operation): fc.Arbitrary<Request> | null {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const plausibleParam = (p: Parameter) => {
    const real = p.in === 'path' ? realIdFor(op.path, p.name) : undefined;
    return real ? fc.oneof(fc.constant(real), fc.uuid()) : plausible(p.schema);
  };
  const base = fc.record({
    path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, plausibleParam(p)]))),
    query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, plausibleParam(p)])), {
      requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
    }),
    body: op.body ? plausible(op.body) : fc.constant(undefined),
  });
  type Base = { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown };
  const targets: fc.Arbitrary<(b: Base) => Base>[] = [];
  for (const p of [...pathParams, ...queryParams]) {
    const bad = p.name === 'cursor' ? fc.oneof(forgedCursors, malformed(p.schema, true)) : malformed(p.schema, true);
    targets.push(bad.map((v) => (b: Base) => ({ ...b, [p.in]: { ...b[p.in as 'path' | 'query'], [p.name]: v } })));
  }
  for (const p of queryParams.filter((q) => q.required)) {
    targets.push(
      fc.constant((b: Base) => {
        const { [p.name]: _, ...rest } = b.query;
        return { ...b, query: rest };
      }),
    );
  }
  if (op.body) {
    const body = op.body;
    targets.push(malformedObject(body).map((v) => (b: Base) => ({ ...b, body: v })));
    targets.push(fc.constantFrom<unknown>([], 'x', 42, null).map((v) => (b: Base) => ({ ...b, body: v })));
  } else if (op.method !== 'GET' && op.method !== 'DELETE' && pathParams.length + queryParams.length === 0) {
    // Nothing declared to malform: an unexpected body with a control character in a key.
    targets.push(fc.constant((b: Base) => ({ ...b, body: { '\u0000': 1 } })));
  }
  if (targets.length === 0) return null;
  return fc.tuple(base, fc.oneof(...targets)).map(([b, spoil]) => {
    const r = spoil(b as Base);
    return { method: op.method, url: fill(op.path, r.path) + query(r.query), payload: r.body };
  });
}

const errorShape = expect.objectContaining({
  error: expect.objectContaining({
    code: expect.any(String),
    message: expect.any(String),
    messageEn: expect.any(String),
  }),
});

it('answers every malformed request to every operation with a 4xx in the error shape, changing nothing', async () => {
  const failures: string[] = [];
  const skipped: string[] = [];
  for (const op of operations) {
    const requests = malformedRequests(op);
    const name = `${op.method} ${op.path}`;
    if (!requests) {
      skipped.push(name);
      continue;
    }
    const before = await tableChecksums(t.database);
    const result = await fc.check(
      fc.asyncProperty(requests, async (req) => {
        const res = await admin.request({
          method: req.method,
          url: req.url,
          ...(req.payload !== undefined ? { payload: JSON.stringify(req.payload) } : {}),
          headers: { 'content-type': 'application/json' },
        });
        let body: unknown = null;
        try {
          body = res.json();
        } catch {}
        if (res.statusCode < 400 || res.statusCode >= 500) return false;
        expect(body).toEqual(errorShape);
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (result.failed) {
      const example = result.counterexample?.[0] as Request | undefined;
      const res = example
        ? await admin.request({
            method: example.method,
            url: example.url,
            ...(example.payload !== undefined ? { payload: JSON.stringify(example.payload) } : {}),
            headers: { 'content-type': 'application/json' },
          })
        : null;
      failures.push(
        `${name}: ${res?.statusCode} ${res?.body.slice(0, 200)} ← ${JSON.stringify(example).slice(0, 400)} (seed ${result.seed})`,
      );
    }
    const after = await tableChecksums(t.database);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length) failures.push(`${name}: changed ${changed.join(', ')}`);
  }
  expect(failures).toEqual([]);
  // Still signed in: no malformed request ended the session.
  expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  expect(skipped.length).toBeLessThan(operations.length / 4);
}, 900_000);
