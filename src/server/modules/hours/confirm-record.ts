import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { postTransaction, reverseTransaction } from '../../platform/ledger.js';
import { notify } from '../notifications/index.js';
import { openRecordedAccount, openVolunteerAccount } from './ledger-accounts.js';
import type { ServiceRecordRow } from './record-service.js';
import { hoursEvents, serviceRecords } from './schema.js';
import { starLevel } from './star-level.js';

/**
 * Credits a record's minutes to its volunteer on the ledger (idempotent per record) and writes the
 * `hours.confirmed` event. The caller has already moved the record to `confirmed` in `tx`.
 */
export async function creditRecord(tx: Db, record: ServiceRecordRow, actorId: string | null, data?: object) {
  if (record.minutes === 0) return null;
  const [volunteer, recorded] = [
    await openVolunteerAccount(tx, record.tenantId, record.volunteerUserId),
    await openRecordedAccount(tx, record.tenantId),
  ];
  const posted = await postTransaction(tx, record.tenantId, {
    kind: 'hours.confirm',
    entries: [
      { accountId: volunteer.id, amount: record.minutes },
      { accountId: recorded.id, amount: -record.minutes },
    ],
    memo: record.content,
    source: { type: 'service_record', id: record.id },
    idempotencyKey: `hours.confirm:service_record:${record.id}`,
    actorId,
    data: data ? { ...data } : null,
  });
  await tx
    .update(serviceRecords)
    .set({ ledgerTransactionId: posted.id })
    .where(and(eq(serviceRecords.tenantId, record.tenantId), eq(serviceRecords.id, record.id)));
  await tx.insert(hoursEvents).values({
    tenantId: record.tenantId,
    kind: 'hours.confirmed',
    serviceRecordId: record.id,
    volunteerUserId: record.volunteerUserId,
    minutes: record.minutes,
    ledgerTransactionId: posted.id,
  });
  return posted;
}

/** Reverses a confirmed record's ledger transaction and writes the `hours.reversed` event. */
export async function debitRecord(tx: Db, record: ServiceRecordRow, reason: string, actorId: string | null) {
  if (!record.ledgerTransactionId) return null;
  const reversal = await reverseTransaction(tx, record.tenantId, {
    transactionId: record.ledgerTransactionId,
    reason,
    idempotencyKey: `hours.reverse:service_record:${record.id}`,
    actorId,
  });
  await tx.insert(hoursEvents).values({
    tenantId: record.tenantId,
    kind: 'hours.reversed',
    serviceRecordId: record.id,
    volunteerUserId: record.volunteerUserId,
    minutes: -record.minutes,
    ledgerTransactionId: reversal.id,
  });
  return reversal;
}

/** Moves one pending record to confirmed, if it still is pending; null when someone else got there first. */
export async function claimPending(tx: Db, tenantId: string, id: string, actorId: string | null, now: Date) {
  const [row] = await tx
    .update(serviceRecords)
    .set({ status: 'confirmed', confirmedBy: actorId, confirmedAt: now })
    .where(and(eq(serviceRecords.tenantId, tenantId), eq(serviceRecords.id, id), eq(serviceRecords.status, 'pending')))
    .returning();
  return row ?? null;
}

/** Tells a volunteer who has reached a new star level (call after their minutes changed in `tx`). */
export async function announceStarLevel(
  tx: Db,
  tenantId: string,
  userId: string,
  before: number,
  after: number,
  thresholds: number[],
) {
  const was = starLevel(before, thresholds).level;
  const now = starLevel(after, thresholds).level;
  if (now <= was) return;
  await notify(tx, {
    tenantId,
    userId,
    kind: 'hours.star_level',
    title: `恭喜您成为${now}星级志愿者`,
    body: `您累计志愿服务时长已达${Math.floor(after / 60)}小时，感谢您的奉献！`,
    link: '/h5/mine/hours',
    data: { level: now, totalMinutes: after },
    params: { level: now, hours: Math.floor(after / 60) },
  });
}
