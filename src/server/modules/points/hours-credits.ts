/**
 * The hours events that earn points, read one way for both readers: the earning job (real records,
 * every tenant, the events without a `points_earnings` row yet) and the demo seed's synthetic year
 * (`synthetic`: one tenant's confirmations after a cursor, in id order; the claims' primary key keeps
 * a source from being credited twice, so the seed needs no anti-join, which over a year of claims
 * costs a scan of them per batch).
 */
import { and, asc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { hoursEvents, serviceRecords } from '../hours/index.js';
import type { Claim, Credit } from './earn-bulk.js';
import { pointsForMinutes } from './rules.js';
import { pointsEarnings } from './schema.js';
import type { PointsSettings } from './settings.js';

export type HoursEventRow = {
  tenantId: string;
  id: number;
  kind: 'hours.confirmed' | 'hours.reversed';
  at: Date;
  serviceRecordId: string;
  userId: string;
  minutes: number;
  content: string;
  recordSourceType: string;
  recordSourceId: string;
};

export type HoursEventsFilter =
  | { synthetic: false; limit: number }
  | { synthetic: true; tenantId: string; afterId: number; limit: number };

export function hoursEventsToEarn(db: Db, filter: HoursEventsFilter): Promise<HoursEventRow[]> {
  const unclaimed = notExists(
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
  );
  return db
    .select({
      tenantId: hoursEvents.tenantId,
      id: hoursEvents.id,
      kind: hoursEvents.kind,
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
      filter.synthetic
        ? and(
            eq(hoursEvents.tenantId, filter.tenantId),
            gt(hoursEvents.id, filter.afterId),
            eq(hoursEvents.kind, 'hours.confirmed'),
            eq(serviceRecords.synthetic, true),
          )
        : // Synthetic demo history earns nothing from the job: the seed credits it (earn-history.ts).
          and(eq(serviceRecords.synthetic, false), unclaimed),
    )
    .orderBy(asc(hoursEvents.tenantId), asc(hoursEvents.id))
    .limit(filter.limit);
}

/**
 * What a confirmation earns: its hours, and the activity's completion points when it is an
 * attendance. `synthetic`: dated when the hours were confirmed and labelled in the posting's data.
 */
export function confirmationCredits(e: HoursEventRow, rules: PointsSettings, synthetic = false): Credit[] {
  const c: Claim = { tenantId: e.tenantId, sourceType: 'hours_event', sourceId: String(e.id), userId: e.userId };
  const label = synthetic ? { synthetic: true } : {};
  const at = synthetic ? { at: e.at } : {};
  const credits: Credit[] = [
    {
      claim: c,
      points: pointsForMinutes(e.minutes, rules.pointsPerHour),
      serviceRecordId: e.serviceRecordId,
      ...at,
      meta: {
        kind: 'points.earn.hours',
        memo: `服务时长：${e.content}`,
        source: { type: 'service_record', id: e.serviceRecordId },
        idempotencyKey: `points.earn:hours_event:${e.id}`,
        data: { minutes: e.minutes, pointsPerHour: rules.pointsPerHour, ...label },
      },
    },
  ];
  if (e.recordSourceType === 'activity_attendance' && rules.activityCompletionPoints > 0) {
    credits.push({
      claim: { ...c, sourceType: 'activity_attendance', sourceId: e.recordSourceId },
      points: rules.activityCompletionPoints,
      ...at,
      meta: {
        kind: 'points.earn.activity',
        memo: `完成活动：${e.content}`,
        source: { type: 'activity_attendance', id: e.recordSourceId },
        idempotencyKey: `points.earn:activity_attendance:${e.recordSourceId}`,
        ...(synthetic ? { data: label } : {}),
      },
    });
  }
  return credits;
}
