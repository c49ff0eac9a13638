import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { volunteerBlocks } from './schema.js';

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

/** A free request of 北门外 for next Saturday 10:00 (demo volunteers are free then), reviewed. */
async function reviewedOrder(by: Client = resident) {
  const saturday = new Date();
  saturday.setUTCHours(2, 0, 0, 0);
  do saturday.setUTCDate(saturday.getUTCDate() + 1);
  while (saturday.getUTCDay() !== 6);
  const placed = await by.post('/api/v1/orders', {
    categoryCode: 'convenience',
    title: '帮忙搬米',
    regionCode: '371002002005',
    address: '北门外社区 2 号楼',
    ...POINT,
    windowStart: saturday.toISOString(),
    windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const path = `/api/v1/orders/${placed.json().id}`;
  expect((await keeper.post(`${path}/review`)).statusCode).toBe(200);
  return path;
}

async function servedOrder() {
  const path = await reviewedOrder();
  const steps: [Client, string, unknown?][] = [
    [keeper, 'dispatch', { target: { kind: 'volunteer', volunteerId } }],
    [volunteer, 'accept'],
    [volunteer, 'check-in', POINT],
    [volunteer, 'complete', { summary: '米已搬上楼' }],
  ];
  for (const [client, action, body] of steps) {
    const res = await client.post(`${path}/${action}`, body as Record<string, unknown>);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return path;
}

const candidateIds = async (path: string) =>
  (await keeper.get(`${path}/candidates?k=50`)).json().items.map((c: { volunteerId: string }) => c.volunteerId);
const block = (client: Client, path: string, method: 'GET' | 'PUT' | 'DELETE') =>
  client.request({ method, url: `${path}/volunteer-block` });

describe('a resident blocking the volunteer who served them', () => {
  it('is refused before the service is done, and to anyone but the resident', async () => {
    const waiting = await reviewedOrder();
    expect((await block(resident, waiting, 'PUT')).statusCode).toBe(409);
    const done = await servedOrder();
    for (const other of [keeper, volunteer]) expect((await block(other, done, 'PUT')).statusCode).toBe(404);
    const stranger = await signIn(t.app, (await makeUser(t.database)).phone);
    expect((await block(stranger, done, 'PUT')).statusCode).toBe(404);
    expect(await t.database.db.select().from(volunteerBlocks)).toEqual([]);
  });

  it('keeps the volunteer off the resident’s orders, named or suggested, until undone', async () => {
    const done = await servedOrder();
    const next = await reviewedOrder();
    expect(await candidateIds(next)).toContain(volunteerId);

    const blocked = await block(resident, done, 'PUT');
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json()).toEqual({ volunteerName: '李志愿', blocked: true });
    expect((await block(resident, done, 'PUT')).json().blocked).toBe(true);
    expect((await block(resident, done, 'GET')).json().blocked).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'order.block_volunteer'));
    expect(audit).toHaveLength(1);

    expect(await candidateIds(next)).not.toContain(volunteerId);
    const named = await keeper.post(`${next}/dispatch`, { target: { kind: 'volunteer', volunteerId } });
    expect(named.statusCode).toBe(409);
    expect(named.json().error).toMatchObject({ code: 'DISPATCH_TARGET_INVALID' });
    expect(named.json().error.details[0]).toMatchObject({ field: 'body.target' });
    expect(named.json().error.message).toContain('屏蔽');
    // Another resident's order still gets them.
    const neighbour = await signIn(t.app, (await makeUser(t.database)).phone);
    expect(await candidateIds(await reviewedOrder(neighbour))).toContain(volunteerId);

    const undone = await block(resident, done, 'DELETE');
    expect(undone.json()).toEqual({ volunteerName: '李志愿', blocked: false });
    expect(await candidateIds(next)).toContain(volunteerId);
    expect((await keeper.post(`${next}/dispatch`, { target: { kind: 'volunteer', volunteerId } })).statusCode).toBe(
      200,
    );
  });
});
