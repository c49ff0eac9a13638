import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { presentCourses } from './queries.js';
import type { CourseCategory } from './schema.js';
import { academyCourses } from './schema.js';

/** The course catalogue of the district (public): courses not withdrawn. */
export async function listCourses(ctx: Ctx, query: { category?: CourseCategory }) {
  const rows = await ctx.db
    .select()
    .from(academyCourses)
    .where(
      and(
        eq(academyCourses.tenantId, ctx.tenantId),
        isNull(academyCourses.archivedAt),
        query.category ? eq(academyCourses.category, query.category) : undefined,
      ),
    )
    .orderBy(asc(academyCourses.category), asc(academyCourses.title))
    .limit(500);
  return { items: await presentCourses(ctx.db, ctx.tenantId, rows, new Date()) };
}
