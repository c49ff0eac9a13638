import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../../test/server.js';
import type { Database } from '../../platform/db.js';
import { getAccounts } from '../../platform/ledger.js';
import { openIssuanceAccount, openVolunteerPointsAccount } from './accounts.js';
import { creditPoints, takeBackPoints } from './ledger-ops.js';

const T = '371002';
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const meta = (kind: string) => ({ kind, memo: '并发测试', source: null, idempotencyKey: `${kind}:${randomUUID()}` });

describe(`points postings at the same time (${databaseKind})`, () => {
  it('credits and take-backs for one volunteer never deadlock, whichever account id sorts first', async () => {
    const db = database.db;
    const issuance = await openIssuanceAccount(db, T);
    // A take-back that locked the volunteer's account before the issuance account deadlocked
    // against a credit locking them in id order, when the issuance account sorts first.
    let userId = randomUUID();
    while ((await openVolunteerPointsAccount(db, T, userId)).id < issuance.id) userId = randomUUID();
    const volunteer = await openVolunteerPointsAccount(db, T, userId);
    await db.transaction((tx) => creditPoints(tx, T, userId, 1000, meta('points.test.credit')));

    const rounds = 30;
    const outcomes = await Promise.allSettled(
      Array.from({ length: rounds }, () => [
        db.transaction((tx) => creditPoints(tx, T, userId, 10, meta('points.test.credit'))),
        db.transaction((tx) => takeBackPoints(tx, T, userId, 7, meta('points.test.take'), false)),
        db.transaction((tx) => takeBackPoints(tx, T, userId, 3, meta('points.test.take'), true)),
      ]).flat(),
    );
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason?.cause ?? o.reason));
    expect(failures).toEqual([]);
    const [after] = await getAccounts(db, T, [volunteer.id]);
    expect(after?.balance).toBe(1000 + rounds * (10 - 7 - 3));
  }, 120_000);
});
