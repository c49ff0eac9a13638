import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse, responses } from '../../platform/contract.js';
import { rotateCsrfSecret } from '../../platform/http.js';
import { SESSION_COOKIE } from '../../platform/identity.js';
import { actorCache } from './actor-cache.js';
import { changePassword } from './change-password.js';
import { changePasswordBody, csrfResponse, loginBody, loginResponse, meResponse } from './contract.js';
import { getMe } from './get-me.js';
import { login } from './login.js';
import { passwordResetRoutes } from './routes-password-reset.js';
import { deleteSession, resolveSession } from './sessions.js';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  actorCache.setTtl(app.config.ACTOR_CACHE_SECONDS * 1000);
  await app.register(passwordResetRoutes);

  app.get(
    '/auth/csrf',
    {
      config: { public: true },
      schema: {
        operationId: 'getCsrfToken',
        tags,
        summary: '获取 CSRF 令牌 (send it as X-CSRF-Token on writes)',
        response: responses({ 200: csrfResponse }),
      },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        operationId: 'login',
        tags,
        summary: '手机号 + 密码登录',
        body: loginBody,
        response: responses({ 200: loginResponse }),
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const session = await login(ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, session.cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        expires: session.expiresAt,
      });
      rotateCsrfSecret(req, reply);
      const actor = await resolveSession(ctx.db, session.cookie);
      const me = await getMe({ ...ctx, actor });
      return { expiresAt: session.expiresAt.toISOString(), me };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { beforePasswordChange: true },
      schema: { operationId: 'logout', tags, summary: '退出登录', response: responses({ 200: okResponse }) },
    },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(req.ctx().db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { beforePasswordChange: true },
      schema: {
        operationId: 'changePassword',
        tags,
        summary: '修改密码（其他设备上的登录将失效）',
        body: changePasswordBody,
        response: responses({ 200: okResponse }),
      },
    },
    async (req) => {
      await changePassword(req.ctx(), { ...req.body, currentSessionCookie: req.cookies[SESSION_COOKIE] ?? null });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      config: { beforePasswordChange: true },
      schema: { operationId: 'getMe', tags, summary: '当前登录用户', response: responses({ 200: meResponse }) },
    },
    async (req) => getMe(req.ctx()),
  );
};
