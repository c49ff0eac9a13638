/** The synthetic volunteers get real profiles: listed by staff in scope, and dispatch candidates in their area. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../test/server.js';
import { parseIdNumber } from '../../shared/id-card.js';
import { piiFor } from '../platform/pii.js';
import { seedDemoActivities } from './seed-demo-activities.js';
import { seedDemoOrders } from './seed-demo-orders.js';
import { seedDemoVolunteers } from './seed-demo-volunteers.js';
import { SYNTHETIC_ID_REGION } from './seed-demo-volunteers-data.js';
import { seedDemoWishes } from './seed-demo-wishes.js';

const NOW = new Date('2026-11-20T03:30:00Z');
const BEIMENWAI = '371002002005';
let t: TestContext;

const rows = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemoOrders(db, '371002', NOW, 200);
  await seedDemoActivities(db, '371002', NOW, { activities: 3, volunteers: 700 });
  await seedDemoWishes(db, '371002', NOW, 30);
  expect(await seedDemoVolunteers(db, t.config, '371002', NOW)).toBe(true);
});
afterAll(() => t?.close());

it('gives thousands of synthetic volunteers a profile, once, spread over the communities', async () => {
  expect(await seedDemoVolunteers(t.database.db, t.config, '371002', NOW)).toBe(false);
  const [all] = await rows<{ n: number; communities: number; served: number }>(sql`
    select count(*)::int as n, count(distinct v.region_code)::int as communities,
           count(*) filter (where u.phone not like '1709940%')::int as served
      from volunteers v join users u on u.tenant_id = v.tenant_id and u.id = v.user_id where u.phone like '17099%'`);
  expect(all?.n).toBeGreaterThan(2000);
  expect(all?.communities).toBeGreaterThanOrEqual(30);
  // Every synthetic account that served an order, an activity or a wish has one.
  const [unprofiled] = await rows<{ n: number }>(sql`
    select count(*)::int as n from users u where u.phone similar to '(1709900|1709930|1709950)%'
       and not exists (select 1 from volunteers v where v.tenant_id = u.tenant_id and v.user_id = u.id)`);
  expect(unprofiled?.n).toBe(0);
  // More live in 鲸园街道 than in any other subdistrict.
  const bySub = await rows<{ sub: string; n: number }>(sql`
    select left(region_code, 9) as sub, count(*)::int as n from volunteers group by 1 order by 2 desc`);
  expect(bySub[0]?.sub).toBe('371002002');
  // Each declares skills (never a qualification) and weekly hours, consented and holds the volunteer role.
  expect(
    await rows(sql`
      select v.id from volunteers v
       where not exists (select 1 from volunteer_skills s where s.volunteer_id = v.id)
          or not exists (select 1 from volunteer_availability a where a.volunteer_id = v.id)
          or not exists (select 1 from volunteer_consents c where c.volunteer_id = v.id)
          or not exists (select 1 from role_grants g where g.user_id = v.user_id and g.role = 'volunteer')
          or exists (select 1 from volunteer_skills s join skills k on k.tenant_id = s.tenant_id and k.code = s.skill_code
                      where s.volunteer_id = v.id and k.qualification)`),
  ).toEqual([]);
  // Joined before they first served.
  expect(
    await rows(sql`
      select v.id from volunteers v join orders o on o.tenant_id = v.tenant_id and o.volunteer_user_id = v.user_id
       where o.synthetic and v.created_at > coalesce(o.accepted_at, o.placed_at)`),
  ).toEqual([]);
  // Most belong to a team of their subdistrict.
  const [members] = await rows<{ n: number }>(sql`
    select count(*)::int as n from volunteers v join organisation_members m on m.tenant_id = v.tenant_id and m.user_id = v.user_id
      join organisations o on o.tenant_id = m.tenant_id and o.id = m.organisation_id
     where o.region_code = left(v.region_code, 9)`);
  expect(members?.n).toBeGreaterThan((all?.n ?? 0) / 2);
  // ID numbers sealed with the tenant's key, made up in a region no real number comes from.
  const [sample] = await rows<{ sealed: string }>(sql`
    select v.id_number_sealed as sealed from volunteers v join users u on u.id = v.user_id
     where u.phone like '17099%' order by v.number limit 1`);
  const id = piiFor(t.config).decrypt(sample?.sealed as string, '371002');
  expect(parseIdNumber(id).ok).toBe(true);
  expect(id.startsWith(SYNTHETIC_ID_REGION)).toBe(true);
  expect(all?.served).toBeGreaterThan(700);
});

it('lists the community’s volunteers to its keeper and the district’s to the centre', async () => {
  const keeper = await signIn(t.app, demo.keeper);
  const mine = (await keeper.get('/api/v1/volunteers?limit=100')).json().items as {
    region: { code: string };
    idNumberMasked: string;
  }[];
  expect(mine.length).toBeGreaterThan(20);
  expect(mine.every((v) => v.region.code === BEIMENWAI)).toBe(true);
  // Unsealed and masked like any other profile's.
  expect(mine.every((v) => /^37.*\*/.test(v.idNumberMasked))).toBe(true);
  const centre = await signIn(t.app, demo.centreAdmin);
  const res = await centre.get('/api/v1/volunteers?limit=100');
  expect(res.json().items).toHaveLength(100);
  expect(res.json().nextCursor).not.toBeNull();
});

it('makes the synthetic volunteers of 北门外社区 dispatch candidates for an order there', async () => {
  const resident = await signIn(t.app, demo.resident);
  const keeper: Client = await signIn(t.app, demo.keeper);
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  const haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发');
  // Next Tuesday 09:00–10:00 in Shanghai.
  const tuesday = new Date();
  tuesday.setUTCHours(1, 0, 0, 0);
  do tuesday.setUTCDate(tuesday.getUTCDate() + 1);
  while (tuesday.getUTCDay() !== 2);
  const placed = await resident.post('/api/v1/orders', {
    menuItemId: haircut.id,
    description: '老伴腿脚不便，想请志愿者上门理发',
    regionCode: BEIMENWAI,
    address: '北门外社区 3 号楼 2 单元 101',
    lng: 122.1205,
    lat: 37.5102,
    windowStart: tuesday.toISOString(),
    windowEnd: new Date(tuesday.getTime() + 3600_000).toISOString(),
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const res = await keeper.get(`/api/v1/orders/${placed.json().id}/candidates?k=10`);
  expect(res.statusCode, res.body).toBe(200);
  const { items, considered } = res.json() as { items: { name: string; reasons: string }[]; considered: number };
  expect(considered).toBeGreaterThan(20);
  expect(items.length).toBeGreaterThan(1);
  // 李志愿 serves Saturday mornings and Wednesday evenings: everyone proposed here is synthetic.
  expect(items.every((c) => c.name !== '李志愿' && c.reasons.includes('助老助残'))).toBe(true);
});
