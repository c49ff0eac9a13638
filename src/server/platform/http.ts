/**
 * The HTTP platform: who is calling (session → actor), protected-by-default routes, CSRF on
 * writes, and one error shape for everything that goes wrong.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type Actor, hasRole } from './access.js';
import type { Config } from './config.js';
import type { Ctx } from './context.js';
import { type Db, isDatabaseUnavailable } from './db.js';
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
    /** Callable while the caller must still replace a password someone else chose (the change itself, /me, sign-out). */
    beforePasswordChange?: boolean;
  }
}

const CSRF_COOKIE = '_csrf';

/** A new CSRF secret at sign-in: a secret planted or read before the sign-in is worth nothing after it. */
export function rotateCsrfSecret(req: FastifyRequest, reply: FastifyReply) {
  delete req.cookies[CSRF_COOKIE];
  reply.generateCsrf();
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
    // The matched route decides, never the raw URL: `/%61pi/v1/…`, `/api/v1/me;x` and other spellings
    // reach the same handler, so they must meet the same checks.
    if (!req.routeOptions.url?.startsWith('/api/v1/')) return;

    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.actor = await resolveActor(app.db, cookie);
    if (req.actor && req.actor.tenantId !== req.tenantId) req.actor = null;

    const config = req.routeOptions.config;
    if (req.actor?.mustChangePassword && !config.beforePasswordChange) {
      // Public routes serve anyone, so they serve this caller as anonymous; everything else waits for the change.
      if (config.public) req.actor = null;
      else throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
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
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A path names a record: one that cannot exist (`/sites/abc`) is not found, like one that does not.
      if (error.validationContext === 'params') return sendError(reply, 'NOT_FOUND');
      return sendError(reply, 'VALIDATION_FAILED', zodDetails(error));
    }
    if (error.code?.startsWith('FST_CSRF')) return sendError(reply, 'CSRF_INVALID');
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      return sendError(reply, 'SERVICE_UNAVAILABLE');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) return sendFrameworkError(reply, error);
    req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'INTERNAL_ERROR');
  });

  app.setNotFoundHandler((_req, reply) => sendError(reply, 'ROUTE_NOT_FOUND'));
});

const statusCodes: Partial<Record<number, ErrorCode>> = {
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** Fastify's own 4xx (bad JSON, bad URL encoding, wrong media type, too large…) in the one error shape. */
export function sendFrameworkError(reply: FastifyReply, error: { statusCode?: number; message: string }) {
  const code = statusCodes[error.statusCode ?? 400];
  if (code) return sendError(reply, code);
  const details = [{ field: 'request', message: '请求格式不正确', messageEn: error.message }];
  return reply.status(error.statusCode ?? 400).send(errorBody('VALIDATION_FAILED', details));
}

/** Errors Node answers before Fastify makes a request (431 oversized headers, broken request line, timeout). */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code: ErrorCode =
    status === 431 ? 'HEADERS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'VALIDATION_FAILED';
  const body = JSON.stringify(errorBody(code));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
