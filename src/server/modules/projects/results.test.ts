/**
 * A project's results are computed from the hours and orders records: here they are recomputed
 * independently, in plain code from the raw rows, and compared with what the project page shows.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { seedDemoHistory } from '../../demo/seed-demo-history.js';
import { activities, activityAttendance } from '../activities/index.js';
import { serviceRecords } from '../hours/index.js';
import { orders } from '../orders/index.js';
import { computeResultsEach, noResults } from './results.js';
import { projectCalls, projects } from './schema.js';

let t: TestContext;
let centre: Client;
const NOW = new Date('2026-11-20T03:30:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoHistory(t.database.db, t.config, NOW, {
    orders: 80,
    activities: { activities: 4, volunteers: 40 },
    wishes: 0,
    registeredVolunteers: 0,
  });
  centre = await signIn(t.app, demo.centreAdmin);
});
afterAll(() => t.close());

async function centreUserId(): Promise<string> {
  const { rows } = (await t.database.db.execute(sql`select id from users where phone = '13800000001'`)) as unknown as {
    rows: { id: string }[];
  };
  return rows[0]?.id as string;
}

/** Independently: the raw rows, filtered and summed here. */
async function recompute(tenantId: string, activityIds: string[], menuItemIds: string[]) {
  const db = t.database.db;
  const attendance = await db.select().from(activityAttendance).where(eq(activityAttendance.tenantId, tenantId));
  const attendanceIds = new Set(attendance.filter((a) => activityIds.includes(a.activityId)).map((a) => a.id));
  const itemIds = new Set(menuItemIds);
  const itemOrders = (await db.select().from(orders).where(eq(orders.tenantId, tenantId))).filter(
    (o) => o.menuItemId !== null && itemIds.has(o.menuItemId),
  );
  const orderIds = new Set(itemOrders.map((o) => o.id));
  const records = (
    await db
      .select()
      .from(serviceRecords)
      .where(and(eq(serviceRecords.tenantId, tenantId), eq(serviceRecords.status, 'confirmed')))
  ).filter(
    (r) =>
      (r.sourceType === 'activity_attendance' && attendanceIds.has(r.sourceId)) ||
      (r.sourceType === 'order' && orderIds.has(r.sourceId)),
  );
  const done = itemOrders.filter((o) => ['completed', 'rated', 'closed'].includes(o.state));
  const rated = done.filter((o) => o.stars !== null);
  return {
    minutesServed: records.reduce((s, r) => s + r.minutes, 0),
    volunteers: new Set(records.map((r) => r.volunteerUserId)).size,
    ordersCompleted: done.length,
    ratedOrders: rated.length,
    averageStars: rated.length
      ? Math.round((rated.reduce((s, o) => s + (o.stars ?? 0), 0) / rated.length) * 100) / 100
      : null,
  };
}

it('equals a recomputation from the service records and the orders', async () => {
  const { rows: acts } = (await t.database.db.execute(sql`
    select a.id, a.organisation_id as org, a.tenant_id as tenant, a.region_code as region from activities a
    where exists (select 1 from activity_attendance aa where aa.activity_id = a.id)
    order by a.id`)) as unknown as { rows: { id: string; org: string; tenant: string; region: string }[] };
  const act = acts[0];
  expect(act).toBeDefined();
  if (!act) return;
  const { rows: items } = (await t.database.db.execute(sql`
    select menu_item_id as id from orders where menu_item_id is not null and stars is not null
    group by menu_item_id order by count(*) desc limit 2`)) as unknown as { rows: { id: string }[] };
  expect(items.length).toBeGreaterThan(0);

  const [call] = await t.database.db
    .insert(projectCalls)
    .values({
      tenantId: act.tenant,
      title: '成效测试征集',
      level: 'district',
      regionCode: '371002',
      year: 2026,
      opensAt: new Date('2026-01-15T00:00:00Z'),
      closesAt: new Date('2026-03-31T00:00:00Z'),
    })
    .returning();
  const [project] = await t.database.db
    .insert(projects)
    .values({
      tenantId: act.tenant,
      callId: call?.id as string,
      state: 'approved',
      name: '成效测试项目',
      category: 'environment',
      organisationId: act.org,
      contactName: '测试',
      contactPhone: '13800000004',
      year: 2026,
      level: 'district',
      regionCode: act.region.slice(0, 9),
      createdBy: await centreUserId(),
    })
    .returning();
  const sameOrg = acts.filter((a) => a.org === act.org).map((a) => a.id);
  const linked = await centre.request({
    method: 'PUT',
    url: `/api/v1/projects/${project?.id}/links`,
    payload: { activityIds: sameOrg, menuItemIds: items.map((i) => i.id) },
  });
  expect(linked.statusCode, linked.body).toBe(200);
  const shown = (await anonymous(t.app).get(`/api/v1/public/projects/${project?.id}`)).json().results;

  const db = t.database.db;
  const expected = await recompute(
    act.tenant,
    sameOrg,
    items.map((i) => i.id),
  );
  expect(expected.minutesServed).toBeGreaterThan(0);
  expect(expected.ordersCompleted).toBeGreaterThan(0);
  expect(shown).toEqual(expected);

  // The ranking's batch (one query for many projects) gives each project its own figures.
  const [second] = await db
    .insert(projects)
    .values({ ...(project as NonNullable<typeof project>), id: undefined, name: '成效测试项目二' })
    .returning();
  const firstItem = items[0]?.id as string;
  const linkedSecond = await centre.request({
    method: 'PUT',
    url: `/api/v1/projects/${second?.id}/links`,
    payload: { activityIds: [], menuItemIds: [firstItem] },
  });
  expect(linkedSecond.statusCode, linkedSecond.body).toBe(200);
  const [bare] = await db
    .insert(projects)
    .values({ ...(project as NonNullable<typeof project>), id: undefined, name: '成效测试项目三' })
    .returning();
  const each = await computeResultsEach(db, act.tenant, [project?.id, second?.id, bare?.id] as string[]);
  expect(each.get(project?.id as string)).toEqual(expected);
  expect(each.get(second?.id as string)).toEqual(await recompute(act.tenant, [], [firstItem]));
  expect(each.get(bare?.id as string)).toEqual(noResults);

  // An activity of another organisation cannot be linked.
  const other = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.tenantId, act.tenant), sql`${activities.organisationId} <> ${act.org}`))
    .limit(1);
  if (other[0]) {
    const refused = await centre.request({
      method: 'PUT',
      url: `/api/v1/projects/${project?.id}/links`,
      payload: { activityIds: [other[0].id], menuItemIds: [] },
    });
    expect(refused.statusCode).toBe(400);
  }
});

it('gives the demo library figures from its linked records, and publishes last year’s round within budget', async () => {
  const db = t.database.db;
  const links = (await db.execute(sql`
    select p.id, p.tenant_id as tenant,
      coalesce((select array_agg(activity_id::text) from project_activities l where l.project_id = p.id), '{}') as acts,
      coalesce((select array_agg(menu_item_id::text) from project_menu_items l where l.project_id = p.id), '{}') as items
    from projects p where p.synthetic and p.state in ('approved', 'concluded')
      and (exists (select 1 from project_menu_items l where l.project_id = p.id)
        or exists (select 1 from project_activities l where l.project_id = p.id))
    order by (exists (select 1 from project_menu_items l where l.project_id = p.id)
          and exists (select 1 from project_activities l where l.project_id = p.id)) desc, p.id
    limit 12`)) as unknown as { rows: { id: string; tenant: string; acts: string[]; items: string[] }[] };
  expect(links.rows.length).toBeGreaterThan(0);
  let busy = 0;
  for (const p of links.rows) {
    const shown = (await anonymous(t.app).get(`/api/v1/public/projects/${p.id}`)).json().results;
    expect(shown).toEqual(await recompute(p.tenant, p.acts, p.items));
    if (shown.minutesServed > 0 && shown.ordersCompleted > 0) busy++;
  }
  expect(busy).toBeGreaterThan(0);

  const published = (await anonymous(t.app).get('/api/v1/public/evaluations')).json().items as {
    id: string;
    year: number;
    level: string;
  }[];
  const demoRound = published.find((r) => r.year === NOW.getUTCFullYear() - 1);
  expect(demoRound?.level).toBe('district');
  const results = (await anonymous(t.app).get(`/api/v1/public/evaluations/${demoRound?.id}`)).json();
  expect(results.ranking.length).toBeGreaterThan(3);
  expect(results.awardedFen).toBeGreaterThan(0);
  expect(results.awardedFen).toBeLessThanOrEqual(results.budgetFen);
  expect(results.ranking[0].award).not.toBeNull();
  expect(results.ranking.some((r: { results: { minutesServed: number } }) => r.results.minutesServed > 0)).toBe(true);
});
