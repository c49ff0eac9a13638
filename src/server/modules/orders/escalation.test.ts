import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { volunteers } from '../volunteers/index.js';
import { escalateOverdueOrders } from './escalate-overdue.js';
import { orders } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let institute: Client;
let centre: Client;
let volunteer: Client;
let haircut: string;
let volunteerId: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  centre = await signIn(t.app, demo.centreAdmin);
  volunteer = await signIn(t.app, demo.volunteer);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  const [v] = await t.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, await userIdOf(t.database, demo.volunteer)));
  volunteerId = v?.id as string;
});
afterAll(() => t.close());

const HOUR = 3600_000;

async function place() {
  const res = await resident.post('/api/v1/orders', {
    menuItemId: haircut,
    regionCode: '371002002005',
    address: '北门外社区 7 号楼',
    windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
    windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const escalations = async (client: Client, id: string) =>
  (await client.get('/api/v1/me/notifications?limit=200'))
    .json()
    .items.filter((n: { kind: string; link: string | null }) => n.kind === 'order.escalated' && n.link?.includes(id));

describe('time limits and escalation', () => {
  it('sends an order not accepted in time up to the 鲸园街道 institute, with a notification', async () => {
    const order = await place();
    await keeper.post(`/api/v1/orders/${order.id}/review`);
    const sent = await keeper.post(`/api/v1/orders/${order.id}/dispatch`, {
      target: { kind: 'volunteer', volunteerId },
    });
    const deadline = Date.parse(sent.json().acceptDueAt);
    expect(deadline - Date.parse(sent.json().placedAt)).toBeGreaterThan(59 * 60_000); // default 60 minutes

    await escalateOverdueOrders(t.database.db, new Date(deadline - 1000));
    expect((await keeper.get(`/api/v1/orders/${order.id}`)).json().handlerRegionCode).toBe('371002002005');

    await escalateOverdueOrders(t.database.db, new Date(deadline + 1000));
    const after = (await institute.get(`/api/v1/orders/${order.id}`)).json();
    expect(after).toMatchObject({
      state: 'reviewed',
      handlerRegionCode: '371002002',
      handlerRegionName: '鲸园街道',
      escalations: 1,
      target: null,
      actions: { dispatch: true },
    });
    expect(after.timeline.at(-1)).toMatchObject({ event: 'escalate_accept', actorName: '系统' });
    expect(after.timeline.at(-1).note).toContain('鲸园街道');
    expect(await escalations(institute, order.id)).toHaveLength(1);
    const queue = (await institute.get('/api/v1/orders?queue=mine')).json().items.map((o: { id: string }) => o.id);
    expect(queue).toContain(order.id);
    // The station no longer handles it; the volunteer can no longer accept it.
    expect((await keeper.get(`/api/v1/orders/${order.id}`)).json().actions.dispatch).toBe(false);
    expect((await volunteer.post(`/api/v1/orders/${order.id}/accept`)).statusCode).toBe(404);
    // Run again at the same time: nothing more happens.
    await escalateOverdueOrders(t.database.db, new Date(deadline + 2000));
    expect(await escalations(institute, order.id)).toHaveLength(1);
  });

  it('escalates an order nobody reviews, level by level, up to the centre, and stops there', async () => {
    const order = await place();
    const due = Date.parse(order.reviewDueAt);
    await escalateOverdueOrders(t.database.db, new Date(due + 1000));
    const atInstitute = (await institute.get(`/api/v1/orders/${order.id}`)).json();
    expect(atInstitute).toMatchObject({
      state: 'submitted',
      handlerRegionCode: '371002002',
      actions: { review: true },
    });
    await escalateOverdueOrders(t.database.db, new Date(Date.parse(atInstitute.reviewDueAt) + 1000));
    const atCentre = (await centre.get(`/api/v1/orders/${order.id}`)).json();
    expect(atCentre).toMatchObject({ handlerRegionCode: '371002', escalations: 2 });
    expect(await escalations(centre, order.id)).toHaveLength(1);
    await escalateOverdueOrders(t.database.db, new Date(Date.parse(atCentre.reviewDueAt) + 1000));
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.escalations).toBe(2);
  });

  it('uses the limits the centre sets, shorter for urgent orders', async () => {
    const put = await centre.request({
      method: 'PUT',
      url: '/api/v1/order-settings',
      payload: { reviewLimitMinutes: 30, acceptLimitMinutes: 20, urgentFactorPercent: 50 },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (await keeper.request({ method: 'PUT', url: '/api/v1/order-settings', payload: put.json() })).statusCode,
    ).toBe(403);
    const res = await resident.post('/api/v1/orders', {
      menuItemId: haircut,
      regionCode: '371002002005',
      address: '北门外社区 9 号楼',
      urgency: 'urgent',
      windowStart: new Date(Date.now() + HOUR).toISOString(),
      windowEnd: new Date(Date.now() + 2 * HOUR).toISOString(),
    });
    const urgent = res.json();
    expect(Date.parse(urgent.reviewDueAt) - Date.parse(urgent.placedAt)).toBe(15 * 60_000);
  });
});
