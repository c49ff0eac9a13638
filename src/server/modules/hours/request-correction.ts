import { and, eq } from 'drizzle-orm';
import { inScope, isStaff } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { presentCorrections } from './present.js';
import { hoursCorrections, serviceRecords } from './schema.js';

/**
 * Asks to correct a confirmed record's minutes, with a reason: the volunteer themself, or staff whose
 * scope holds the record. Nothing changes until someone else approves it (see decide-correction).
 */
export async function requestCorrection(ctx: Ctx, recordId: string, input: { minutes: number; reason: string }) {
  const actor = requireActor(ctx);
  const [record] = await ctx.db
    .select()
    .from(serviceRecords)
    .where(and(eq(serviceRecords.tenantId, actor.tenantId), eq(serviceRecords.id, recordId)));
  const mayAsk =
    record && (record.volunteerUserId === actor.userId || (isStaff(actor) && inScope(actor, record.regionCode)));
  if (!record || !mayAsk) throw new AppError('NOT_FOUND');
  if (record.status !== 'confirmed') throw new AppError('HOURS_NOT_CONFIRMED');
  if (input.minutes === record.minutes)
    throw fieldError('body.minutes', '更正后的时长与原时长相同', 'The corrected minutes equal the recorded ones');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(hoursCorrections)
      .values({
        tenantId: actor.tenantId,
        serviceRecordId: record.id,
        regionCode: record.regionCode,
        minutes: input.minutes,
        reason: input.reason,
        requestedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('CORRECTION_PENDING');
    await writeAudit(tx, auditContext(ctx), {
      action: 'hours.correction_requested',
      entityType: 'service_record',
      entityId: record.id,
      regionCode: record.regionCode,
      detail: { from: record.minutes, to: input.minutes, reason: input.reason },
    });
    return created;
  });
  const [view] = await presentCorrections(ctx.db, actor.tenantId, [row]);
  if (!view) throw new Error('correction vanished');
  return view;
}
