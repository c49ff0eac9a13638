/** The whole synthetic year seeds on one database: no capability's synthetic people collide with another's. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/server.js';
import { pointsAccountsSum, runPointsEarning } from '../modules/points/index.js';
import type { Database } from '../platform/db.js';
import { seedDemoHistory } from './seed-demo-history.js';
import { seedDemoPointsHistory } from './seed-demo-points-history.js';
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
  };
  expect(await seedDemoHistory(database.db, NOW, sizes)).toEqual([
    'orders',
    'activities and hours',
    'micro-wishes',
    'projects and brands',
    'project results and last year’s evaluation',
  ]);
  expect(await seedDemoHistory(database.db, NOW, sizes)).toEqual([]);
  const { rows } = (await database.db.execute(
    sql`select substr(phone, 1, 7) as block, count(*)::int as n from users where phone like '170%' group by 1 order by 1`,
  )) as unknown as { rows: { block: string; n: number }[] };
  expect(rows.map((r) => r.block)).toEqual(Object.values(syntheticPhone).sort());
});

it('credits the synthetic hours with points once: the earning job adds nothing to them', async () => {
  const db = database.db;
  expect(await seedDemoPointsHistory(db, '371002')).toBe(true);
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
