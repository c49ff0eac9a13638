/** The whole synthetic year seeds on one database: no capability's synthetic people collide with another's. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, testConfig } from '../../../test/server.js';
import { pointsAccountsSum, runPointsEarning } from '../modules/points/index.js';
import type { Database } from '../platform/db.js';
import { postTransaction } from '../platform/ledger.js';
import { seedDemoHistory } from './seed-demo-history.js';
import { seedDemoPointsHistory } from './seed-demo-points-history.js';
import { seedDemoStoreRedemptions } from './seed-demo-store-redemptions.js';
import { syntheticPhone } from './synthetic.js';

const NOW = new Date('2026-11-20T03:30:00Z');
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it('adds the orders, activities, wishes and projects of the year one after another, once', async () => {
  const sizes = {
    orders: 60,
    activities: { activities: 3, volunteers: 40 },
    wishes: 40,
    projects: { district: 6, subdistrict: 4 },
    redemptions: 300,
    registeredVolunteers: 30,
  };
  const config = testConfig();
  expect(await seedDemoHistory(database.db, config, NOW, sizes)).toEqual([
    'orders',
    'activities and hours',
    'points for the hours',
    'pioneer store redemptions',
    'micro-wishes',
    'volunteer profiles',
    'projects and brands',
    'project results and last year’s evaluation',
  ]);
  expect(await seedDemoHistory(database.db, config, NOW, sizes)).toEqual([]);
  const { rows } = (await database.db.execute(
    sql`select substr(phone, 1, 7) as block, count(*)::int as n from users where phone like '170%' group by 1 order by 1`,
  )) as unknown as { rows: { block: string; n: number }[] };
  expect(rows.map((r) => r.block)).toEqual(Object.values(syntheticPhone).sort());
});

it('credits the synthetic hours with points once: the earning job adds nothing to them', async () => {
  const db = database.db;
  // Credited by the start-up history above: a second run finds nothing.
  expect(await seedDemoPointsHistory(db, '371002')).toBe(false);
  const credited = async () =>
    (
      (await db.execute(
        sql`select count(*)::int as n, coalesce(sum(e.amount), 0)::int as total
              from ledger_entries e join ledger_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id
             where a.kind = 'points.volunteer'`,
      )) as unknown as { rows: { n: number; total: number }[] }
    ).rows[0];
  const before = await credited();
  expect(before?.total).toBeGreaterThan(0);
  // Each credit is the confirmation's own points, dated when it was confirmed and labelled synthetic.
  const { rows } = (await db.execute(
    sql`select count(*)::int as n from ledger_transactions where kind = 'points.earn.hours' and (data->>'synthetic')::boolean`,
  )) as unknown as { rows: { n: number }[] };
  expect(rows[0]?.n).toBeGreaterThan(0);
  await runPointsEarning(db);
  expect(await credited()).toEqual(before);
  expect(await pointsAccountsSum(db, '371002')).toBe(0);
});

const rows = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

it('makes each synthetic credit a ledger transaction of its own: balanced, claimed, replayable by its key', async () => {
  const db = database.db;
  // Two entries that sum to zero, issuance → volunteer, one claim naming it.
  expect(
    await rows(sql`
      select t.id from ledger_transactions t
        join ledger_entries e on e.tenant_id = t.tenant_id and e.transaction_id = t.id
       where t.kind like 'points.earn.%' and (t.data->>'synthetic')::boolean
       group by t.id having count(*) <> 2 or sum(e.amount) <> 0 or min(e.amount) >= 0`),
  ).toEqual([]);
  expect(
    await rows(sql`
      select t.id from ledger_transactions t
       where t.kind like 'points.earn.%' and (t.data->>'synthetic')::boolean
         and (select count(*) from points_earnings p where p.tenant_id = t.tenant_id and p.transaction_id = t.id) <> 1`),
  ).toEqual([]);
  // Every points account's balance is the sum of its entries and the running balance of its last one.
  expect(
    await rows(sql`
      select a.key from ledger_accounts a
       where a.unit = 'points'
         and (a.balance <> (select coalesce(sum(amount), 0) from ledger_entries e where e.tenant_id = a.tenant_id and e.account_id = a.id)
           or a.balance <> coalesce((select balance_after from ledger_entries e where e.tenant_id = a.tenant_id and e.account_id = a.id
                                      order by e.id desc limit 1), 0)
           or (a.balance < 0 and not a.allow_negative))`),
  ).toEqual([]);
  // Posting one again with its key answers the stored transaction (same request hash), not a second one.
  for (const kind of ['points.earn.hours', 'points.earn.activity']) {
    const [t] = await rows<{
      id: string;
      memo: string;
      source_type: string;
      source_id: string;
      key: string;
      data: Record<string, unknown>;
    }>(
      sql`select id, memo, source_type, source_id, idempotency_key as key, data from ledger_transactions
           where kind = ${kind} and (data->>'synthetic')::boolean order by id limit 1`,
    );
    if (!t) throw new Error(`no synthetic ${kind}`);
    const entries = await rows<{ accountId: string; amount: number }>(
      sql`select account_id as "accountId", amount::int as amount from ledger_entries where transaction_id = ${t.id}`,
    );
    const again = await postTransaction(db, '371002', {
      kind,
      entries,
      memo: t.memo,
      source: { type: t.source_type, id: t.source_id },
      idempotencyKey: t.key,
      // As the earning rules write it (jsonb reads keys back in its own order).
      data:
        kind === 'points.earn.hours'
          ? { minutes: t.data.minutes, pointsPerHour: t.data.pointsPerHour, synthetic: true }
          : { synthetic: true },
    });
    expect(again).toMatchObject({ id: t.id, replayed: true });
  }
});

it('seeds the store redemptions through the ledger: balanced, covered, stock never below zero', async () => {
  expect(await seedDemoStoreRedemptions(database.db, '371002', NOW, 300)).toBe(false);
  const statuses = await rows<{ status: string; n: number }>(
    sql`select status, count(*)::int as n from store_redemptions where request_key like 'synthetic:%' group by 1 order by 1`,
  );
  expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'expired', 'fulfilled', 'reserved']);
  expect(statuses.reduce((s, r) => s + r.n, 0)).toBeGreaterThan(40);
  // Pending ones are still within the pickup window; closed ones were closed before now.
  expect(
    await rows(sql`select id from store_redemptions where request_key like 'synthetic:%'
      and ((status = 'reserved' and (expires_at <= ${NOW.toISOString()} or closed_at is not null))
        or (status <> 'reserved' and (closed_at is null or closed_at > ${NOW.toISOString()} or closed_at < created_at)))`),
  ).toEqual([]);
  // Every transaction sums to zero; every account's balance is its entries' sum and its last running balance.
  expect(
    await rows(sql`select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0`),
  ).toEqual([]);
  expect(
    await rows(sql`
      select a.key from ledger_accounts a
       where a.balance <> (select coalesce(sum(amount), 0) from ledger_entries e where e.tenant_id = a.tenant_id and e.account_id = a.id)
          or a.balance <> coalesce((select balance_after from ledger_entries e where e.tenant_id = a.tenant_id and e.account_id = a.id
                                    order by e.id desc limit 1), 0)
          or (not a.allow_negative and exists (select 1 from ledger_entries e where e.tenant_id = a.tenant_id
                                                and e.account_id = a.id and e.balance_after < 0))`),
  ).toEqual([]);
  // Each redemption: a synthetic hold, then a settlement (handed over) or a release (cancelled, expired), or nothing yet.
  expect(
    await rows(sql`
      select r.id from store_redemptions r
       where r.request_key like 'synthetic:%'
         and (select string_agg(t.kind, ',' order by t.created_at) from ledger_transactions t
               where t.tenant_id = r.tenant_id and t.source_type = 'store_redemption' and t.source_id = r.id::text
                 and (t.data->>'synthetic')::boolean)
             <> case r.status when 'reserved' then 'points.redeem.hold'
                              when 'fulfilled' then 'points.redeem.hold,points.redeem.settle'
                              when 'cancelled' then 'points.redeem.hold,points.redeem.cancel'
                              else 'points.redeem.hold,points.redeem.expire' end`),
  ).toEqual([]);
  // The held points are exactly the open redemptions'.
  const [held] = await rows<{ balance: number; open: number }>(sql`
    select (select balance::int from ledger_accounts where key = 'points:held') as balance,
           (select coalesce(sum(points), 0)::int from store_redemptions where status = 'reserved') as open`);
  expect(held?.balance).toBe(held?.open);
  // Stock: the goods' stock is the sum of its movements, the running stock by date never below zero,
  // and every movement (the store's own seeded deliveries too) carries the running stock at its date.
  expect(
    await rows(sql`select g.id from store_goods g
      where g.stock <> (select coalesce(sum(delta), 0) from store_stock_movements m where m.tenant_id = g.tenant_id and m.goods_id = g.id)`),
  ).toEqual([]);
  expect(
    await rows(sql`select id from (
        select id, note, stock_after, sum(delta) over (partition by goods_id order by at, kind <> 'restock' rows unbounded preceding) as running
          from store_stock_movements) m
      where running < 0 or stock_after <> running`),
  ).toEqual([]);
  // Each synthetic reservation is one movement of its redemption, each release another.
  expect(
    await rows(sql`select r.id from store_redemptions r where r.request_key like 'synthetic:%'
      and (select count(*) from store_stock_movements m where m.redemption_id = r.id)
          <> case when r.status in ('cancelled', 'expired') then 2 else 1 end`),
  ).toEqual([]);
});
