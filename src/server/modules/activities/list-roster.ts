import { and, asc, eq, inArray } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { volunteers } from '../volunteers/index.js';
import { loadActivityToManage } from './access.js';
import { signupActions, signupMachine } from './machine.js';
import { presentAttendance, presentSessions, signupViewer } from './present.js';
import { activityAttendance, activitySignups } from './schema.js';
import { findSession } from './sessions.js';

const stateOrder = { confirmed: 0, pending: 1, waitlisted: 2, rejected: 3, cancelled: 4 } as const;

/**
 * 报名名单: everyone who signed up for one occurrence (seat holders, the waiting list in its order,
 * then those rejected or cancelled) with their attendance, and those checked in by hand without a
 * sign-up. For the activity's organisers.
 */
export async function listRoster(ctx: Ctx, sessionId: string) {
  const session = await findSession(ctx.db, ctx.tenantId, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const { actor, facts, activity } = await loadActivityToManage(ctx, session.activityId);
  const now = new Date();
  const [signups, attendance] = await Promise.all([
    ctx.db
      .select()
      .from(activitySignups)
      .where(and(eq(activitySignups.tenantId, actor.tenantId), eq(activitySignups.sessionId, session.id)))
      .orderBy(asc(activitySignups.queuedAt), asc(activitySignups.id)),
    ctx.db
      .select()
      .from(activityAttendance)
      .where(and(eq(activityAttendance.tenantId, actor.tenantId), eq(activityAttendance.sessionId, session.id))),
  ]);
  // One line per person: their live sign-up, else their latest one; hand check-ins without any.
  const byUser = new Map<string, (typeof signups)[number]>();
  for (const s of signups) {
    const held = byUser.get(s.userId);
    if (!held || !['pending', 'confirmed', 'waitlisted'].includes(held.state)) byUser.set(s.userId, s);
  }
  const userIds = [...new Set([...byUser.keys(), ...attendance.map((a) => a.userId)])];
  const people = userIds.length
    ? await ctx.db
        .select({ id: users.id, name: users.displayName, phone: users.phone, number: volunteers.number })
        .from(users)
        .leftJoin(volunteers, and(eq(volunteers.tenantId, users.tenantId), eq(volunteers.userId, users.id)))
        .where(and(eq(users.tenantId, actor.tenantId), inArray(users.id, userIds)))
    : [];
  const none = { approve: false, reject: false, cancel: false };
  const items = userIds.map((userId) => {
    const signup = byUser.get(userId) ?? null;
    const person = people.find((p) => p.id === userId);
    return {
      signupId: signup?.id ?? null,
      userId,
      name: person?.name ?? '',
      volunteerNumber: person?.number ?? null,
      phone: maskPhone(person?.phone ?? null),
      state: signup?.state ?? null,
      stateLabel: signup ? signupMachine.states[signup.state] : null,
      queuedAt: signup ? signup.queuedAt.toISOString() : null,
      reason: signup?.reason ?? null,
      attendance: presentAttendance(attendance.find((a) => a.userId === userId)),
      actions: signup ? signupActions(signup, signupViewer(signup, activity, session, facts, now), actor) : none,
    };
  });
  items.sort((a, b) => (a.state ? stateOrder[a.state] : -1) - (b.state ? stateOrder[b.state] : -1));
  const [view] = await presentSessions(ctx.db, [session], () => activity, facts, now);
  return {
    session: view as NonNullable<typeof view>,
    activity: { id: activity.id, title: activity.title },
    items,
  };
}
