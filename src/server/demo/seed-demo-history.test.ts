/** The whole synthetic year seeds on one database: no capability's synthetic people collide with another's. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/server.js';
import type { Database } from '../platform/db.js';
import { seedDemoHistory } from './seed-demo-history.js';
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
  ]);
  expect(await seedDemoHistory(database.db, NOW, sizes)).toEqual([]);
  const { rows } = (await database.db.execute(
    sql`select substr(phone, 1, 7) as block, count(*)::int as n from users where phone like '170%' group by 1 order by 1`,
  )) as unknown as { rows: { block: string; n: number }[] };
  expect(rows.map((r) => r.block)).toEqual(Object.values(syntheticPhone).sort());
});
