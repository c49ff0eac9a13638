import { and, count, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { findManagedCourse } from './queries.js';
import { academyQuestions } from './schema.js';

/** Adds questions to a course's bank (staff managing the course). */
export async function addQuestions(
  ctx: Ctx,
  courseId: string,
  questions: { prompt: string; options: string[]; answer: number }[],
) {
  const actor = requireActor(ctx);
  const course = await findManagedCourse(ctx.db, actor, courseId);
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(academyQuestions)
      .values(questions.map((q) => ({ tenantId: actor.tenantId, courseId: course.id, ...q })));
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.questions.add',
      entityType: 'academy_course',
      entityId: course.id,
      regionCode: course.regionCode,
      detail: { added: questions.length },
    });
    const [total] = await tx
      .select({ n: count() })
      .from(academyQuestions)
      .where(and(eq(academyQuestions.tenantId, actor.tenantId), eq(academyQuestions.courseId, course.id)));
    return { added: questions.length, total: Number(total?.n ?? 0) };
  });
}
