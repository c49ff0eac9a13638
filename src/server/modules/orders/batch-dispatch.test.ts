import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { orders } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let haircut: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
});
afterAll(() => t.close());

function nextSaturdayAt10Shanghai() {
  const d = new Date();
  d.setUTCHours(2, 0, 0, 0);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 6);
  return d;
}

describe('batch dispatch', () => {
  it('previews the whole queue assigned at once, writes nothing, then dispatches what was confirmed', async () => {
    const start = nextSaturdayAt10Shanghai();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await resident.post('/api/v1/orders', {
        menuItemId: haircut,
        regionCode: '371002002005',
        address: `北门外社区 ${i + 1} 号楼`,
        windowStart: start.toISOString(),
        windowEnd: new Date(start.getTime() + 3600_000).toISOString(),
      });
      ids.push(res.json().id);
      expect((await keeper.post(`/api/v1/orders/${res.json().id}/review`)).statusCode).toBe(200);
    }
    const preview = await keeper.post('/api/v1/orders/dispatch/batch', { mode: 'preview', orderIds: ids });
    expect(preview.statusCode, preview.body).toBe(200);
    const plan = preview.json();
    expect(plan.assignments.map((a: { orderId: string }) => a.orderId).sort()).toEqual([...ids].sort());
    expect(plan.assignments[0].name).toBe('李志愿');
    expect(plan.assignments[0].reasons).toContain('助老助残');
    expect(plan.assignments[0].reasonsEn).toMatch(/ · /);
    // The distance the dispatcher sees is the one the reasons name.
    const km = plan.assignments[0].walkKm;
    expect(km).toBeGreaterThanOrEqual(0);
    const [, shown, unit] = plan.assignments[0].reasons.match(/^([\d.]+) (km|m) · /) ?? [];
    expect(Math.abs(Number(shown) / (unit === 'km' ? 1 : 1000) - km)).toBeLessThanOrEqual(0.05);
    const untouched = await t.database.db.select({ state: orders.state }).from(orders).where(inArray(orders.id, ids));
    expect(untouched.every((r) => r.state === 'reviewed')).toBe(true);

    const assignments = plan.assignments.map((a: { orderId: string; volunteerId: string }) => ({
      orderId: a.orderId,
      volunteerId: a.volunteerId,
    }));
    const confirmed = await keeper.post('/api/v1/orders/dispatch/batch', { mode: 'confirm', assignments });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().dispatched.sort()).toEqual([...ids].sort());
    const [row] = await t.database.db
      .select()
      .from(orders)
      .where(eq(orders.id, ids[0] as string));
    expect(row).toMatchObject({ state: 'dispatched', targetKind: 'volunteer' });

    const again = (await keeper.post('/api/v1/orders/dispatch/batch', { mode: 'confirm', assignments })).json();
    expect(again.dispatched).toEqual([]);
    expect(again.failed.map((f: { code: string }) => f.code)).toEqual(['ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION']);
    const volunteer = await signIn(t.app, demo.volunteer);
    expect((await volunteer.post('/api/v1/orders/dispatch/batch', { mode: 'preview' })).statusCode).toBe(403);
  });
});
