import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { textLimits } from '../../../shared/text-limits.js';
import { auditLog } from '../../platform/audit-schema.js';
import { orders } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let volunteer: Client;
let volunteerId: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  volunteerId = (await volunteer.get('/api/v1/me/volunteer')).json().id;
});
afterAll(() => t.close());

const POINT = { lng: 122.1205, lat: 37.5102 };
const NOTE = '手机定位失败，已在 2 号楼门口与王大爷合影，可电话核实';

/** A free request of 北门外 for next Saturday 10:00, dispatched to and accepted by the demo volunteer. */
async function acceptedOrder() {
  const saturday = new Date();
  saturday.setUTCHours(2, 0, 0, 0);
  do saturday.setUTCDate(saturday.getUTCDate() + 1);
  while (saturday.getUTCDay() !== 6);
  const placed = await resident.post('/api/v1/orders', {
    categoryCode: 'convenience',
    title: '帮忙搬米',
    regionCode: '371002002005',
    address: '北门外社区 2 号楼',
    ...POINT,
    windowStart: saturday.toISOString(),
    windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const id = placed.json().id as string;
  const path = `/api/v1/orders/${id}`;
  const steps: [Client, string, unknown?][] = [
    [keeper, 'review'],
    [keeper, 'dispatch', { target: { kind: 'volunteer', volunteerId } }],
    [volunteer, 'accept'],
  ];
  for (const [client, action, body] of steps) {
    const res = await client.post(`${path}/${action}`, body as Record<string, unknown>);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return { id, path };
}

const stateOf = async (id: string) =>
  (await t.database.db.select().from(orders).where(eq(orders.id, id)))[0] as typeof orders.$inferSelect;

const auditOf = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'order.check_in')));

describe('checking in to an order', () => {
  it('with a position near the address: the distance is kept and nothing is flagged', async () => {
    const { id, path } = await acceptedOrder();
    const res = await volunteer.post(`${path}/check-in`, { lng: 122.1207, lat: 37.5104 });
    expect(res.statusCode, res.body).toBe(200);
    const order = res.json();
    expect(order.state).toBe('in_service');
    expect(order.checkIn).toMatchObject({ noLocation: false, note: null, lng: 122.1207 });
    expect(order.checkIn.distanceM).toBeLessThan(50);
    const step = order.timeline.find((e: { event: string }) => e.event === 'check_in');
    expect(step.flag).toBeNull();
    expect((await auditOf(id))[0]?.detail).not.toHaveProperty('noLocation');
  });

  it('refuses a position far from the address, and changes nothing', async () => {
    const { id, path } = await acceptedOrder();
    const res = await volunteer.post(`${path}/check-in`, { lng: 122.1605, lat: 37.5102 }); // ≈ 3.5 km east
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'ORDER_CHECKIN_TOO_FAR' });
    expect(res.json().error.details[0].message).toContain('公里');
    const row = await stateOf(id);
    expect(row.state).toBe('accepted');
    expect(row.checkInAt).toBeNull();
    expect(await auditOf(id)).toHaveLength(0);
  });

  it('allows for the reported accuracy (at most 500 m of it), keeps it, and takes no impossible one', async () => {
    const { id, path } = await acceptedOrder();
    const near = { lng: 122.1341, lat: 37.5102 }; // ≈ 1.2 km east: outside 1 km, inside 1 km + 300 m
    const bare = await volunteer.post(`${path}/check-in`, near);
    expect(bare.statusCode, bare.body).toBe(403);
    expect(bare.json().error.code).toBe('ORDER_CHECKIN_TOO_FAR');
    const vague = await volunteer.post(`${path}/check-in`, { lng: 122.1605, lat: 37.5102, accuracy: 5000 });
    expect(vague.statusCode, vague.body).toBe(403); // ≈ 3.5 km: the credit stops at 500 m
    expect(vague.json().error.details[0].message).toContain('1500 米');
    const over = await volunteer.post(`${path}/check-in`, { ...near, accuracy: 5001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.map((d: { field: string }) => d.field)).toContain('body.accuracy');
    expect((await stateOf(id)).state).toBe('accepted');

    const res = await volunteer.post(`${path}/check-in`, { ...near, accuracy: 300.4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkIn.accuracyM).toBe(300);
    expect(res.json().checkIn.distanceM).toBeGreaterThan(1000);
    expect(await stateOf(id)).toMatchObject({ state: 'in_service', checkInAccuracyM: 300, checkInNote: null });
    const step = res.json().timeline.find((e: { event: string }) => e.event === 'check_in');
    expect(step.flag).toBeNull();
  });

  it('without a position needs a note: a field error, and nothing changes', async () => {
    const { id, path } = await acceptedOrder();
    for (const body of [
      {},
      { note: '   ' },
      { lng: 122.1205 },
      { note: 'x'.repeat(textLimits.orderCheckInNote + 1) },
    ]) {
      const res = await volunteer.post(`${path}/check-in`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d: { field: string }) => d.field)).toContain('lng' in body ? 'body.lat' : 'body.note');
    }
    expect((await stateOf(id)).state).toBe('accepted');
  });

  it('without a position on a note: stored, and flagged 无定位 in the timeline, the order and the audit log', async () => {
    const { id, path } = await acceptedOrder();
    const res = await volunteer.post(`${path}/check-in`, { note: `  ${NOTE} ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkIn).toMatchObject({ noLocation: true, note: NOTE, lng: null, lat: null, distanceM: null });
    const row = await stateOf(id);
    expect(row).toMatchObject({ state: 'in_service', checkInNote: NOTE, checkInLng: null });

    // The resident and the keeper both see the flagged step with the note.
    for (const reader of [resident, keeper]) {
      const seen = (await reader.get(path)).json();
      const step = seen.timeline.find((e: { event: string }) => e.event === 'check_in');
      expect(step).toMatchObject({ note: NOTE, flag: { zh: '无定位', en: 'no location' } });
      expect(seen.checkIn.noLocation).toBe(true);
    }
    const [audit] = await auditOf(id);
    expect(audit?.detail).toMatchObject({ noLocation: true, flag: '无定位' });
    const listed = (await keeper.get(`/api/v1/audit-log?entityId=${id}&action=order.check_in`)).json().items;
    expect(listed[0]?.detail).toMatchObject({ flag: '无定位' });

    // Completing works as after any check-in.
    const done = await volunteer.post(`${path}/complete`, { summary: '米已搬上楼' });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('is the serving volunteer’s alone; others get 404, or 409 when they may see the order', async () => {
    const { id, path } = await acceptedOrder();
    const stranger = await signIn(t.app, (await makeUser(t.database)).phone);
    const farKeeper = await signIn(
      t.app,
      (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002003006' }] })).phone,
    );
    for (const other of [stranger, farKeeper])
      expect((await other.post(`${path}/check-in`, { note: NOTE })).statusCode).toBe(404);
    for (const other of [resident, keeper])
      expect((await other.post(`${path}/check-in`, { note: NOTE })).statusCode).toBeGreaterThanOrEqual(403);
    expect((await stateOf(id)).checkInAt).toBeNull();
    // A keeper of another community does not see the flagged audit entry either.
    expect((await volunteer.post(`${path}/check-in`, { note: NOTE })).statusCode).toBe(200);
    const theirs = await farKeeper.get(`/api/v1/audit-log?entityId=${id}`);
    expect(theirs.statusCode === 403 || theirs.json().items.length === 0).toBe(true);
    // A second check-in is refused: the order is in service.
    expect((await volunteer.post(`${path}/check-in`, { note: NOTE })).statusCode).toBe(409);
  });
});
