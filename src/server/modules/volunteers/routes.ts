import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
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
import { volunteerSettingsRoutes } from './routes-settings.js';
import { updateMyVolunteer } from './update-my-volunteer.js';

/** Registration and the volunteer's own profile: public sign-up, then self-service. */
const selfRoutes = routes('volunteers', (app) => [
  defineRoute({
    method: 'GET',
    url: '/volunteer-registration/options',
    operationId: 'getVolunteerRegistrationOptions',
    summary: '志愿者注册表单选项（承诺书版本、技能、社区）',
    public: true,
    response: registrationOptions,
    handler: (ctx) => getRegistrationOptions(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteer-registrations/code',
    operationId: 'requestRegistrationCode',
    summary: '注册第一步：向手机号发送验证码（无论该号码是否已注册，回答都相同）',
    description:
      'A phone without an account gets a 6-digit code; a phone that has one gets a message saying so and no code. The answer is the same either way; one message a minute per phone.',
    public: true,
    config: { rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    body: registrationCodeBody,
    response: registrationCodeView,
    status: 202,
    handler: (ctx, { body }) => requestRegistrationCode(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteer-registrations',
    operationId: 'registerVolunteer',
    summary: '志愿者在线注册（凭手机验证码创建账号并登录；待所属社区审核）',
    public: true,
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    body: registerOnlineBody,
    response: z.object({ volunteer: myVolunteer, expiresAt: z.string() }),
    status: 201,
    conflict: true,
    handler: async (ctx, req, reply) => {
      const { userId } = await registerVolunteerOnline(ctx, req.body);
      const session = await createSession(ctx.db, {
        tenantId: ctx.tenantId,
        userId,
        ttlHours: ctx.config.SESSION_TTL_HOURS,
        ip: ctx.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      const actor = await signInWithCookie(ctx.db, req, reply, session);
      return { volunteer: await getMyVolunteer({ ...ctx, actor }), expiresAt: session.expiresAt.toISOString() };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/me/volunteer',
    operationId: 'getMyVolunteer',
    summary: '我的志愿者档案（含完整身份证号）',
    response: myVolunteer,
    handler: (ctx) => getMyVolunteer(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/volunteer',
    operationId: 'becomeVolunteer',
    summary: '已登录用户申请成为志愿者',
    body: becomeVolunteerBody,
    response: myVolunteer,
    status: 201,
    conflict: true,
    handler: async (ctx, { body }) => {
      await becomeVolunteer(ctx, body);
      return getMyVolunteer(ctx);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/me/volunteer',
    operationId: 'updateMyVolunteer',
    summary: '修改我的志愿者档案（技能、服务区域、空闲时段、地址、简介）',
    body: updateMyVolunteerBody,
    response: myVolunteer,
    handler: (ctx, { body }) => updateMyVolunteer(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/volunteer/phone-change',
    operationId: 'requestPhoneChange',
    summary: '更换手机号：向新号码发送验证码',
    body: phoneChangeBody,
    response: z.object({ requestId: z.string().uuid(), expiresAt: z.string() }),
    conflict: true,
    handler: (ctx, { body }) => requestPhoneChange(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/volunteer/phone-change/confirm',
    operationId: 'confirmPhoneChange',
    summary: '更换手机号：输入验证码确认',
    body: phoneChangeConfirmBody,
    response: z.object({ phone: z.string() }),
    conflict: true,
    handler: (ctx, { body }) => confirmPhoneChange(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteers',
    operationId: 'registerVolunteerAtDesk',
    summary: '站点专管员现场登记志愿者（返回一次性初始密码）',
    roles: staffRoles,
    body: registerAtDeskBody,
    response: z.object({
      volunteer: volunteerDetail,
      initialPassword: z
        .string()
        .nullable()
        .describe('Shown once; the volunteer must change it at first sign-in. null when the phone had an account'),
      accountExisted: z.boolean(),
    }),
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => registerVolunteerAtDesk(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/volunteers',
    operationId: 'listVolunteers',
    summary: '管辖范围内的志愿者（手机号、身份证号脱敏）',
    roles: staffRoles,
    query: listVolunteersQuery,
    response: z.object({ items: z.array(volunteerSummary), nextCursor: z.string().nullable() }),
    handler: (ctx, { query }) => listVolunteers(ctx, query),
  }),
]);

/** One volunteer, for staff in scope. */
const staffRoutes = routes('volunteers', [
  defineRoute({
    method: 'GET',
    url: '/volunteers/:id',
    operationId: 'getVolunteer',
    summary: '志愿者详情（身份证号脱敏）',
    roles: staffRoles,
    params: volunteerIdParams,
    response: volunteerDetail,
    handler: (ctx, { params }) => getVolunteer(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteers/:id/reveal-id',
    operationId: 'revealVolunteerIdNumber',
    summary: '查看志愿者完整身份证号（记入审计日志）',
    roles: staffRoles,
    params: volunteerIdParams,
    response: z.object({ idNumber: z.string() }),
    handler: (ctx, { params }) => revealVolunteerIdNumber(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteers/:id/status',
    operationId: 'changeVolunteerStatus',
    summary: '审核、暂停或恢复志愿者',
    roles: staffRoles,
    params: volunteerIdParams,
    body: changeStatusBody,
    response: volunteerDetail,
    handler: (ctx, { params, body }) => changeVolunteerStatus(ctx, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/volunteers/:id',
    operationId: 'correctVolunteer',
    summary: '更正志愿者信息（姓名、身份证号、手机号、状态；须填写原因，记入审计日志）',
    roles: staffRoles,
    params: volunteerIdParams,
    body: correctVolunteerBody,
    response: volunteerDetail,
    conflict: true,
    handler: (ctx, { params, body }) => correctVolunteer(ctx, params.id, body),
  }),
]);

/** In this order, so that the OpenAPI document lists the import and export routes where it did. */
export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(selfRoutes);
  await app.register(volunteerFilesRoutes);
  await app.register(staffRoutes);
  await app.register(volunteerSettingsRoutes);
};
