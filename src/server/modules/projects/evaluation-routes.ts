import { z } from 'zod';
import { defineRoute } from '../../platform/route.js';
import {
  assignBody,
  assignmentParams,
  awardsBody,
  createRoundBody,
  criteriaBody,
  publicResults as publicResultsSchema,
  publicRoundList,
  roundDetail,
  roundList,
  roundParams,
  roundProjectParams,
  scoresBody,
} from './evaluation-contract.js';
import type { RoundEvent } from './evaluation-machine.js';
import { listPublishedRounds, listRounds, presentRound, publicResults } from './evaluation-read.js';
import { scoreProject } from './evaluation-score.js';
import { assignJudge, createRound, setCriteria } from './evaluation-setup.js';
import { setAwards, stepRound } from './evaluation-steps.js';
import { unassignJudge } from './evaluation-unassign.js';
import { resultsXlsx } from './evaluation-xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const admins = ['centre_admin'] as const;

const step = (event: RoundEvent, summary: string) =>
  defineRoute({
    method: 'POST',
    url: `/evaluation-rounds/:id/${event}`,
    operationId: `${event}EvaluationRound`,
    summary,
    roles: admins,
    params: roundParams,
    response: roundDetail,
    conflict: true,
    handler: (ctx, { params }) => stepRound(ctx, params.id, event),
  });

export const evaluationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/evaluation-rounds',
    operationId: 'createEvaluationRound',
    summary: '创建评选（级别、年度、预算、评分标准及权重，权重之和为 100；中心管理员）',
    roles: admins,
    body: createRoundBody,
    response: roundDetail,
    status: 201,
    handler: (ctx, { body }) => createRound(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/evaluation-rounds',
    operationId: 'listEvaluationRounds',
    summary: '我主持的评选（中心管理员）和我担任评委的评选',
    response: roundList,
    handler: (ctx) => listRounds(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/evaluation-rounds/:id',
    operationId: 'getEvaluationRound',
    summary: '评选详情：评委只看到自己的评分，评分结束后才有排名',
    params: roundParams,
    response: roundDetail,
    handler: (ctx, { params }) => presentRound(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/evaluation-rounds/:id/criteria',
    operationId: 'setEvaluationCriteria',
    summary: '修改评分标准（筹备阶段；权重之和为 100）',
    roles: admins,
    params: roundParams,
    body: criteriaBody,
    response: roundDetail,
    handler: (ctx, { params, body }) => setCriteria(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/evaluation-rounds/:id/assignments',
    operationId: 'assignEvaluationJudge',
    summary: '为项目分配评委（与项目同属一个组织的评委须回避）',
    roles: admins,
    params: roundParams,
    body: assignBody,
    response: roundDetail,
    status: 201,
    handler: (ctx, { params, body }) => assignJudge(ctx, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/evaluation-rounds/:id/projects/:projectId/judges/:judgeId',
    operationId: 'unassignEvaluationJudge',
    summary: '移除项目的评委（该评委尚未打分、评分未结束时）',
    roles: admins,
    params: assignmentParams,
    response: roundDetail,
    conflict: true,
    handler: (ctx, { params }) => unassignJudge(ctx, params.id, params.projectId, params.judgeId),
  }),
  step('open', '开始评分'),
  step('close', '结束评分：公开排名'),
  step('publish', '公布评选结果（门户可见，可导出 xlsx）'),
  defineRoute({
    method: 'PUT',
    url: '/evaluation-rounds/:id/projects/:projectId/scores',
    operationId: 'scoreEvaluationProject',
    summary: '评委为分配给自己的项目逐项打分（评分阶段，可修改）',
    params: roundProjectParams,
    body: scoresBody,
    response: roundDetail,
    conflict: true,
    handler: (ctx, { params, body }) => scoreProject(ctx, params.id, params.projectId, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/evaluation-rounds/:id/awards',
    operationId: 'setEvaluationAwards',
    summary: '评定奖励（荣誉称号和奖励资金，合计不超过预算；评分结束后）',
    roles: admins,
    params: roundParams,
    body: awardsBody,
    response: roundDetail,
    conflict: true,
    handler: (ctx, { params, body }) => setAwards(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/evaluations',
    operationId: 'listPublishedEvaluations',
    summary: '已公布的评选',
    public: true,
    response: publicRoundList,
    handler: (ctx) => listPublishedRounds(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/evaluations/:id',
    operationId: 'getEvaluationResults',
    summary: '评选结果：排名、各项得分、平台成效与奖励',
    public: true,
    params: roundParams,
    response: publicResultsSchema,
    handler: (ctx, { params }) => publicResults(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/evaluations/:id/results.xlsx',
    operationId: 'exportEvaluationResults',
    summary: '导出评选结果（.xlsx）',
    public: true,
    params: roundParams,
    produces: [XLSX, 'application/json'],
    otherResponses: { 200: z.string().describe(`An .xlsx file (${XLSX})`) },
    handler: async (ctx, { params }, reply) =>
      reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="evaluation.xlsx"; filename*=UTF-8''${encodeURIComponent('评选结果.xlsx')}`,
        )
        .send(await resultsXlsx(await publicResults(ctx, params.id))),
  }),
];
