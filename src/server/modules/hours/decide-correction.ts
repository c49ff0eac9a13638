import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { announceStarLevel, creditRecord, debitRecord } from './confirm-record.js';
import { confirmedMinutes } from './ledger-accounts.js';
import { presentCorrections } from './present.js';
import { hoursCorrections, serviceRecords } from './schema.js';
import { hoursSettingsFor } from './settings.js';

const fmt = (m: number) => `${Math.floor(m / 60)}小时${m % 60 ? `${m % 60}分钟` : ''}`;

/**
 * Approves or rejects a correction request; the decider must be someone other than the requester
 * and hold the record's region in scope. Approval keeps the original: it reverses the original
 * ledger transaction, marks the original record `corrected`, and writes a new confirmed record that
 * names it (`corrects_id`) with a new ledger transaction. Nothing is edited in place.
 */
export async function decideCorrection(
  ctx: Ctx,
  id: string,
  decision: 'approve' | 'reject',
  input: { note?: string | undefined },
) {
  const actor = requireActor(ctx);
  const [correction] = await ctx.db
    .select()
    .from(hoursCorrections)
    .where(and(eq(hoursCorrections.tenantId, actor.tenantId), eq(hoursCorrections.id, id)));
  if (!correction) throw new AppError('NOT_FOUND');
  assertInScope(actor, correction.regionCode);
  if (correction.requestedBy === actor.userId) throw new AppError('CORRECTION_SELF_APPROVAL');
  if (correction.state !== 'pending') throw new AppError('REQUEST_NOT_PENDING');
  const { starThresholdsHours } = await hoursSettingsFor(ctx.db, actor.tenantId);
  const now = new Date();
  const result = await ctx.db.transaction(async (tx) => {
    const [decided] = await tx
      .update(hoursCorrections)
      .set({
        state: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: input.note ?? null,
      })
      .where(
        and(
          eq(hoursCorrections.tenantId, actor.tenantId),
          eq(hoursCorrections.id, id),
          eq(hoursCorrections.state, 'pending'),
        ),
      )
      .returning();
    if (!decided) throw new AppError('REQUEST_NOT_PENDING');
    const still = and(
      eq(serviceRecords.tenantId, actor.tenantId),
      eq(serviceRecords.id, correction.serviceRecordId),
      eq(serviceRecords.status, 'confirmed'),
    );
    const [original] =
      decision === 'approve'
        ? await tx.update(serviceRecords).set({ status: 'corrected' }).where(still).returning()
        : await tx.select().from(serviceRecords).where(still);
    if (!original) throw new AppError('HOURS_NOT_CONFIRMED');
    if (decision === 'reject') {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: original.volunteerUserId,
        kind: 'hours.correction_rejected',
        title: '服务时长更正申请未通过',
        body: input.note ?? '',
        link: '/h5/mine/hours',
        params: { content: original.content, note: input.note ?? '' },
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'hours.correction_rejected',
        entityType: 'service_record',
        entityId: original.id,
        regionCode: original.regionCode,
        detail: { correction: id },
      });
      return { correction: decided, original };
    }
    const before = await confirmedMinutes(tx, actor.tenantId, original.volunteerUserId);
    await debitRecord(tx, original, `更正：${correction.reason}`, actor.userId);
    const [replacement] = await tx
      .insert(serviceRecords)
      .values({
        tenantId: actor.tenantId,
        volunteerUserId: original.volunteerUserId,
        sourceType: original.sourceType,
        sourceId: original.sourceId,
        regionCode: original.regionCode,
        organisationId: original.organisationId,
        content: original.content,
        minutes: correction.minutes,
        startedAt: original.startedAt,
        endedAt: original.endedAt,
        recordedBy: correction.requestedBy,
        recordedAt: now,
        status: 'confirmed',
        confirmedBy: actor.userId,
        confirmedAt: now,
        correctsId: original.id,
        synthetic: original.synthetic,
      })
      .returning();
    if (!replacement) throw new Error('replacement record insert returned nothing');
    await creditRecord(tx, replacement, actor.userId, {
      corrects: original.ledgerTransactionId,
      correction: correction.id,
    });
    const [linked] = await tx
      .update(hoursCorrections)
      .set({ newRecordId: replacement.id })
      .where(and(eq(hoursCorrections.tenantId, actor.tenantId), eq(hoursCorrections.id, id)))
      .returning();
    await writeAudit(tx, auditContext(ctx), {
      action: 'hours.correction_approved',
      entityType: 'service_record',
      entityId: original.id,
      regionCode: original.regionCode,
      detail: { correction: id, from: original.minutes, to: correction.minutes, newRecordId: replacement.id },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: original.volunteerUserId,
      kind: 'hours.corrected',
      title: '您的服务时长已更正',
      body: `「${original.content}」由${fmt(original.minutes)}更正为${fmt(correction.minutes)}`,
      link: '/h5/mine/hours',
      params: { content: original.content, fromMinutes: original.minutes, toMinutes: correction.minutes },
    });
    const after = await confirmedMinutes(tx, actor.tenantId, original.volunteerUserId);
    await announceStarLevel(tx, actor.tenantId, original.volunteerUserId, before, after, starThresholdsHours);
    return { correction: linked ?? decided, original };
  });
  const [view] = await presentCorrections(ctx.db, actor.tenantId, [result.correction]);
  if (!view) throw new Error('correction vanished');
  return view;
}
