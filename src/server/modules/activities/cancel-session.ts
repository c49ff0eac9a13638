import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notifyMany } from '../notifications/index.js';
import { loadActivityToManage } from './access.js';
import { presentDetail } from './get-activity.js';
import { activitySessions, activitySignups } from './schema.js';
import { findSession } from './sessions.js';

/**
 * 取消本场: the organiser calls off one occurrence that has not started. Its sign-ups (seats and
 * waiting list) are cancelled and each volunteer is told why; the other occurrences keep theirs.
 */
export async function cancelSession(ctx: Ctx, sessionId: string, reason: string) {
  const session = await findSession(ctx.db, ctx.tenantId, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const { actor, facts, activity } = await loadActivityToManage(ctx, session.activityId);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    // Conditional, so that an occurrence is cancelled once and never after it has started.
    const [cancelled] = await tx
      .update(activitySessions)
      .set({ cancelledAt: now, taken: 0, waitlisted: 0 })
      .where(
        and(
          eq(activitySessions.tenantId, actor.tenantId),
          eq(activitySessions.id, session.id),
          gt(activitySessions.startsAt, now),
          isNull(activitySessions.cancelledAt),
        ),
      )
      .returning({ id: activitySessions.id });
    if (!cancelled) throw new AppError('ACTIVITY_SESSION_NOT_CANCELLABLE');
    const affected = await tx
      .update(activitySignups)
      .set({ state: 'cancelled', cancelledAt: now, reason: `本场已取消：${reason}` })
      .where(
        and(
          eq(activitySignups.tenantId, actor.tenantId),
          eq(activitySignups.sessionId, session.id),
          inArray(activitySignups.state, ['pending', 'confirmed', 'waitlisted']),
        ),
      )
      .returning({ userId: activitySignups.userId });
    const at = startLabel(session.startsAt, activity.timeZone);
    await notifyMany(
      tx,
      affected.map((a) => a.userId),
      {
        tenantId: actor.tenantId,
        kind: 'activity.session_cancelled',
        title: `您报名的「${activity.title}」${at} 场次已取消`,
        body: reason,
        link: `/h5/activities/${activity.id}`,
        data: { activityId: activity.id, sessionId: session.id, params: { activity: activity.title, at, reason } },
        channels: ['sms'],
      },
    );
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.session.cancel',
      entityType: 'activity_session',
      entityId: session.id,
      regionCode: activity.regionCode,
      detail: { activityId: activity.id, startsAt: session.startsAt.toISOString(), reason, signups: affected.length },
    });
  });
  return presentDetail(ctx, activity, facts);
}

function startLabel(startsAt: Date, timeZone: string) {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(startsAt);
}
