import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { presentCertificate } from './certificates.js';
import { certificates } from './schema.js';

/**
 * Staff in the certificate's scope revoke an issued certificate, with a reason: the register keeps
 * it under its number, and the public verification shows it revoked from then on. Audited; the
 * volunteer is told. A certificate that is not issued (requested, or already revoked) is
 * CERTIFICATE_NOT_ISSUED; one conditional UPDATE, so two revocations cannot both win.
 */
export async function revokeCertificate(ctx: Ctx, id: string, input: { reason: string }) {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  const where = and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id));
  const [found] = await ctx.db.select().from(certificates).where(where);
  if (!found) throw new AppError('NOT_FOUND');
  assertInScope(actor, found.regionCode);
  const revoked = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(certificates)
      .set({ state: 'revoked', revokedAt: new Date(), revokeReason: reason })
      .where(and(where, eq(certificates.state, 'issued')))
      .returning();
    if (!row) throw new AppError('CERTIFICATE_NOT_ISSUED');
    await writeAudit(tx, auditContext(ctx), {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { number: row.number, reason },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: row.volunteerUserId,
      kind: 'hours.certificate_revoked',
      title: '志愿服务记录证明已撤销',
      body: `证明 ${row.number} 已撤销：${reason}`,
      link: '/h5/mine/hours',
      data: { certificateId: row.id },
      params: { number: row.number ?? '', reason },
    });
    return row;
  });
  return presentCertificate(revoked);
}
