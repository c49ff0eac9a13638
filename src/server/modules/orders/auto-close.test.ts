import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { autoCloseOrders } from './auto-close-orders.js';
import { orders } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let volunteer: Client;
let centre: Client;
let volunteerId: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  centre = await signIn(t.app, demo.centreAdmin);
  volunteerId = (await volunteer.get('/api/v1/me/volunteer')).json().id;
});
afterAll(() => t.close());

const DAY = 86_400_000;
const POINT = { lng: 122.1205, lat: 37.5102 };

/** A free request of 北门外 taken through the loop by the demo people up to completed (and rated). */
async function finishedOrder(rate: boolean) {
  const start = Date.now() + DAY;
  const placed = await resident.post('/api/v1/orders', {
    categoryCode: 'convenience',
    title: '修水龙头',
    regionCode: '371002002005',
    address: '北门外社区 2 号楼',
    ...POINT,
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + 2 * 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const path = `/api/v1/orders/${placed.json().id}`;
  const steps: [Client, string, unknown?][] = [
    [keeper, 'review'],
    [keeper, 'dispatch', { target: { kind: 'volunteer', volunteerId } }],
    [volunteer, 'accept'],
    [volunteer, 'check-in', POINT],
    [volunteer, 'complete', { summary: '换了新阀芯' }],
    ...(rate ? [[resident, 'rate', { stars: 5 }] as [Client, string, unknown]] : []),
  ];
  for (const [client, action, body] of steps) {
    const res = await client.post(`${path}/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return (await resident.get(path)).json();
}

/** Runs the job until it has nothing left to close at `now` (it takes batches). */
async function runJob(now: Date) {
  while ((await autoCloseOrders(t.database.db, now)) > 0);
}

describe('closing finished orders automatically', () => {
  it('closes a rated order at the next run, with a timeline entry the resident sees', async () => {
    const order = await finishedOrder(true);
    expect(order.state).toBe('rated');
    await runJob(new Date());
    const after = (await resident.get(`/api/v1/orders/${order.id}`)).json();
    expect(after.state).toBe('closed');
    expect(after.timeline.at(-1)).toMatchObject({
      event: 'auto_close',
      label: { zh: '自动办结' },
      actorName: '系统',
      note: '已评价，自动办结',
    });
    expect(after.actions.close).toBe(false);
  });

  it('closes a completed order nobody rated after 7 days, not before', async () => {
    const order = await finishedOrder(false);
    const completed = Date.parse(order.completedAt);
    await runJob(new Date(completed + 7 * DAY - 60_000));
    expect((await resident.get(`/api/v1/orders/${order.id}`)).json().state).toBe('completed');
    await runJob(new Date(completed + 7 * DAY + 60_000));
    const after = (await resident.get(`/api/v1/orders/${order.id}`)).json();
    expect(after).toMatchObject({ state: 'closed', actions: { rate: false } });
    expect(after.timeline.at(-1).note).toBe('完成后 7 天未评价，自动办结');
    expect((await resident.post(`/api/v1/orders/${order.id}/rate`, { stars: 4 })).statusCode).toBe(409);
  });

  it('uses the days the centre sets, kept when a later change leaves them out', async () => {
    const put = (payload: Record<string, unknown>) =>
      centre.request({ method: 'PUT', url: '/api/v1/order-settings', payload });
    const limits = { reviewLimitMinutes: 120, acceptLimitMinutes: 60, urgentFactorPercent: 50 };
    expect((await put({ ...limits, autoCloseDays: 0 })).statusCode).toBe(400);
    const set = await put({ ...limits, autoCloseDays: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().autoCloseDays).toBe(3);
    expect((await put(limits)).json().autoCloseDays).toBe(3);

    const order = await finishedOrder(false);
    await runJob(new Date(Date.parse(order.completedAt) + 3 * DAY + 60_000));
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.state).toBe('closed');
    expect((await resident.get(`/api/v1/orders/${order.id}`)).json().timeline.at(-1).note).toBe(
      '完成后 3 天未评价，自动办结',
    );
  });
});
