/**
 * Every order action in every state, for every caller (order-states.ts declares what each gets):
 * refusals answer exactly 401, 403, 404 or 409 with the matching code and change no table; each
 * allowed cell acts on a fresh order and moves it to the declared state.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tableChecksums } from '../fuzz/checksums.js';
import { createTestApp, type TestContext } from '../server.js';
import { actors, type Fixtures, makeFixtures, orderStateNames, type Who } from './fixtures.js';
import { expected, type OrderAction, orderActions } from './order-states.js';

let t: TestContext;
let fx: Fixtures;

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000', PHONE_LOOKUPS_PER_DAY: '100000' } });
  fx = await makeFixtures(t);
}, 300_000);
afterAll(() => t.close());

const send = (who: Who, action: OrderAction, orderId: string) =>
  fx.client(who).request({
    method: action.method,
    url: `/api/v1/orders/${orderId}${action.path}`,
    ...(action.method === 'POST' ? { payload: (action.body ?? {}) as object } : {}),
  });

const codeOf = (body: string) => {
  try {
    return JSON.parse(body)?.error?.code as string | undefined;
  } catch {
    return undefined;
  }
};

it('refuses every action in every state to everyone the table refuses, with the declared status, changing nothing', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const state of orderStateNames) {
    const orderId = await fx.newOrder(state);
    const before = await tableChecksums(t.database);
    for (const [name, action] of Object.entries(orderActions)) {
      for (const who of actors) {
        const want = expected(action, state, who);
        if (want.status === 200) continue;
        const res = await send(who, action, orderId);
        checked += 1;
        const code = codeOf(res.body);
        if (res.statusCode !== want.status || code !== want.code)
          failures.push(
            `${name} in ${state} as ${who}: want ${want.status} ${want.code}, got ${res.statusCode} ${code}`,
          );
      }
    }
    const after = await tableChecksums(t.database);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length) failures.push(`refusals in ${state} changed ${changed.join(', ')}`);
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(900);
}, 900_000);

it('lets exactly the callers the table allows take each action, each on a fresh order, to the declared state', async () => {
  const failures: string[] = [];
  let allowed = 0;
  for (const state of orderStateNames) {
    for (const [name, action] of Object.entries(orderActions)) {
      for (const who of actors) {
        if (expected(action, state, who).status !== 200) continue;
        const orderId = await fx.newOrder(state);
        const res = await send(who, action, orderId);
        allowed += 1;
        const got = res.statusCode === 200 ? (res.json() as { state?: string; id?: string; items?: unknown }) : null;
        const wantState = action.method === 'GET' ? undefined : action.to;
        if (!got)
          failures.push(`${name} in ${state} as ${who}: want 200, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        else if (wantState && got.state !== wantState)
          failures.push(`${name} in ${state} as ${who}: want state ${wantState}, got ${got.state}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(allowed).toBeGreaterThan(40);
}, 900_000);
