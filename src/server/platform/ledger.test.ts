import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/server.js';
import type { Database, Db } from './db.js';
import { AppError } from './errors.js';
import { getAccounts, type LedgerAccount, openAccount, postTransaction, reverseTransaction } from './ledger.js';
import { statement } from './ledger-statement.js';

const T = '371002';
let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

async function rows<R>(query: ReturnType<typeof sql>): Promise<R[]> {
  return ((await db.execute(query)) as unknown as { rows: R[] }).rows;
}

let n = 0;
async function points(name: string, allowNegative = false): Promise<LedgerAccount> {
  n++;
  return openAccount(db, T, {
    key: `test:${name}:${n}:${randomUUID()}`,
    kind: 'points.test',
    unit: 'points',
    name,
    allowNegative,
  });
}

async function balance(account: LedgerAccount) {
  const [row] = await getAccounts(db, T, [account.id]);
  return row?.balance;
}

const transfer = (from: LedgerAccount, to: LedgerAccount, amount: number, extra: { idempotencyKey?: string } = {}) =>
  postTransaction(db, T, {
    kind: 'points.transfer',
    entries: [
      { accountId: from.id, amount: -amount },
      { accountId: to.id, amount },
    ],
    ...extra,
  });

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : `error: ${(err as Error).message}`;
  }
}

describe(`the ledger (${databaseKind})`, () => {
  it('never goes negative under 50 concurrent transfers out of one account, and every entry sums to zero', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const shops = await Promise.all([1, 2, 3, 4, 5].map((i) => points(`shop ${i}`)));
    await transfer(issuance, wallet, 1000);

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => transfer(wallet, shops[i % 5] as LedgerAccount, 30)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as AppError).code);
    expect(ok).toHaveLength(33);
    expect(refused).toEqual(Array(17).fill('LEDGER_INSUFFICIENT_BALANCE'));
    expect(await balance(wallet)).toBe(10);
    expect(await balance(issuance)).toBe(-1000);

    const ids = [issuance, wallet, ...shops].map((a) => a.id);
    const sums = await rows<{ account_id: string; total: string; balance: string }>(sql`
      select a.id as account_id, coalesce(sum(e.amount), 0)::text as total, a.balance::text as balance
        from ledger_accounts a left join ledger_entries e on e.tenant_id = a.tenant_id and e.account_id = a.id
       where a.tenant_id = ${T} and a.id in ${ids} group by a.id, a.balance`);
    for (const s of sums) expect(s.total).toBe(s.balance);
    expect(sums.reduce((acc, s) => acc + Number(s.total), 0)).toBe(0);
    const unbalanced = await rows(sql`
      select transaction_id from ledger_entries where tenant_id = ${T} group by transaction_id having sum(amount) <> 0`);
    expect(unbalanced).toEqual([]);

    // The running balances on the wallet's statement step down by 30 from 1000 to 10.
    const lines = (await statement(db, T, wallet.id, { limit: 100 })).items;
    expect(lines.map((l) => l.balanceAfter)).toEqual([...Array.from({ length: 33 }, (_, i) => 10 + 30 * i), 1000]);
  });

  it('credits once when the same idempotency key is submitted twice at once, and refuses the key for another payload', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const key = `points.earn:service_record:${randomUUID()}`;
    const [a, b] = await Promise.all([
      transfer(issuance, wallet, 10, { idempotencyKey: key }),
      transfer(issuance, wallet, 10, { idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(b.entries).toEqual(a.entries);
    const again = await transfer(issuance, wallet, 10, { idempotencyKey: key });
    expect(again).toMatchObject({ id: a.id, replayed: true });
    expect(await balance(wallet)).toBe(10);
    expect(await code(transfer(issuance, wallet, 11, { idempotencyKey: key }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await balance(wallet)).toBe(10);
  });

  it('undoes a transaction by a reversing one, only once, and never reverses a reversal', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const earned = await transfer(issuance, wallet, 50);
    const [first, second] = await Promise.allSettled([
      reverseTransaction(db, T, { transactionId: earned.id, reason: '服务时长更正' }),
      reverseTransaction(db, T, { transactionId: earned.id, reason: '服务时长更正' }),
    ]);
    const outcomes = [first, second].map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as AppError).code)).sort();
    expect(outcomes).toEqual(['LEDGER_ALREADY_REVERSED', 'ok']);
    const reversal = (
      first.status === 'fulfilled' ? first.value : (second as PromiseFulfilledResult<never>).value
    ) as Awaited<ReturnType<typeof reverseTransaction>>;
    expect(reversal).toMatchObject({ kind: 'points.transfer.reversal', reversesId: earned.id, memo: '服务时长更正' });
    expect(await balance(wallet)).toBe(0);
    expect(await balance(issuance)).toBe(0);
    expect(await code(reverseTransaction(db, T, { transactionId: reversal.id, reason: 'x' }))).toBe(
      'LEDGER_NOT_REVERSIBLE',
    );

    const lines = (await statement(db, T, wallet.id, { limit: 10 })).items;
    expect(lines.map((l) => [l.amount, l.balanceAfter])).toEqual([
      [-50, 0],
      [50, 50],
    ]);
    expect(lines[1]?.reversedById).toBe(reversal.id);
    expect(lines[0]?.reversesId).toBe(earned.id);
  });

  it("joins the caller's transaction: when the use case fails after posting, nothing of it stays", async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const key = `points.earn:test:${randomUUID()}`;
    await expect(
      db.transaction(async (tx) => {
        await postTransaction(tx, T, {
          kind: 'points.earn',
          entries: [
            { accountId: issuance.id, amount: -7 },
            { accountId: wallet.id, amount: 7 },
          ],
          idempotencyKey: key,
        });
        throw new AppError('CONFLICT');
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await balance(wallet)).toBe(0);
    expect((await transfer(issuance, wallet, 7, { idempotencyKey: key })).replayed).toBe(false);
  });

  it('refuses a reversal that would take an account below zero (the points were spent meanwhile)', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const shop = await points('shop');
    const earned = await transfer(issuance, wallet, 40);
    await transfer(wallet, shop, 30);
    expect(await code(reverseTransaction(db, T, { transactionId: earned.id, reason: 'x' }))).toBe(
      'LEDGER_INSUFFICIENT_BALANCE',
    );
    expect(await balance(wallet)).toBe(10);
  });

  it('refuses to edit or delete a ledger row, even with plain SQL', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    const t = await transfer(issuance, wallet, 5);
    const attempts = [
      sql`update ledger_entries set amount = 500 where tenant_id = ${T} and transaction_id = ${t.id}`,
      sql`delete from ledger_entries where tenant_id = ${T} and transaction_id = ${t.id}`,
      sql`update ledger_transactions set memo = 'edited' where tenant_id = ${T} and id = ${t.id}`,
      sql`delete from ledger_transactions where tenant_id = ${T} and id = ${t.id}`,
    ];
    for (const q of attempts) await expect(db.execute(q)).rejects.toThrow();
    const [entry] = await rows<{ n: number }>(
      sql`select count(*)::int as n from ledger_entries where tenant_id = ${T} and transaction_id = ${t.id} and abs(amount) = 5`,
    );
    expect(entry?.n).toBe(2);
  });

  it('lets the database itself refuse a negative balance and an unbalanced transaction', async () => {
    const wallet = await points('wallet');
    await expect(
      db.execute(sql`update ledger_accounts set balance = -1 where tenant_id = ${T} and id = ${wallet.id}`),
    ).rejects.toThrow();
    const id = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into ledger_transactions (tenant_id, id, kind, request_hash) values (${T}, ${id}, 'forged', 'x')`,
        );
        await tx.execute(
          sql`insert into ledger_entries (tenant_id, transaction_id, account_id, amount, balance_after) values (${T}, ${id}, ${wallet.id}, 100, 100)`,
        );
      }),
    ).rejects.toThrow();
    expect(await rows(sql`select id from ledger_transactions where tenant_id = ${T} and id = ${id}`)).toEqual([]);
  });

  it('refuses entries that do not balance or mix units, before writing anything', async () => {
    const wallet = await points('wallet');
    const minutes = await openAccount(db, T, {
      key: `test:minutes:${randomUUID()}`,
      kind: 'hours.test',
      unit: 'minutes',
      name: 'm',
    });
    await expect(
      postTransaction(db, T, {
        kind: 'x',
        entries: [
          { accountId: wallet.id, amount: 5 },
          { accountId: wallet.id, amount: -4 },
        ],
      }),
    ).rejects.toThrow(/sum to zero/);
    await expect(
      postTransaction(db, T, {
        kind: 'x',
        entries: [
          { accountId: wallet.id, amount: 5 },
          { accountId: minutes.id, amount: -5 },
        ],
      }),
    ).rejects.toThrow(/one unit/);
    await expect(
      postTransaction(db, T, {
        kind: 'x',
        entries: [
          { accountId: wallet.id, amount: 0.5 },
          { accountId: minutes.id, amount: -0.5 },
        ],
      }),
    ).rejects.toThrow(/integers/);
    await expect(openAccount(db, T, { key: wallet.key, kind: 'points.test', unit: 'fen', name: 'w' })).rejects.toThrow(
      /holds points/,
    );
    expect(await balance(wallet)).toBe(0);
  });

  it('pages a statement newest first and refuses a forged cursor', async () => {
    const issuance = await points('issuance', true);
    const wallet = await points('wallet');
    for (const amount of [1, 2, 3, 4, 5]) await transfer(issuance, wallet, amount);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await statement(db, T, wallet.id, { limit: 2, cursor });
      seen.push(...page.items.map((l) => l.balanceAfter));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([15, 10, 6, 3, 1]);
    expect(await code(statement(db, T, wallet.id, { limit: 2, cursor: 'bm90LWEtY3Vyc29y' }))).toBe('VALIDATION_FAILED');
  });
});
