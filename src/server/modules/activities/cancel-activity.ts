import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { loadActivityToManage, viewerOf } from './access.js';
import { callOffSessions } from './call-off-sessions.js';
import { presentDetail } from './get-activity.js';
import { activityMachine } from './machine.js';
import { activities } from './schema.js';

/**
 * 取消活动: the organiser calls the whole activity off. Every occurrence not yet started is
 * cancelled with its sign-ups, and everyone who held a seat or waited for one is told (once).
 */
export async function cancelActivity(ctx: Ctx, id: string, reason: string) {
  const { actor, facts, activity } = await loadActivityToManage(ctx, id);
  const now = new Date();
  const step = apply(activityMachine, { activity, viewer: viewerOf(facts, activity) }, 'cancel', actor, now);
  const row = await ctx.db.transaction(async (tx) => {
    const cancelled = await transitionRow(
      tx,
      activities,
      and(eq(activities.tenantId, actor.tenantId), eq(activities.id, activity.id)),
      activityMachine,
      step,
      { cancelledAt: now, cancelReason: reason, updatedAt: now },
    );
    const { sessions, signups } = await callOffSessions(tx, {
      tenantId: actor.tenantId,
      which: { activityId: activity.id },
      reason,
      signupReason: `活动已取消：${reason}`,
      now,
      notice: {
        kind: 'activity.cancelled',
        title: `活动已取消：「${activity.title}」`,
        body: reason,
        link: `/h5/activities/${activity.id}`,
        data: { activityId: activity.id, params: { activity: activity.title, reason } },
        channels: ['sms'],
      },
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.cancel',
      entityType: 'activity',
      entityId: activity.id,
      regionCode: activity.regionCode,
      detail: { reason, sessions: sessions.length, signups },
    });
    return cancelled;
  });
  return presentDetail(ctx, row, facts);
}
