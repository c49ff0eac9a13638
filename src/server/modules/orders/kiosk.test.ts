import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { sites } from '../sites/index.js';
import { orders } from './schema.js';

const BEIMENWAI = '371002002005';
let t: TestContext;
let keeper: Client;
let haircut: string;
let station: { id: string; name: string };
let otherStation: string;
let institute: string;

beforeAll(async () => {
  t = await createTestApp({ env: { KIOSK_ORDERS_PER_HOUR: '3' } });
  keeper = await signIn(t.app, demo.keeper);
  const menu = (await anonymous(t.app).get(`/api/v1/public/menu-items?regionCode=${BEIMENWAI}&limit=100`)).json().items;
  haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  const stations = await t.database.db
    .select({ id: sites.id, name: sites.name, regionCode: sites.regionCode, kind: sites.kind })
    .from(sites);
  const own = stations.find((s) => s.kind === 'station' && s.regionCode === BEIMENWAI);
  if (!own) throw new Error('no station in 北门外');
  station = own;
  otherStation = stations.find((s) => s.kind === 'station' && s.regionCode.startsWith('371002002') && s.id !== own.id)
    ?.id as string;
  institute = stations.find((s) => s.kind === 'institute')?.id as string;
});
afterAll(() => t.close());

const HOUR = 3600_000;
const body = (fields: Record<string, unknown> = {}) => ({
  menuItemId: haircut,
  contactName: '孙大爷',
  contactPhone: '13905350101',
  address: '北门外社区 3 号楼 2 单元',
  description: '想请人上门理发',
  windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
  windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
  ...fields,
});
const countOrders = async () => (await t.database.db.select({ id: orders.id }).from(orders)).length;
/** Each test from its own network address, so that the per-address limit counts only its requests. */
let address = '192.0.2.1';
const kiosk = (siteId: string, payload: Record<string, unknown>) =>
  anonymous(t.app).request({
    method: 'POST',
    url: `/api/v1/public/kiosk/${siteId}/orders`,
    payload,
    remoteAddress: address,
  });

describe('ordering at a station’s kiosk without signing in', () => {
  it('refuses bad input with the field named and places nothing', async () => {
    address = '192.0.2.2';
    const before = await countOrders();
    const cases: [Record<string, unknown>, string][] = [
      [{ contactPhone: '12345' }, 'body.contactPhone'],
      [{ contactName: '孙\u0000大爷' }, 'body.contactName'],
      [{ address: 'x'.repeat(201) }, 'body.address'],
      [{ windowEnd: new Date(Date.now()).toISOString() }, 'body.windowEnd'],
    ];
    for (const [fields, field] of cases) {
      const res = await kiosk(station.id, body(fields));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    for (const site of [institute, '00000000-0000-4000-8000-000000000000'])
      expect((await kiosk(site, body())).statusCode).toBe(404);
    expect(await countOrders()).toBe(before);
  });

  it('places the order for the station’s community, channel kiosk, in the keeper’s queue', async () => {
    address = '192.0.2.3';
    const res = await kiosk(station.id, body());
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({ title: '助老服务 · 上门理发', siteName: station.name });
    const [row] = await t.database.db.select().from(orders).where(eq(orders.number, receipt.number));
    expect(row).toMatchObject({
      channel: 'kiosk',
      kioskSiteId: station.id,
      regionCode: BEIMENWAI,
      residentUserId: null,
      placedBy: null,
      contactName: '孙大爷',
      contactPhone: '13905350101',
      state: 'submitted',
    });
    const queue = (await keeper.get('/api/v1/orders?queue=mine&limit=100')).json().items;
    const mine = queue.find((o: { number: string }) => o.number === receipt.number);
    expect(mine).toMatchObject({ channel: 'kiosk', contactName: '孙大爷' });
    const detail = (await keeper.get(`/api/v1/orders/${mine.id}`)).json();
    expect(detail.timeline[0].note).toBe(`自助终端下单（${station.name}）`);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'order.place'), eq(auditLog.entityId, mine.id)));
    expect(audit[0]?.detail).toMatchObject({ channel: 'kiosk', siteId: station.id });
  });

  it('limits a kiosk per hour and a phone per day, with a clear message, and each network address', async () => {
    address = '192.0.2.4';
    for (const phone of ['13905350102', '13905350103'])
      expect((await kiosk(station.id, body({ contactPhone: phone }))).statusCode).toBe(201);
    const full = await kiosk(station.id, body({ contactPhone: '13905350105' }));
    expect(full.statusCode).toBe(429);
    expect(full.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('本终端') });

    for (const _ of [1, 2]) expect((await kiosk(otherStation, body())).statusCode).toBe(201);
    const phone = await kiosk(otherStation, body());
    expect(phone.statusCode).toBe(429);
    expect(phone.json().error.details[0].field).toBe('body.contactPhone');

    // Six requests so far from this address; ten in ten minutes.
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await kiosk(otherStation, body({ contactPhone: '1' }))).statusCode);
    expect(seen).toEqual([400, 400, 400, 400, 429]);
  });
});
