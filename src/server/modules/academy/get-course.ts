import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { findCourse, presentCourses, presentMaterials, presentSessions, sessionsOfCourse } from './queries.js';
import { academyAttempts, academyEnrolments } from './schema.js';

/** A course with materials, sessions and (signed in) the caller's progress. */
export async function getCourse(ctx: Ctx, id: string) {
  const now = new Date();
  const course = await findCourse(ctx.db, ctx.tenantId, id);
  const userId = ctx.actor?.userId ?? null;
  const [[view], materials, sessions] = await Promise.all([
    presentCourses(ctx.db, ctx.tenantId, [course], now),
    presentMaterials(ctx.db, ctx.config, course),
    sessionsOfCourse(ctx.db, ctx.tenantId, course.id),
  ]);
  if (!view) throw new Error('course vanished');
  return {
    ...view,
    materials,
    sessions: await presentSessions(ctx.db, ctx.tenantId, sessions, userId),
    progress: userId ? await courseProgress(ctx, course.id, course.maxAttempts, userId) : null,
  };
}

export async function courseProgress(ctx: Ctx, courseId: string, maxAttempts: number, userId: string) {
  const [attended, attempts] = await Promise.all([
    ctx.db
      .select({ id: academyEnrolments.id })
      .from(academyEnrolments)
      .where(
        and(
          eq(academyEnrolments.tenantId, ctx.tenantId),
          eq(academyEnrolments.userId, userId),
          eq(academyEnrolments.courseId, courseId),
          eq(academyEnrolments.status, 'attended'),
        ),
      )
      .limit(1),
    ctx.db
      .select()
      .from(academyAttempts)
      .where(
        and(
          eq(academyAttempts.tenantId, ctx.tenantId),
          eq(academyAttempts.userId, userId),
          eq(academyAttempts.courseId, courseId),
        ),
      )
      .orderBy(desc(academyAttempts.attemptNo)),
  ]);
  const scores = attempts.flatMap((a) => (a.score === null ? [] : [a.score]));
  return {
    attended: attended.length > 0,
    attemptsUsed: attempts.length,
    attemptsLeft: Math.max(0, maxAttempts - attempts.length),
    bestScore: scores.length ? Math.max(...scores) : null,
    passed: attempts.some((a) => a.passed === true),
    openAttemptId: attempts.find((a) => a.submittedAt === null)?.id ?? null,
  };
}
