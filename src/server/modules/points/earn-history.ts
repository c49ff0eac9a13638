/**
 * Points for the synthetic demo year (合成演示数据), credited in bulk when the demo history is seeded:
 * every synthetic confirmation that was never reversed earns what the job would have given it
 * (hours, and an activity's completion points), dated when the hours were confirmed and labelled
 * `synthetic` in the posting's data. The earning job never looks at synthetic records (earn.ts), and
 * each credit's `points_earnings` row is written with it, so nothing is credited twice.
 */
import { and, asc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { hoursEvents, serviceRecords } from '../hours/index.js';
import { type Credit, creditInBulk } from './earn-bulk.js';
import { pointsForMinutes } from './rules.js';
import { pointsEarnings } from './schema.js';
import { pointsSettingsFor } from './settings.js';

const CHUNK = 2000;

/** Credits the tenant's synthetic history not credited yet; answers how many confirmations it credited. */
export async function creditSyntheticHistory(db: Db, tenantId: string): Promise<number> {
  const rules = await pointsSettingsFor(db, tenantId);
  // Read once: a NOT EXISTS on this unindexed column under a LIMIT may be planned as a scan per row.
  const reversed = new Set(
    (
      await db
        .select({ id: hoursEvents.serviceRecordId })
        .from(hoursEvents)
        .where(and(eq(hoursEvents.tenantId, tenantId), eq(hoursEvents.kind, 'hours.reversed')))
    ).map((r) => r.id),
  );
  let after = 0;
  let credited = 0;
  for (;;) {
    const rows = await db
      .select({
        id: hoursEvents.id,
        at: hoursEvents.at,
        serviceRecordId: hoursEvents.serviceRecordId,
        userId: hoursEvents.volunteerUserId,
        minutes: hoursEvents.minutes,
        content: serviceRecords.content,
        recordSourceType: serviceRecords.sourceType,
        recordSourceId: serviceRecords.sourceId,
      })
      .from(hoursEvents)
      .innerJoin(
        serviceRecords,
        and(eq(serviceRecords.tenantId, hoursEvents.tenantId), eq(serviceRecords.id, hoursEvents.serviceRecordId)),
      )
      .where(
        and(
          eq(hoursEvents.tenantId, tenantId),
          gt(hoursEvents.id, after),
          eq(hoursEvents.kind, 'hours.confirmed'),
          eq(serviceRecords.synthetic, true),
          notExists(
            db
              .select({ one: sql`1` })
              .from(pointsEarnings)
              .where(
                and(
                  eq(pointsEarnings.tenantId, hoursEvents.tenantId),
                  eq(pointsEarnings.sourceType, 'hours_event'),
                  eq(pointsEarnings.sourceId, sql`${hoursEvents.id}::text`),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(hoursEvents.id))
      .limit(CHUNK);
    const last = rows.at(-1);
    if (!last) return credited;
    after = last.id;
    const credits: Credit[] = [];
    const attended = new Set<string>();
    for (const e of rows) {
      if (reversed.has(e.serviceRecordId)) continue;
      const claim = { tenantId, sourceType: 'hours_event' as const, sourceId: String(e.id), userId: e.userId };
      const source = { type: 'service_record', id: e.serviceRecordId };
      credits.push({
        claim,
        points: pointsForMinutes(e.minutes, rules.pointsPerHour),
        serviceRecordId: e.serviceRecordId,
        at: e.at,
        meta: {
          kind: 'points.earn.hours',
          memo: `服务时长：${e.content}`,
          source,
          idempotencyKey: `points.earn:hours_event:${e.id}`,
          data: { minutes: e.minutes, pointsPerHour: rules.pointsPerHour, synthetic: true },
        },
      });
      if (e.recordSourceType !== 'activity_attendance' || rules.activityCompletionPoints <= 0) continue;
      if (attended.has(e.recordSourceId)) continue;
      attended.add(e.recordSourceId);
      credits.push({
        claim: { ...claim, sourceType: 'activity_attendance', sourceId: e.recordSourceId },
        points: rules.activityCompletionPoints,
        at: e.at,
        meta: {
          kind: 'points.earn.activity',
          memo: `完成活动：${e.content}`,
          source: { type: 'activity_attendance', id: e.recordSourceId },
          idempotencyKey: `points.earn:activity_attendance:${e.recordSourceId}`,
          data: { synthetic: true },
        },
      });
    }
    await creditInBulk(db, tenantId, credits);
    credited += credits.length;
  }
}
