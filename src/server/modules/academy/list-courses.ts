import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { presentCourses } from './queries.js';
import type { CourseCategory } from './schema.js';
import { academyCourses } from './schema.js';

/** `[category, title, id]` of the last course of a page. */
const coursesCursor = cursorCodec(cursorPart.text, cursorPart.text, cursorPart.uuid);

/** The course catalogue of the district (public): courses not withdrawn, by category then title, in keyset pages. */
export async function listCourses(ctx: Ctx, query: { category?: CourseCategory; limit: number; cursor?: string }) {
  const after = coursesCursor.decode(query.cursor);
  const rows = await ctx.db
    .select()
    .from(academyCourses)
    .where(
      and(
        eq(academyCourses.tenantId, ctx.tenantId),
        isNull(academyCourses.archivedAt),
        query.category ? eq(academyCourses.category, query.category) : undefined,
        after
          ? sql`(${academyCourses.category}, ${academyCourses.title}, ${academyCourses.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(academyCourses.category), asc(academyCourses.title), asc(academyCourses.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await presentCourses(ctx.db, ctx.tenantId, page, new Date()),
    nextCursor: rows.length > query.limit && last ? coursesCursor.encode([last.category, last.title, last.id]) : null,
  };
}
