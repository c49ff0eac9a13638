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
