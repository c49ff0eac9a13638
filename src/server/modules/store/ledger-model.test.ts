import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEIMENWAI,
  checkInvariants,
  credit,
  entriesDigest,
  lm,
  newWorld,
  pointsFor,
  RUNS,
  startLedgerModel,
  takeBack,
  type Vol,
  vi,
  type World,
} from '../../../../test/ledger-model.js';
import { recordService } from '../hours/index.js';
import { expireTenantPoints, runPointsEarning } from '../points/index.js';
import { expireRedemptions } from './expire-redemptions.js';

const MONTH = 31 * 24 * 3600_000;
let expiryMonth = 0;

startLedgerModel();

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

async function apply(w: World, s: Step) {
  const db = lm.t.database.db;
  switch (s.t) {
    case 'confirm': {
      const v = w.vols[s.v] as Vol;
      lm.serial += 1;
      const { record } = await recordService(db, {
        tenantId: lm.tenantId,
        volunteerUserId: v.userId,
        source: { type: 'order', id: `ledger-model-${lm.serial}` },
        regionCode: BEIMENWAI,
        content: `模型服务${lm.serial}`,
        minutes: s.minutes,
        recordedBy: null,
      });
      const res = await lm.keeper.post('/api/v1/service-records/confirm', { ids: [record.id] });
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
      const ok = await lm.institute.post(`/api/v1/hours-corrections/${asked.json().id}/approve`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      w.pending.push({ kind: 'reverse', v, points: record.points });
      w.pending.push({ kind: 'confirm', v, points: pointsFor(s.minutes) });
      return;
    }
    case 'award':
    case 'deduct': {
      const v = w.vols[s.v] as Vol;
      const asked = await lm.keeper.post('/api/v1/points/adjustments', {
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
      const ok = await lm.institute.post(`/api/v1/points/adjustments/${asked.json().id}/approve`, {});
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
        { 'idempotency-key': `model-${lm.serial}-${w.redemptions.length}-${Math.random()}` },
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
      const res = await lm.keeper.post(`/api/v1/store/sites/${lm.post}/pickups`, { code: r.code });
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
      await expireTenantPoints(db, lm.tenantId, 24, new Date(Date.now() + (26 + expiryMonth) * MONTH));
      for (const v of w.vols) v.balance = 0;
      return;
    }
  }
}

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
