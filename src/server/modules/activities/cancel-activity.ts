import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { notifyMany } from '../notifications/index.js';
import { loadActivityToManage, viewerOf } from './access.js';
import { presentDetail } from './get-activity.js';
import { activityMachine } from './machine.js';
import { activities, activitySessions, activitySignups } from './schema.js';

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
    const sessions = await tx
      .update(activitySessions)
      .set({ cancelledAt: now, taken: 0, waitlisted: 0 })
      .where(
        and(
          eq(activitySessions.tenantId, actor.tenantId),
          eq(activitySessions.activityId, activity.id),
          gt(activitySessions.startsAt, now),
          isNull(activitySessions.cancelledAt),
        ),
      )
      .returning({ id: activitySessions.id });
    const affected = sessions.length
      ? await tx
          .update(activitySignups)
          .set({ state: 'cancelled', cancelledAt: now, reason: `活动已取消：${reason}` })
          .where(
            and(
              eq(activitySignups.tenantId, actor.tenantId),
              inArray(
                activitySignups.sessionId,
                sessions.map((s) => s.id),
              ),
              inArray(activitySignups.state, ['pending', 'confirmed', 'waitlisted']),
            ),
          )
          .returning({ userId: activitySignups.userId })
      : [];
    await notifyMany(
      tx,
      affected.map((a) => a.userId),
      {
        tenantId: actor.tenantId,
        kind: 'activity.cancelled',
        title: `活动已取消：「${activity.title}」`,
        body: reason,
        link: `/h5/activities/${activity.id}`,
        data: { activityId: activity.id, params: { activity: activity.title, reason } },
        channels: ['sms'],
      },
    );
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.cancel',
      entityType: 'activity',
      entityId: activity.id,
      regionCode: activity.regionCode,
      detail: { reason, sessions: sessions.length, signups: affected.length },
    });
    return cancelled;
  });
  return presentDetail(ctx, row, facts);
}
