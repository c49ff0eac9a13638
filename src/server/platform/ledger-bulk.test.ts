import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/server.js';
import type { Database, Db } from './db.js';
import { AppError } from './errors.js';
import { getAccounts, type LedgerAccount, openAccount, postTransaction } from './ledger.js';
import { postTransactionsBulk } from './ledger-bulk.js';
import { statement } from './ledger-statement.js';

const T = '371002';
let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const open = (name: string, allowNegative = false) =>
  openAccount(db, T, { key: `bulk:${name}:${randomUUID()}`, kind: 'points.test', unit: 'points', name, allowNegative });
const balance = async (a: LedgerAccount) => (await getAccounts(db, T, [a.id]))[0]?.balance;
const move = (from: LedgerAccount, to: LedgerAccount, amount: number, key?: string) => ({
  id: randomUUID(),
  kind: 'points.bulk.test',
  memo: `${amount}`,
  idempotencyKey: key ?? null,
  entries: [
    { accountId: from.id, amount: -amount },
    { accountId: to.id, amount },
  ],
});

describe('postTransactionsBulk', () => {
  it('posts many transactions with running balances, as one by one would', async () => {
    const issuance = await open('issuance', true);
    const a = await open('a');
    const b = await open('b');
    const batch = [move(issuance, a, 30), move(issuance, b, 5), move(a, b, 20), move(issuance, a, 7)];
    const written = await db.transaction((tx) => postTransactionsBulk(tx, T, batch));
    expect(written.size).toBe(4);
    expect([await balance(issuance), await balance(a), await balance(b)]).toEqual([-42, 17, 25]);
    const page = await statement(db, T, a.id, { limit: 10 });
    expect(page.items.map((i) => [i.amount, i.balanceAfter])).toEqual([
      [7, 17],
      [-20, 10],
      [30, 30],
    ]);
  });

  it('refuses a batch that takes an account below zero at any entry, and writes nothing', async () => {
    const issuance = await open('issuance', true);
    const a = await open('a');
    const b = await open('b');
    // Ends at 10, but is at -10 after the first entry.
    const batch = [move(a, b, 10), move(issuance, a, 20)];
    const err = await db.transaction((tx) => postTransactionsBulk(tx, T, batch)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('LEDGER_INSUFFICIENT_BALANCE');
    expect([await balance(issuance), await balance(a), await balance(b)]).toEqual([0, 0, 0]);
  });

  it('skips a key posted already, and a later one-by-one post of the same key replays it', async () => {
    const issuance = await open('issuance', true);
    const a = await open('a');
    const key = `bulk:test:${randomUUID()}`;
    const first = move(issuance, a, 9, key);
    await db.transaction((tx) => postTransactionsBulk(tx, T, [first]));
    const again = await db.transaction((tx) => postTransactionsBulk(tx, T, [{ ...move(issuance, a, 9, key) }]));
    expect(again.size).toBe(0);
    const replay = await postTransaction(db, T, { ...first });
    expect(replay).toMatchObject({ id: first.id, replayed: true });
    expect(await balance(a)).toBe(9);
  });
});
