import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { errorResponse, responses } from '../../platform/contract.js';
import { createSession, signInWithCookie } from '../accounts/index.js';
import { becomeVolunteer } from './become-volunteer.js';
import { confirmPhoneChange, requestPhoneChange } from './change-my-phone.js';
import { changeVolunteerStatus } from './change-volunteer-status.js';
import {
  becomeVolunteerBody,
  changeStatusBody,
  correctVolunteerBody,
  listVolunteersQuery,
  myVolunteer,
  phoneChangeBody,
  phoneChangeConfirmBody,
  registerAtDeskBody,
  registerOnlineBody,
  registrationCodeBody,
  registrationCodeView,
  registrationOptions,
  updateMyVolunteerBody,
  volunteerDetail,
  volunteerIdParams,
  volunteerSummary,
} from './contract.js';
import { correctVolunteer } from './correct-volunteer.js';
import { getMyVolunteer } from './get-my-volunteer.js';
import { getRegistrationOptions } from './get-registration-options.js';
import { getVolunteer } from './get-volunteer.js';
import { listVolunteers } from './list-volunteers.js';
import { registerVolunteerAtDesk } from './register-volunteer-at-desk.js';
import { registerVolunteerOnline } from './register-volunteer-online.js';
import { requestRegistrationCode } from './request-registration-code.js';
import { revealVolunteerIdNumber } from './reveal-volunteer-id.js';
import { volunteerFilesRoutes } from './routes-files.js';
import { updateMyVolunteer } from './update-my-volunteer.js';

const tags = ['volunteers'];

export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/volunteer-registration/options',
    {
      config: { public: true },
      schema: {
        operationId: 'getVolunteerRegistrationOptions',
        tags,
        summary: '志愿者注册表单选项（承诺书版本、技能、社区）',
        response: responses({ 200: registrationOptions }),
      },
    },
    async (req) => getRegistrationOptions(req.ctx()),
  );

  app.post(
    '/volunteer-registrations/code',
    {
      config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        operationId: 'requestRegistrationCode',
        tags,
        summary: '注册第一步：向手机号发送验证码（无论该号码是否已注册，回答都相同）',
        description:
          'A phone without an account gets a 6-digit code; a phone that has one gets a message saying so and no code. The answer is the same either way; one message a minute per phone.',
        body: registrationCodeBody,
        response: responses({ 202: registrationCodeView }),
      },
    },
    async (req, reply) => reply.status(202).send(await requestRegistrationCode(req.ctx(), req.body)),
  );

  app.post(
    '/volunteer-registrations',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'registerVolunteer',
        tags,
        summary: '志愿者在线注册（凭手机验证码创建账号并登录；待所属社区审核）',
        body: registerOnlineBody,
        response: responses({ 201: z.object({ volunteer: myVolunteer, expiresAt: z.string() }), 409: errorResponse }),
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const { userId } = await registerVolunteerOnline(ctx, req.body);
      const session = await createSession(ctx.db, {
        tenantId: ctx.tenantId,
        userId,
        ttlHours: ctx.config.SESSION_TTL_HOURS,
        ip: ctx.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      const actor = await signInWithCookie(ctx.db, req, reply, session);
      reply.status(201);
      return { volunteer: await getMyVolunteer({ ...ctx, actor }), expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.get(
    '/me/volunteer',
    {
      schema: {
        operationId: 'getMyVolunteer',
        tags,
        summary: '我的志愿者档案（含完整身份证号）',
        response: responses({ 200: myVolunteer }),
      },
    },
    async (req) => getMyVolunteer(req.ctx()),
  );

  app.post(
    '/me/volunteer',
    {
      schema: {
        operationId: 'becomeVolunteer',
        tags,
        summary: '已登录用户申请成为志愿者',
        body: becomeVolunteerBody,
        response: responses({ 201: myVolunteer, 409: errorResponse }),
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      await becomeVolunteer(ctx, req.body);
      reply.status(201);
      return getMyVolunteer(ctx);
    },
  );

  app.patch(
    '/me/volunteer',
    {
      schema: {
        operationId: 'updateMyVolunteer',
        tags,
        summary: '修改我的志愿者档案（技能、服务区域、空闲时段、地址、简介）',
        body: updateMyVolunteerBody,
        response: responses({ 200: myVolunteer }),
      },
    },
    async (req) => updateMyVolunteer(req.ctx(), req.body),
  );

  app.post(
    '/me/volunteer/phone-change',
    {
      schema: {
        operationId: 'requestPhoneChange',
        tags,
        summary: '更换手机号：向新号码发送验证码',
        body: phoneChangeBody,
        response: responses({
          200: z.object({ requestId: z.string().uuid(), expiresAt: z.string() }),
          409: errorResponse,
        }),
      },
    },
    async (req) => requestPhoneChange(req.ctx(), req.body),
  );

  app.post(
    '/me/volunteer/phone-change/confirm',
    {
      schema: {
        operationId: 'confirmPhoneChange',
        tags,
        summary: '更换手机号：输入验证码确认',
        body: phoneChangeConfirmBody,
        response: responses({ 200: z.object({ phone: z.string() }), 409: errorResponse }),
      },
    },
    async (req) => confirmPhoneChange(req.ctx(), req.body),
  );

  app.post(
    '/volunteers',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'registerVolunteerAtDesk',
        tags,
        summary: '站点专管员现场登记志愿者（返回一次性初始密码）',
        body: registerAtDeskBody,
        response: responses({
          201: z.object({
            volunteer: volunteerDetail,
            initialPassword: z
              .string()
              .nullable()
              .describe(
                'Shown once; the volunteer must change it at first sign-in. null when the phone had an account',
              ),
            accountExisted: z.boolean(),
          }),
          409: errorResponse,
        }),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return registerVolunteerAtDesk(req.ctx(), req.body);
    },
  );

  app.get(
    '/volunteers',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listVolunteers',
        tags,
        summary: '管辖范围内的志愿者（手机号、身份证号脱敏）',
        querystring: listVolunteersQuery,
        response: responses({
          200: z.object({ items: z.array(volunteerSummary), nextCursor: z.string().nullable() }),
        }),
      },
    },
    async (req) => listVolunteers(req.ctx(), req.query),
  );

  await app.register(volunteerFilesRoutes);

  app.get(
    '/volunteers/:id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'getVolunteer',
        tags,
        summary: '志愿者详情（身份证号脱敏）',
        params: volunteerIdParams,
        response: responses({ 200: volunteerDetail }),
      },
    },
    async (req) => getVolunteer(req.ctx(), req.params.id),
  );

  app.post(
    '/volunteers/:id/reveal-id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'revealVolunteerIdNumber',
        tags,
        summary: '查看志愿者完整身份证号（记入审计日志）',
        params: volunteerIdParams,
        response: responses({ 200: z.object({ idNumber: z.string() }) }),
      },
    },
    async (req) => revealVolunteerIdNumber(req.ctx(), req.params.id),
  );

  app.post(
    '/volunteers/:id/status',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'changeVolunteerStatus',
        tags,
        summary: '审核、暂停或恢复志愿者',
        params: volunteerIdParams,
        body: changeStatusBody,
        response: responses({ 200: volunteerDetail }),
      },
    },
    async (req) => changeVolunteerStatus(req.ctx(), req.params.id, req.body),
  );

  app.patch(
    '/volunteers/:id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'correctVolunteer',
        tags,
        summary: '更正志愿者信息（姓名、身份证号、手机号、状态；须填写原因，记入审计日志）',
        params: volunteerIdParams,
        body: correctVolunteerBody,
        response: responses({ 200: volunteerDetail, 409: errorResponse }),
      },
    },
    async (req) => correctVolunteer(req.ctx(), req.params.id, req.body),
  );
};
