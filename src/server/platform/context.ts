import type { Actor } from './access.js';
import type { AuditContext } from './audit.js';
import type { Config } from './config.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/** What a use case receives besides its input: the database, the tenant and who is acting. */
export interface Ctx {
  db: Db;
  config: Config;
  tenantId: string;
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function auditContext(ctx: Ctx): AuditContext {
  return { tenantId: ctx.tenantId, actorId: ctx.actor?.userId ?? null, ip: ctx.ip, requestId: ctx.requestId };
}
