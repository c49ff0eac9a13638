import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { findManagedCourse } from './queries.js';
import { academyQuestions } from './schema.js';

/** A course's question bank with the answers (staff who manage the course). */
export async function listQuestions(ctx: Ctx, courseId: string) {
  const actor = requireActor(ctx);
  const course = await findManagedCourse(ctx.db, actor, courseId);
  const rows = await ctx.db
    .select()
    .from(academyQuestions)
    .where(and(eq(academyQuestions.tenantId, actor.tenantId), eq(academyQuestions.courseId, course.id)))
    .orderBy(asc(academyQuestions.createdAt), asc(academyQuestions.id));
  return { items: rows.map((q) => ({ id: q.id, prompt: q.prompt, options: q.options, answer: q.answer })) };
}
