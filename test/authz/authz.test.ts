/**
 * Enforces the authorization matrix (matrix.ts) on every operation of /api/openapi.json: each caller
 * gets what its cell says, refusals change no table, and foreign staff never see community A's
 * records. An operation without a row, or a row without an operation, fails.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tableChecksums } from '../fuzz/checksums.js';
import { createTestApp, type TestContext } from '../server.js';
import { actors, type Fixtures, makeFixtures, type Who } from './fixtures.js';
import { matrix, type Outcome, type Request } from './matrix.js';

let t: TestContext;
let fx: Fixtures;
let operations: string[];

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000', PHONE_LOOKUPS_PER_DAY: '100000' } });
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  fx = await makeFixtures(t);
}, 300_000);
afterAll(() => t.close());

it('has a row for every operation in the OpenAPI document, and none for an operation that is gone', () => {
  expect(
    operations.filter((op) => !(op in matrix)),
    'add a row to test/authz/matrix.ts',
  ).toEqual([]);
  expect(Object.keys(matrix).filter((op) => !operations.includes(op))).toEqual([]);
});

interface Answer {
  statusCode: number;
  body: string;
}

function judge(outcome: Outcome, res: Answer, req: Request): string | null {
  const s = res.statusCode;
  let shaped = false;
  try {
    shaped = typeof JSON.parse(res.body)?.error?.code === 'string';
  } catch {}
  const refused = s >= 400 && s < 500 && s !== 429 && shaped;
  const shows = req.marker !== undefined && res.body.includes(req.marker);
  switch (outcome) {
    case 'ok':
      return s >= 200 && s < 300 ? null : 'expected a 2xx';
    case 'open':
      return s !== 401 && s !== 403 && s < 500 ? null : 'expected the handler to answer';
    case 'refused':
      return refused ? null : 'expected a refusal';
    case 'signIn':
      return s === 401 && shaped ? null : 'expected 401';
    case 'sees':
      if (req.marker === undefined) return 'row has no marker';
      return s === 200 && shows ? null : 'expected to see community A’s record';
    case 'unseen':
      if (req.marker === undefined) return 'row has no marker';
      return refused || (s === 200 && !shows) ? null : 'saw community A’s record';
  }
}

it('gives every caller what the matrix says, and refusals change nothing', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const [operation, row] of Object.entries(matrix)) {
    if (!operations.includes(operation)) continue;
    const method = operation.split(' ')[0] as string;
    const cells = actors
      .map((who) => ({ who, outcome: row.who[who] }))
      .filter((c): c is { who: Who; outcome: Outcome } => typeof c.outcome === 'string' && isOutcome(c.outcome));
    // Refusals first, between two checksums; then the callers that may act, each on a fresh request.
    const mayChange = (o: Outcome) => o === 'ok' || o === 'open' || o === 'sees';
    const refusals = cells.filter((c) => !mayChange(c.outcome));
    const grants = cells.filter((c) => mayChange(c.outcome));
    const prepared = [];
    for (const c of refusals) prepared.push({ ...c, req: await row.request(fx, c.who) });
    const before = await tableChecksums(t.database);
    for (const { who, outcome, req } of prepared) {
      const res = await send(who, method, req);
      checked += 1;
      const wrong = judge(outcome, res, req);
      if (process.env.AUTHZ_TRACE) console.log(`${operation} ${who} ${outcome} ${res.statusCode}`);
      if (wrong) failures.push(`${operation} as ${who}: ${wrong}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    const after = await tableChecksums(t.database);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length) failures.push(`${operation}: a refused caller changed ${changed.join(', ')}`);
    for (const { who, outcome } of grants) {
      const req = await row.request(fx, who);
      const res = await send(who, method, req);
      checked += 1;
      const wrong = judge(outcome, res, req);
      if (process.env.AUTHZ_TRACE) console.log(`${operation} ${who} ${outcome} ${res.statusCode}`);
      if (wrong) failures.push(`${operation} as ${who}: ${wrong}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(300);
}, 900_000);

function isOutcome(value: string): value is Outcome {
  return ['ok', 'open', 'refused', 'signIn', 'sees', 'unseen'].includes(value);
}

function send(who: Who, method: string, req: Request): Promise<Answer> {
  return fx.client(who).request({
    method,
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    headers: req.headers,
  });
}
