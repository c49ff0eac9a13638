import { and, eq, ne } from 'drizzle-orm';
import { textLimits } from '../../../shared/text-limits.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { confirmableBy, teamsLedBy } from './confirmers.js';
import { presentRecords } from './present.js';
import { serviceRecords } from './schema.js';

/** A refusal says at least this much; at most `textLimits.hoursRejectReason`. */
const MIN_REASON = 2;

/**
 * The organiser refuses a pending service record, with a reason: it moves to `rejected` and never
 * counts (no ledger entry, no `hours_events` row); the volunteer is told why, and the refusal is
 * audited. Whoever may confirm a record may refuse it: staff in scope and the leaders of its team,
 * never the volunteer it is about. Other records are missing (404); a record already confirmed or
 * refused is HOURS_NOT_PENDING. One conditional UPDATE, so a refusal and a confirmation racing each
 * other cannot both win.
 */
export async function rejectServiceRecord(ctx: Ctx, id: string, input: { reason: string }) {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  const most = textLimits.hoursRejectReason;
  if (reason.length < MIN_REASON || reason.length > most)
    throw fieldError(
      'body.reason',
      `请填写驳回理由（${MIN_REASON}至${most}字）`,
      `Give a reason for refusing (${MIN_REASON} to ${most} characters)`,
    );
  const ledTeams = await teamsLedBy(ctx.db, actor);
  const where = and(
    eq(serviceRecords.tenantId, actor.tenantId),
    eq(serviceRecords.id, id),
    ne(serviceRecords.volunteerUserId, actor.userId),
    confirmableBy(actor, ledTeams),
  );
  const [found] = await ctx.db.select().from(serviceRecords).where(where);
  if (!found) throw new AppError('NOT_FOUND');
  const now = new Date();
  const rejected = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(serviceRecords)
      .set({ status: 'rejected', rejectedBy: actor.userId, rejectedAt: now, rejectReason: reason })
      .where(and(where, eq(serviceRecords.status, 'pending')))
      .returning();
    if (!row) throw new AppError('HOURS_NOT_PENDING');
    await writeAudit(tx, auditContext(ctx), {
      action: 'hours.reject',
      entityType: 'service_record',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { minutes: row.minutes, volunteerUserId: row.volunteerUserId, reason },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: row.volunteerUserId,
      kind: 'hours.rejected',
      title: '服务时长未获确认',
      body: `「${row.content}」未获确认：${reason}`,
      link: '/h5/mine/hours',
      data: { serviceRecordId: row.id, reason },
      params: { content: row.content, reason },
    });
    return row;
  });
  const [view] = await presentRecords(ctx.db, actor, [rejected], ledTeams);
  if (!view) throw new Error('rejected record vanished');
  return view;
}
