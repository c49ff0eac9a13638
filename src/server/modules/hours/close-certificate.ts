import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import { type NotifyInput, notify } from '../notifications/index.js';
import { presentCertificate } from './certificates.js';
import { certificates } from './schema.js';

type Certificate = typeof certificates.$inferSelect;

export interface CertificateClosing {
  /** The only state the step starts from; any other answers `refused`. */
  from: Certificate['state'];
  refused: ErrorCode;
  set: (actorUserId: string, now: Date) => Partial<typeof certificates.$inferInsert>;
  action: string;
  detail: (row: Certificate) => Record<string, unknown>;
  /** What the volunteer is told. */
  message: (row: Certificate) => Omit<NotifyInput, 'tenantId' | 'userId' | 'link' | 'data'>;
}

/**
 * A staff step that ends a certificate request or a certificate (refuse, revoke): found in the
 * caller's scope (NOT_FOUND otherwise), one conditional UPDATE from `from`, so two steps at once
 * cannot both win, audited, and the volunteer is told, in one transaction.
 */
export async function closeCertificate(ctx: Ctx, id: string, step: CertificateClosing) {
  const actor = requireActor(ctx);
  const where = and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id));
  const [found] = await ctx.db.select().from(certificates).where(where);
  if (!found) throw new AppError('NOT_FOUND');
  assertInScope(actor, found.regionCode);
  const closed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(certificates)
      .set(step.set(actor.userId, new Date()))
      .where(and(where, eq(certificates.state, step.from)))
      .returning();
    if (!row) throw new AppError(step.refused);
    await writeAudit(tx, auditContext(ctx), {
      action: step.action,
      entityType: 'certificate',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: step.detail(row),
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: row.volunteerUserId,
      link: '/h5/mine/hours',
      data: { certificateId: row.id },
      ...step.message(row),
    });
    return row;
  });
  return presentCertificate(closed);
}
