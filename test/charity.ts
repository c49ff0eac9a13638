/** Shared set-up of the charity tests: a fund of 鲸园街道 and an open sale in 北门外社区 with two stalls. */
import { expect } from 'vitest';
import { makeUser } from './people.js';
import { type Client, demo, signIn, type TestContext } from './server.js';

export const BEIMENWAI = '371002002005';
export const SIBLING = '371002002001';

let n = 0;

export async function charityWorld(t: TestContext) {
  n += 1;
  const keeper = await signIn(t.app, demo.keeper);
  const institute = await signIn(t.app, demo.instituteAdmin);
  const centre = await signIn(t.app, demo.centreAdmin);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  const foreignKeeper = await signIn(t.app, fk.phone);
  const k1 = await makeUser(t.database, { displayName: '摊主甲' });
  const k2 = await makeUser(t.database, { displayName: '摊主乙' });
  const keeperA = await signIn(t.app, k1.phone);
  const keeperB = await signIn(t.app, k2.phone);

  const fundRes = await institute.post('/api/v1/charity/funds', {
    name: `测试爱心基金${process.pid}-${n}`,
    regionCode: '371002002',
  });
  expect(fundRes.statusCode, fundRes.body).toBe(201);
  const fund = fundRes.json();
  const eventRes = await keeper.post('/api/v1/charity/events', {
    title: '雷锋巷爱心义卖',
    heldOn: '2026-03-05',
    regionCode: BEIMENWAI,
    address: '雷锋巷',
    fundId: fund.id,
  });
  expect(eventRes.statusCode, eventRes.body).toBe(201);
  const event = eventRes.json();
  const stall = async (body: Record<string, unknown>) => {
    const res = await keeper.post(`/api/v1/charity/events/${event.id}/stalls`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const books = await stall({
    name: '王家图书角',
    holderKind: 'family',
    holderName: '王家志愿之家',
    category: 'books',
    keeperPhone: k1.phone,
  });
  const plants = await stall({
    name: '绿植摊',
    holderKind: 'merchant',
    holderName: '鲸园花店',
    category: 'other',
    categoryLabel: '绿植',
    keeperPhone: k2.phone,
  });
  return { keeper, institute, centre, foreignKeeper, keeperA, keeperB, fund, event, books, plants };
}

export async function sell(client: Client, stallId: string, body: Record<string, unknown>, key: string) {
  return client.post(`/api/v1/charity/stalls/${stallId}/sales`, body, { 'idempotency-key': key });
}
