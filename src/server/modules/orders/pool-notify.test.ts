/** 抢单: opening an order for grabbing tells the volunteers who may grab it (the pool's own rule), once, and no one else. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { volunteerServiceAreas, volunteerSkills, volunteers } from '../volunteers/index.js';
import { eligibleGrabberIds } from './pool-grabbers.js';
import { orders } from './schema.js';

const BEIMENWAI = '371002002005';
const WANGDAO = '371002003006'; // 竹岛街道, outside 鲸园街道
const JINGYUAN = '371002002';

let t: TestContext;
let resident: Client;
let keeper: Client;
let haircut: string; // needs elderly_disabled

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
});
afterAll(() => t.close());

/** A volunteer of the given home, skills and service areas. */
async function volunteer(o: { home?: string; skills?: string[]; areas?: string[]; suspended?: boolean }) {
  const person = await makeUser(t.database, { volunteerStatus: o.suspended ? 'suspended' : 'active' });
  const db = t.database.db;
  const [v] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, person.id));
  const volunteerId = v?.id as string;
  if (o.home) await db.update(volunteers).set({ regionCode: o.home }).where(eq(volunteers.id, volunteerId));
  for (const skillCode of o.skills ?? [])
    await db.insert(volunteerSkills).values({ tenantId: person.tenantId, volunteerId, skillCode });
  for (const regionCode of o.areas ?? [])
    await db.insert(volunteerServiceAreas).values({ tenantId: person.tenantId, volunteerId, regionCode });
  return { ...person, client: await signIn(t.app, person.phone) };
}

async function openOrder() {
  const start = new Date(Date.now() + 86_400_000);
  const placed = await resident.post('/api/v1/orders', {
    menuItemId: haircut,
    regionCode: BEIMENWAI,
    address: '北门外社区 6 号楼',
    lng: 122.1205,
    lat: 37.5102,
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const id = placed.json().id as string;
  expect((await keeper.post(`/api/v1/orders/${id}/review`)).statusCode).toBe(200);
  const sent = await keeper.post(`/api/v1/orders/${id}/dispatch`, { target: { kind: 'open' } });
  expect(sent.statusCode, sent.body).toBe(200);
  return id;
}

const poolNotices = async (client: Client, orderId: string) =>
  (
    (await client.get('/api/v1/me/notifications?limit=100')).json().items as { kind: string; link: string | null }[]
  ).filter((n) => n.kind === 'order.pool' && n.link?.includes(orderId)).length;
const inPool = async (client: Client, orderId: string) =>
  ((await client.get('/api/v1/orders/tasks?view=pool')).json().items ?? []).some(
    (o: { id: string }) => o.id === orderId,
  );

describe('open dispatch (抢单) notifies the volunteers who may grab the order', () => {
  it('tells each eligible volunteer once and no ineligible one, by the same rule as the pool', async () => {
    const home = await volunteer({ skills: ['elderly_disabled'] });
    const byArea = await volunteer({ home: WANGDAO, skills: ['elderly_disabled'], areas: [JINGYUAN] });
    const noSkill = await volunteer({});
    const elsewhere = await volunteer({ home: WANGDAO, skills: ['elderly_disabled'] });
    const suspended = await volunteer({ skills: ['elderly_disabled'], suspended: true });
    const orderId = await openOrder();

    for (const v of [home, byArea]) {
      expect(await poolNotices(v.client, orderId)).toBe(1);
      expect(await inPool(v.client, orderId)).toBe(true);
    }
    for (const v of [noSkill, elsewhere]) {
      expect(await poolNotices(v.client, orderId)).toBe(0);
      expect(await inPool(v.client, orderId)).toBe(false);
    }
    expect(await poolNotices(suspended.client, orderId)).toBe(0);
    // The resident who ordered is not told to grab their own order, nor the keeper who opened it.
    expect(await poolNotices(resident, orderId)).toBe(0);
    expect(await poolNotices(keeper, orderId)).toBe(0);
  });

  it('tells at most the cap, nearest first', async () => {
    const near = await volunteer({ skills: ['elderly_disabled'] });
    const far = await volunteer({ home: WANGDAO, skills: ['elderly_disabled'], areas: [JINGYUAN] });
    const orderId = await openOrder();
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, orderId));
    if (!row) throw new Error('order missing');
    const all = await eligibleGrabberIds(t.database.db, row);
    expect(all).toContain(near.id);
    expect(all).toContain(far.id);
    expect(all).toContain(await userIdOf(t.database, demo.volunteer));
    expect(all).not.toContain(row.residentUserId);
    // Those of 北门外社区 itself come before one from 竹岛街道.
    expect(all.indexOf(near.id)).toBeLessThan(all.indexOf(far.id));
    const capped = await eligibleGrabberIds(t.database.db, row, 2);
    expect(capped).toEqual(all.slice(0, 2));
    expect(capped).not.toContain(far.id);
  });
});
