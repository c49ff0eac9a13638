import { auditLog } from './audit-schema.js';
import type { Db } from './db.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditContext {
  tenantId: string;
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

/** Writes one audit row; call it with the same transaction as the change it records. */
export async function writeAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorId: ctx.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    detail: entry.detail ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  });
}
