/** A caring merchant's (爱心商户) managers see what it donated and how much was redeemed; nobody else does. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { organisationMembers, organisations } from '../organisations/index.js';
import { creditPoints } from '../points/index.js';
import { storeDonations } from './schema.js';

let t: TestContext;
let merchants: { id: string; name: string }[];

type Goods = {
  goodsId: string;
  goodsName: string;
  donatedQuantity: number;
  redeemedQuantity: number;
  reservedQuantity: number;
};
type Mine = { id: string; name: string; donatedQuantity: number; redeemedQuantity: number; goods: Goods[] };

beforeAll(async () => {
  t = await createTestApp();
  merchants = await t.database.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'caring_merchant'));
});
afterAll(() => t.close());

async function donated(merchantId: string) {
  const [row] = await t.database.db
    .select({ n: sql<number>`coalesce(sum(${storeDonations.quantity}), 0)::int` })
    .from(storeDonations)
    .where(eq(storeDonations.merchantId, merchantId));
  return row?.n ?? 0;
}

it('shows a merchant manager its donated goods with redeemed and reserved counts, and only its own', async () => {
  expect(merchants.length).toBeGreaterThanOrEqual(2);
  const [a, b] = merchants as [{ id: string; name: string }, { id: string; name: string }];
  // One manages A by an org_admin grant, the other B as a leader member.
  const managerA = await makeUser(t.database, { grants: [{ role: 'org_admin', organisationId: a.id }] });
  const managerB = await makeUser(t.database);
  await t.database.db
    .insert(organisationMembers)
    .values({ tenantId: managerB.tenantId, organisationId: b.id, userId: managerB.id, role: 'leader' });
  const clientA = await signIn(t.app, managerA.phone);
  const clientB = await signIn(t.app, managerB.phone);

  const mineA: Mine[] = (await clientA.get('/api/v1/store/my-merchants')).json().items;
  expect(mineA.map((m) => m.id)).toEqual([a.id]);
  expect(mineA[0]?.donatedQuantity).toBe(await donated(a.id));
  expect(mineA[0]?.goods.length).toBeGreaterThan(0);
  const mineB: Mine[] = (await clientB.get('/api/v1/store/my-merchants')).json().items;
  expect(mineB.map((m) => m.id)).toEqual([b.id]);
  expect(mineB[0]?.donatedQuantity).toBe(await donated(b.id));
  const goodsOfA = new Set(mineA[0]?.goods.map((g) => g.goodsId));
  expect(mineB[0]?.goods.some((g) => goodsOfA.has(g.goodsId))).toBe(false);

  // A volunteer redeems one of A's goods: reserved, then handed over by the keeper, counts as redeemed.
  const goods = mineA[0]?.goods[0] as Goods;
  const volunteer = await makeUser(t.database);
  await creditPoints(t.database.db, volunteer.tenantId, volunteer.id, 10_000, {
    kind: 'points.adjust.award',
    memo: '测试',
    source: null,
    idempotencyKey: `my-merchants-${volunteer.id}`,
  });
  const v = await signIn(t.app, volunteer.phone);
  const redeemed = await v.post(
    '/api/v1/store/redemptions',
    { goodsId: goods.goodsId, quantity: 1 },
    { 'idempotency-key': `my-merchants-${volunteer.id}` },
  );
  expect(redeemed.statusCode, redeemed.body).toBe(201);
  const reserved = (await clientA.get('/api/v1/store/my-merchants')).json().items[0] as Mine;
  expect(reserved.goods.find((g) => g.goodsId === goods.goodsId)).toMatchObject({
    reservedQuantity: goods.reservedQuantity + 1,
    redeemedQuantity: goods.redeemedQuantity,
  });
  const keeper = await signIn(t.app, demo.keeper);
  const { siteId, pickupCode } = redeemed.json();
  const handed = await keeper.post(`/api/v1/store/sites/${siteId}/pickups`, { code: pickupCode });
  expect(handed.statusCode, handed.body).toBe(200);
  const after = (await clientA.get('/api/v1/store/my-merchants')).json().items[0] as Mine;
  expect(after.goods.find((g) => g.goodsId === goods.goodsId)).toMatchObject({
    reservedQuantity: goods.reservedQuantity,
    redeemedQuantity: goods.redeemedQuantity + 1,
  });
  expect(after.redeemedQuantity).toBe((mineA[0]?.redeemedQuantity ?? 0) + 1);
  // B's manager still sees nothing of A, and a plain volunteer sees no merchant at all.
  expect((await clientB.get('/api/v1/store/my-merchants')).json().items.map((m: Mine) => m.id)).toEqual([b.id]);
  expect((await v.get('/api/v1/store/my-merchants')).json().items).toEqual([]);
});
