import { okResponse } from '../../platform/contract.js';
import { SESSION_COOKIE } from '../../platform/identity.js';
import { defineRoute, routes } from '../../platform/route.js';
import { actorCache } from './actor-cache.js';
import { changePassword } from './change-password.js';
import { changePasswordBody, csrfResponse, loginBody, loginResponse, meResponse } from './contract.js';
import { getMe } from './get-me.js';
import { login } from './login.js';
import { passwordResetRoutes } from './routes-password-reset.js';
import { signInWithCookie } from './session-cookie.js';
import { deleteSession } from './sessions.js';

export const accountsRoutes = routes('accounts', async (app) => {
  actorCache.setTtl(app.config.ACTOR_CACHE_SECONDS * 1000);
  await app.register(passwordResetRoutes);
  return [
    defineRoute({
      method: 'GET',
      url: '/auth/csrf',
      operationId: 'getCsrfToken',
      summary: '获取 CSRF 令牌 (send it as X-CSRF-Token on writes)',
      public: true,
      response: csrfResponse,
      handler: (_ctx, _req, reply) => ({ token: reply.generateCsrf() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/login',
      operationId: 'login',
      summary: '手机号 + 密码登录',
      public: true,
      config: { rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      body: loginBody,
      response: loginResponse,
      handler: async (ctx, req, reply) => {
        const session = await login(ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null });
        const actor = await signInWithCookie(ctx.db, req, reply, session);
        const me = await getMe({ ...ctx, actor });
        return { expiresAt: session.expiresAt.toISOString(), me };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/logout',
      operationId: 'logout',
      summary: '退出登录',
      config: { beforePasswordChange: true },
      response: okResponse,
      handler: async (ctx, req, reply) => {
        const cookie = req.cookies[SESSION_COOKIE];
        if (cookie) await deleteSession(ctx.db, cookie);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/password',
      operationId: 'changePassword',
      summary: '修改密码（其他设备上的登录将失效）',
      config: { beforePasswordChange: true },
      body: changePasswordBody,
      response: okResponse,
      handler: async (ctx, { body, cookies }) => {
        await changePassword(ctx, { ...body, currentSessionCookie: cookies[SESSION_COOKIE] ?? null });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/me',
      operationId: 'getMe',
      summary: '当前登录用户',
      config: { beforePasswordChange: true },
      response: meResponse,
      handler: (ctx) => getMe(ctx),
    }),
  ];
});
