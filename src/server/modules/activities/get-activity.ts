import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findActivity, loadOrganiserFacts, viewerOf } from './access.js';
import type { ActivityRow } from './machine.js';
import { loadNames, presentActivity, presentSessions } from './present.js';
import { upcomingSessions } from './sessions.js';

/** The activity with its coming occurrences (and those called off); published ones are public, drafts only for their organisers. */
export async function getActivity(ctx: Ctx, id: string) {
  const facts = await loadOrganiserFacts(ctx.db, ctx.actor);
  const activity = await findActivity(ctx.db, ctx.tenantId, id);
  if (!activity || (activity.state === 'draft' && !viewerOf(facts, activity).organiser))
    throw new AppError('NOT_FOUND');
  return presentDetail(ctx, activity, facts);
}

export async function presentDetail(
  ctx: Ctx,
  activity: ActivityRow,
  facts: Awaited<ReturnType<typeof loadOrganiserFacts>>,
) {
  const now = new Date();
  // An occurrence called off on its own stays in the list with its reason (本场已取消：…); when the
  // whole activity is called off, the activity's reason says it once.
  const sessions = await upcomingSessions(ctx.db, ctx.tenantId, [activity.id], now, 30, {
    includeCancelled: activity.state !== 'cancelled',
  });
  return {
    ...presentActivity(activity, await loadNames(ctx.db, ctx.tenantId, [activity]), facts),
    sessions: await presentSessions(ctx.db, sessions, () => activity, facts, now),
  };
}
