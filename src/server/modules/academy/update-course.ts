import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { cancelSessionsTx } from './cancel-session.js';
import type { courseUpdateBody } from './contract.js';
import { checkCourseInput } from './create-course.js';
import { getCourse } from './get-course.js';
import { findManagedCourse } from './queries.js';
import { academyCourses, academySessions } from './schema.js';

/**
 * Staff who manage a course edit it (the whole form; materials only when sent). New document materials must be their own
 * uploads. Qualifications already granted keep the terms they were issued with.
 */
export async function updateCourse(ctx: Ctx, id: string, edit: z.output<typeof courseUpdateBody>) {
  const actor = requireActor(ctx);
  const course = await findManagedCourse(ctx.db, actor, id);
  if (course.archivedAt) throw new AppError('ACADEMY_COURSE_ARCHIVED');
  const input = { ...edit, materials: edit.materials ?? course.materials };
  await checkCourseInput(ctx, input);
  const known = new Set(course.materials.flatMap((m) => (m.kind === 'file' ? [m.fileId] : [])));
  await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(academyCourses)
      .set({ ...input })
      .where(
        and(eq(academyCourses.tenantId, actor.tenantId), eq(academyCourses.id, id), isNull(academyCourses.archivedAt)),
      )
      .returning({ id: academyCourses.id });
    if (!changed) throw new AppError('ACADEMY_COURSE_ARCHIVED');
    await attachFiles(tx, {
      tenantId: actor.tenantId,
      ids: input.materials.flatMap((m) => (m.kind === 'file' && !known.has(m.fileId) ? [m.fileId] : [])),
      ownerId: actor.userId,
      purpose: 'attachment',
      regionCode: input.regionCode,
      field: 'body.materials',
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.course.update',
      entityType: 'academy_course',
      entityId: id,
      regionCode: input.regionCode,
      detail: { title: input.title, qualificationCode: input.qualificationCode },
    });
  });
  return getCourse(ctx, id);
}

/**
 * Withdraws a course from the catalogue: its coming sessions are cancelled and their volunteers told
 * why. Attendance, attempts and qualifications already earned stay.
 */
export async function archiveCourse(ctx: Ctx, id: string, reason: string) {
  const actor = requireActor(ctx);
  const course = await findManagedCourse(ctx.db, actor, id);
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const [archived] = await tx
      .update(academyCourses)
      .set({ archivedAt: now })
      .where(
        and(eq(academyCourses.tenantId, actor.tenantId), eq(academyCourses.id, id), isNull(academyCourses.archivedAt)),
      )
      .returning({ id: academyCourses.id });
    if (!archived) throw new AppError('ACADEMY_COURSE_ARCHIVED');
    const coming = await tx
      .select({ id: academySessions.id })
      .from(academySessions)
      .where(
        and(
          eq(academySessions.tenantId, actor.tenantId),
          eq(academySessions.courseId, id),
          isNull(academySessions.cancelledAt),
          gt(academySessions.startsAt, now),
        ),
      );
    const done = await cancelSessionsTx(
      tx,
      course,
      coming.map((s) => s.id),
      reason,
      now,
    );
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.course.archive',
      entityType: 'academy_course',
      entityId: id,
      regionCode: course.regionCode,
      detail: { reason, sessions: done.sessions.length, notified: done.notified },
    });
    return { cancelledSessions: done.sessions.length, notified: done.notified };
  });
}
