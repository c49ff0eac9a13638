import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { createTestApp, type TestContext } from '../../../../test/server.js';
import { AppError } from '../../platform/errors.js';
import { recordService, serviceRecords } from './index.js';

let t: TestContext;
let volunteerUserId: string;
const tenantId = '371002';

beforeAll(async () => {
  t = await createTestApp();
  volunteerUserId = (await makeUser(t.database)).id;
});
afterAll(() => t.close());

const input = (sourceId: string, minutes = 90) => ({
  tenantId,
  volunteerUserId,
  source: { type: 'activity_attendance' as const, id: sourceId },
  regionCode: '371002002005',
  content: '蓝色周六·海滨清洁',
  minutes,
  startedAt: new Date('2026-12-05T09:00:00+08:00'),
  endedAt: new Date('2026-12-05T10:30:00+08:00'),
  recordedBy: volunteerUserId,
});

describe('recordService', () => {
  it('creates a pending record that keeps who, what, when, how long and who recorded it', async () => {
    const { record, created } = await recordService(t.database.db, input('att-1'));
    expect(created).toBe(true);
    expect(record).toMatchObject({
      status: 'pending',
      minutes: 90,
      content: '蓝色周六·海滨清洁',
      volunteerUserId,
      recordedBy: volunteerUserId,
      sourceType: 'activity_attendance',
      sourceId: 'att-1',
      ledgerTransactionId: null,
    });
    expect(record.recordedAt).toBeInstanceOf(Date);
  });

  it('is idempotent per source: twenty concurrent retries leave one record, the first one', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordService(t.database.db, input('att-2', 60 + i))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    const rows = await t.database.db
      .select()
      .from(serviceRecords)
      .where(and(eq(serviceRecords.tenantId, tenantId), eq(serviceRecords.sourceId, 'att-2')));
    expect(rows).toHaveLength(1);
    expect(results.every((r) => r.record.minutes === rows[0]?.minutes)).toBe(true);
  });

  it('inside a transaction that rolls back, records nothing', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordService(tx, input('att-3'));
        throw new Error('check-out failed');
      }),
    ).rejects.toThrow('check-out failed');
    const rows = await t.database.db.select().from(serviceRecords).where(eq(serviceRecords.sourceId, 'att-3'));
    expect(rows).toHaveLength(0);
  });

  it('refuses minutes that are not whole, negative or more than a day, and empty content', async () => {
    for (const minutes of [-1, 1.5, 1441]) {
      const err = await recordService(t.database.db, input('att-4', minutes)).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.details[0].field).toBe('minutes');
    }
    const err = await recordService(t.database.db, { ...input('att-4'), content: '  ' }).catch((e) => e);
    expect(err.details[0].field).toBe('content');
    const rows = await t.database.db.select().from(serviceRecords).where(eq(serviceRecords.sourceId, 'att-4'));
    expect(rows).toHaveLength(0);
  });
});
