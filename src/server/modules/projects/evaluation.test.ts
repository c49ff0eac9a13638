import { and, eq, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { users } from '../accounts/index.js';
import { organisationMembers, organisations } from '../organisations/index.js';
import { evaluationScores } from './evaluation-schema.js';
import { projects } from './schema.js';

let t: TestContext;
let centre: Client;
let institute: Client;
let foreignCentre: Client;
let judges: { client: Client; phone: string; id: string }[];
let team: { id: string; tenantId: string; regionCode: string };
let other: { id: string; regionCode: string };
let callId: string;
let creator: string;

const YEAR = 2030;
const DAY = 86_400_000;
type Detail = {
  id: string;
  state: string;
  role: string;
  criteria: { id: string; name: string; weight: number; maxScore: number; metric: string | null }[];
  entries: { project: { id: string }; judges: { id: string; scored: boolean }[] }[];
  mine: { project: { id: string }; scores: { criterionId: string; score: number }[] }[];
  ranking: null | { rank: number; project: { id: string; name: string }; total: number; award: unknown }[];
  actions: Record<string, boolean>;
};

async function libraryProject(name: string, organisation: { id: string; regionCode: string }, level = 'district') {
  const [row] = await t.database.db
    .insert(projects)
    .values({
      tenantId: team.tenantId,
      callId,
      state: 'approved',
      name,
      category: 'environment',
      organisationId: organisation.id,
      contactName: '联系人',
      contactPhone: '13800000004',
      year: YEAR,
      level: level as 'district',
      regionCode: organisation.regionCode,
      createdBy: creator,
    })
    .returning({ id: projects.id });
  return row?.id as string;
}

const criteria = [
  { name: '创新性', weight: 40, maxScore: 10 },
  { name: '实效', weight: 40, maxScore: 20 },
  { name: '服务时长', weight: 20, maxScore: 10, metric: 'minutesServed' },
];

async function newRound(budgetFen = 1_000_000) {
  const res = await centre.post('/api/v1/evaluation-rounds', {
    title: `${YEAR}年度优秀志愿服务项目评选`,
    level: 'district',
    year: YEAR,
    budgetFen,
    criteria,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

const assign = (roundId: string, projectId: string, judgePhone: string) =>
  centre.post(`/api/v1/evaluation-rounds/${roundId}/assignments`, { projectId, judgePhone });
const score = (c: Client, roundId: string, projectId: string, scores: { criterionId: string; score: number }[]) =>
  c.request({
    method: 'PUT',
    url: `/api/v1/evaluation-rounds/${roundId}/projects/${projectId}/scores`,
    payload: { scores },
  });
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
const judged = (d: Detail) => d.criteria.filter((c) => !c.metric);
const marks = (d: Detail, a: number, b: number) => {
  const [x, y] = judged(d);
  return [
    { criterionId: x?.id as string, score: a },
    { criterionId: y?.id as string, score: b },
  ];
};

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  institute = await signIn(t.app, demo.instituteAdmin);
  const fc = await makeUser(t.database, { grants: [{ role: 'centre_admin', regionCode: '371002001' }] });
  foreignCentre = await signIn(t.app, fc.phone);
  const [row] = await t.database.db.select().from(organisations).where(eq(organisations.name, '鲸园蓝志愿服务队'));
  team = { id: row?.id as string, tenantId: row?.tenantId as string, regionCode: row?.regionCode as string };
  const [second] = await t.database.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, team.tenantId), ne(organisations.id, team.id)))
    .limit(1);
  other = { id: second?.id as string, regionCode: second?.regionCode as string };
  const [me] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.centreAdmin));
  creator = me?.id as string;
  const call = await centre.post('/api/v1/project-calls', {
    title: '评选用征集',
    level: 'district',
    regionCode: '371002',
    year: YEAR,
    opensAt: new Date(Date.now() - 10 * DAY).toISOString(),
    closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
  });
  callId = call.json().id;
  judges = [];
  for (let i = 0; i < 3; i++) {
    const u = await makeUser(t.database, { displayName: `评委${i + 1}` });
    const [found] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, u.phone));
    judges.push({ client: await signIn(t.app, u.phone), phone: u.phone, id: found?.id as string });
  }
});
afterAll(() => t.close());

describe('setting up a round', () => {
  it('refuses weights that do not add up to 100, and creates nothing', async () => {
    const before = (await centre.get('/api/v1/evaluation-rounds')).json().items.length;
    const res = await centre.post('/api/v1/evaluation-rounds', {
      title: '权重不对',
      level: 'district',
      year: YEAR,
      budgetFen: 100,
      criteria: [
        { name: '创新性', weight: 40 },
        { name: '实效', weight: 50 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'EVALUATION_WEIGHTS_INVALID',
      details: [{ field: 'body.criteria' }],
    });
    expect(res.json().error.details[0].message).toContain('90');
    expect((await centre.get('/api/v1/evaluation-rounds')).json().items.length).toBe(before);

    const round = await newRound();
    const changed = await put(centre, `/api/v1/evaluation-rounds/${round.id}/criteria`, {
      criteria: [{ name: '综合', weight: 99 }],
    });
    expect(changed.json().error.code).toBe('EVALUATION_WEIGHTS_INVALID');
    expect((await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json().criteria).toHaveLength(3);
  });

  it('refuses a judge of the project’s own organisation, at assignment and at scoring', async () => {
    const round = await newRound();
    const own = await libraryProject('鲸园蓝·海岸守护', team);
    const refused = await assign(round.id, own, demo.orgAdmin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('EVALUATION_JUDGE_CONFLICT');
    expect((await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json().entries).toEqual([]);

    // A judge who joins the organisation after being assigned may not score it either.
    const judge = judges[2] as (typeof judges)[number];
    expect((await assign(round.id, own, judge.phone)).statusCode).toBe(201);
    expect((await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`)).statusCode).toBe(200);
    await t.database.db
      .insert(organisationMembers)
      .values({ tenantId: team.tenantId, organisationId: team.id, userId: judge.id, role: 'member' });
    const d = (await judge.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    const late = await score(judge.client, round.id, own, marks(d, 8, 15));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('EVALUATION_JUDGE_CONFLICT');
    const stored = await t.database.db.select().from(evaluationScores).where(eq(evaluationScores.roundId, round.id));
    expect(stored).toEqual([]);
    await t.database.db
      .delete(organisationMembers)
      .where(and(eq(organisationMembers.organisationId, team.id), eq(organisationMembers.userId, judge.id)));
  });

  it('removes a judge who has not scored (audited), and refuses once the judge has scored', async () => {
    const round = await newRound();
    const project = await libraryProject('海岸守护·移除评委', other);
    const [a, b] = judges as [(typeof judges)[number], (typeof judges)[number]];
    for (const j of [a, b]) expect((await assign(round.id, project, j.phone)).statusCode).toBe(201);
    const remove = (j: (typeof judges)[number]) =>
      centre.request({
        method: 'DELETE',
        url: `/api/v1/evaluation-rounds/${round.id}/projects/${project}/judges/${j.id}`,
      });
    expect((await remove(a)).statusCode).toBe(200);
    const after = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(after.entries[0]?.judges.map((j) => j.id)).toEqual([b.id]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evaluation.unassign'), eq(auditLog.entityId, round.id)));
    expect(audit).toHaveLength(1);
    expect((await remove(a)).statusCode).toBe(404);

    expect((await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`)).statusCode).toBe(200);
    const d = (await b.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect((await score(b.client, round.id, project, marks(d, 7, 14))).statusCode).toBe(200);
    const refused = await remove(b);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('EVALUATION_JUDGE_LOCKED');
    const still = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(still.entries[0]?.judges.map((j) => j.id)).toEqual([b.id]);
  });

  it('accepts only library projects of the round’s level and year, and only centre admins over it', async () => {
    const round = await newRound();
    const local = await libraryProject('社区级项目', other, 'subdistrict');
    const wrongLevel = await assign(round.id, local, (judges[0] as (typeof judges)[number]).phone);
    expect(wrongLevel.json().error.code).toBe('EVALUATION_PROJECT_INELIGIBLE');
    expect(
      (
        await institute.post('/api/v1/evaluation-rounds', {
          title: 'x',
          level: 'district',
          year: YEAR,
          budgetFen: 1,
          criteria,
        })
      ).statusCode,
    ).toBe(403);
    expect((await foreignCentre.get(`/api/v1/evaluation-rounds/${round.id}`)).statusCode).toBe(404);
    expect((await foreignCentre.post(`/api/v1/evaluation-rounds/${round.id}/open`)).statusCode).toBe(404);
    expect((await judges[0]?.client.get(`/api/v1/evaluation-rounds/${round.id}`))?.statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}`)).statusCode).toBe(404);
    // Nothing to score yet.
    const early = await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`);
    expect(early.json().error.code).toBe('EVALUATION_NOT_READY');
  });
});

describe('a round from setup to published results', () => {
  it('scores blind, ranks by weighted mean with ties, awards within budget and publishes', async () => {
    const round = await newRound(1_000_000);
    const [a, b, c] = [
      await libraryProject('蓝色周六·海岸清洁', other),
      await libraryProject('金晖助老·上门理发', other),
      await libraryProject('精致童年·周末课堂', other),
    ];
    const [j1, j2] = judges as [(typeof judges)[number], (typeof judges)[number]];
    for (const p of [a, b, c] as string[])
      for (const j of [j1, j2]) expect((await assign(round.id, p, j.phone)).statusCode).toBe(201);
    const opened = await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`);
    expect(opened.json()).toMatchObject({ state: 'scoring', actions: { setup: false, close: true } });
    expect((await put(centre, `/api/v1/evaluation-rounds/${round.id}/criteria`, { criteria })).json().error.code).toBe(
      'EVALUATION_SETUP_LOCKED',
    );

    const view = (await j1.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(view.role).toBe('judge');
    expect(view.mine.map((m) => m.project.id).sort()).toEqual([a, b, c].sort());
    expect(view.entries).toEqual([]);

    // Bounded per criterion: 实效 is out of 20, 创新性 out of 10.
    const over = await score(j1.client, round.id, a as string, marks(view, 11, 15));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].field).toBe('body.scores.0.score');
    const missing = await score(j1.client, round.id, a as string, marks(view, 8, 15).slice(0, 1));
    expect(missing.statusCode).toBe(400);

    // a: (8/10·40 + 16/20·40) and (6/10·40 + 12/20·40) → means 7 and 14 → 28 + 28 = 56
    // b: (7, 14) twice → 56: a tie with a
    // c: (9, 18) and (10, 20) → 38 + 38 = 76
    expect((await score(j1.client, round.id, a as string, marks(view, 8, 16))).statusCode).toBe(200);
    expect((await score(j1.client, round.id, b as string, marks(view, 7, 14))).statusCode).toBe(200);
    expect((await score(j1.client, round.id, c as string, marks(view, 9, 18))).statusCode).toBe(200);

    // Blind: j2 sees none of j1's scores, the admin sees who has scored but no score and no ranking.
    const j2view = (await j2.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(j2view.mine.every((m) => m.scores.length === 0)).toBe(true);
    expect(j2view.ranking).toBeNull();
    const adminView = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(adminView.ranking).toBeNull();
    expect(JSON.stringify(adminView)).not.toMatch(/"score":\d/);
    const entryA = adminView.entries.find((e) => e.project.id === a);
    expect(entryA?.judges.find((j) => j.id === j1.id)?.scored).toBe(true);
    expect(entryA?.judges.find((j) => j.id === j2.id)?.scored).toBe(false);
    const j1view = (await j1.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(
      j1view.mine
        .find((m) => m.project.id === a)
        ?.scores.map((s) => s.score)
        .sort(),
    ).toEqual([16, 8]);
    // The audit log records that a score was given, not the score.
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.score'));
    expect(audits.length).toBeGreaterThanOrEqual(3);
    for (const x of audits) expect(Object.keys(x.detail as object).sort()).toEqual(['criteria', 'projectId']);

    // A judge may not score a project they are not assigned to, nor open or close the round.
    const stranger = judges[2] as (typeof judges)[number];
    expect((await score(stranger.client, round.id, a as string, marks(view, 5, 5))).json().error.code).toBe(
      'EVALUATION_NOT_ASSIGNED',
    );
    expect((await j1.client.post(`/api/v1/evaluation-rounds/${round.id}/close`)).statusCode).toBe(403);

    // Two judges scoring at once: both land.
    const [r1, r2] = await Promise.all([
      score(j2.client, round.id, a as string, marks(view, 6, 12)),
      score(j2.client, round.id, b as string, marks(view, 7, 14)),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect((await score(j2.client, round.id, c as string, marks(view, 10, 20))).statusCode).toBe(200);

    // No awards before closing.
    expect((await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, { awards: [] })).json().error.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    const closed = (await centre.post(`/api/v1/evaluation-rounds/${round.id}/close`)).json() as Detail;
    expect(closed.state).toBe('closed');
    const late = await score(j1.client, round.id, a as string, marks(view, 10, 20));
    expect(late.json().error.code).toBe('EVALUATION_NOT_SCORING');

    const ranking = closed.ranking as NonNullable<Detail['ranking']>;
    expect(ranking.map((r) => [r.project.id, r.rank, r.total])).toEqual([
      [c, 1, 76],
      // a tie shares rank 2, listed by name
      ...[
        [a, 2, 56],
        [b, 2, 56],
      ].sort((x, y) =>
        (ranking.find((r) => r.project.id === x[0])?.project.name ?? '').localeCompare(
          ranking.find((r) => r.project.id === y[0])?.project.name ?? '',
          'zh',
        ),
      ),
    ]);
    // Judges see the ranking once scoring has closed.
    expect(((await j2.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail).ranking).toHaveLength(3);

    const overBudget = await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, {
      awards: [
        { projectId: c, honour: '十佳志愿服务项目', fundingFen: 800_000 },
        { projectId: a, honour: '优秀志愿服务项目', fundingFen: 300_000 },
      ],
    });
    expect(overBudget.statusCode).toBe(409);
    expect(overBudget.json().error.code).toBe('EVALUATION_OVER_BUDGET');
    const awarded = await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, {
      awards: [
        { projectId: c, honour: '十佳志愿服务项目', fundingFen: 600_000 },
        { projectId: a, honour: '优秀志愿服务项目', fundingFen: 200_000 },
        { projectId: b, honour: '优秀志愿服务项目', fundingFen: 200_000 },
      ],
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json().awardedFen).toBe(1_000_000);

    // Not public before publishing.
    expect((await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}`)).statusCode).toBe(404);
    expect((await centre.post(`/api/v1/evaluation-rounds/${round.id}/publish`)).json().state).toBe('published');
    const pub = await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().ranking[0]).toMatchObject({
      rank: 1,
      project: { id: c, name: '精致童年·周末课堂' },
      total: 76,
      award: { honour: '十佳志愿服务项目', fundingFen: 600_000 },
      results: { minutesServed: 0 },
    });
    expect(JSON.stringify(pub.json())).not.toContain(j1.id);
    expect(
      (await anonymous(t.app).get('/api/v1/public/evaluations')).json().items.map((r: { id: string }) => r.id),
    ).toContain(round.id);

    const file = await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}/results.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as never);
    const sheet = book.getWorksheet('评选结果');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const first = rows.find((r) => r[0] === 1);
    expect(first?.slice(0, 4)).toEqual([1, '精致童年·周末课堂', expect.any(String), 76]);
    expect(first?.at(-2)).toBe('十佳志愿服务项目');
    expect(first?.at(-1)).toBe(6000);
    expect(rows.filter((r) => r[0] === 2)).toHaveLength(2);

    const steps = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, round.id));
    expect(steps.map((s) => s.action)).toEqual(
      expect.arrayContaining([
        'evaluation.create',
        'evaluation.open',
        'evaluation.close',
        'evaluation.awards',
        'evaluation.publish',
      ]),
    );
  });

  it('lets two judges score at the same moment, and closing waits for them', async () => {
    const round = await newRound();
    const p = await libraryProject('百姓故事会·社区讲堂', other);
    const [j1, j2] = judges as [(typeof judges)[number], (typeof judges)[number]];
    await assign(round.id, p, j1.phone);
    await assign(round.id, p, j2.phone);
    const view = (await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`)).json() as Detail;
    const results = await Promise.all([
      score(j1.client, round.id, p, marks(view, 10, 20)),
      score(j2.client, round.id, p, marks(view, 5, 10)),
      centre.post(`/api/v1/evaluation-rounds/${round.id}/close`),
    ]);
    expect(results[2].statusCode).toBe(200);
    const stored = await t.database.db.select().from(evaluationScores).where(eq(evaluationScores.roundId, round.id));
    // Each score either landed whole before closing or was refused whole after it.
    const landed = results.slice(0, 2).filter((r) => r.statusCode === 200).length;
    for (const r of results.slice(0, 2))
      if (r.statusCode !== 200) expect(r.json().error.code).toBe('EVALUATION_NOT_SCORING');
    expect(stored).toHaveLength(landed * 2);
    const detail = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    const expected = landed === 2 ? 60 : landed === 0 ? 0 : undefined;
    if (expected !== undefined) expect(detail.ranking?.[0]?.total).toBe(expected);
  });
});
