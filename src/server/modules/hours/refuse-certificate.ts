import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { presentCertificate } from './certificates.js';
import { certificates } from './schema.js';

/**
 * Staff in the request's scope decline to issue a requested certificate, with a reason (no
 * confirmed hours in the period, a duplicate request, …). Audited; the volunteer is told and may
 * ask again. Only a pending request can be refused (REQUEST_NOT_PENDING otherwise); one
 * conditional UPDATE, so a refusal and an issue cannot both win.
 */
export async function refuseCertificate(ctx: Ctx, id: string, input: { reason: string }) {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  const where = and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id));
  const [found] = await ctx.db.select().from(certificates).where(where);
  if (!found) throw new AppError('NOT_FOUND');
  assertInScope(actor, found.regionCode);
  const refused = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(certificates)
      .set({ state: 'refused', refusedBy: actor.userId, refusedAt: new Date(), refuseReason: reason })
      .where(and(where, eq(certificates.state, 'requested')))
      .returning();
    if (!row) throw new AppError('REQUEST_NOT_PENDING');
    await writeAudit(tx, auditContext(ctx), {
      action: 'certificate.refuse',
      entityType: 'certificate',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { reason },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: row.volunteerUserId,
      kind: 'hours.certificate_refused',
      title: '志愿服务记录证明申请未获出具',
      body: `您的证明申请未获出具：${reason}`,
      link: '/h5/mine/hours',
      data: { certificateId: row.id },
      params: { reason },
    });
    return row;
  });
  return presentCertificate(refused);
}
