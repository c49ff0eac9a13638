import { z } from 'zod';
import { okResponse, phoneSchema } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import { zhEn } from '../../platform/validation-messages.js';
import { passwordSchema } from './contract.js';
import { confirmPasswordReset, requestPasswordReset } from './reset-password.js';

/** Forgotten password, or first password of an imported account: a code by SMS, then the new password. */
export const passwordResetRoutes = routes('accounts', [
  defineRoute({
    method: 'POST',
    url: '/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: '忘记密码 / 首次设置密码：向手机号发送验证码（无论号码是否注册，回答相同）',
    public: true,
    config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    body: z.object({ phone: phoneSchema }),
    response: okResponse,
    handler: async (ctx, { body }) => {
      await requestPasswordReset(ctx, body);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/auth/password-reset/confirm',
    operationId: 'confirmPasswordReset',
    summary: '凭验证码设置新密码（其他设备上的登录将失效）',
    public: true,
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    body: z.object({
      phone: phoneSchema,
      code: z.string().regex(/^\d{6}$/, { message: zhEn('请输入6位验证码', 'Enter the 6-digit code') }),
      newPassword: passwordSchema,
    }),
    response: okResponse,
    handler: async (ctx, { body }) => {
      await confirmPasswordReset(ctx, body);
      return { ok: true as const };
    },
  }),
]);
