/** The academy browser tests' common start: a reviewed 急救保障 order in 北门外 that 李志愿 could serve but for the qualification. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { volunteers } from '../../src/server/modules/volunteers/index.js';
import { userIdOf } from '../people.js';
import { anonymous, type Client, demo, type TestContext } from '../server.js';

export const BEIMENWAI = '371002002005';

/** 10:00 in Shanghai on the coming Saturday, when the demo volunteer 李志愿 is available. */
export function saturdayMorning() {
  const d = new Date();
  d.setUTCHours(2, 0, 0, 0);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 6);
  return d;
}

/** The demo resident orders 急救保障 for Saturday morning and the keeper reviews it; `candidates` lists its dispatch candidates now. */
export async function reviewedFirstAidOrder(app: TestContext, resident: Client, keeper: Client) {
  const userId = await userIdOf(app.database, demo.volunteer);
  const [mine] = await app.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, userId));
  expect(mine).toBeTruthy();
  const menu = (await anonymous(app.app).get('/api/v1/public/menu-items?category=health')).json().items;
  const duty = menu.find((i: { title: string }) => i.title === '急救保障 · 社区活动');
  expect(duty?.requiredSkills).toEqual(['first_aid']);
  const start = saturdayMorning();
  const placed = await resident.post('/api/v1/orders', {
    menuItemId: duty.id,
    regionCode: BEIMENWAI,
    address: '北门外社区 文化广场（社区运动会）',
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const orderId = placed.json().id as string;
  expect((await keeper.post(`/api/v1/orders/${orderId}/review`)).statusCode).toBe(200);
  const candidates = async () => {
    const res = await keeper.get(`/api/v1/orders/${orderId}/candidates?k=50`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((c: { volunteerId: string }) => c.volunteerId) as string[];
  };
  return { orderId, volunteerId: mine?.id as string, userId, candidates };
}
