import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { volunteers } from '../volunteers/index.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let centre: Client;
let haircut: string;
let volunteerId: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  centre = await signIn(t.app, demo.centreAdmin);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  const [v] = await t.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, await userIdOf(t.database, demo.volunteer)));
  volunteerId = v?.id as string;
});
afterAll(() => t.close());

/** A reviewed order (default: the haircut) for next Saturday 10:00 in 北门外, when demo volunteers are free. */
async function reviewedOrder(what: Record<string, unknown> = { menuItemId: haircut }) {
  const saturday = new Date();
  saturday.setUTCHours(2, 0, 0, 0);
  do saturday.setUTCDate(saturday.getUTCDate() + 1);
  while (saturday.getUTCDay() !== 6);
  const placed = await resident.post('/api/v1/orders', {
    ...what,
    regionCode: '371002002005',
    address: '北门外社区 3 号楼',
    lng: 122.1205,
    lat: 37.5102,
    windowStart: saturday.toISOString(),
    windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  expect((await keeper.post(`/api/v1/orders/${placed.json().id}/review`)).statusCode).toBe(200);
  return placed.json().id as string;
}

interface Candidate {
  volunteerId: string;
  cost: number;
  walkKm: number;
  rating: number | null;
  recentServices: number;
}
const candidates = async (id: string): Promise<Candidate[]> => {
  const res = await keeper.get(`/api/v1/orders/${id}/candidates?k=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const limits = { reviewLimitMinutes: 120, acceptLimitMinutes: 60, urgentFactorPercent: 50 };
const put = (payload: Record<string, unknown>) =>
  centre.request({ method: 'PUT', url: '/api/v1/order-settings', payload });

describe('the tenant’s dispatch rules', () => {
  it('ranks candidates by the weights the centre sets, audited', async () => {
    // A free request needs no skill: every volunteer free then and serving 北门外 is a candidate.
    const id = await reviewedOrder({ categoryCode: 'convenience', title: '帮忙搬米' });
    const before = await candidates(id);
    expect(before.length).toBeGreaterThan(0);

    const weights = { weightDistance: 0.1, weightSkill: 0, weightRating: 0, weightFairness: 20 };
    const saved = await put({ ...limits, ...weights });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...weights, volunteerCapacity: 3, autoCloseDays: 7 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'order_settings.update'))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit?.detail).toMatchObject(weights);

    const after = await candidates(id);
    // Each cost is the new weights' sum of its terms: the walk, and the load of the last 30 days.
    for (const c of after) expect(c.cost).toBeCloseTo(0.1 * c.walkKm + 20 * Math.min(1, c.recentServices / 10), 1);
    const costs = after.map((c) => c.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // The demo has one volunteer free then; that the order changes is shown in top-candidates.unit.test.ts.
    expect(after.map((c) => c.cost)).not.toEqual(before.map((c) => c.cost));

    expect((await put({ ...limits, weightDistance: 0 })).statusCode).toBe(400);
    expect((await put({ ...limits, weightFairness: 21 })).statusCode).toBe(400);
    expect((await keeper.request({ method: 'PUT', url: '/api/v1/order-settings', payload: limits })).statusCode).toBe(
      403,
    );
    await put({ ...limits, weightDistance: 1, weightSkill: 2, weightRating: 1, weightFairness: 1.5 });
  });

  it('leaves out volunteers holding as many open tasks as the centre allows', async () => {
    const id = await reviewedOrder();
    expect((await candidates(id)).some((c) => c.volunteerId === volunteerId)).toBe(true);
    const other = await reviewedOrder();
    const sent = await keeper.post(`/api/v1/orders/${other}/dispatch`, { target: { kind: 'volunteer', volunteerId } });
    expect(sent.statusCode, sent.body).toBe(200);

    expect((await put({ ...limits, volunteerCapacity: 1 })).json().volunteerCapacity).toBe(1);
    expect((await candidates(id)).some((c) => c.volunteerId === volunteerId)).toBe(false);
    await put({ ...limits, volunteerCapacity: 20 });
    expect((await candidates(id)).some((c) => c.volunteerId === volunteerId)).toBe(true);
  });
});
