/** The probes of the evaluation round limits (see text-limits.test.ts). */
import type { TextField } from '../src/shared/text-limits.js';
import { type Client, demo } from './server.js';
import type { Probe } from './text-limits-hours.js';

type EvaluationField = Extract<TextField, `evaluation${string}`>;

const DAY = 86_400_000;
const criteria = (name = '综合') => [{ name, weight: 100 }];
const roundBody = (fields: Record<string, unknown> = {}) => ({
  title: '限长评选',
  level: 'district',
  year: 2026,
  budgetFen: 100_000,
  criteria: criteria(),
  ...fields,
});

export function evaluationProbes(use: {
  client: (phone: string) => Promise<Client>;
  teamId: () => Promise<string>;
}): Record<EvaluationField, Probe> {
  /** A closed round with one library project of the demo team, scored by the demo judge. */
  let awardsUrl: string | undefined;
  const closedRound = async () => {
    if (awardsUrl) return awardsUrl;
    const centre = await use.client(demo.centreAdmin);
    const org = await use.client(demo.orgAdmin);
    const call = await centre.post('/api/v1/project-calls', {
      title: '限长评选征集',
      level: 'district',
      regionCode: '371002',
      year: 2026,
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    const project = (
      await org.post('/api/v1/projects', {
        callId: call.json().id,
        organisationId: await use.teamId(),
        name: '限长评选项目',
        category: 'other',
        contactName: '队长',
        contactPhone: '13800000004',
      })
    ).json().id as string;
    await org.post(`/api/v1/projects/${project}/submit`, {});
    await (await use.client(demo.instituteAdmin)).post(`/api/v1/projects/${project}/approve`, {});
    await centre.post(`/api/v1/projects/${project}/approve`, {});
    const round = (await centre.post('/api/v1/evaluation-rounds', roundBody())).json();
    await centre.post(`/api/v1/evaluation-rounds/${round.id}/assignments`, {
      projectId: project,
      judgePhone: demo.judge,
    });
    await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`);
    const judge = await use.client(demo.judge);
    await judge.request({
      method: 'PUT',
      url: `/api/v1/evaluation-rounds/${round.id}/projects/${project}/scores`,
      payload: { scores: [{ criterionId: round.criteria[0].id, score: 8 }] },
    });
    const closed = await centre.post(`/api/v1/evaluation-rounds/${round.id}/close`);
    if (closed.statusCode !== 200) throw new Error(`closing the probe round: ${closed.body}`);
    awardsUrl = `/api/v1/evaluation-rounds/${round.id}/awards`;
    projectId = project;
    return awardsUrl;
  };
  let projectId = '';
  return {
    evaluationTitle: {
      as: demo.centreAdmin,
      method: 'POST',
      url: async () => '/api/v1/evaluation-rounds',
      body: (title) => roundBody({ title }),
      field: 'body.title',
    },
    evaluationCriterionName: {
      as: demo.centreAdmin,
      method: 'POST',
      url: async () => '/api/v1/evaluation-rounds',
      body: (name) => roundBody({ criteria: criteria(name) }),
      field: 'body.criteria.0.name',
    },
    evaluationHonour: {
      as: demo.centreAdmin,
      method: 'PUT',
      url: closedRound,
      body: (honour) => ({ awards: [{ projectId, honour, fundingFen: 1000 }] }),
      field: 'body.awards.0.honour',
    },
  };
}
