import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import { regionScope, requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { auditLog } from '../../platform/audit-schema.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { users } from '../accounts/index.js';

export interface ListAuditInput {
  regionCode?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  limit: number;
  cursor?: string;
}

const auditCursor = cursorCodec(cursorPart.id);

/**
 * The audit log within the caller's scope, newest first. Entries tied to no place (a password
 * change, say) belong to the district and are shown only to district-wide staff.
 */
export async function listAudit(ctx: Ctx, input: ListAuditInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const districtWide = regionScope(actor).includes(actor.tenantId);
  const after = auditCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(auditLog.tenantId, actor.tenantId),
    districtWide
      ? or(isNull(auditLog.regionCode), scopeCondition(actor, auditLog.regionCode))
      : scopeCondition(actor, auditLog.regionCode),
    input.regionCode ? subtreeCondition(auditLog.regionCode, [input.regionCode]) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    after ? lt(auditLog.id, after[0]) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      regionCode: auditLog.regionCode,
      detail: auditLog.detail,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.tenantId, auditLog.tenantId), eq(users.id, auditLog.actorId)))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > input.limit && last ? auditCursor.encode([last.id]) : null,
  };
}
