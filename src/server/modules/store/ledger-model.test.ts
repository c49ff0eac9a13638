/**
 * Model-based property test of the points ledger and the store over the real database: random
 * sequences of earning (hours confirmed, the earning job), corrections (hours reversed and
 * re-recorded), manual awards and deductions with a second approver, redemptions, cancellations,
 * pickups, unclaimed-redemption expiry and points expiry. A plain model predicts every balance,
 * debt, stock and redemption; after every step the database must agree with it, and:
 * the points accounts sum to zero, no account that may not go negative is, the held account equals
 * the open redemptions, stock is never negative, and earlier ledger entries never change.
 */
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { recordService } from '../hours/index.js';
import {
  expireTenantPoints,
  pointsAccountKeys,
  pointsAccountsSum,
  pointsBalance,
  pointsOwed,
  runPointsEarning,
} from '../points/index.js';
import { expireRedemptions } from './expire-redemptions.js';
import { storeGoods } from './schema.js';

const BEIMENWAI = '371002002005';
const MONTH = 31 * 24 * 3600_000;
const RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 6);

let t: TestContext;
let keeper: Client; // 北门外社区: asks for adjustments, hands goods over
let institute: Client; // 鲸园街道: approves adjustments and corrections
let tenantId: string;
let post: string; // 大世界雷锋岗
let serial = 0;
let expiryMonth = 0;

type Vol = {
  userId: string;
  volunteerId: string;
  client: Client;
  balance: number;
  owed: number;
  /** Confirmed records that may still be corrected, with the points their confirmation earns. */
  records: { id: string; points: number }[];
};
type Pending = { kind: 'confirm'; v: Vol; points: number } | { kind: 'reverse'; v: Vol; points: number };
type Redemption = { id: string; code: string; v: Vol; points: number; quantity: number; open: boolean };
type World = {
  vols: Vol[];
  goodsId: string;
  price: number;
  stock: number;
  pending: Pending[];
  redemptions: Redemption[];
};

const pointsFor = (minutes: number) => Math.floor((minutes * 10 * 2 + 60) / 120);

function credit(v: Vol, points: number) {
  if (points <= 0) return;
  v.balance += points;
  const recovered = Math.min(v.balance, v.owed);
  v.balance -= recovered;
  v.owed -= recovered;
}

function takeBack(v: Vol, points: number) {
  const taken = Math.min(v.balance, points);
  v.balance -= taken;
  v.owed += points - taken;
}

type Step =
  | { t: 'confirm'; v: number; minutes: number }
  | { t: 'earn' }
  | { t: 'correct'; v: number; r: number; minutes: number }
  | { t: 'award'; v: number; points: number }
  | { t: 'deduct'; v: number; points: number }
  | { t: 'redeem'; v: number; quantity: number }
  | { t: 'cancel'; r: number }
  | { t: 'fulfil'; r: number }
  | { t: 'expireRedemptions' }
  | { t: 'expirePoints' };

const VOLS = 2;
const vi = fc.nat({ max: VOLS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({ t: fc.constant('confirm' as const), v: vi, minutes: fc.integer({ min: 1, max: 240 }) }),
    weight: 4,
  },
  { arbitrary: fc.constant({ t: 'earn' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant('correct' as const),
      v: vi,
      r: fc.nat(),
      minutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ t: fc.constant('award' as const), v: vi, points: fc.integer({ min: 1, max: 60 }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant('deduct' as const), v: vi, points: fc.integer({ min: 1, max: 60 }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant('redeem' as const), v: vi, quantity: fc.integer({ min: 1, max: 3 }) }),
    weight: 4,
  },
  { arbitrary: fc.record({ t: fc.constant('cancel' as const), r: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('fulfil' as const), r: fc.nat() }), weight: 2 },
  { arbitrary: fc.constant({ t: 'expireRedemptions' as const }), weight: 1 },
  { arbitrary: fc.constant({ t: 'expirePoints' as const }), weight: 1 },
);

async function newWorld(price: number, stock: number): Promise<World> {
  const vols: Vol[] = [];
  for (let i = 0; i < VOLS; i++) {
    const user = await makeUser(t.database);
    const [profile] = await rows<{ id: string }>(
      sql`select id from volunteers where tenant_id = ${tenantId} and user_id = ${user.id}`,
    );
    vols.push({
      userId: user.id,
      volunteerId: profile?.id as string,
      client: await signIn(t.app, user.phone),
      balance: 0,
      owed: 0,
      records: [],
    });
  }
  serial += 1;
  const g = await keeper.post(`/api/v1/store/sites/${post}/goods`, {
    name: `模型物品${serial}`,
    pricePoints: price,
    stock,
  });
  expect(g.statusCode, g.body).toBe(201);
  return { vols, goodsId: g.json().id, price, stock, pending: [], redemptions: [] };
}

async function apply(w: World, s: Step) {
  const db = t.database.db;
  switch (s.t) {
    case 'confirm': {
      const v = w.vols[s.v] as Vol;
      serial += 1;
      const { record } = await recordService(db, {
        tenantId,
        volunteerUserId: v.userId,
        source: { type: 'order', id: `ledger-model-${serial}` },
        regionCode: BEIMENWAI,
        content: `模型服务${serial}`,
        minutes: s.minutes,
        recordedBy: null,
      });
      const res = await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
      expect(res.statusCode, res.body).toBe(200);
      v.records.push({ id: record.id, points: pointsFor(s.minutes) });
      w.pending.push({ kind: 'confirm', v, points: pointsFor(s.minutes) });
      return;
    }
    case 'earn': {
      await runPointsEarning(db);
      for (const p of w.pending) (p.kind === 'confirm' ? credit : takeBack)(p.v, p.points);
      w.pending = [];
      return;
    }
    case 'correct': {
      const v = w.vols[s.v] as Vol;
      if (v.records.length === 0) return;
      const [record] = v.records.splice(s.r % v.records.length, 1);
      if (!record) return;
      const asked = await v.client.post(`/api/v1/service-records/${record.id}/corrections`, {
        minutes: s.minutes,
        reason: '模型更正',
      });
      expect(asked.statusCode, asked.body).toBe(201);
      const ok = await institute.post(`/api/v1/hours-corrections/${asked.json().id}/approve`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      w.pending.push({ kind: 'reverse', v, points: record.points });
      w.pending.push({ kind: 'confirm', v, points: pointsFor(s.minutes) });
      return;
    }
    case 'award':
    case 'deduct': {
      const v = w.vols[s.v] as Vol;
      const asked = await keeper.post('/api/v1/points/adjustments', {
        volunteerId: v.volunteerId,
        direction: s.t,
        points: s.points,
        reason: '模型调整',
      });
      if (s.t === 'deduct' && v.balance < s.points) {
        expect(asked.statusCode, asked.body).toBe(409);
        return;
      }
      expect(asked.statusCode, asked.body).toBe(201);
      const ok = await institute.post(`/api/v1/points/adjustments/${asked.json().id}/approve`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      if (s.t === 'award') credit(v, s.points);
      else v.balance -= s.points;
      return;
    }
    case 'redeem': {
      const v = w.vols[s.v] as Vol;
      const cost = w.price * s.quantity;
      const res = await v.client.post(
        '/api/v1/store/redemptions',
        { goodsId: w.goodsId, quantity: s.quantity },
        { 'idempotency-key': `model-${serial}-${w.redemptions.length}-${Math.random()}` },
      );
      if (v.balance < cost || w.stock < s.quantity) {
        expect(res.statusCode, res.body).toBe(409);
        return;
      }
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      expect(r.balance).toBe(v.balance - cost);
      v.balance -= cost;
      w.stock -= s.quantity;
      w.redemptions.push({ id: r.id, code: r.pickupCode, v, points: cost, quantity: s.quantity, open: true });
      return;
    }
    case 'cancel': {
      const r = w.redemptions[s.r % Math.max(1, w.redemptions.length)];
      if (!r) return;
      const res = await r.v.client.post(`/api/v1/store/redemptions/${r.id}/cancel`);
      if (!r.open) {
        expect(res.statusCode, res.body).toBe(409);
        return;
      }
      expect(res.statusCode, res.body).toBe(200);
      r.open = false;
      r.v.balance += r.points;
      w.stock += r.quantity;
      return;
    }
    case 'fulfil': {
      // Only open codes: a closed one counts as a miss towards the keeper's lock-out.
      const open = w.redemptions.filter((r) => r.open);
      const r = open[s.r % Math.max(1, open.length)];
      if (!r) return;
      const res = await keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.code });
      expect(res.statusCode, res.body).toBe(200);
      r.open = false;
      return;
    }
    case 'expireRedemptions': {
      await expireRedemptions(db, new Date(Date.now() + 400 * 24 * 3600_000));
      for (const r of w.redemptions.filter((x) => x.open)) {
        r.open = false;
        r.v.balance += r.points;
        w.stock += r.quantity;
      }
      return;
    }
    case 'expirePoints': {
      // Each expiry is a later month (a month runs once); every credit so far is older than 24 months then.
      expiryMonth += 1;
      await expireTenantPoints(db, tenantId, 24, new Date(Date.now() + (26 + expiryMonth) * MONTH));
      for (const v of w.vols) v.balance = 0;
      return;
    }
  }
}

/** Raw SQL rows, alike on PGlite and PostgreSQL. */
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

type Snapshot = { maxId: number; digest: string; count: number };

async function entriesDigest(upTo: number | null): Promise<Snapshot> {
  const [row] = await rows<{ max_id: string | null; digest: string; n: string }>(sql`
    select max(id) as max_id, count(*) as n,
      md5(coalesce(string_agg(
        id || ':' || transaction_id || ':' || account_id || ':' || amount || ':' || balance_after || ':' || created_at,
        ',' order by id), '')) as digest
    from ledger_entries where tenant_id = ${tenantId} and (${upTo}::bigint is null or id <= ${upTo}::bigint)`);
  return { maxId: Number(row?.max_id ?? 0), digest: row?.digest ?? '', count: Number(row?.n ?? 0) };
}

async function checkInvariants(w: World, before: Snapshot): Promise<Snapshot> {
  const db = t.database.db;
  expect(await pointsAccountsSum(db, tenantId)).toBe(0);
  for (const v of w.vols) {
    expect(await pointsBalance(db, tenantId, v.userId)).toBe(v.balance);
    expect(await pointsOwed(db, tenantId, v.userId)).toBe(v.owed);
  }
  const [negative] = await rows<{ n: string }>(
    sql`select count(*) as n from ledger_accounts where tenant_id = ${tenantId} and not allow_negative and balance < 0`,
  );
  expect(Number(negative?.n)).toBe(0);
  const [held] = await rows<{ held: string | null; open: string | null }>(sql`
    select (select balance from ledger_accounts where tenant_id = ${tenantId} and key = ${pointsAccountKeys.held}) as held,
      (select sum(points) from store_redemptions where tenant_id = ${tenantId} and status = 'reserved') as open`);
  expect(Number(held?.held ?? 0)).toBe(Number(held?.open ?? 0));
  const [goods] = await db
    .select({ stock: storeGoods.stock })
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, tenantId), eq(storeGoods.id, w.goodsId)));
  expect(goods?.stock).toBe(w.stock);
  const [minStock] = await rows<{ n: string }>(
    sql`select count(*) as n from store_goods where tenant_id = ${tenantId} and stock < 0`,
  );
  expect(Number(minStock?.n)).toBe(0);
  // Append-only: the entries that existed before the step are still there, unchanged.
  const again = await entriesDigest(before.maxId);
  expect(again).toEqual(before);
  return entriesDigest(null);
}

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  const centre = await signIn(t.app, demo.centreAdmin);
  const stores: { id: string; name: string }[] = (await centre.get('/api/v1/store/sites')).json().items;
  post = stores.find((s) => s.name === '大世界雷锋岗')?.id as string;
  const [row] = await rows<{ tenant_id: string }>(sql`select tenant_id from users where phone = ${demo.keeper}`);
  tenantId = row?.tenant_id as string;
});
afterAll(() => t.close());

describe('points and store ledger model', () => {
  it('after every step of a random sequence the database agrees with the model and the invariants hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(step, { minLength: 5, maxLength: 30 }),
        async (price, stock, steps) => {
          const w = await newWorld(price, stock);
          let snapshot = await entriesDigest(null);
          for (const s of steps) {
            await apply(w, s);
            snapshot = await checkInvariants(w, snapshot);
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});

/**
 * The concurrent variant: each round prepares some work (hours confirmed, adjustments asked for),
 * then sends a batch of operations on the same two volunteers, their redemptions and one goods item
 * all at once — redeem (some twice with one idempotency key), cancel and hand over the same open
 * redemptions, approve an award twice, approve deductions, run the earning job. Which of them win
 * depends on timing, so the model follows the answers: every acknowledged operation must be in the
 * ledger exactly once, nothing else may be, and the invariants of the sequential test hold.
 */
type Op =
  | { t: 'redeem'; v: number; quantity: number; retry: boolean }
  | { t: 'cancel'; r: number }
  | { t: 'fulfil'; r: number }
  | { t: 'award'; v: number; points: number }
  | { t: 'deduct'; v: number; points: number }
  | { t: 'earn'; v: number; minutes: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('redeem' as const),
      v: vi,
      quantity: fc.integer({ min: 1, max: 2 }),
      retry: fc.boolean(),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ t: fc.constant('cancel' as const), r: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('fulfil' as const), r: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({ t: fc.constant('award' as const), v: vi, points: fc.integer({ min: 10, max: 80 }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ t: fc.constant('deduct' as const), v: vi, points: fc.integer({ min: 1, max: 40 }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant('earn' as const), v: vi, minutes: fc.integer({ min: 30, max: 240 }) }),
    weight: 2,
  },
);

const status = (res: { statusCode: number }) => res.statusCode;

/** How many ledger transactions of `kind` name `source` as their source. */
async function postings(kind: string, sourceType: string, sourceId: string) {
  const [row] = await rows<{ n: string }>(sql`
    select count(*) as n from ledger_transactions
    where tenant_id = ${tenantId} and kind = ${kind} and source_type = ${sourceType} and source_id = ${sourceId}`);
  return Number(row?.n);
}

async function runBatch(w: World, ops: Op[]) {
  const db = t.database.db;
  // Preparation, one at a time: the hours an `earn` credits, the adjustments the batch approves.
  const credits: { v: Vol; points: number }[] = [];
  const asked: { id: string; v: Vol; points: number }[] = [];
  for (const o of ops) {
    if (o.t === 'earn') {
      const v = w.vols[o.v] as Vol;
      serial += 1;
      const { record } = await recordService(db, {
        tenantId,
        volunteerUserId: v.userId,
        source: { type: 'order', id: `ledger-model-${serial}` },
        regionCode: BEIMENWAI,
        content: `并发模型服务${serial}`,
        minutes: o.minutes,
        recordedBy: null,
      });
      const res = await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
      expect(res.statusCode, res.body).toBe(200);
      credits.push({ v, points: pointsFor(o.minutes) });
    }
    if (o.t === 'award' || o.t === 'deduct') {
      const v = w.vols[o.v] as Vol;
      const res = await keeper.post('/api/v1/points/adjustments', {
        volunteerId: v.volunteerId,
        direction: o.t,
        points: o.points,
        reason: '并发模型调整',
      });
      if (o.t === 'deduct' && v.balance < o.points) {
        expect(res.statusCode, res.body).toBe(409);
        continue;
      }
      expect(res.statusCode, res.body).toBe(201);
      asked.push({ id: res.json().id, v, points: o.t === 'award' ? o.points : -o.points });
    }
  }
  const open = w.redemptions.filter((r) => r.open);
  const pick = (i: number) => open[i % Math.max(1, open.length)];
  let key = 0;

  // The batch, all at once.
  type Outcome = () => void;
  const outcomes: Promise<Outcome>[] = [];
  const cancelled = new Set<string>();
  const fulfilled = new Set<string>();
  for (const o of ops) {
    if (o.t === 'redeem') {
      const v = w.vols[o.v] as Vol;
      const k = `concurrent-${serial}-${++key}-${Math.random()}`;
      const send = () =>
        v.client.post(
          '/api/v1/store/redemptions',
          { goodsId: w.goodsId, quantity: o.quantity },
          { 'idempotency-key': k },
        );
      outcomes.push(
        Promise.all(o.retry ? [send(), send()] : [send()]).then((answers) => () => {
          for (const a of answers) expect([201, 409], a.body).toContain(status(a));
          const ids = new Set(answers.filter((a) => status(a) === 201).map((a) => a.json().id as string));
          expect(ids.size).toBeLessThanOrEqual(1); // one key, one redemption
          const [acked] = answers.filter((a) => status(a) === 201);
          if (!acked) return;
          const r = acked.json();
          const cost = w.price * o.quantity;
          v.balance -= cost;
          w.stock -= o.quantity;
          w.redemptions.push({ id: r.id, code: r.pickupCode, v, points: cost, quantity: o.quantity, open: true });
        }),
      );
    }
    if (o.t === 'cancel') {
      const r = pick(o.r);
      if (!r) continue;
      outcomes.push(
        r.v.client.post(`/api/v1/store/redemptions/${r.id}/cancel`).then((res) => () => {
          expect([200, 409], res.body).toContain(status(res));
          if (status(res) !== 200) return;
          expect(r.open, `${r.id} closed twice`).toBe(true);
          r.open = false;
          cancelled.add(r.id);
          r.v.balance += r.points;
          w.stock += r.quantity;
        }),
      );
    }
    if (o.t === 'fulfil') {
      const r = pick(o.r);
      if (!r) continue;
      outcomes.push(
        keeper.post(`/api/v1/store/sites/${post}/pickups`, { code: r.code }).then((res) => () => {
          // 404: the code was closed before the keeper looked it up; 409: closed while handing over.
          expect([200, 404, 409], res.body).toContain(status(res));
          if (status(res) !== 200) return;
          expect(r.open, `${r.id} closed twice`).toBe(true);
          r.open = false;
          fulfilled.add(r.id);
        }),
      );
    }
    if (o.t === 'earn') outcomes.push(runPointsEarning(db).then(() => () => undefined));
  }
  for (const a of asked) {
    // Awards are approved twice at once: one approval posts, the other finds it decided.
    const times = a.points > 0 ? 2 : 1;
    const approvals = Array.from({ length: times }, () =>
      institute.post(`/api/v1/points/adjustments/${a.id}/approve`, {}),
    );
    outcomes.push(
      Promise.all(approvals).then((answers) => async () => {
        const ok = answers.filter((x) => status(x) === 200);
        for (const x of answers) expect([200, 409], x.body).toContain(status(x));
        if (a.points > 0) expect(ok).toHaveLength(1);
        expect(
          await postings(a.points > 0 ? 'points.adjust.award' : 'points.adjust.deduct', 'points_adjustment', a.id),
        ).toBe(ok.length > 0 ? 1 : 0);
        if (ok.length > 0) a.v.balance += a.points;
      }),
    );
  }
  // Apply the answers in the order the batch was sent; a sum does not depend on it.
  for (const outcome of await Promise.all(outcomes)) await outcome();

  // Whatever the job did during the batch, one more run credits every confirmation exactly once.
  await runPointsEarning(db);
  for (const c of credits) c.v.balance += c.points;

  for (const r of w.redemptions) {
    expect(await postings('points.redeem.hold', 'store_redemption', r.id)).toBe(1);
  }
  for (const id of cancelled) expect(await postings('points.redeem.cancel', 'store_redemption', id)).toBe(1);
  for (const id of fulfilled) expect(await postings('points.redeem.settle', 'store_redemption', id)).toBe(1);
  const [redemptionRows] = await rows<{ n: string }>(
    sql`select count(*) as n from store_redemptions where tenant_id = ${tenantId} and goods_id = ${w.goodsId}`,
  );
  expect(Number(redemptionRows?.n)).toBe(w.redemptions.length);
  // A closed code counts as the keeper's miss; the lock-out is not what this test is about.
  await t.database.db.execute(sql`delete from store_code_failures where tenant_id = ${tenantId}`);
}

describe('points and store ledger model, concurrently', () => {
  it('batches of simultaneous operations: each acknowledged one posted once, balances and stock as answered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.array(op, { minLength: 2, maxLength: 8 }), { minLength: 2, maxLength: 6 }),
        async (price, stock, batches) => {
          const w = await newWorld(price, stock);
          let snapshot = await entriesDigest(null);
          for (const ops of batches) {
            await runBatch(w, ops);
            snapshot = await checkInvariants(w, snapshot);
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
