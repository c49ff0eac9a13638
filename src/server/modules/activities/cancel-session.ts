import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadActivityToManage } from './access.js';
import { callOffSessions } from './call-off-sessions.js';
import { presentDetail } from './get-activity.js';
import { findSession } from './sessions.js';

/**
 * 取消本场: the organiser calls off one occurrence that has not started. The occurrence keeps the
 * reason (the activity page shows it: 本场已取消：…); its sign-ups (seats and waiting list) are
 * cancelled and each volunteer is told why; the other occurrences keep theirs.
 */
export async function cancelSession(ctx: Ctx, sessionId: string, reason: string) {
  const session = await findSession(ctx.db, ctx.tenantId, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const { actor, facts, activity } = await loadActivityToManage(ctx, session.activityId);
  const now = new Date();
  const at = startLabel(session.startsAt, activity.timeZone);
  await ctx.db.transaction(async (tx) => {
    const { sessions, signups } = await callOffSessions(tx, {
      tenantId: actor.tenantId,
      which: { sessionId: session.id },
      reason,
      signupReason: `本场已取消：${reason}`,
      now,
      notice: {
        kind: 'activity.session_cancelled',
        title: `您报名的「${activity.title}」${at} 场次已取消`,
        body: reason,
        link: `/h5/activities/${activity.id}?session=${session.id}`,
        data: { activityId: activity.id, sessionId: session.id, params: { activity: activity.title, at, reason } },
        channels: ['sms'],
      },
    });
    // Called off once, and never after it has started.
    if (!sessions.length) throw new AppError('ACTIVITY_SESSION_NOT_CANCELLABLE');
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.session.cancel',
      entityType: 'activity_session',
      entityId: session.id,
      regionCode: activity.regionCode,
      detail: { activityId: activity.id, startsAt: session.startsAt.toISOString(), reason, signups },
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
