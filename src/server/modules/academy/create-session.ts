import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findManagedCourse, presentSessions } from './queries.js';
import { academySessions } from './schema.js';

/** A session as staff schedule or edit it; without `checkinPoint` the session has none (keeper marks attendance). */
export interface SessionInput {
  regionCode: string;
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  checkinPoint?: { lng: number; lat: number; radiusM: number } | null;
}

/** Schedules a session of a course the caller manages, held in a region of their scope. */
export async function createSession(ctx: Ctx, courseId: string, input: SessionInput) {
  const actor = requireActor(ctx);
  const course = await findManagedCourse(ctx.db, actor, courseId);
  if (course.archivedAt) throw new AppError('ACADEMY_COURSE_ARCHIVED');
  assertInScope(actor, input.regionCode);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(academySessions)
      .values({
        tenantId: actor.tenantId,
        courseId: course.id,
        regionCode: input.regionCode,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        capacity: input.capacity,
        lng: input.checkinPoint?.lng ?? null,
        lat: input.checkinPoint?.lat ?? null,
        radiusM: input.checkinPoint?.radiusM ?? null,
      })
      .returning();
    if (!created) throw new Error('insert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.session.create',
      entityType: 'academy_session',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { courseId: course.id, startsAt: input.startsAt, capacity: input.capacity },
    });
    return created;
  });
  const [view] = await presentSessions(ctx.db, actor.tenantId, [row], actor.userId);
  if (!view) throw new Error('session vanished');
  return view;
}
