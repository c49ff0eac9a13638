/** The synthetic year of demo orders: deterministic, consistent timelines, once only, counted in 服务质量. */
import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, demo, signIn, type TestContext } from '../../../test/server.js';
import { orderEvents, orders } from '../modules/orders/index.js';
import type { Database, Db } from '../platform/db.js';
import { DEMO_DISTRICT } from './seed-demo.js';
import { seedDemoOrders } from './seed-demo-orders.js';

const NOW = new Date('2026-11-20T03:30:00Z');
/** A fifth of the demo's year keeps the file quick on a busy machine; the rules are the same. */
const COUNT = 600;
let t: TestContext;
let other: Database;
let seconds = 0;
let cpuSeconds = 0;

beforeAll(async () => {
  t = await createTestApp();
  other = await createTestDatabase();
  const started = performance.now();
  const cpu = process.cpuUsage();
  expect(await seedDemoOrders(t.database.db, DEMO_DISTRICT, NOW, COUNT)).toBe(true);
  seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  cpuSeconds = (used.user + used.system) / 1e6;
  expect(await seedDemoOrders(other.db, DEMO_DISTRICT, NOW, COUNT)).toBe(true);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const phoneOf = (column: AnyColumn) =>
  sql<string | null>`(select phone from users u where u.tenant_id = ${orders.tenantId} and u.id = ${column})`;

/** Everything about the synthetic orders and their timelines, people by phone (account ids are the database's). */
async function snapshot(db: Db) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      state: orders.state,
      version: orders.version,
      title: orders.title,
      menuItem: sql<
        string | null
      >`(select title from menu_items m where m.tenant_id = ${orders.tenantId} and m.id = ${orders.menuItemId})`,
      regionCode: orders.regionCode,
      address: orders.address,
      lng: orders.lng,
      lat: orders.lat,
      placedAt: orders.placedAt,
      reviewDueAt: orders.reviewDueAt,
      acceptDueAt: orders.acceptDueAt,
      acceptedAt: orders.acceptedAt,
      completedAt: orders.completedAt,
      stars: orders.stars,
      comment: orders.comment,
      closedAt: orders.closedAt,
      resident: phoneOf(orders.residentUserId),
      volunteer: phoneOf(orders.volunteerUserId),
      target: phoneOf(orders.targetUserId),
    })
    .from(orders)
    .where(eq(orders.synthetic, true))
    .orderBy(asc(orders.id));
  const events = await db
    .select({
      id: orderEvents.id,
      orderId: orderEvents.orderId,
      event: orderEvents.event,
      fromState: orderEvents.fromState,
      toState: orderEvents.toState,
      actorName: orderEvents.actorName,
      note: orderEvents.note,
      at: orderEvents.at,
    })
    .from(orderEvents)
    .innerJoin(orders, and(eq(orders.tenantId, orderEvents.tenantId), eq(orders.id, orderEvents.orderId)))
    .where(eq(orders.synthetic, true))
    .orderBy(asc(orderEvents.orderId), asc(orderEvents.at), asc(orderEvents.id));
  return { rows, events };
}

describe('a year of synthetic demo orders', () => {
  it('is the same data when seeded twice from the same moment', async () => {
    const [a, b] = await Promise.all([snapshot(t.database.db), snapshot(other.db)]);
    expect(a.rows).toHaveLength(COUNT);
    expect(a.events.length).toBeGreaterThan(COUNT * 3);
    expect(b).toEqual(a);
    console.log(
      `seeded ${a.rows.length} synthetic orders and ${a.events.length} events in ${seconds.toFixed(2)} s (this process's CPU: ${cpuSeconds.toFixed(2)} s; PGlite runs in it)`,
    );
  });

  it('is seeded once: a second call adds nothing', async () => {
    expect(await seedDemoOrders(t.database.db, DEMO_DISTRICT, new Date())).toBe(false);
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(eq(orders.synthetic, true));
    expect(row?.n).toBe(COUNT);
  });

  it('spans the year with a realistic mix of states and timelines that lead to each state', async () => {
    const { rows, events } = await snapshot(t.database.db);
    const byState = new Map<string, number>();
    for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
    // Mostly finished history, some of it rejected or cancelled, and a few still under way.
    expect((byState.get('rated') ?? 0) + (byState.get('closed') ?? 0)).toBeGreaterThan(COUNT * 0.6);
    for (const s of ['completed', 'rejected', 'cancelled']) expect(byState.get(s) ?? 0).toBeGreaterThan(10);
    const underWay = ['submitted', 'reviewed', 'dispatched', 'accepted', 'in_service'].reduce(
      (n, s) => n + (byState.get(s) ?? 0),
      0,
    );
    expect(underWay).toBeGreaterThan(0);
    expect(underWay).toBeLessThan(COUNT * 0.05);

    const times = rows.map((r) => r.placedAt.getTime());
    const yearAgo = NOW.getTime() - 366 * 86_400_000;
    expect(Math.min(...times)).toBeGreaterThan(yearAgo);
    expect(Math.min(...times)).toBeLessThan(yearAgo + 30 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    const communities = new Set(rows.map((r) => r.regionCode));
    expect(communities.size).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.volunteer).filter(Boolean)).size).toBeGreaterThan(20);

    const timeline = new Map<string, typeof events>();
    for (const e of events) timeline.set(e.orderId, [...(timeline.get(e.orderId) ?? []), e]);
    for (const r of rows) {
      const steps = timeline.get(r.id) ?? [];
      expect(steps[0]?.event).toBe('place');
      // Each step starts where the previous ended, never after now, and the last one is the order's state.
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]?.fromState).toBe(steps[i - 1]?.toState);
        expect(steps[i]?.at.getTime()).toBeGreaterThanOrEqual(steps[i - 1]?.at.getTime() as number);
      }
      expect(steps.at(-1)?.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(steps.at(-1)?.toState).toBe(r.state);
      expect(r.version).toBe(steps.length - 1);
      expect(r.stars !== null).toBe(steps.some((s) => s.event === 'rate'));
      if (['accepted', 'in_service', 'completed', 'rated', 'closed'].includes(r.state))
        expect(r.volunteer).not.toBeNull();
      // What still waits does not wait past its deadline at seeding (no burst of escalations on start).
      if (r.state === 'submitted') expect(r.reviewDueAt?.getTime()).toBeGreaterThan(NOW.getTime());
      if (r.state === 'dispatched') expect(r.acceptDueAt?.getTime()).toBeGreaterThan(NOW.getTime());
    }
    // The synthetic people are not the demo accounts: the real volunteer's load and the resident's orders stay theirs.
    const real = new Set<string>(Object.values(demo));
    expect(rows.some((r) => real.has(r.resident ?? '') || real.has(r.volunteer ?? ''))).toBe(false);
  });

  it('shows in 服务质量 with a synthetic count per row', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const res = await centre.get('/api/v1/orders/metrics?groupBy=station');
    expect(res.statusCode, res.body).toBe(200);
    const items: { key: string; orders: number; synthetic: number; rated: number; satisfaction: number | null }[] =
      res.json().items;
    expect(items.reduce((n, r) => n + r.synthetic, 0)).toBe(COUNT);
    for (const r of items) expect(r.synthetic).toBeLessThanOrEqual(r.orders);
    const beimenwai = items.find((r) => r.key === '371002002005');
    expect(beimenwai?.synthetic).toBeGreaterThan(COUNT / 60);
    expect(beimenwai?.satisfaction).toBeGreaterThan(0.7);

    // A real order beside them is counted as real.
    const keeper = await signIn(t.app, demo.keeper);
    const placed = await keeper.post('/api/v1/orders', {
      title: '帮忙换灯泡',
      categoryCode: 'convenience',
      description: '楼道灯坏了',
      regionCode: '371002002005',
      address: '北门外社区 3 号楼',
      lng: 122.12,
      lat: 37.51,
      windowStart: new Date(Date.now() + 86_400_000).toISOString(),
      windowEnd: new Date(Date.now() + 90_000_000).toISOString(),
      contactName: '赵大娘',
      contactPhone: '13912345678',
      onBehalf: { channel: 'phone' },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().synthetic).toBe(false);
    const after = (await keeper.get('/api/v1/orders/metrics?groupBy=station')).json().items;
    const row = after.find((r: { key: string }) => r.key === '371002002005');
    expect(row.orders).toBe((beimenwai?.orders ?? 0) + 1);
    expect(row.synthetic).toBe(beimenwai?.synthetic);
  });
});
