import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { presentSession } from './cancel-session.js';
import type { SessionInput } from './create-session.js';
import { findManagedCourse, findSession } from './queries.js';
import { academySessions } from './schema.js';

/**
 * Staff who manage the course move a session, change its place or resize it, before it starts. The
 * capacity never drops below the seats taken: the UPDATE checks it against the row it changes.
 */
export async function updateSession(ctx: Ctx, sessionId: string, input: SessionInput) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  await findManagedCourse(ctx.db, actor, session.courseId);
  assertInScope(actor, input.regionCode);
  const now = new Date();
  if (Date.parse(input.startsAt) <= now.getTime())
    throw fieldError('body.startsAt', '开始时间须晚于现在', 'The start must be in the future');
  const row = await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(academySessions)
      .set({
        regionCode: input.regionCode,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        capacity: input.capacity,
        lng: input.checkinPoint?.lng ?? null,
        lat: input.checkinPoint?.lat ?? null,
        radiusM: input.checkinPoint?.radiusM ?? null,
      })
      .where(
        and(
          eq(academySessions.tenantId, actor.tenantId),
          eq(academySessions.id, session.id),
          isNull(academySessions.cancelledAt),
          gt(academySessions.startsAt, now),
          lte(academySessions.enrolled, input.capacity),
        ),
      )
      .returning();
    if (!changed) {
      if (session.cancelledAt || session.startsAt <= now) throw new AppError('ACADEMY_SESSION_STARTED');
      throw fieldError('body.capacity', '名额不能少于已报名人数', 'The capacity cannot be below the seats taken');
    }
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.session.update',
      entityType: 'academy_session',
      entityId: session.id,
      regionCode: changed.regionCode,
      detail: { startsAt: input.startsAt, place: input.place, capacity: input.capacity },
    });
    return changed;
  });
  return presentSession(ctx, row);
}
