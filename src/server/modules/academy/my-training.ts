import { and, desc, eq, sum } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { presentSessions } from './queries.js';
import { academyEnrolments, academySessions, academyTrainingRecords } from './schema.js';

/** The caller's enrolments and their training minutes (培训时长, not service hours). */
export async function getMyTraining(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ e: academyEnrolments, s: academySessions })
      .from(academyEnrolments)
      .innerJoin(
        academySessions,
        and(
          eq(academySessions.tenantId, academyEnrolments.tenantId),
          eq(academySessions.id, academyEnrolments.sessionId),
        ),
      )
      .where(and(eq(academyEnrolments.tenantId, actor.tenantId), eq(academyEnrolments.userId, actor.userId)))
      .orderBy(desc(academySessions.startsAt))
      .limit(200),
    ctx.db
      .select({ n: sum(academyTrainingRecords.minutes) })
      .from(academyTrainingRecords)
      .where(and(eq(academyTrainingRecords.tenantId, actor.tenantId), eq(academyTrainingRecords.userId, actor.userId))),
  ]);
  const views = await presentSessions(
    ctx.db,
    actor.tenantId,
    rows.map((r) => r.s),
    actor.userId,
  );
  return {
    totalMinutes: Number(total?.n ?? 0),
    enrolments: rows.map((r, i) => ({
      ...(views[i] as NonNullable<(typeof views)[number]>),
      enrolmentId: r.e.id,
      status: r.e.status,
    })),
  };
}
