import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { users } from '../accounts/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface MapPoint {
  id: string;
  kind: string;
  name: string;
  lng: number;
  lat: number;
  approximate: boolean;
  regionCode: string;
  pilotBatch: number | null;
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const bounds = { minLng: 121.75, maxLng: 122.3, minLat: 37.2, maxLat: 37.6 };

async function mapPoints(): Promise<MapPoint[]> {
  const res = await anonymous(t.app).get('/api/v1/public/sites/map');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function siteNamed(name: string): Promise<MapPoint> {
  const site = (await mapPoints()).find((p) => p.name === name);
  if (!site) throw new Error(`no site ${name}`);
  return site;
}

describe('the public site map', () => {
  it('shows the 5 pilot 雷锋岗, the 218 stations, the centre and the 9 institutes to anyone', async () => {
    const points = await mapPoints();
    const byKind = (k: string) => points.filter((p) => p.kind === k);
    expect(byKind('station')).toHaveLength(218);
    expect(byKind('institute')).toHaveLength(9);
    expect(byKind('centre')).toHaveLength(1);
    const posts = byKind('leifeng_post');
    expect(posts.map((p) => p.name).sort()).toEqual(
      ['大世界雷锋岗', '胜利社区雷锋岗', '统一路雷锋岗', '威高商圈雷锋岗', '大润发雷锋岗'].sort(),
    );
    for (const p of posts) expect(p).toMatchObject({ pilotBatch: 1, approximate: true });
    for (const p of points) {
      expect(p.approximate, p.name).toBe(true);
      expect(p.lng).toBeGreaterThan(bounds.minLng);
      expect(p.lng).toBeLessThan(bounds.maxLng);
      expect(p.lat).toBeGreaterThan(bounds.minLat);
      expect(p.lat).toBeLessThan(bounds.maxLat);
    }
    // Stations are spread around their subdistrict centre, not stacked on it.
    const stations = byKind('station');
    expect(new Set(stations.map((s) => `${s.lng},${s.lat}`)).size).toBe(218);
  });

  it('filters the map by kind and region', async () => {
    const res = await anonymous(t.app).get('/api/v1/public/sites/map?kind=station&regionCode=371002002');
    const items: MapPoint[] = res.json().items;
    expect(items).toHaveLength(16);
    for (const s of items) expect(s.regionCode.startsWith('371002002')).toBe(true);
  });

  it('pages the public site list with a cursor, filtered by kind and region', async () => {
    const client = anonymous(t.app);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/public/sites?kind=station&regionCode=371002002&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await client.get(url);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(5);
      for (const s of body.items) expect(s).toMatchObject({ kind: 'station', locationApproximate: true });
      seen.push(...body.items.map((s: { id: string }) => s.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
  });

  it('shows a site with its zones and what one can do there, but no staff', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const res = await anonymous(t.app).get(`/api/v1/public/sites/${post.id}`);
    expect(res.statusCode).toBe(200);
    const site = res.json();
    expect(site).toMatchObject({
      kind: 'leifeng_post',
      kindLabel: '雷锋岗',
      regionCode: '371002002005',
      regionName: '北门外社区',
      subdistrictName: '鲸园街道',
      pilotBatch: 1,
      locationApproximate: true,
    });
    expect(site.zones).toEqual(['culture_sale', 'checkin_corner', 'points_store', 'book_drift', 'self_help']);
    expect(site.zoneDetails.map((z: { label: string }) => z.label)).toContain('图书漂流角');
    expect(site.services.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining(['volunteer_registration', 'borrow_books', 'self_help', 'redeem_points']),
    );
    expect(site.staff).toBeUndefined();
    expect(res.body).not.toContain('13800000003');
    expect(res.body).not.toContain('专管员');

    const missing = await anonymous(t.app).get(`/api/v1/public/sites/${MISSING}`);
    expect(missing.statusCode).toBe(404);
  });

  it('gives the regions with approximate centres for drawing', async () => {
    const res = await anonymous(t.app).get('/api/v1/public/regions');
    const items = res.json().items as { code: string; level: string; lng: number; approximate: boolean }[];
    expect(items).toHaveLength(228);
    expect(items.filter((r) => r.level === 'subdistrict')).toHaveLength(9);
    for (const r of items) expect(r.lng).toBeTypeOf('number');
  });

  it('has no tile URL unless one is configured', async () => {
    const res = await anonymous(t.app).get('/api/v1/public/map-config');
    expect(res.json()).toMatchObject({ tileUrl: null, tileCoordSystem: 'wgs84', bounds });
    const other = await createTestApp({
      env: { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_COORD_SYSTEM: 'gcj02' },
    });
    try {
      const configured = await anonymous(other.app).get('/api/v1/public/map-config');
      expect(configured.json()).toMatchObject({
        tileUrl: 'https://tiles.example.cn/{z}/{x}/{y}.png',
        tileCoordSystem: 'gcj02',
      });
    } finally {
      await other.close();
    }
  });
});

describe('correcting a site location', () => {
  it('lets the keeper of the community set the real point, clears the flag, and audits old and new', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const keeper = await signIn(t.app, demo.keeper);
    const res = await keeper.request({
      method: 'PATCH',
      url: `/api/v1/sites/${post.id}/location`,
      payload: { lng: 122.12345, lat: 37.51234 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lng: 122.12345, lat: 37.51234, locationApproximate: false });

    const after = await siteNamed('大世界雷锋岗');
    expect(after).toMatchObject({ lng: 122.12345, lat: 37.51234, approximate: false });

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'site.location.correct'), eq(auditLog.entityId, post.id)));
    expect(audit?.regionCode).toBe('371002002005');
    expect(audit?.detail).toEqual({
      before: { lng: post.lng, lat: post.lat, approximate: true },
      after: { lng: 122.12345, lat: 37.51234, approximate: false },
    });
  });

  it('refuses a point outside the district', async () => {
    const post = await siteNamed('大润发雷锋岗');
    const admin = await signIn(t.app, demo.centreAdmin);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/sites/${post.id}/location`,
      payload: { lng: 116.397, lat: 39.909 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().error.details[0].field).toBe('body.lng');
    expect((await siteNamed('大润发雷锋岗')).approximate).toBe(true);
  });

  it('answers a keeper of another community exactly as for a site that does not exist', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const outside = (await mapPoints()).find((p) => p.kind === 'station' && p.regionCode === '371002002001');
    const post = await siteNamed('威高商圈雷锋岗');
    const body = { lng: 122.12, lat: 37.5 };
    const missing = await keeper.request({ method: 'PATCH', url: `/api/v1/sites/${MISSING}/location`, payload: body });
    expect(missing.statusCode).toBe(404);
    for (const id of [outside?.id, post.id]) {
      const res = await keeper.request({ method: 'PATCH', url: `/api/v1/sites/${id}/location`, payload: body });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(missing.json());
      const edit = await keeper.request({
        method: 'PATCH',
        url: `/api/v1/sites/${id}`,
        payload: { openingHours: 'x' },
      });
      expect(edit.statusCode).toBe(404);
      expect(edit.json()).toEqual(missing.json());
      expect((await keeper.get(`/api/v1/sites/${id}`)).statusCode).toBe(404);
    }
    expect((await siteNamed('威高商圈雷锋岗')).approximate).toBe(true);

    // The institute admin of 鲸园街道 reaches the station in its subdistrict, not the 竹岛 post.
    const institute = await signIn(t.app, demo.instituteAdmin);
    const ok = await institute.request({
      method: 'PATCH',
      url: `/api/v1/sites/${outside?.id}/location`,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    const no = await institute.request({ method: 'PATCH', url: `/api/v1/sites/${post.id}/location`, payload: body });
    expect(no.statusCode).toBe(404);
  });

  it('is for staff only', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const volunteer = await signIn(t.app, demo.volunteer);
    const res = await volunteer.request({
      method: 'PATCH',
      url: `/api/v1/sites/${post.id}/location`,
      payload: { lng: 122.12, lat: 37.5 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('editing a site', () => {
  it('changes address, opening hours and zones, shows them publicly, and audits the change', async () => {
    const station = (await mapPoints()).find((p) => p.kind === 'station' && p.regionCode === '371002002005');
    const keeper = await signIn(t.app, demo.keeper);
    const res = await keeper.request({
      method: 'PATCH',
      url: `/api/v1/sites/${station?.id}`,
      payload: {
        address: '威海市环翠区北门外社区服务中心',
        openingHours: '周一至周五 9:00-17:00',
        zones: ['book_drift'],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ zones: ['book_drift'], openingHours: '周一至周五 9:00-17:00' });

    const pub = (await anonymous(t.app).get(`/api/v1/public/sites/${station?.id}`)).json();
    expect(pub.address).toBe('威海市环翠区北门外社区服务中心');
    expect(pub.services.map((s: { code: string }) => s.code)).toContain('borrow_books');

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'site.update'), eq(auditLog.entityId, station?.id ?? '')));
    expect(audit?.detail).toMatchObject({
      before: { address: null, openingHours: null, zones: [] },
      after: { openingHours: '周一至周五 9:00-17:00', zones: ['book_drift'] },
    });
  });

  it('rejects unknown zones and empty edits', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const keeper = await signIn(t.app, demo.keeper);
    const bad = await keeper.request({
      method: 'PATCH',
      url: `/api/v1/sites/${post.id}`,
      payload: { zones: ['pool'] },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await keeper.request({ method: 'PATCH', url: `/api/v1/sites/${post.id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
  });
});

describe('site staff', () => {
  it('lists, adds and removes staff for staff in scope, never publicly', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const keeper = await signIn(t.app, demo.keeper);
    const detail = (await keeper.get(`/api/v1/sites/${post.id}`)).json();
    expect(detail.staff).toEqual([expect.objectContaining({ title: '专管员', phoneMasked: '138****0003' })]);

    const added = await keeper.post(`/api/v1/sites/${post.id}/staff`, { phone: demo.volunteer, title: '值守志愿者' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().staff).toHaveLength(2);
    const again = await keeper.post(`/api/v1/sites/${post.id}/staff`, { phone: demo.volunteer, title: '值守志愿者' });
    expect(again.statusCode).toBe(409);
    const unknown = await keeper.post(`/api/v1/sites/${post.id}/staff`, { phone: '13999999999' });
    expect(unknown.statusCode).toBe(400);

    const volunteerId = added.json().staff.find((s: { title: string }) => s.title === '值守志愿者').userId;
    const removed = await keeper.request({ method: 'DELETE', url: `/api/v1/sites/${post.id}/staff/${volunteerId}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().staff).toHaveLength(1);

    const outside = await siteNamed('威高商圈雷锋岗');
    const res = await keeper.post(`/api/v1/sites/${outside.id}/staff`, { phone: demo.volunteer });
    expect(res.statusCode).toBe(404);
  });

  it('does not make a disabled account staff', async () => {
    const post = await siteNamed('大世界雷锋岗');
    const keeper = await signIn(t.app, demo.keeper);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.phone, demo.resident));
    try {
      const res = await keeper.post(`/api/v1/sites/${post.id}/staff`, { phone: demo.resident, title: '值守志愿者' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.phone');
    } finally {
      await t.database.db.update(users).set({ status: 'active' }).where(eq(users.phone, demo.resident));
    }
  });
});
