import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { loadActivityToManage, viewerOf } from './access.js';
import { presentDetail } from './get-activity.js';
import { activityMachine } from './machine.js';
import { activities } from './schema.js';
import { materialiseSessions } from './sessions.js';

/** 发布: the activity becomes public and its occurrences (up to the horizon) open for sign-up. */
export async function publishActivity(ctx: Ctx, id: string) {
  const { actor, facts, activity } = await loadActivityToManage(ctx, id);
  const now = new Date();
  const step = apply(activityMachine, { activity, viewer: viewerOf(facts, activity) }, 'publish', actor, now);
  const row = await ctx.db.transaction(async (tx) => {
    const published = await transitionRow(
      tx,
      activities,
      and(eq(activities.tenantId, actor.tenantId), eq(activities.id, activity.id)),
      activityMachine,
      step,
      { publishedAt: now, updatedAt: now },
    );
    const added = await materialiseSessions(tx, published, now);
    if (added === 0 && published.rrule === null && published.endsAt < now) throw new AppError('ACTIVITY_SESSION_OVER');
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.publish',
      entityType: 'activity',
      entityId: published.id,
      regionCode: published.regionCode,
      detail: { sessions: added },
    });
    return published;
  });
  return presentDetail(ctx, row, facts);
}
