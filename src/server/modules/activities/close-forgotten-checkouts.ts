import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { findActivity } from './access.js';
import { finishAttendance } from './finish-attendance.js';
import { activityAttendance, activitySessions } from './schema.js';

const BATCH = 200;

/**
 * Cron (every five minutes): every occurrence that has ended gets its forgotten check-outs closed at
 * its end, flagged `auto_closed` for the organiser to review, each with its pending service record;
 * then the occurrence is marked closed. One transaction per occurrence; a run after a restart
 * catches up. Answers how many attendances it closed.
 */
export async function closeForgottenCheckouts(db: Db, now: Date): Promise<number> {
  let closed = 0;
  for (;;) {
    const due = await db
      .select()
      .from(activitySessions)
      .where(and(isNull(activitySessions.closedAt), lte(activitySessions.endsAt, now)))
      .orderBy(asc(activitySessions.endsAt))
      .limit(BATCH);
    for (const session of due) {
      const activity = await findActivity(db, session.tenantId, session.activityId);
      closed += await db.transaction(async (tx) => {
        const open = await tx
          .select()
          .from(activityAttendance)
          .where(
            and(
              eq(activityAttendance.tenantId, session.tenantId),
              eq(activityAttendance.sessionId, session.id),
              isNull(activityAttendance.checkOutAt),
            ),
          );
        let n = 0;
        if (activity)
          for (const row of open) {
            const done = await finishAttendance(tx, activity, session, row, {
              // Check-ins are refused after the end, so the end is never before a check-in.
              at: session.endsAt,
              method: 'auto',
              autoClosed: true,
              recordedBy: null,
            });
            if (done) n++;
          }
        await tx
          .update(activitySessions)
          .set({ closedAt: now })
          .where(and(eq(activitySessions.tenantId, session.tenantId), eq(activitySessions.id, session.id)));
        return n;
      });
    }
    if (due.length < BATCH) return closed;
  }
}
