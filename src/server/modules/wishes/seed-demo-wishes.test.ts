/** The synthetic year of demo wishes: deterministic, every state, consistent timelines, once only, masked on the wall. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, demo, signIn, type TestContext } from '../../../../test/server.js';
import { DEMO_DISTRICT } from '../../demo/seed-demo.js';
import { seedDemoWishes } from '../../demo/seed-demo-wishes.js';
import type { Database, Db } from '../../platform/db.js';
import { wishEvents, wishes } from './schema.js';

const NOW = new Date('2026-11-20T03:30:00Z');
const COUNT = 400;
let t: TestContext;
let other: Database;

beforeAll(async () => {
  t = await createTestApp();
  other = await createTestDatabase();
  expect(await seedDemoWishes(t.database.db, DEMO_DISTRICT, NOW, COUNT)).toBe(true);
  expect(await seedDemoWishes(other.db, DEMO_DISTRICT, NOW, COUNT)).toBe(true);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

async function snapshot(db: Db) {
  return db
    .select({
      id: wishes.id,
      number: wishes.number,
      state: wishes.state,
      title: wishes.title,
      regionCode: wishes.regionCode,
      deadline: wishes.deadline,
      events: sql<number>`(select count(*)::int from wish_events e where e.tenant_id = ${wishes.tenantId} and e.wish_id = ${wishes.id})`,
    })
    .from(wishes)
    .where(eq(wishes.synthetic, true))
    .orderBy(asc(wishes.id));
}

describe('synthetic demo wishes', () => {
  it('are the same for the same day, in every state, labelled synthetic, and added once', async () => {
    const a = await snapshot(t.database.db);
    const b = await snapshot(other.db);
    expect(a).toHaveLength(COUNT);
    expect(a).toEqual(b);
    const states = new Set(a.map((w) => w.state));
    for (const s of [
      'submitted',
      'approved',
      'rejected',
      'claimed',
      'delivered',
      'confirmed',
      'thanked',
      'withdrawn',
      'expired',
    ])
      expect(states, s).toContain(s);
    expect(await seedDemoWishes(t.database.db, DEMO_DISTRICT, NOW, COUNT)).toBe(false);
  });

  it('have timelines that lead to each wish’s state, and nothing waiting past its deadline', async () => {
    const rows = await t.database.db.select().from(wishes).where(eq(wishes.synthetic, true));
    const events = await t.database.db.select().from(wishEvents).orderBy(asc(wishEvents.at), asc(wishEvents.id));
    const byWish = new Map<string, typeof events>();
    for (const e of events) byWish.set(e.wishId, [...(byWish.get(e.wishId) ?? []), e]);
    for (const w of rows) {
      const line = byWish.get(w.id) ?? [];
      expect(line[0]?.event).toBe('place');
      expect(line.at(-1)?.toState).toBe(w.state);
      expect(line).toHaveLength(w.version + 1);
      for (let i = 1; i < line.length; i++) expect(line[i]?.fromState).toBe(line[i - 1]?.toState);
      if (w.state === 'submitted' || w.state === 'approved')
        expect(w.deadline.getTime()).toBeGreaterThan(NOW.getTime());
      if (['claimed', 'delivered', 'confirmed', 'thanked'].includes(w.state)) expect(w.claimerUserId).not.toBeNull();
    }
  });

  it('show on the wall with the name masked, and in the keeper’s desk', async () => {
    const volunteer = await signIn(t.app, demo.volunteer);
    const wall = (await volunteer.get('/api/v1/wishes/wall?limit=50')).json().items;
    expect(wall.length).toBeGreaterThan(0);
    for (const w of wall) {
      expect(w.address).toBeNull();
      expect(w.beneficiaryPhone).toBeNull();
      expect(w.beneficiaryName).toMatch(/\*/);
    }
    const keeper = await signIn(t.app, demo.keeper);
    const desk = (await keeper.get('/api/v1/wishes?queue=all&limit=200')).json().items;
    expect(desk.length).toBeGreaterThan(0);
    expect(
      desk.every((w: { regionCode: string; synthetic: boolean }) => w.regionCode === '371002002005' && w.synthetic),
    ).toBe(true);
    const [n] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(wishes)
      .where(and(eq(wishes.synthetic, true), eq(wishes.regionCode, '371002002005')));
    expect(n?.n).toBeGreaterThan(0);
  });
});
