import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { notify } from '../notifications/index.js';
import { findActivity, loadOrganiserFacts, viewerOf } from './access.js';
import { type SignupEvent, signupMachine } from './machine.js';
import { presentSessions, signupViewer } from './present.js';
import { activitySignups, seatStates } from './schema.js';
import { leaveWaitlist, lockSession, releaseSeat } from './seats.js';
import { findSession } from './sessions.js';

const messages: Partial<Record<SignupEvent, (title: string) => string>> = {
  approve: (t) => `报名已通过：「${t}」`,
  reject: (t) => `报名未通过：「${t}」`,
  cancel: (t) => `组织者取消了您在「${t}」的报名`,
};

/**
 * Cancels (the volunteer, before the deadline; the organiser, any time), approves or rejects (the
 * organiser) one sign-up. A seat given up goes to the first on the waiting list, in the same
 * transaction. The volunteer is told when someone else decided.
 */
export async function changeSignup(
  ctx: Ctx,
  signupId: string,
  event: Extract<SignupEvent, 'approve' | 'reject' | 'cancel'>,
  reason?: string,
) {
  const actor = requireActor(ctx);
  const now = new Date();
  const [found] = await ctx.db
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.tenantId, actor.tenantId), eq(activitySignups.id, signupId)));
  const activity = found ? await findActivity(ctx.db, actor.tenantId, found.activityId) : null;
  const session = found ? await findSession(ctx.db, actor.tenantId, found.sessionId) : null;
  if (!found || !activity || !session) throw new AppError('NOT_FOUND');
  const facts = await loadOrganiserFacts(ctx.db, actor);
  const organiser = viewerOf(facts, activity).organiser;
  if (!organiser && found.userId !== actor.userId) throw new AppError('NOT_FOUND');
  const viewer = signupViewer(found, activity, session, facts, now);
  if (event === 'cancel' && !organiser && !viewer.beforeDeadline && found.state !== 'waitlisted') {
    throw new AppError('SIGNUP_CANCEL_DEADLINE_PASSED');
  }

  const updated = await ctx.db.transaction(async (tx) => {
    const locked = await lockSession(tx, actor.tenantId, session.id);
    // Read again under the occurrence's lock: the sign-up may have moved meanwhile (promoted, cancelled).
    const [signup] = await tx
      .select()
      .from(activitySignups)
      .where(and(eq(activitySignups.tenantId, actor.tenantId), eq(activitySignups.id, signupId)));
    if (!signup) throw new AppError('NOT_FOUND');
    const step = apply(signupMachine, { signup, viewer: { ...viewer, organiser } }, event, actor, now);
    await tx
      .update(activitySignups)
      .set({
        state: step.to,
        reason: reason ?? null,
        ...(event === 'cancel' ? { cancelledAt: now } : { decidedAt: now, decidedBy: actor.userId }),
      })
      .where(and(eq(activitySignups.tenantId, actor.tenantId), eq(activitySignups.id, signupId)));
    const heldSeat = seatStates.includes(signup.state);
    const holdsSeat = seatStates.includes(step.to);
    if (heldSeat && !holdsSeat) await releaseSeat(tx, locked, activity, now);
    if (signup.state === 'waitlisted' && step.to !== 'waitlisted') await leaveWaitlist(tx, locked);
    const tell = messages[event];
    if (signup.userId !== actor.userId && tell) {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: signup.userId,
        kind: `activity.signup_${event}`,
        title: tell(activity.title),
        body: reason ?? '',
        link: `/h5/activities/${activity.id}`,
        data: {
          activityId: activity.id,
          sessionId: session.id,
          params: { activity: activity.title, reason: reason ?? '' },
        },
      });
    }
    await writeAudit(tx, auditContext(ctx), {
      action: `activity.signup_${event}`,
      entityType: 'activity_signup',
      entityId: signup.id,
      regionCode: activity.regionCode,
      detail: { from: step.from, to: step.to, reason: reason ?? null, sessionId: session.id },
    });
    return lockSession(tx, actor.tenantId, session.id);
  });
  const [view] = await presentSessions(ctx.db, [updated], () => activity, facts, now);
  return { session: view as NonNullable<typeof view>, activity: { id: activity.id, title: activity.title } };
}
