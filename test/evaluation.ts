/** Shared set-up of the project-evaluation tests (评选): staff, judges, a call, and helpers for rounds and scores. */
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { users } from '../src/server/modules/accounts/index.js';
import { organisations } from '../src/server/modules/organisations/index.js';
import { projects } from '../src/server/modules/projects/index.js';
import { makeUser } from './people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from './server.js';

/** What every evaluation test starts from, filled in by `startEvaluationWorld`'s beforeAll. */
export interface EvaluationWorld {
  t: TestContext;
  centre: Client;
  institute: Client;
  foreignCentre: Client;
  judges: { client: Client; phone: string; id: string }[];
  team: { id: string; tenantId: string; regionCode: string };
  other: { id: string; regionCode: string };
  callId: string;
  creator: string;
}
export const ev = {} as EvaluationWorld;

export const YEAR = 2030;
const DAY = 86_400_000;
export type Detail = {
  id: string;
  state: string;
  role: string;
  criteria: { id: string; name: string; weight: number; maxScore: number; metric: string | null }[];
  entries: { project: { id: string }; judges: { id: string; scored: boolean }[] }[];
  mine: { project: { id: string }; scores: { criterionId: string; score: number }[] }[];
  ranking: null | { rank: number; project: { id: string; name: string }; total: number; award: unknown }[];
  actions: Record<string, boolean>;
};

export async function libraryProject(
  name: string,
  organisation: { id: string; regionCode: string },
  level = 'district',
) {
  const [row] = await ev.t.database.db
    .insert(projects)
    .values({
      tenantId: ev.team.tenantId,
      callId: ev.callId,
      state: 'approved',
      name,
      category: 'environment',
      organisationId: organisation.id,
      contactName: '联系人',
      contactPhone: '13800000004',
      year: YEAR,
      level: level as 'district',
      regionCode: organisation.regionCode,
      createdBy: ev.creator,
    })
    .returning({ id: projects.id });
  return row?.id as string;
}

export const criteria = [
  { name: '创新性', weight: 40, maxScore: 10 },
  { name: '实效', weight: 40, maxScore: 20 },
  { name: '服务时长', weight: 20, maxScore: 10, metric: 'minutesServed' },
];

export async function newRound(budgetFen = 1_000_000) {
  const res = await ev.centre.post('/api/v1/evaluation-rounds', {
    title: `${YEAR}年度优秀志愿服务项目评选`,
    level: 'district',
    year: YEAR,
    budgetFen,
    criteria,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

export const assign = (roundId: string, projectId: string, judgePhone: string) =>
  ev.centre.post(`/api/v1/evaluation-rounds/${roundId}/assignments`, { projectId, judgePhone });
export const score = (
  c: Client,
  roundId: string,
  projectId: string,
  scores: { criterionId: string; score: number }[],
) =>
  c.request({
    method: 'PUT',
    url: `/api/v1/evaluation-rounds/${roundId}/projects/${projectId}/scores`,
    payload: { scores },
  });
export const put = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PUT', url, payload: payload as never });
export const judged = (d: Detail) => d.criteria.filter((c) => !c.metric);
export const marks = (d: Detail, a: number, b: number) => {
  const [x, y] = judged(d);
  return [
    { criterionId: x?.id as string, score: a },
    { criterionId: y?.id as string, score: b },
  ];
};

/** Registers the set-up (the demo's centre and institute admins, a foreign centre admin, a call, three judges) and the tear-down. */
export function startEvaluationWorld() {
  beforeAll(async () => {
    const t = await createTestApp();
    const db = t.database.db;
    const fc = await makeUser(t.database, { grants: [{ role: 'centre_admin', regionCode: '371002001' }] });
    const [row] = await db.select().from(organisations).where(eq(organisations.name, '鲸园蓝志愿服务队'));
    const team = { id: row?.id as string, tenantId: row?.tenantId as string, regionCode: row?.regionCode as string };
    const [second] = await db
      .select()
      .from(organisations)
      .where(and(eq(organisations.tenantId, team.tenantId), ne(organisations.id, team.id)))
      .limit(1);
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.phone, demo.centreAdmin));
    Object.assign(ev, {
      t,
      centre: await signIn(t.app, demo.centreAdmin),
      institute: await signIn(t.app, demo.instituteAdmin),
      foreignCentre: await signIn(t.app, fc.phone),
      team,
      other: { id: second?.id as string, regionCode: second?.regionCode as string },
      creator: me?.id as string,
    });
    const call = await ev.centre.post('/api/v1/project-calls', {
      title: '评选用征集',
      level: 'district',
      regionCode: '371002',
      year: YEAR,
      opensAt: new Date(Date.now() - 10 * DAY).toISOString(),
      closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
    });
    ev.callId = call.json().id;
    ev.judges = [];
    for (let i = 0; i < 3; i++) {
      const u = await makeUser(t.database, { displayName: `评委${i + 1}` });
      const [found] = await db.select({ id: users.id }).from(users).where(eq(users.phone, u.phone));
      ev.judges.push({ client: await signIn(t.app, u.phone), phone: u.phone, id: found?.id as string });
    }
  });
  afterAll(() => ev.t.close());
}
