/** Staff reach: region scope of every staff route, status changes and the staff list. */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { deskBody, otherCommunityKeeper, registerZhao } from '../../../../test/volunteers.js';
import { auditLog } from '../../platform/audit-schema.js';
import { volunteers } from './schema.js';

let t: TestContext;
let otherKeeper: Client;
beforeAll(async () => {
  t = await createTestApp();
  otherKeeper = await otherCommunityKeeper(t.app, t.database);
  // A pending online registration (赵注册, skills theory + culture) for the status and list tests.
  const res = await registerZhao(t.app);
  if (res.statusCode !== 201) throw new Error(res.body);
  // And one volunteer in another community of the subdistrict (for the region filter).
  const admin = await signIn(t.app, demo.instituteAdmin);
  const desk = await admin.post('/api/v1/volunteers', deskBody({ regionCode: '371002002001' }));
  if (desk.statusCode !== 201) throw new Error(desk.body);
});
afterAll(() => t.close());

describe('scope', () => {
  it('hides a volunteer from a keeper of another community exactly like one that does not exist', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const [item] = (await admin.get('/api/v1/volunteers?q=李志愿')).json().items;
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['POST', '/reveal-id', {}],
      ['POST', '/status', { status: 'suspended', reason: '测试' }],
    ] as const) {
      const outside = await otherKeeper.request({ method, url: `/api/v1/volunteers/${item.id}${path}`, payload });
      const missing = await otherKeeper.request({ method, url: `/api/v1/volunteers/${ghost}${path}`, payload });
      expect(outside.statusCode, `${method} ${path}`).toBe(404);
      expect(outside.json()).toEqual(missing.json());
    }
    const list = (await otherKeeper.get('/api/v1/volunteers?limit=200')).json();
    expect(list.items).toEqual([]);
    const filtered = await otherKeeper.get('/api/v1/volunteers?regionCode=371002002005');
    expect(filtered.statusCode).toBe(404);
    const [row] = await t.database.db.select().from(volunteers).where(eq(volunteers.id, item.id));
    expect(row?.status).toBe('active');
    const reveals = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'pii.reveal'), eq(auditLog.entityId, item.id)));
    expect(reveals.every((r) => r.actorId !== null)).toBe(true);
    expect(reveals.length).toBeLessThanOrEqual(1);
  });

  it('lets the keeper of the volunteer’s community and the institute admin of the subdistrict see them', async () => {
    for (const phone of [demo.keeper, demo.instituteAdmin, demo.centreAdmin]) {
      const client = await signIn(t.app, phone);
      const items = (await client.get('/api/v1/volunteers?q=13800000005')).json().items;
      expect(items.map((v: { name: string }) => v.name)).toEqual(['李志愿']);
    }
  });

  it('keeps volunteers and residents away from the staff endpoints', async () => {
    const volunteer = await signIn(t.app, demo.volunteer);
    expect((await volunteer.get('/api/v1/volunteers')).statusCode).toBe(403);
  });
});

describe('status changes', () => {
  it('are made by staff in scope, need a reason to suspend, and are audited', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const [pending] = (await keeper.get('/api/v1/volunteers?status=pending&q=赵注册')).json().items;
    expect(pending).toBeDefined();
    const noReason = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, { status: 'suspended' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'body.reason', message: '暂停志愿者时请填写原因' });
    const approve = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, { status: 'active' });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json().status).toBe('active');
    const suspend = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, {
      status: 'suspended',
      reason: '连续三次报名未到',
    });
    expect(suspend.json()).toMatchObject({ status: 'suspended', statusReason: '连续三次报名未到' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'volunteer.status'), eq(auditLog.entityId, pending.id)));
    expect(audit.map((a) => a.detail)).toEqual([
      { from: 'pending', to: 'active', reason: null },
      { from: 'active', to: 'suspended', reason: '连续三次报名未到' },
    ]);
  });
});

describe('the staff list', () => {
  it('filters by status, skill, region and keyword and pages without gaps', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const all: { number: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { number: string }[]; nextCursor: string | null } = (
        await centre.get(`/api/v1/volunteers?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const [{ n }] = (
      (await t.database.db.execute(sql`select count(*)::int as n from volunteers`)) as unknown as {
        rows: [{ n: number }];
      }
    ).rows;
    expect(all.length).toBe(n);
    expect(new Set(all.map((v) => v.number)).size).toBe(n);
    expect(all.map((v) => v.number)).toEqual([...all.map((v) => v.number)].sort().reverse());

    const theory = (await centre.get('/api/v1/volunteers?skill=theory&limit=200')).json().items;
    expect(theory.every((v: { skills: { code: string }[] }) => v.skills.some((s) => s.code === 'theory'))).toBe(true);
    expect(theory.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['李志愿', '赵注册']));
    const elsewhere = (await centre.get('/api/v1/volunteers?regionCode=371002002001')).json().items;
    expect(elsewhere.map((v: { region: { code: string } }) => v.region.code)).toEqual(['371002002001']);
    const byNumber = all[0]?.number as string;
    expect((await centre.get(`/api/v1/volunteers?q=${byNumber}`)).json().items).toHaveLength(1);
  });
});
