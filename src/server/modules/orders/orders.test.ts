import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOf } from '../../../../test/notification-params.js';
import { makeUser, userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { sites } from '../sites/index.js';
import { volunteerSkills, volunteers } from '../volunteers/index.js';
import { orders } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let volunteer: Client;
let haircut: string; // 助老服务 · 上门理发, 鲸园蓝, serves 鲸园街道
let volunteerId: string;

const BEIMENWAI = '371002002005';
const WANGDAO = '371002003006'; // 竹岛街道

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  const [v] = await t.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, await userIdOf(t.database, demo.volunteer)));
  volunteerId = v?.id as string;
});
afterAll(() => t.close());

const window = () => ({
  windowStart: new Date(Date.now() + 86400_000).toISOString(),
  windowEnd: new Date(Date.now() + 86400_000 + 2 * 3600_000).toISOString(),
});
const orderBody = (extra: Record<string, unknown> = {}) => ({
  menuItemId: haircut,
  description: '老伴腿脚不便，想请志愿者上门理发',
  regionCode: BEIMENWAI,
  address: '北门外社区 3 号楼 2 单元 101',
  lng: 122.1205,
  lat: 37.5102,
  ...window(),
  ...extra,
});

async function place(client: Client, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/orders', orderBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const clients = new Map<string, Client>();
async function inbox(phone: string): Promise<{ kind: string; title: string; link: string | null }[]> {
  let client = clients.get(phone);
  if (!client) {
    client = await signIn(t.app, phone);
    clients.set(phone, client);
  }
  return (await client.get('/api/v1/me/notifications?limit=200')).json().items;
}

describe('the order loop through the API', () => {
  it('runs 点单 → 审单 → 派单 → 接单 → 签到 → 完成 → 评单 → 办结, with a timeline and messages', async () => {
    const key = { 'idempotency-key': 'order-haircut-0001' };
    const body = orderBody({ urgency: 'normal' });
    const first = await resident.post('/api/v1/orders', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json();
    expect(order).toMatchObject({
      state: 'submitted',
      title: '助老服务 · 上门理发',
      channel: 'app',
      contactName: '王大爷',
    });
    expect(order.actions).toMatchObject({ cancel: true, review: false, accept: false });
    const again = await resident.post('/api/v1/orders', body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(order.id);
    const same = await t.database.db.select({ id: orders.id }).from(orders).where(eq(orders.id, order.id));
    expect(same).toHaveLength(1);
    expect((await inbox(demo.keeper)).some((n) => n.kind === 'order.placed' && n.link?.includes(order.id))).toBe(true);

    const seen = (await keeper.get(`/api/v1/orders/${order.id}`)).json();
    expect(seen.actions).toMatchObject({ review: true, reject: true, dispatch: false, cancel: false });
    const queue = (await keeper.get('/api/v1/orders?queue=mine')).json().items.map((o: { id: string }) => o.id);
    expect(queue).toContain(order.id);

    const reviewed = await keeper.post(`/api/v1/orders/${order.id}/review`);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ state: 'reviewed', actions: { dispatch: true } });
    const dispatched = await keeper.post(`/api/v1/orders/${order.id}/dispatch`, {
      target: { kind: 'volunteer', volunteerId },
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().target).toMatchObject({ kind: 'volunteer', volunteer: { name: '李志愿' } });

    const offers = (await volunteer.get('/api/v1/orders/tasks?view=offers')).json().items;
    expect(offers.map((o: { id: string }) => o.id)).toContain(order.id);
    expect(offers.find((o: { id: string }) => o.id === order.id).actions).toMatchObject({
      accept: true,
      decline: true,
    });
    expect((await inbox(demo.volunteer)).some((n) => n.kind === 'order.dispatched')).toBe(true);

    expect((await volunteer.post(`/api/v1/orders/${order.id}/accept`)).statusCode).toBe(200);
    const started = await volunteer.post(`/api/v1/orders/${order.id}/check-in`, { lng: 122.1206, lat: 37.5103 });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().checkIn.distanceM).toBeLessThan(50);
    const done = await volunteer.post(`/api/v1/orders/${order.id}/complete`, { summary: '已为老人理发修面' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed', summary: '已为老人理发修面' });
    // The service from check-in to completion waits for confirmation among the volunteer's hours.
    const records = (await volunteer.get('/api/v1/me/service-records?status=pending')).json().items;
    const record = records.find((r: { source: { id: string } }) => r.source.id === order.id);
    expect(record).toMatchObject({ source: { type: 'order' }, status: 'pending', volunteer: { name: '李志愿' } });
    expect(record.content).toContain('上门理发');
    expect(Date.parse(record.endedAt) - Date.parse(record.startedAt)).toBeGreaterThanOrEqual(record.minutes * 60_000);

    const rated = await resident.post(`/api/v1/orders/${order.id}/rate`, { stars: 5, comment: '小李手艺好，很耐心' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().rating).toMatchObject({ stars: 5 });
    const closed = await keeper.post(`/api/v1/orders/${order.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);

    const detail = (await resident.get(`/api/v1/orders/${order.id}`)).json();
    expect(detail.state).toBe('closed');
    expect(detail.timeline.map((e: { event: string }) => e.event)).toEqual([
      'place',
      'review',
      'dispatch',
      'accept',
      'check_in',
      'complete',
      'rate',
      'close',
    ]);
    expect(Object.values(detail.actions).every((v) => v === false)).toBe(true);
    const residentKinds = (await inbox(demo.resident)).map((n) => n.kind);
    for (const k of ['order.reviewed', 'order.dispatched', 'order.accepted', 'order.in_service', 'order.completed'])
      expect(residentKinds).toContain(k);
    expect((await inbox(demo.volunteer)).some((n) => n.kind === 'order.rated')).toBe(true);
    const mine = (await resident.get('/api/v1/orders/mine')).json().items;
    // The names come from one look-up per page: person, region and category.
    expect(mine.find((o: { id: string }) => o.id === order.id)).toMatchObject({
      categoryName: expect.not.stringMatching(/^[a-z_]+$/),
      regionName: expect.stringContaining('北门外'),
      volunteer: { name: '李志愿' },
    });

    // The station's and the team's metrics show it.
    const stations = (await keeper.get('/api/v1/orders/metrics?groupBy=station')).json().items;
    const here = stations.find((m: { key: string }) => m.key === BEIMENWAI);
    expect(here).toMatchObject({
      name: expect.stringContaining('北门外'),
      satisfaction: 1,
      rated: 1,
      completionRate: 1,
    });
    expect(here.orders).toBeGreaterThanOrEqual(1);
    expect(here.medianAcceptMinutes).toBeGreaterThanOrEqual(0);
    const teams = (await keeper.get('/api/v1/orders/metrics?groupBy=team')).json().items;
    expect(teams.map((m: { name: string }) => m.name)).toContain('鲸园蓝志愿服务队');
    const foreign = await signIn(
      t.app,
      (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: WANGDAO }] })).phone,
    );
    const theirs = (await foreign.get('/api/v1/orders/metrics')).json().items;
    expect(theirs.map((m: { key: string }) => m.key)).not.toContain(BEIMENWAI);
  });

  it('answers 409 to an event the state does not allow, and 403 to the wrong person', async () => {
    const order = await place(resident);
    const early = await resident.post(`/api/v1/orders/${order.id}/rate`, { stars: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await keeper.post(`/api/v1/orders/${order.id}/review`)).statusCode).toBe(200);
    const twice = await keeper.post(`/api/v1/orders/${order.id}/review`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('待派单');
    expect((await volunteer.post(`/api/v1/orders/${order.id}/accept`)).statusCode).toBe(404); // not offered to them
    expect((await resident.post(`/api/v1/orders/${order.id}/dispatch`, { target: { kind: 'open' } })).statusCode).toBe(
      403,
    );
    const cancelled = await resident.post(`/api/v1/orders/${order.id}/cancel`, { reason: '家人已帮忙理发' });
    expect(cancelled.json().state).toBe('cancelled');
    expect((await keeper.post(`/api/v1/orders/${order.id}/dispatch`, { target: { kind: 'open' } })).statusCode).toBe(
      409,
    );
  });

  it('keeps a keeper of one community away from another community’s orders', async () => {
    const order = await place(resident);
    const other = await signIn(
      t.app,
      (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: WANGDAO }] })).phone,
    );
    expect((await other.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/orders/${order.id}/review`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/orders/${order.id}/reject`, { reason: 'x' })).statusCode).toBe(404);
    const listed = (await other.get('/api/v1/orders?limit=200')).json().items.map((o: { id: string }) => o.id);
    expect(listed).not.toContain(order.id);
    expect((await other.get(`/api/v1/orders?regionCode=${BEIMENWAI}`)).statusCode).toBe(404);
    const stranger = await signIn(t.app, (await makeUser(t.database)).phone);
    expect((await stranger.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/orders')).statusCode).toBe(403);
  });

  it('lets exactly one of two volunteers grab an open order', async () => {
    const order = await place(resident);
    await keeper.post(`/api/v1/orders/${order.id}/review`);
    expect((await keeper.post(`/api/v1/orders/${order.id}/dispatch`, { target: { kind: 'open' } })).statusCode).toBe(
      200,
    );
    const grabbers: Client[] = [];
    for (let i = 0; i < 2; i++) {
      const person = await makeUser(t.database);
      const [v] = await t.database.db
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(and(eq(volunteers.userId, person.id)));
      await t.database.db
        .insert(volunteerSkills)
        .values({ tenantId: person.tenantId, volunteerId: v?.id as string, skillCode: 'elderly_disabled' });
      grabbers.push(await signIn(t.app, person.phone));
    }
    const pool = (await grabbers[0]?.get('/api/v1/orders/tasks?view=pool'))?.json().items;
    expect(pool.map((o: { id: string }) => o.id)).toContain(order.id);
    const results = await Promise.all(grabbers.map((g) => g.post(`/api/v1/orders/${order.id}/accept`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.state).toBe('accepted');
    expect(row?.volunteerUserId).toBeTruthy();
  });

  it('lets a keeper place an order for a resident by phone, and a volunteer decline back to the dispatcher', async () => {
    const res = await keeper.post('/api/v1/orders', {
      categoryCode: 'convenience',
      title: '换灯泡',
      description: '厨房灯泡坏了',
      regionCode: BEIMENWAI,
      address: '北门外社区 5 号楼',
      ...window(),
      contactName: '刘奶奶',
      contactPhone: '13912340000',
      onBehalf: { channel: 'phone' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ channel: 'phone', contactName: '刘奶奶', contactPhone: '13912340000' });
    expect(order.timeline[0].note).toContain('电话');
    const residentTry = await resident.post('/api/v1/orders', { ...orderBody(), onBehalf: { channel: 'door' } });
    expect(residentTry.statusCode).toBe(403);
    const foreign = await keeper.post('/api/v1/orders', {
      ...orderBody({ menuItemId: undefined, categoryCode: 'convenience', title: 'x', regionCode: WANGDAO }),
      contactName: 'x',
      contactPhone: '13912340001',
      onBehalf: { channel: 'door' },
    });
    expect(foreign.statusCode).toBe(404);

    await keeper.post(`/api/v1/orders/${order.id}/review`);
    await keeper.post(`/api/v1/orders/${order.id}/dispatch`, { target: { kind: 'volunteer', volunteerId } });
    const declined = await volunteer.post(`/api/v1/orders/${order.id}/decline`, { reason: '这周出差' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'reviewed', target: null });
    expect((await inbox(demo.keeper)).some((n) => n.kind === 'order.declined' && n.link?.includes(order.id))).toBe(
      true,
    );
  });

  it('refuses a menu item outside its areas and a photo the caller did not upload', async () => {
    const far = await resident.post('/api/v1/orders', orderBody({ regionCode: WANGDAO }));
    expect(far.statusCode).toBe(409);
    expect(far.json().error.code).toBe('MENU_ITEM_NOT_SERVED');
    const photo = await resident.post(
      '/api/v1/orders',
      orderBody({ photoFileIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(photo.statusCode).toBe(400);
  });

  it('recommends candidates with readable reasons, to staff in scope only', async () => {
    const saturday = new Date();
    saturday.setUTCHours(2, 0, 0, 0); // 10:00 in Shanghai
    do saturday.setUTCDate(saturday.getUTCDate() + 1);
    while (saturday.getUTCDay() !== 6);
    const order = await place(resident, {
      windowStart: saturday.toISOString(),
      windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
    });
    const res = await keeper.get(`/api/v1/orders/${order.id}/candidates?k=5`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, considered } = res.json();
    expect(considered).toBeGreaterThan(0);
    const li = items.find((c: { volunteerId: string }) => c.volunteerId === volunteerId);
    expect(li).toBeTruthy();
    expect(li.name).toBe('李志愿');
    expect(li.reasons).toMatch(/(km|m) · /);
    expect(li.reasons).toContain('助老助残');
    // Placed on the map at the station of their home community (北门外社区), never at their address.
    const [station] = await t.database.db
      .select({ lng: sites.lng, lat: sites.lat })
      .from(sites)
      .where(and(eq(sites.kind, 'station'), eq(sites.regionCode, '371002002005')));
    expect({ lng: li.lng, lat: li.lat }).toEqual({ lng: station?.lng, lat: station?.lat });
    expect(items.every((c: { userId: string }) => c.userId !== order.contactName)).toBe(true);
    const other = await signIn(
      t.app,
      (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: WANGDAO }] })).phone,
    );
    expect((await other.get(`/api/v1/orders/${order.id}/candidates`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/orders/${order.id}/candidates`)).statusCode).toBe(403);
  });

  it('answers a placement with the order as it is read back, and names a wrong category or community', async () => {
    const free = {
      categoryCode: 'health',
      title: '量血压',
      description: '',
      regionCode: BEIMENWAI,
      address: '北门外社区 1 号楼',
      ...window(),
    };
    const mine = await place(resident, { ...free, menuItemId: undefined });
    expect(mine.timeline).toEqual([expect.objectContaining({ event: 'place', toState: 'submitted', note: null })]);
    expect((await resident.get(`/api/v1/orders/${mine.id}`)).json()).toEqual(mine);
    const submitted = (await resident.get('/api/v1/orders/mine?state=submitted&limit=100')).json().items;
    expect(submitted.map((o: { id: string }) => o.id)).toContain(mine.id);
    expect(submitted.every((o: { state: string }) => o.state === 'submitted')).toBe(true);
    const first = (await resident.get('/api/v1/orders/mine?limit=1')).json();
    expect(first.items.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    const next = (await resident.get(`/api/v1/orders/mine?limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(mine.id);
    const byPhone = await place(keeper, {
      onBehalf: { channel: 'phone', residentPhone: demo.resident },
    });
    expect(byPhone.timeline[0].note).toContain('电话');
    expect((await keeper.get(`/api/v1/orders/${byPhone.id}`)).json()).toEqual(byPhone);

    const refused = async (body: Record<string, unknown>) => {
      const res = await resident.post('/api/v1/orders', { ...free, ...body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details[0].field;
    };
    expect(await refused({ categoryCode: 'no_such_category' })).toBe('body.categoryCode');
    expect(await refused({ regionCode: '371002002' })).toBe('body.regionCode');
    expect(await refused({ regionCode: '371002999999', categoryCode: 'no_such_category' })).toBe('body.regionCode');
  });

  it('stores every message about an order with the parameters of its text (the reader’s language)', async () => {
    const { kinds, bare } = await messagesOf(t.database, 'order.', ['title', 'number']);
    expect(kinds).toEqual(expect.arrayContaining(['order.placed', 'order.accepted', 'order.declined', 'order.rated']));
    expect(bare).toEqual([]);
    const accepted = (await inbox(demo.resident)).find((n) => n.kind === 'order.accepted') as unknown as {
      data: { params: Record<string, unknown> };
    };
    expect(accepted.data.params).toMatchObject({ name: expect.any(String), title: expect.any(String) });
  });
});
