import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { organisations } from '../organisations/index.js';
import { projectCalls, projectReviews } from './schema.js';

let t: TestContext;
let org: Client; // 鲸园蓝队长: the team of 鲸园街道
let keeper: Client; // 北门外社区
let institute: Client; // 鲸园街道
let centre: Client; // 环翠区
let volunteer: Client;
let foreignKeeper: Client;
let teamId: string;
let tenantId: string;

const DAY = 86_400_000;
const BEIMENWAI = '371002002005';
const SIBLING = '371002002001';

beforeAll(async () => {
  t = await createTestApp();
  org = await signIn(t.app, demo.orgAdmin);
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  centre = await signIn(t.app, demo.centreAdmin);
  volunteer = await signIn(t.app, demo.volunteer);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
  const [team] = await t.database.db.select().from(organisations).where(eq(organisations.name, '鲸园蓝志愿服务队'));
  teamId = team?.id as string;
  tenantId = team?.tenantId as string;
});
afterAll(() => t.close());

async function openCall(extra: Record<string, unknown> = {}) {
  const res = await centre.post('/api/v1/project-calls', {
    title: '2026年度志愿服务项目征集',
    level: 'district',
    regionCode: '371002',
    year: 2026,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    requiredFields: ['objectives', 'budget'],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; open: boolean };
}

const draft = (callId: string, extra: Record<string, unknown> = {}) => ({
  callId,
  organisationId: teamId,
  name: `蓝色周六·海岸清洁${Math.random().toString(36).slice(2, 6)}`,
  category: 'environment',
  contactName: '鲸园蓝队长',
  contactPhone: '13800000004',
  objectives: '每月一次海岸线垃圾清理',
  ...extra,
});

const patch = (client: Client, url: string, payload: unknown) =>
  client.request({ method: 'PATCH', url, payload: payload as never });

async function create(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/projects', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string; actions: Record<string, boolean> };
}

describe('a project from draft to the library', () => {
  it('is drafted, returned, resubmitted, approved at two levels and found in the public library', async () => {
    const call = await openCall();
    expect(call.open).toBe(true);
    const p = await create(org, draft(call.id));
    expect(p.state).toBe('draft');
    expect(p.actions).toMatchObject({ edit: true, submit: true, approve: false });
    // A draft is the organisation's own: staff do not see it yet.
    expect((await institute.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);

    // The call requires a budget.
    const incomplete = await org.post(`/api/v1/projects/${p.id}/submit`, {});
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error.code).toBe('PROJECT_INCOMPLETE');
    expect(incomplete.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.budgetFen']);
    expect((await patch(org, `/api/v1/projects/${p.id}`, { budgetFen: 500_000 })).statusCode).toBe(200);

    const submitted = await org.post(`/api/v1/projects/${p.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', reviewRegion: { code: '371002002' } });
    expect(submitted.json().reviewChain.map((r: { code: string }) => r.code)).toEqual(['371002002', '371002']);
    const locked = await patch(org, `/api/v1/projects/${p.id}`, { name: '改名' });
    expect(locked.json().error.code).toBe('PROJECT_NOT_EDITABLE');

    // The district may not decide before the subdistrict.
    const early = await centre.post(`/api/v1/projects/${p.id}/approve`, {});
    expect(early.statusCode).toBe(403);
    const queue = (await institute.get('/api/v1/projects?queue=review')).json().items.map((i: { id: string }) => i.id);
    expect(queue).toContain(p.id);

    const noComment = await institute.post(`/api/v1/projects/${p.id}/return`, {});
    expect(noComment.statusCode).toBe(400);
    const returned = await institute.post(`/api/v1/projects/${p.id}/return`, { comment: '请细化实施计划' });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewRegion: null });
    expect((await patch(org, `/api/v1/projects/${p.id}`, { plan: '每月第一个周六上午' })).statusCode).toBe(200);
    expect((await org.post(`/api/v1/projects/${p.id}/submit`, {})).json().state).toBe('submitted');

    const passed = await institute.post(`/api/v1/projects/${p.id}/approve`, { comment: '同意，报区级' });
    expect(passed.json()).toMatchObject({ state: 'submitted', reviewRegion: { code: '371002' } });
    expect((await institute.post(`/api/v1/projects/${p.id}/approve`, {})).statusCode).toBe(403);
    expect((await centre.get('/api/v1/projects?queue=review')).json().items.map((i: { id: string }) => i.id)).toContain(
      p.id,
    );
    const approved = await centre.post(`/api/v1/projects/${p.id}/approve`, { comment: '入库' });
    expect(approved.statusCode, approved.body).toBe(200);
    const detail = approved.json();
    expect(detail.state).toBe('approved');
    expect(detail.reviews.map((r: { decision: string }) => r.decision)).toEqual([
      'submit',
      'return',
      'resubmit',
      'pass',
      'approve',
    ]);
    expect(detail.reviews[1]).toMatchObject({ comment: '请细化实施计划', regionName: expect.any(String) });

    const rows = await t.database.db
      .select()
      .from(projectReviews)
      .where(and(eq(projectReviews.tenantId, tenantId), eq(projectReviews.projectId, p.id)));
    expect(rows).toHaveLength(5);
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'project'), eq(auditLog.entityId, p.id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['project.create', 'project.submit', 'project.return', 'project.pass', 'project.approve']),
    );

    const library = await anonymous(t.app).get(
      `/api/v1/public/projects?level=district&year=2026&category=environment&q=${encodeURIComponent(detail.name)}`,
    );
    expect(library.json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const page = (await anonymous(t.app).get(`/api/v1/public/projects/${p.id}`)).json();
    expect(page).toMatchObject({ state: 'approved', contactPhone: null, reviews: [] });
    expect(page.results).toEqual({
      minutesServed: 0,
      volunteers: 0,
      ordersCompleted: 0,
      ratedOrders: 0,
      averageStars: null,
    });
  });

  it('refuses a submission after the window closes, and a draft for a closed call', async () => {
    const call = await openCall();
    const p = await create(org, draft(call.id, { budgetFen: 1000 }));
    await t.database.db
      .update(projectCalls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(projectCalls.id, call.id));
    const late = await org.post(`/api/v1/projects/${p.id}/submit`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PROJECT_CALL_CLOSED');
    expect((await org.get(`/api/v1/projects/${p.id}`)).json().state).toBe('draft');
    const again = await org.post('/api/v1/projects', draft(call.id));
    expect(again.json().error.code).toBe('PROJECT_CALL_CLOSED');
  });

  it('refuses organisations of a kind the call does not admit, and people who do not manage the organisation', async () => {
    const call = await openCall({ eligibleKinds: ['school'] });
    expect((await org.post('/api/v1/projects', draft(call.id))).json().error.code).toBe('PROJECT_NOT_ELIGIBLE');
    const open = await openCall();
    expect((await volunteer.post('/api/v1/projects', draft(open.id))).statusCode).toBe(404);
  });
});

describe('region scopes', () => {
  it('reviews a community organisation from the community up; another community’s keeper sees nothing', async () => {
    const [community] = await t.database.db
      .insert(organisations)
      .values({ tenantId, name: '北门外社区敬老服务队', kind: 'team', regionCode: BEIMENWAI })
      .returning();
    const leader = await makeUser(t.database, { grants: [{ role: 'org_admin', organisationId: community?.id }] });
    const applicant = await signIn(t.app, leader.phone);
    const call = await openCall({ level: 'subdistrict', requiredFields: [] });
    const p = await create(applicant, draft(call.id, { organisationId: community?.id, category: 'elderly' }));
    const sub = (await applicant.post(`/api/v1/projects/${p.id}/submit`, {})).json();
    expect(sub.reviewChain.map((r: { code: string }) => r.code)).toEqual([BEIMENWAI, '371002002']);

    for (const url of [`/api/v1/projects/${p.id}`]) expect((await foreignKeeper.get(url)).statusCode).toBe(404);
    for (const action of ['approve', 'return', 'reject'])
      expect((await foreignKeeper.post(`/api/v1/projects/${p.id}/${action}`, { comment: '越权' })).statusCode).toBe(
        404,
      );
    const foreignList = (await foreignKeeper.get('/api/v1/projects')).json().items.map((i: { id: string }) => i.id);
    expect(foreignList).not.toContain(p.id);
    expect((await keeper.get('/api/v1/projects')).json().items.map((i: { id: string }) => i.id)).toContain(p.id);

    expect((await keeper.post(`/api/v1/projects/${p.id}/approve`, {})).json().reviewRegion.code).toBe('371002002');
    const rejected = await institute.post(`/api/v1/projects/${p.id}/reject`, { comment: '与已有项目重复' });
    expect(rejected.json().state).toBe('rejected');
    expect((await anonymous(t.app).get(`/api/v1/public/projects/${p.id}`)).statusCode).toBe(404);
    expect((await applicant.get('/api/v1/projects/mine')).json().items.map((i: { id: string }) => i.id)).toEqual([
      p.id,
    ]);
  });
});

describe('brands', () => {
  it('groups projects and series; the brand page lists its library projects', async () => {
    const made = await centre.post('/api/v1/brands', {
      name: '测试品牌',
      description: '测试用品牌',
      organisationId: teamId,
    });
    expect(made.statusCode, made.body).toBe(201);
    const brand = made.json();
    const withSeries = await centre.post(`/api/v1/brands/${brand.id}/series`, { name: '蓝色周末' });
    expect(withSeries.json().series.map((s: { name: string }) => s.name)).toEqual(['蓝色周末']);
    expect((await foreignKeeper.post(`/api/v1/brands/${brand.id}/series`, { name: '越权' })).statusCode).toBe(404);

    const call = await openCall({ level: 'subdistrict', requiredFields: ['brand'] });
    const p = await create(
      org,
      draft(call.id, { brandId: brand.id, seriesId: withSeries.json().series[0].id, category: 'culture' }),
    );
    await org.post(`/api/v1/projects/${p.id}/submit`, {});
    expect((await institute.post(`/api/v1/projects/${p.id}/approve`, {})).json().state).toBe('approved');

    const page = (await anonymous(t.app).get(`/api/v1/public/brands/${brand.id}`)).json();
    expect(page.libraryProjects.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect(page.projects).toBe(1);
    const byBrand = await anonymous(t.app).get(`/api/v1/public/projects?brandId=${brand.id}&state=approved`);
    expect(byBrand.json().items[0]).toMatchObject({ id: p.id, series: { name: '蓝色周末' } });
    const wrongSeries = await org.post(
      '/api/v1/projects',
      draft(call.id, { seriesId: withSeries.json().series[0].id }),
    );
    expect(wrongSeries.statusCode).toBe(400);
  });

  it('pages the library with a cursor, in name order', async () => {
    const first = (await anonymous(t.app).get('/api/v1/public/projects?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await anonymous(t.app).get(`/api/v1/public/projects?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name >= first.items[0].name).toBe(true);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });
});
