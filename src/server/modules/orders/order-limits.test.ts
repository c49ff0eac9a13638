import { and, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { volunteerSkills, volunteers } from '../volunteers/index.js';
import { orders } from './schema.js';

let t: TestContext;
let keeper: Client;
const BEIMENWAI = '371002002005';

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
});
afterAll(() => t.close());

async function menuItem(capacity: number, requiredSkills: string[] = []) {
  const res = await keeper.post('/api/v1/menu-items', {
    categoryCode: 'health',
    title: `测血压 · 容量 ${capacity}`,
    description: '每周三上午在站点测血压',
    providerKind: 'project',
    projectName: '健康北门外',
    regionCode: BEIMENWAI,
    requiredSkills,
    areaCodes: [BEIMENWAI],
    durationMinutes: 30,
    capacity,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const orderFor = (menuItemId: string) => ({
  menuItemId,
  description: '想请志愿者上门测血压',
  regionCode: BEIMENWAI,
  address: '北门外社区 5 号楼',
  windowStart: new Date(Date.now() + 86400_000).toISOString(),
  windowEnd: new Date(Date.now() + 90000_000).toISOString(),
  urgency: 'normal',
});

async function someResidents(n: number) {
  const signedIn: Client[] = [];
  for (let i = 0; i < n; i++) signedIn.push(await signIn(t.app, (await makeUser(t.database)).phone));
  return signedIn;
}

async function openOrders(menuItemId: string) {
  const rows = await t.database.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.menuItemId, menuItemId), notInArray(orders.state, ['cancelled', 'rejected', 'closed'])));
  return rows.length;
}

describe('a menu item’s capacity', () => {
  it('holds under concurrent orders: exactly `capacity` are placed, the rest are told it is full', async () => {
    const id = await menuItem(2);
    const residents = await someResidents(8);
    const answers = await Promise.all(residents.map((r) => r.post('/api/v1/orders', orderFor(id))));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.code).toBe('MENU_ITEM_FULL');
    expect(await openOrders(id)).toBe(2);
  });

  it('frees a place when an open order is cancelled', async () => {
    const id = await menuItem(1);
    const [a, b] = (await someResidents(2)) as [Client, Client];
    const first = await a.post('/api/v1/orders', orderFor(id));
    expect(first.statusCode, first.body).toBe(201);
    expect((await b.post('/api/v1/orders', orderFor(id))).json().error.code).toBe('MENU_ITEM_FULL');
    const cancelled = await a.post(`/api/v1/orders/${first.json().id}/cancel`, { reason: '家人已帮忙' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await b.post('/api/v1/orders', orderFor(id))).statusCode).toBe(201);
  });
});

describe('dispatching to a named volunteer', () => {
  it('refuses one who lacks the skill the order needs, and accepts once they have it', async () => {
    const item = await menuItem(5, ['health']);
    const [resident] = await someResidents(1);
    const placed = await resident?.post('/api/v1/orders', orderFor(item));
    expect(placed?.statusCode, placed?.body).toBe(201);
    const orderId = placed?.json().id as string;
    expect((await keeper.post(`/api/v1/orders/${orderId}/review`)).statusCode).toBe(200);

    const person = await makeUser(t.database);
    const [v] = await t.database.db
      .select({ id: volunteers.id, tenantId: volunteers.tenantId })
      .from(volunteers)
      .where(eq(volunteers.userId, person.id));
    if (!v) throw new Error('volunteer missing');
    const dispatch = () =>
      keeper.post(`/api/v1/orders/${orderId}/dispatch`, { target: { kind: 'volunteer', volunteerId: v.id } });

    const refused = await dispatch();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DISPATCH_TARGET_INVALID' });
    expect(refused.json().error.details[0]).toMatchObject({ field: 'body.target' });
    expect(refused.json().error.message).toContain('缺少所需技能或有效资质');
    const [still] = await t.database.db.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId));
    expect(still?.state).toBe('reviewed');

    await t.database.db
      .insert(volunteerSkills)
      .values({ tenantId: v.tenantId, volunteerId: v.id, skillCode: 'health' });
    const sent = await dispatch();
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().state).toBe('dispatched');
  });
});
