/**
 * 资质核验: a staff member of the holder's scope, other than the one who recorded it, approves or
 * rejects a qualification recorded from a proof obtained elsewhere (a rejection says why). Only a
 * pending one can be decided, once; the holder is told either way.
 */
import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { skills } from '../volunteers/index.js';
import { presentQualifications } from './queries.js';
import { academyQualifications } from './schema.js';

export async function verifyQualification(
  ctx: Ctx,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string | undefined },
) {
  const actor = requireActor(ctx);
  const [q] = await ctx.db
    .select()
    .from(academyQualifications)
    .where(and(eq(academyQualifications.tenantId, actor.tenantId), eq(academyQualifications.id, id)));
  if (!q) throw new AppError('NOT_FOUND');
  assertInScope(actor, q.regionCode);
  if (q.recordedBy === actor.userId) throw new AppError('ACADEMY_SELF_VERIFICATION');
  const [skill] = await ctx.db
    .select({ name: skills.name })
    .from(skills)
    .where(and(eq(skills.tenantId, actor.tenantId), eq(skills.code, q.skillCode)));
  const name = skill?.name ?? q.skillCode;
  const approve = input.decision === 'approve';
  const reason = approve ? null : (input.reason ?? '').trim();
  const now = new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(academyQualifications)
      .set({ status: approve ? 'valid' : 'rejected', verifiedBy: actor.userId, verifiedAt: now, rejectReason: reason })
      .where(
        and(
          eq(academyQualifications.tenantId, actor.tenantId),
          eq(academyQualifications.id, q.id),
          eq(academyQualifications.status, 'pending'),
        ),
      )
      .returning();
    if (!done) throw new AppError('REQUEST_NOT_PENDING');
    await writeAudit(tx, auditContext(ctx), {
      action: `academy.qualification.${input.decision}`,
      entityType: 'academy_qualification',
      entityId: q.id,
      regionCode: q.regionCode,
      ...(reason ? { detail: { reason } } : {}),
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: q.userId,
      kind: approve ? 'academy.qualification_verified' : 'academy.qualification_rejected',
      title: approve ? `您的「${name}」资质已核验通过` : `您的「${name}」资质未通过核验`,
      body: approve ? '现在可以承接需要该资质的服务。' : (reason as string),
      link: '/h5/academy/qualifications',
      params: { name, reason: reason ?? '' },
    });
    return done;
  });
  const [view] = await presentQualifications(ctx.db, ctx.config, actor.tenantId, [row], now, true);
  return view as NonNullable<typeof view>;
}
