import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  criteria,
  type Detail,
  type EvaluationWorld,
  ev,
  libraryProject,
  marks,
  newRound,
  put,
  score,
  startEvaluationWorld,
  YEAR,
} from '../../../../test/evaluation.js';
import { anonymous, type Client, demo, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { organisationMembers } from '../organisations/index.js';
import { evaluationScores } from './evaluation-schema.js';

startEvaluationWorld();
let t: TestContext;
let centre: Client;
let institute: Client;
let foreignCentre: Client;
let judges: EvaluationWorld['judges'];
let team: EvaluationWorld['team'];
let other: EvaluationWorld['other'];
beforeAll(() => {
  ({ t, centre, institute, foreignCentre, judges, team, other } = ev);
});

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
