/**
 * Many ledger transactions in a handful of statements, with the guarantees of `postTransaction`
 * (ledger.ts): every transaction balanced in one unit, no account that may not go negative below
 * zero at any entry, balances moved in the same database transaction as the entries, accounts
 * locked in id order, an idempotency key posts once. For writers that post hundreds at a time (the
 * points earning job, the demo seed): a header insert, one lock, one balance update and one entries
 * insert for the whole batch, instead of seven to ten round trips per transaction.
 *
 * Call it inside a transaction. Answers the ids of the transactions it wrote; a posting whose key
 * (or id) is already taken is skipped and not in the answer: the caller, which claimed its sources
 * first, decides what that means.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import { assertBalanced, type PostInput, requestHash } from './ledger.js';

export interface BulkPosting extends PostInput {
  /** Chosen by the caller, so that it can refer to the transaction in its own rows of the same batch. */
  id: string;
  createdAt?: Date;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Inserts rows (camelCase keys) into `table` in one statement, in order; answers `returning` of the inserted rows. */
export async function insertJsonRows<T = unknown>(
  db: Db,
  table: string,
  rows: object[],
  options: { onConflictDoNothing?: boolean; returning?: SQL } = {},
): Promise<T[]> {
  const first = rows[0];
  if (!first) return [];
  const keys = Object.keys(first);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [snake(k), (r as never)[k]]))));
  const list = sql.join(
    keys.map((k) => sql.identifier(snake(k))),
    sql`, `,
  );
  const result = (await db.execute(
    sql`insert into ${sql.identifier(table)} (${list})
        select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${json}::jsonb) with ordinality as r
        order by r.ordinality
        ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}
        ${options.returning ? sql`returning ${options.returning} as v` : sql``}`,
  )) as unknown as { rows: { v: T }[] };
  return (result.rows ?? []).map((r) => r.v);
}

export async function postTransactionsBulk(db: Db, tenantId: string, postings: BulkPosting[]): Promise<Set<string>> {
  if (postings.length === 0) return new Set();
  for (const p of postings) assertBalanced(p.entries);
  const now = new Date();
  const written = new Set(
    await insertJsonRows<string>(
      db,
      'ledger_transactions',
      postings.map((p) => ({
        tenantId,
        id: p.id,
        kind: p.kind,
        memo: p.memo ?? null,
        sourceType: p.source?.type ?? null,
        sourceId: p.source?.id ?? null,
        idempotencyKey: p.idempotencyKey ?? null,
        requestHash: requestHash(p, null),
        reversesId: null,
        actorId: p.actorId ?? null,
        data: p.data ?? null,
        createdAt: (p.createdAt ?? now).toISOString(),
      })),
      { onConflictDoNothing: true, returning: sql`id` },
    ),
  );
  const todo = postings.filter((p) => written.has(p.id));
  if (todo.length === 0) return written;

  const ids = [...new Set(todo.flatMap((p) => p.entries.map((e) => e.accountId)))].sort();
  const locked = (await db.execute(
    sql`select id, key, name, unit, allow_negative as "allowNegative", balance from ledger_accounts
         where tenant_id = ${tenantId} and id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by id for update`,
  )) as unknown as {
    rows: { id: string; key: string; name: string; unit: string; allowNegative: boolean; balance: string | number }[];
  };
  const accounts = new Map(locked.rows.map((a) => [a.id, { ...a, balance: Number(a.balance) }]));
  const entries: object[] = [];
  const delta = new Map<string, number>();
  for (const p of todo) {
    const units = new Set<string>();
    for (const e of [...p.entries].sort((a, b) => (a.accountId < b.accountId ? -1 : 1))) {
      const account = accounts.get(e.accountId);
      if (!account) throw new Error(`Ledger account ${e.accountId} does not exist in tenant ${tenantId}`);
      units.add(account.unit);
      account.balance += e.amount;
      if (account.balance < 0 && !account.allowNegative) {
        throw new AppError('LEDGER_INSUFFICIENT_BALANCE', [
          {
            field: `accounts.${account.key}`,
            message: `${account.name}余额不足`,
            messageEn: `Not enough in ${account.name}`,
          },
        ]);
      }
      delta.set(e.accountId, (delta.get(e.accountId) ?? 0) + e.amount);
      entries.push({
        tenantId,
        transactionId: p.id,
        accountId: e.accountId,
        amount: e.amount,
        balanceAfter: account.balance,
        createdAt: (p.createdAt ?? now).toISOString(),
      });
    }
    if (units.size !== 1) throw new Error(`A ledger transaction moves one unit, got ${[...units].join(', ')}`);
  }
  await db.execute(
    sql`update ledger_accounts a set balance = a.balance + d.delta
          from jsonb_to_recordset(${JSON.stringify([...delta].map(([id, d]) => ({ id, delta: d })))}::jsonb)
            as d(id uuid, delta bigint)
         where a.tenant_id = ${tenantId} and a.id = d.id`,
  );
  for (let i = 0; i < entries.length; i += 4000) await insertJsonRows(db, 'ledger_entries', entries.slice(i, i + 4000));
  return written;
}
