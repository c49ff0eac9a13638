/**
 * Idempotent writes. A route with `config: { idempotent: true }` honours an `Idempotency-Key`
 * header: the first request runs and its response is stored; a retry with the same key and the
 * same body gets the stored response; the same key with a different body, or while the first is
 * still running, is a 409. A 5xx is not stored, so the client may retry it.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from './db.js';
import { AppError, fieldError } from './errors.js';
import { idempotencyKeys } from './idempotency-schema.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the Idempotency-Key header (see platform/idempotency.ts). */
    idempotent?: boolean;
    /** Refuse the write without an Idempotency-Key header. */
    idempotencyRequired?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const KEEP_HOURS = 24;
const ABANDONED_AFTER_MS = 120_000;

function storageKey(req: FastifyRequest, clientKey: string) {
  return `${req.actor?.userId ?? 'anon'}:${req.routeOptions.url}:${clientKey}`;
}

const hashBody = (req: FastifyRequest) =>
  createHash('sha256')
    .update(JSON.stringify({ params: req.params, query: req.query, body: req.body ?? null }))
    .digest('hex');

export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (req, reply) => {
    const config = req.routeOptions.config;
    if (!config.idempotent) return;
    const header = req.headers['idempotency-key'];
    if (header === undefined) {
      if (config.idempotencyRequired) {
        throw fieldError(
          'headers.idempotency-key',
          '缺少幂等键（Idempotency-Key）',
          'The Idempotency-Key header is required',
        );
      }
      return;
    }
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw fieldError(
        'headers.idempotency-key',
        '幂等键格式不正确（8–128 位字母数字）',
        'Idempotency-Key must be 8–128 letters, digits or ._:-',
      );
    }
    const key = storageKey(req, header);
    const requestHash = hashBody(req);
    const inserted = await app.db
      .insert(idempotencyKeys)
      .values({ tenantId: req.tenantId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      req.idempotencyKey = key;
      return;
    }
    const [prior] = await app.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, req.tenantId), eq(idempotencyKeys.key, key)));
    if (!prior) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    if (prior.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (prior.status === null) {
      // A first attempt that died mid-way (process crash) leaves a claim without a response.
      if (Date.now() - prior.createdAt.getTime() < ABANDONED_AFTER_MS) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      req.idempotencyKey = key;
      return;
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(prior.status).send(prior.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key) return payload;
    req.idempotencyKey = null;
    const where = and(eq(idempotencyKeys.tenantId, req.tenantId), eq(idempotencyKeys.key, key));
    if (reply.statusCode >= 500) {
      await app.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await app.db.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(where);
    return payload;
  });
});

export async function deleteOldIdempotencyKeys(db: Db, now = new Date()) {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEEP_HOURS * 3600_000)));
}
