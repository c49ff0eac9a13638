import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { responses } from '../../platform/contract.js';
import { attendanceRoutes } from './attendance-routes.js';
import { cancelActivity } from './cancel-activity.js';
import { changeSignup } from './change-signup.js';
import {
  activityDetail,
  activityPage,
  activityView,
  createActivityBody,
  idParams,
  mySignupsQuery,
  optionalReasonBody,
  publicSessionPage,
  publicSessionsQuery,
  reasonBody,
  rosterView,
  signupResult,
  staffActivitiesQuery,
  updateActivityBody,
  writeResponses,
} from './contract.js';
import { createActivity } from './create-activity.js';
import { getActivity } from './get-activity.js';
import { listActivities } from './list-activities.js';
import { listMySignups } from './list-my-signups.js';
import { listPublicSessions } from './list-public-sessions.js';
import { listRoster } from './list-roster.js';
import { publishActivity } from './publish-activity.js';
import { signUp } from './sign-up.js';
import { updateActivity } from './update-activity.js';

const tags = ['activities'];

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(attendanceRoutes);
  app.get(
    '/activity-sessions',
    {
      config: { public: true },
      schema: {
        operationId: 'searchActivitySessions',
        tags,
        summary: '活动广场：已发布活动的场次，可按时间、类别、关键词和距离查找（公开）',
        querystring: publicSessionsQuery,
        response: responses({ 200: publicSessionPage }),
      },
    },
    async (req) => listPublicSessions(req.ctx(), req.query),
  );

  app.get(
    '/activities/:id',
    {
      config: { public: true },
      schema: {
        operationId: 'getActivity',
        tags,
        summary: '活动详情与近期场次（已发布的活动公开；草稿仅组织者可见）',
        params: idParams,
        response: responses({ 200: activityDetail }),
      },
    },
    async (req) => getActivity(req.ctx(), req.params.id),
  );

  app.get(
    '/activities',
    {
      schema: {
        operationId: 'listActivities',
        tags,
        summary: '活动管理：管辖范围内或本人负责组织的活动',
        querystring: staffActivitiesQuery,
        response: responses({ 200: activityPage }),
      },
    },
    async (req) => listActivities(req.ctx(), req.query),
  );

  app.post(
    '/activities',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createActivity',
        tags,
        summary: '新建活动（草稿）：一次性或重复（RRULE），名额、报名条件、报名时间、审核方式',
        body: createActivityBody,
        response: writeResponses({ 201: activityView }),
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(req.ctx(), req.body)),
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        operationId: 'updateActivity',
        tags,
        summary: '修改活动：草稿可改全部；已发布的只能改说明、条件和名额',
        params: idParams,
        body: updateActivityBody,
        response: writeResponses({ 200: activityDetail }),
      },
    },
    async (req) => updateActivity(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/activities/:id/publish',
    {
      schema: {
        operationId: 'publishActivity',
        tags,
        summary: '发布活动：生成场次并开放报名',
        params: idParams,
        response: writeResponses({ 200: activityDetail }),
      },
    },
    async (req) => publishActivity(req.ctx(), req.params.id),
  );

  app.post(
    '/activities/:id/cancel',
    {
      schema: {
        operationId: 'cancelActivity',
        tags,
        summary: '取消整个活动：未开始的场次和报名全部取消，并通知每位报名者',
        params: idParams,
        body: reasonBody,
        response: writeResponses({ 200: activityDetail }),
      },
    },
    async (req) => cancelActivity(req.ctx(), req.params.id, req.body.reason),
  );

  app.get(
    '/activity-sessions/:id/signups',
    {
      schema: {
        operationId: 'getActivityRoster',
        tags,
        summary: '报名名单与签到情况（组织者）',
        params: idParams,
        response: responses({ 200: rosterView }),
      },
    },
    async (req) => listRoster(req.ctx(), req.params.id),
  );

  app.post(
    '/activity-sessions/:id/signups',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'signUpForActivity',
        tags,
        summary: '报名一个场次：有名额即报名成功（或待审核），名额已满则进入候补',
        description: 'Send an Idempotency-Key header: a retried request returns the first answer.',
        params: idParams,
        response: writeResponses({ 201: signupResult }),
      },
    },
    async (req, reply) => reply.status(201).send(await signUp(req.ctx(), req.params.id)),
  );

  app.get(
    '/activity-signups/mine',
    {
      schema: {
        operationId: 'listMyActivitySignups',
        tags,
        summary: '我的活动：我报名的场次（即将开始 / 已结束）',
        querystring: mySignupsQuery,
        response: responses({ 200: publicSessionPage }),
      },
    },
    async (req) => listMySignups(req.ctx(), req.query),
  );

  app.post(
    '/activity-signups/:id/cancel',
    {
      schema: {
        operationId: 'cancelActivitySignup',
        tags,
        summary: '取消报名（本人在截止时间前；组织者随时），空出的名额自动由候补递补',
        params: idParams,
        body: optionalReasonBody,
        response: writeResponses({ 200: signupResult }),
      },
    },
    async (req) => changeSignup(req.ctx(), req.params.id, 'cancel', req.body.reason),
  );

  app.post(
    '/activity-signups/:id/approve',
    {
      schema: {
        operationId: 'approveActivitySignup',
        tags,
        summary: '通过报名（组织者）',
        params: idParams,
        response: writeResponses({ 200: signupResult }),
      },
    },
    async (req) => changeSignup(req.ctx(), req.params.id, 'approve'),
  );

  app.post(
    '/activity-signups/:id/reject',
    {
      schema: {
        operationId: 'rejectActivitySignup',
        tags,
        summary: '拒绝报名（组织者），空出的名额自动由候补递补',
        params: idParams,
        body: reasonBody,
        response: writeResponses({ 200: signupResult }),
      },
    },
    async (req) => changeSignup(req.ctx(), req.params.id, 'reject', req.body.reason),
  );
};
