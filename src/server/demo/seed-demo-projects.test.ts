import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/server.js';
import { brandSeries, brands, projectCalls, projectReviews, projects, reviewChain } from '../modules/projects/index.js';
import type { Database } from '../platform/db.js';
import { DEMO_DISTRICT } from './seed-demo.js';
import { seedDemoProjects } from './seed-demo-projects.js';

const NOW = new Date('2026-11-20T03:30:00Z');
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it('seeds one call of 15 January, 194 district and 182 subdistrict/community projects and the named brands, once', async () => {
  const db = database.db;
  expect(await seedDemoProjects(db, DEMO_DISTRICT, NOW)).toBe(true);
  expect(await seedDemoProjects(db, DEMO_DISTRICT, NOW)).toBe(false);

  const calls = await db.select().from(projectCalls).where(eq(projectCalls.tenantId, DEMO_DISTRICT));
  expect(calls).toHaveLength(1);
  expect(calls[0]?.opensAt.toISOString()).toBe('2026-01-14T16:00:00.000Z');

  const { rows } = (await db.execute(
    sql`select level, count(*)::int as n from projects where synthetic group by level order by level`,
  )) as unknown as { rows: { level: string; n: number }[] };
  expect(rows).toEqual([
    { level: 'district', n: 194 },
    { level: 'subdistrict', n: 182 },
  ]);
  const all = await db.select().from(projects).where(eq(projects.tenantId, DEMO_DISTRICT));
  expect(new Set(all.map((p) => p.state))).toEqual(
    new Set(['approved', 'concluded', 'submitted', 'returned', 'rejected']),
  );

  const names = (await db.select({ name: brands.name }).from(brands)).map((b) => b.name).sort();
  expect(names).toEqual(
    [
      '鲸园蓝',
      '金晖助老',
      '精致童年',
      '百姓故事会',
      '爱心馄饨',
      '暖心“店小二”',
      '志愿环“翠”绿满滨城',
      '有爱早市',
    ].sort(),
  );
  const [jingyuan] = await db.select().from(brands).where(eq(brands.name, '鲸园蓝'));
  const series = await db
    .select({ name: brandSeries.name })
    .from(brandSeries)
    .where(and(eq(brandSeries.brandId, jingyuan?.id as string)));
  expect(series).toHaveLength(6);
  expect(series.map((s) => s.name)).toEqual(expect.arrayContaining(['蓝色周六', '蓝色情怀']));

  // Every project in the library was approved by the last level of its chain; one in review waits at a level of it.
  const reviews = await db.select().from(projectReviews);
  for (const p of all) {
    const chain = reviewChain(p.regionCode, p.level);
    const mine = reviews.filter((r) => r.projectId === p.id);
    if (p.state === 'approved' || p.state === 'concluded')
      expect(mine.find((r) => r.decision === 'approve')?.regionCode).toBe(chain[chain.length - 1]);
    if (p.state === 'submitted') expect(chain).toContain(p.reviewRegionCode);
  }
});
