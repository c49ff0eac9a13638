import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import { type ServiceSourceType, serviceRecords } from './schema.js';
import { MAX_RECORD_MINUTES } from './service-minutes.js';

export type ServiceRecordRow = typeof serviceRecords.$inferSelect;

export interface RecordServiceInput {
  tenantId: string;
  /** The volunteer's user id (the account, as orders and sign-ups hold it). */
  volunteerUserId: string;
  /** What the minutes come from; one record per source (a retried check-out finds the first one). */
  source: { type: ServiceSourceType; id: string };
  /** Where the service happened (a community or higher): staff of that subtree confirm it. */
  regionCode: string;
  /** The recording organisation (the activity's team, the order's team); null when a practice site recorded it. */
  organisationId?: string | null;
  /** What was done, in words for the certificate (e.g. 「蓝色周六·海滨清洁」). */
  content: string;
  /** Integer minutes, 0–1440 (see `serviceMinutes`). */
  minutes: number;
  startedAt?: Date | null;
  endedAt?: Date | null;
  /** Who recorded it (the organiser, the keeper, the serving volunteer); null for the system. */
  recordedBy?: string | null;
  /** Defaults to now; the demo import sets the historical time. */
  recordedAt?: Date;
  synthetic?: boolean;
}

function validate(input: RecordServiceInput) {
  if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > MAX_RECORD_MINUTES)
    throw fieldError('minutes', '服务时长须为0至1440之间的整数分钟', 'Minutes are a whole number from 0 to 1440');
  const content = input.content.trim();
  if (!content || content.length > 500)
    throw fieldError('content', '请填写服务内容（500字以内）', 'Describe the service (up to 500 characters)');
  if (!input.source.id) throw fieldError('source.id', '缺少记录来源', 'The source is missing');
  if (input.startedAt && input.endedAt && input.endedAt < input.startedAt)
    throw fieldError('endedAt', '结束时间早于开始时间', 'The end is before the start');
  return content;
}

/**
 * Records a service as pending (待确认), for the organiser to confirm. Idempotent per source: a
 * second call for the same source returns the first record (`created: false`) and changes nothing,
 * whatever minutes it carries; changing confirmed minutes is a correction. Pass the caller's
 * transaction as `db` (a check-out, an order completion) so the record exists exactly when that does.
 */
export async function recordService(
  db: Db,
  input: RecordServiceInput,
): Promise<{ record: ServiceRecordRow; created: boolean }> {
  const content = validate(input);
  const [created] = await db
    .insert(serviceRecords)
    .values({
      tenantId: input.tenantId,
      volunteerUserId: input.volunteerUserId,
      sourceType: input.source.type,
      sourceId: input.source.id,
      regionCode: input.regionCode,
      organisationId: input.organisationId ?? null,
      content,
      minutes: input.minutes,
      startedAt: input.startedAt ?? null,
      endedAt: input.endedAt ?? null,
      recordedBy: input.recordedBy ?? null,
      recordedAt: input.recordedAt ?? new Date(),
      synthetic: input.synthetic ?? false,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return { record: created, created: true };
  const [existing] = await db
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, input.tenantId),
        eq(serviceRecords.sourceType, input.source.type),
        eq(serviceRecords.sourceId, input.source.id),
        isNull(serviceRecords.correctsId),
      ),
    );
  if (!existing) throw new Error('service record conflict without an existing record');
  return { record: existing, created: false };
}
