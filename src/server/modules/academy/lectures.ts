import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import ical from 'ical-generator';
import type { Ctx } from '../../platform/context.js';
import { presentSessions } from './queries.js';
import { academyCourses, academySessions } from './schema.js';

/** The coming sessions of the lecture series 志愿环翠大讲堂 (courses of category `lecture`). */
async function lectureSessions(ctx: Ctx) {
  const rows = await ctx.db
    .select({ s: academySessions })
    .from(academySessions)
    .innerJoin(
      academyCourses,
      and(eq(academyCourses.tenantId, academySessions.tenantId), eq(academyCourses.id, academySessions.courseId)),
    )
    .where(
      and(
        eq(academySessions.tenantId, ctx.tenantId),
        eq(academyCourses.category, 'lecture'),
        isNull(academySessions.cancelledAt),
        gte(academySessions.endsAt, new Date()),
      ),
    )
    .orderBy(asc(academySessions.startsAt))
    .limit(200);
  return rows.map((r) => r.s);
}

export async function listLectures(ctx: Ctx) {
  return { items: await presentSessions(ctx.db, ctx.tenantId, await lectureSessions(ctx), ctx.actor?.userId ?? null) };
}

/** The same schedule as an iCalendar feed, for calendar apps. */
export async function lecturesCalendar(ctx: Ctx): Promise<string> {
  const sessions = await presentSessions(ctx.db, ctx.tenantId, await lectureSessions(ctx), null);
  const cal = ical({ name: '志愿环翠大讲堂', timezone: 'Asia/Shanghai' });
  for (const s of sessions)
    cal.createEvent({
      id: `academy-session-${s.id}`,
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      summary: `志愿环翠大讲堂 · ${s.courseTitle}`,
      location: s.place,
      description: `名额 ${s.capacity}，已报名 ${s.enrolled}`,
    });
  return cal.toString();
}
