import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse, phoneSchema, responses } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { passwordSchema } from './contract.js';
import { confirmPasswordReset, requestPasswordReset } from './reset-password.js';

const tags = ['accounts'];

/** Forgotten password, or first password of an imported account: a code by SMS, then the new password. */
export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/password-reset',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: '忘记密码 / 首次设置密码：向手机号发送验证码（无论号码是否注册，回答相同）',
        body: z.object({ phone: phoneSchema }),
        response: responses({ 200: okResponse }),
      },
    },
    async (req) => {
      await requestPasswordReset(req.ctx(), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'confirmPasswordReset',
        tags,
        summary: '凭验证码设置新密码（其他设备上的登录将失效）',
        body: z.object({
          phone: phoneSchema,
          code: z.string().regex(/^\d{6}$/, { message: zhEn('请输入6位验证码', 'Enter the 6-digit code') }),
          newPassword: passwordSchema,
        }),
        response: responses({ 200: okResponse }),
      },
    },
    async (req) => {
      await confirmPasswordReset(req.ctx(), req.body);
      return { ok: true as const };
    },
  );
};
