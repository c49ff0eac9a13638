import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { qualificationFacts, servedSkills } from '../academy/index.js';
import { volunteerSkills, volunteers } from '../volunteers/index.js';
import { findActivity, loadOrganiserFacts } from './access.js';
import type { ActivityRow } from './machine.js';
import { presentSessions } from './present.js';
import { activitySignups } from './schema.js';
import { lockSession, takeSeatOrQueue } from './seats.js';
import { findSession, type SessionRow, sessionWindows } from './sessions.js';

/** Why a volunteer may not sign up for this activity, or null when they may. */
async function requirementProblem(db: Db, activity: ActivityRow, session: SessionRow, userId: string) {
  const [profile] = await db
    .select({ id: volunteers.id, status: volunteers.status, birthYear: volunteers.birthYear })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, activity.tenantId), eq(volunteers.userId, userId)));
  if (profile?.status !== 'active') return new AppError('SIGNUP_VOLUNTEER_REQUIRED');
  if (activity.minAge !== null) {
    // Only the birth year is kept: the age reached in the year of the occurrence.
    const age = session.startsAt.getUTCFullYear() - profile.birthYear;
    if (age < activity.minAge)
      return new AppError('SIGNUP_REQUIREMENTS_NOT_MET', undefined, {
        message: `该活动要求年满 ${activity.minAge} 周岁`,
        messageEn: `This activity requires an age of at least ${activity.minAge}`,
      });
  }
  if (activity.requiredSkills.length) {
    const held = await db
      .select({ code: volunteerSkills.skillCode })
      .from(volunteerSkills)
      .where(and(eq(volunteerSkills.tenantId, activity.tenantId), eq(volunteerSkills.volunteerId, profile.id)));
    // A required qualification (e.g. 急救) counts only while valid: verified and unexpired at the occurrence.
    const facts = await qualificationFacts(db, activity.tenantId, [userId], session.startsAt);
    const have = new Set(
      servedSkills(
        facts,
        userId,
        held.map((h) => h.code),
      ),
    );
    const missing = activity.requiredSkills.filter((s) => !have.has(s));
    if (missing.length)
      return new AppError('SIGNUP_REQUIREMENTS_NOT_MET', undefined, {
        message: `该活动要求具备以下技能或资质：${missing.join('、')}`,
        messageEn: `This activity requires these skills or qualifications: ${missing.join(', ')}`,
      });
  }
  return null;
}

/**
 * 报名: a seat on one occurrence if one is free (confirmed, or awaiting the organiser's approval),
 * else a place on the waiting list. One live sign-up per person and occurrence.
 */
export async function signUp(ctx: Ctx, sessionId: string) {
  const actor = requireActor(ctx);
  const now = new Date();
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  const activity = session ? await findActivity(ctx.db, actor.tenantId, session.activityId) : null;
  if (!session || !activity || activity.state === 'draft') throw new AppError('NOT_FOUND');
  if (activity.state !== 'published') throw new AppError('ACTIVITY_NOT_OPEN');
  if (session.cancelledAt) throw new AppError('ACTIVITY_SESSION_CANCELLED');
  const windows = sessionWindows(activity, session);
  if (now < windows.signupOpensAt) throw new AppError('SIGNUP_NOT_YET_OPEN');
  if (now >= windows.signupClosesAt || now >= session.startsAt) throw new AppError('SIGNUP_CLOSED');
  const problem = await requirementProblem(ctx.db, activity, session, actor.userId);
  if (problem) throw problem;

  let updated: SessionRow;
  try {
    updated = await ctx.db.transaction(async (tx) => {
      const locked = await lockSession(tx, actor.tenantId, session.id);
      const place = await takeSeatOrQueue(tx, locked);
      const state =
        place === 'waitlist' ? 'waitlisted' : activity.approvalMode === 'approval' ? 'pending' : 'confirmed';
      const [signup] = await tx
        .insert(activitySignups)
        .values({
          tenantId: actor.tenantId,
          sessionId: session.id,
          activityId: activity.id,
          userId: actor.userId,
          state,
          // The database's clock under the occurrence's lock: the waiting list's order is the order of arrival.
          queuedAt: sql`clock_timestamp()`,
          decidedAt: state === 'confirmed' ? now : null,
        })
        .returning({ id: activitySignups.id });
      await writeAudit(tx, auditContext(ctx), {
        action: 'activity.sign_up',
        entityType: 'activity_signup',
        entityId: signup?.id ?? null,
        regionCode: activity.regionCode,
        detail: { activityId: activity.id, sessionId: session.id, state },
      });
      return lockSession(tx, actor.tenantId, session.id);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'activity_signups_live_uq')) throw new AppError('ALREADY_SIGNED_UP');
    throw err;
  }
  const facts = await loadOrganiserFacts(ctx.db, actor);
  const [view] = await presentSessions(ctx.db, [updated], () => activity, facts);
  return { session: view as NonNullable<typeof view>, activity: { id: activity.id, title: activity.title } };
}
