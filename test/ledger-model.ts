/**
 * The model shared by the points and store ledger property tests (src/server/modules/store/
 * ledger-model*.test.ts): two volunteers, one goods item, and a plain model of every balance, debt,
 * stock and redemption; `checkInvariants` compares the database with it after each step or batch:
 * the points accounts sum to zero, no account that may not go negative is, the held account equals
 * the open redemptions, stock is never negative, and earlier ledger entries never change.
 */
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import { pointsAccountKeys, pointsAccountsSum, pointsBalance, pointsOwed } from '../src/server/modules/points/index.js';
import { storeGoods } from '../src/server/modules/store/index.js';
import { makeUser } from './people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from './server.js';

export const BEIMENWAI = '371002002005';
export const RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 6);

/** The app under test and who acts in it; filled in before the tests run (`startLedgerModel`). */
export const lm = {
  t: undefined as unknown as TestContext,
  keeper: undefined as unknown as Client, // 北门外社区: asks for adjustments, hands goods over
  institute: undefined as unknown as Client, // 鲸园街道: approves adjustments and corrections
  tenantId: '',
  post: '', // 大世界雷锋岗
  serial: 0,
};

export type Vol = {
  userId: string;
  volunteerId: string;
  client: Client;
  balance: number;
  owed: number;
  /** Confirmed records that may still be corrected, with the points their confirmation earns. */
  records: { id: string; points: number }[];
};
export type Pending = { kind: 'confirm'; v: Vol; points: number } | { kind: 'reverse'; v: Vol; points: number };
export type Redemption = { id: string; code: string; v: Vol; points: number; quantity: number; open: boolean };
export type World = {
  vols: Vol[];
  goodsId: string;
  price: number;
  stock: number;
  pending: Pending[];
  redemptions: Redemption[];
};

export const pointsFor = (minutes: number) => Math.floor((minutes * 10 * 2 + 60) / 120);

export function credit(v: Vol, points: number) {
  if (points <= 0) return;
  v.balance += points;
  const recovered = Math.min(v.balance, v.owed);
  v.balance -= recovered;
  v.owed -= recovered;
}

export function takeBack(v: Vol, points: number) {
  const taken = Math.min(v.balance, points);
  v.balance -= taken;
  v.owed += points - taken;
}

export const VOLS = 2;
export const vi = fc.nat({ max: VOLS - 1 });

export async function newWorld(price: number, stock: number): Promise<World> {
  const vols: Vol[] = [];
  for (let i = 0; i < VOLS; i++) {
    const user = await makeUser(lm.t.database);
    const [profile] = await rows<{ id: string }>(
      sql`select id from volunteers where tenant_id = ${lm.tenantId} and user_id = ${user.id}`,
    );
    vols.push({
      userId: user.id,
      volunteerId: profile?.id as string,
      client: await signIn(lm.t.app, user.phone),
      balance: 0,
      owed: 0,
      records: [],
    });
  }
  lm.serial += 1;
  const g = await lm.keeper.post(`/api/v1/store/sites/${lm.post}/goods`, {
    name: `模型物品${lm.serial}`,
    pricePoints: price,
    stock,
  });
  expect(g.statusCode, g.body).toBe(201);
  return { vols, goodsId: g.json().id, price, stock, pending: [], redemptions: [] };
}

/** Raw SQL rows, alike on PGlite and PostgreSQL. */
export async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await lm.t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type Snapshot = { maxId: number; digest: string; count: number };

export async function entriesDigest(upTo: number | null): Promise<Snapshot> {
  const [row] = await rows<{ max_id: string | null; digest: string; n: string }>(sql`
    select max(id) as max_id, count(*) as n,
      md5(coalesce(string_agg(
        id || ':' || transaction_id || ':' || account_id || ':' || amount || ':' || balance_after || ':' || created_at,
        ',' order by id), '')) as digest
    from ledger_entries where tenant_id = ${lm.tenantId} and (${upTo}::bigint is null or id <= ${upTo}::bigint)`);
  return { maxId: Number(row?.max_id ?? 0), digest: row?.digest ?? '', count: Number(row?.n ?? 0) };
}

export async function checkInvariants(w: World, before: Snapshot): Promise<Snapshot> {
  const db = lm.t.database.db;
  expect(await pointsAccountsSum(db, lm.tenantId)).toBe(0);
  for (const v of w.vols) {
    expect(await pointsBalance(db, lm.tenantId, v.userId)).toBe(v.balance);
    expect(await pointsOwed(db, lm.tenantId, v.userId)).toBe(v.owed);
  }
  const [negative] = await rows<{ n: string }>(
    sql`select count(*) as n from ledger_accounts where tenant_id = ${lm.tenantId} and not allow_negative and balance < 0`,
  );
  expect(Number(negative?.n)).toBe(0);
  const [held] = await rows<{ held: string | null; open: string | null }>(sql`
    select (select balance from ledger_accounts where tenant_id = ${lm.tenantId} and key = ${pointsAccountKeys.held}) as held,
      (select sum(points) from store_redemptions where tenant_id = ${lm.tenantId} and status = 'reserved') as open`);
  expect(Number(held?.held ?? 0)).toBe(Number(held?.open ?? 0));
  const [goods] = await db
    .select({ stock: storeGoods.stock })
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, lm.tenantId), eq(storeGoods.id, w.goodsId)));
  expect(goods?.stock).toBe(w.stock);
  const [minStock] = await rows<{ n: string }>(
    sql`select count(*) as n from store_goods where tenant_id = ${lm.tenantId} and stock < 0`,
  );
  expect(Number(minStock?.n)).toBe(0);
  // Append-only: the entries that existed before the step are still there, unchanged.
  const again = await entriesDigest(before.maxId);
  expect(again).toEqual(before);
  return entriesDigest(null);
}

/** Starts the app before the file's tests and closes it after them. */
export function startLedgerModel() {
  beforeAll(async () => {
    lm.t = await createTestApp();
    lm.keeper = await signIn(lm.t.app, demo.keeper);
    lm.institute = await signIn(lm.t.app, demo.instituteAdmin);
    const centre = await signIn(lm.t.app, demo.centreAdmin);
    const stores: { id: string; name: string }[] = (await centre.get('/api/v1/store/sites')).json().items;
    lm.post = stores.find((s) => s.name === '大世界雷锋岗')?.id as string;
    const [row] = await rows<{ tenant_id: string }>(sql`select tenant_id from users where phone = ${demo.keeper}`);
    lm.tenantId = row?.tenant_id as string;
  });
  afterAll(() => lm.t.close());
}
