import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEIMENWAI,
  checkInvariants,
  entriesDigest,
  lm,
  newWorld,
  pointsFor,
  RUNS,
  rows,
  startLedgerModel,
  type Vol,
  vi,
  type World,
} from '../../../../test/ledger-model.js';
import { recordService } from '../hours/index.js';
import { runPointsEarning } from '../points/index.js';

startLedgerModel();

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
    where tenant_id = ${lm.tenantId} and kind = ${kind} and source_type = ${sourceType} and source_id = ${sourceId}`);
  return Number(row?.n);
}

async function runBatch(w: World, ops: Op[]) {
  const db = lm.t.database.db;
  // Preparation, one at a time: the hours an `earn` credits, the adjustments the batch approves.
  const credits: { v: Vol; points: number }[] = [];
  const asked: { id: string; v: Vol; points: number }[] = [];
  for (const o of ops) {
    if (o.t === 'earn') {
      const v = w.vols[o.v] as Vol;
      lm.serial += 1;
      const { record } = await recordService(db, {
        tenantId: lm.tenantId,
        volunteerUserId: v.userId,
        source: { type: 'order', id: `ledger-model-${lm.serial}` },
        regionCode: BEIMENWAI,
        content: `并发模型服务${lm.serial}`,
        minutes: o.minutes,
        recordedBy: null,
      });
      const res = await lm.keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
      expect(res.statusCode, res.body).toBe(200);
      credits.push({ v, points: pointsFor(o.minutes) });
    }
    if (o.t === 'award' || o.t === 'deduct') {
      const v = w.vols[o.v] as Vol;
      const res = await lm.keeper.post('/api/v1/points/adjustments', {
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
      const k = `concurrent-${lm.serial}-${++key}-${Math.random()}`;
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
        lm.keeper.post(`/api/v1/store/sites/${lm.post}/pickups`, { code: r.code }).then((res) => () => {
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
      lm.institute.post(`/api/v1/points/adjustments/${a.id}/approve`, {}),
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
    sql`select count(*) as n from store_redemptions where tenant_id = ${lm.tenantId} and goods_id = ${w.goodsId}`,
  );
  expect(Number(redemptionRows?.n)).toBe(w.redemptions.length);
  // A closed code counts as the keeper's miss; the lock-out is not what this test is about.
  await lm.t.database.db.execute(sql`delete from store_code_failures where tenant_id = ${lm.tenantId}`);
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
