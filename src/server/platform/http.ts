/**
 * The HTTP platform: who is calling (session → actor), protected-by-default routes, CSRF on
 * writes, and one error shape for everything that goes wrong.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type Actor, hasRole } from './access.js';
import type { Config } from './config.js';
import type { Ctx } from './context.js';
import type { Db } from './db.js';
import { AppError, type ErrorCode, type ErrorDetail, errorBody, errorStatus } from './errors.js';
import { type ResolveActor, type Role, SESSION_COOKIE } from './identity.js';
import { describeIssue } from './validation-messages.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
    tenantId: string;
    ctx(): Ctx;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Everything under /api/v1 is protected unless this is set. */
    public?: boolean;
    /** Only callers holding one of these roles (anywhere) may call the route. */
    roles?: readonly Role[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sendError(reply: FastifyReply, code: ErrorCode, details?: ErrorDetail[], override?: AppError) {
  const body = errorBody(code, details);
  if (override) {
    body.error.message = override.messageZh;
    body.error.messageEn = override.messageEn;
  }
  return reply.status(override?.status ?? errorStatus(code)).send(body);
}

function zodDetails(error: FastifyError): ErrorDetail[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => describeIssue(context, v as Parameters<typeof describeIssue>[1]));
}

export interface HttpPlatformOptions {
  resolveActor: ResolveActor;
}

export const httpPlatform = fp(async (app: FastifyInstance, { resolveActor }: HttpPlatformOptions) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('tenantId', '');
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    return {
      db: app.db,
      config: app.config,
      tenantId: this.tenantId,
      actor: this.actor,
      ip: this.ip,
      requestId: String(this.id),
    };
  });

  // Public routes say so in the OpenAPI document too.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] };
  });

  app.addHook('onRequest', async (req, reply) => {
    // One deployment serves its default district; host-based tenant routing comes with multi-tenancy.
    req.tenantId = app.config.DEFAULT_TENANT;
    if (!req.url.startsWith('/api/v1/')) return;

    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.actor = await resolveActor(app.db, cookie);
    if (req.actor && req.actor.tenantId !== req.tenantId) req.actor = null;

    const config = req.routeOptions.config;
    if (!config.public) {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      if (config.roles && !hasRole(req.actor, config.roles)) throw new AppError('FORBIDDEN');
    }

    if (!SAFE_METHODS.has(req.method)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(new AppError('CSRF_INVALID')) : resolve()));
      });
    }
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return sendError(reply, error.code, error.details, error);
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(reply, 'VALIDATION_FAILED', zodDetails(error));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'PAYLOAD_TOO_LARGE');
    if (error.code?.startsWith('FST_CSRF')) return sendError(reply, 'CSRF_INVALID');
    if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return sendError(reply, 'VALIDATION_FAILED', [
        { field: 'request', message: '请求格式不正确', messageEn: error.message },
      ]);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'INTERNAL_ERROR');
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return sendError(reply, 'ROUTE_NOT_FOUND');
    return reply.status(404).type('text/plain; charset=utf-8').send('404 未找到');
  });
});
