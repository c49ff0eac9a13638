import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { users } from '../accounts/index.js';
import { orders } from './schema.js';

let t: TestContext;
let keeper: Client;

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
});
afterAll(() => t.close());

const body = (residentPhone: string) => ({
  categoryCode: 'convenience',
  title: '代居民下单：换灯泡',
  description: '厨房灯泡坏了，老人够不着',
  regionCode: '371002002005',
  address: '北门外社区 5 号楼',
  windowStart: new Date(Date.now() + 86400_000).toISOString(),
  windowEnd: new Date(Date.now() + 90000_000).toISOString(),
  onBehalf: { channel: 'phone', residentPhone },
});

async function residentOf(orderId: string) {
  const [row] = await t.database.db
    .select({ residentUserId: orders.residentUserId })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.residentUserId;
}

describe('a keeper placing an order for a resident by phone', () => {
  it('finds the resident’s active account, and takes name and phone from it', async () => {
    const person = await makeUser(t.database, { displayName: '赵阿姨' });
    const res = await keeper.post('/api/v1/orders', body(person.phone));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contactName: '赵阿姨', contactPhone: person.phone, channel: 'phone' });
    expect(await residentOf(res.json().id)).toBe(person.id);
  });

  it('does not find a disabled account, like a phone nobody has, and places nothing', async () => {
    const person = await makeUser(t.database, { displayName: '停用账号' });
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, person.id));
    const before = (await t.database.db.select({ id: orders.id }).from(orders)).length;
    for (const phone of [person.phone, '13912345678']) {
      const res = await keeper.post('/api/v1/orders', body(phone));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].field).toBe('onBehalf.residentPhone');
    }
    expect((await t.database.db.select({ id: orders.id }).from(orders)).length).toBe(before);
  });
});
