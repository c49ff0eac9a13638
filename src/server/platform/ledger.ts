/**
 * The double-entry ledger under service hours (minutes), points and charity funds (fen).
 *
 * - An account holds one unit; its balance changes only here, in the same database transaction
 *   as the entries, by a conditional UPDATE (and a CHECK constraint behind it) that refuses to take
 *   an account below zero unless it is declared `allowNegative` (an issuance or income account).
 * - A transaction's entries are integers that sum to zero, in one unit (checked here, and again by a
 *   deferred trigger at commit). Rows are append-only (a trigger refuses UPDATE and DELETE).
 * - A mistake is undone by `reverseTransaction`: a new transaction that negates every entry and
 *   names the original; a transaction is reversed at most once (unique index).
 * - `idempotencyKey`: the same key returns the first transaction (`replayed: true`); the same key
 *   with a different payload is 409 IDEMPOTENCY_KEY_REUSED. Keys are per tenant, so name them by
 *   what they stand for (`points.earn:service_record:<id>`, `client:<userId>:<header key>`).
 *
 * Every function takes a Db that may be an open transaction: a use case that reserves stock and
 * holds points in one transaction passes its `tx`, and the ledger's writes join it (as a savepoint).
 * Accounts are locked in id order, so concurrent transfers between the same accounts cannot deadlock.
 * A use case that reads a balance before it posts, or posts twice in one transaction, first locks
 * every account it will touch with `lockAccounts`, so it too takes them in that one order.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import { type LedgerUnit, ledgerAccounts, ledgerEntries, ledgerTransactions, ledgerUnits } from './ledger-schema.js';

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;

export interface OpenAccountInput {
  /** The owner's stable name for the account, e.g. `points:volunteer:<userId>`. */
  key: string;
  kind: string;
  unit: LedgerUnit;
  name: string;
  /** Issuance, income and clearing accounts may go below zero; people's accounts may not. */
  allowNegative?: boolean;
}

export interface LedgerEntryInput {
  accountId: string;
  /** Integer in the account's unit: positive credits the account, negative debits it. */
  amount: number;
}

export interface PostInput {
  kind: string;
  entries: LedgerEntryInput[];
  memo?: string | null;
  source?: { type: string; id: string } | null;
  idempotencyKey?: string | null;
  actorId?: string | null;
  data?: Record<string, unknown> | null;
}

export interface PostedEntry {
  accountId: string;
  amount: number;
  balanceAfter: number;
}

export interface PostedTransaction {
  id: string;
  kind: string;
  memo: string | null;
  source: { type: string; id: string } | null;
  reversesId: string | null;
  createdAt: Date;
  entries: PostedEntry[];
  /** True when an earlier transaction with the same idempotency key was returned instead of writing. */
  replayed: boolean;
}

/**
 * Opens the account named `key`, or returns it when it exists (its unit must match). Looks first:
 * the account almost always exists, and one statement is then enough (a hot path's round trips count).
 */
export async function openAccount(db: Db, tenantId: string, input: OpenAccountInput): Promise<LedgerAccount> {
  if (!ledgerUnits.includes(input.unit)) throw new Error(`Unknown ledger unit ${input.unit}`);
  const existing = await findAccount(db, tenantId, input.key);
  const [created] = existing
    ? [existing]
    : await db
        .insert(ledgerAccounts)
        .values({ tenantId, ...input, allowNegative: input.allowNegative ?? false })
        .onConflictDoNothing()
        .returning();
  const account = created ?? (await findAccount(db, tenantId, input.key));
  if (!account) throw new Error(`Ledger account ${input.key} could not be opened`);
  if (account.unit !== input.unit)
    throw new Error(`Ledger account ${input.key} holds ${account.unit}, not ${input.unit}`);
  return account;
}

export async function findAccount(db: Db, tenantId: string, key: string): Promise<LedgerAccount | null> {
  const [row] = await db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.tenantId, tenantId), eq(ledgerAccounts.key, key)));
  return row ?? null;
}

export async function getAccounts(db: Db, tenantId: string, ids: string[]): Promise<LedgerAccount[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.tenantId, tenantId), inArray(ledgerAccounts.id, [...new Set(ids)])));
}

/**
 * Locks `ids` (`FOR UPDATE`, in id order) inside the caller's transaction and answers their rows.
 * Lock every account a transaction will touch at once, before the first: taking one early and
 * the others later (in `postTransaction`) can deadlock against a transaction taking them in id order.
 */
export async function lockAccounts(tx: Db, tenantId: string, ids: string[]): Promise<Map<string, LedgerAccount>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.tenantId, tenantId), inArray(ledgerAccounts.id, [...new Set(ids)])))
    .orderBy(ledgerAccounts.id)
    .for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

/** What a transaction's idempotency key is bound to; a bulk writer (the demo seed) stores the same. */
export function requestHash(input: PostInput, reversesId: string | null): string {
  const entries = [...input.entries]
    .map((e) => [e.accountId, e.amount] as const)
    .sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  const canonical = [input.kind, entries, input.memo ?? null, input.source ?? null, reversesId, input.data ?? null];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function assertBalanced(entries: LedgerEntryInput[]) {
  if (entries.length < 2) throw new Error('A ledger transaction needs at least two entries');
  let sum = 0;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount) || e.amount === 0) {
      throw new Error(`Ledger amounts are non-zero integers, got ${e.amount}`);
    }
    sum += e.amount;
  }
  if (sum !== 0) throw new Error(`Ledger entries must sum to zero, got ${sum}`);
}

/** Writes one balanced transaction (see the module comment for the guarantees). */
export async function postTransaction(db: Db, tenantId: string, input: PostInput): Promise<PostedTransaction> {
  return write(db, tenantId, input, null);
}

async function write(
  db: Db,
  tenantId: string,
  input: PostInput,
  reversesId: string | null,
): Promise<PostedTransaction> {
  assertBalanced(input.entries);
  const hash = requestHash(input, reversesId);
  const key = input.idempotencyKey ?? null;
  if (key) {
    const prior = await replay(db, tenantId, key, hash);
    if (prior) return prior;
  }
  const id = randomUUID();
  const outcome = await db.transaction(async (tx) => {
    // The header goes first: a concurrent twice-submitted key or reversal waits here on the unique
    // index until the first commits, then finds it instead of moving any balance.
    const [header] = await tx
      .insert(ledgerTransactions)
      .values({
        tenantId,
        id,
        kind: input.kind,
        memo: input.memo ?? null,
        sourceType: input.source?.type ?? null,
        sourceId: input.source?.id ?? null,
        idempotencyKey: key,
        requestHash: hash,
        reversesId,
        actorId: input.actorId ?? null,
        data: input.data ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!header) return null;
    const accounts = new Map(
      (
        await getAccounts(
          tx,
          tenantId,
          input.entries.map((e) => e.accountId),
        )
      ).map((a) => [a.id, a]),
    );
    const units = new Set<string>();
    for (const e of input.entries) {
      const account = accounts.get(e.accountId);
      if (!account) throw new Error(`Ledger account ${e.accountId} does not exist in tenant ${tenantId}`);
      units.add(account.unit);
    }
    if (units.size !== 1) throw new Error(`A ledger transaction moves one unit, got ${[...units].join(', ')}`);

    const order = input.entries.map((e, i) => ({ ...e, i })).sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
    const balanceAfter: number[] = [];
    for (const e of order) {
      const [row] = await tx
        .update(ledgerAccounts)
        .set({ balance: sql`${ledgerAccounts.balance} + ${e.amount}` })
        .where(
          and(
            eq(ledgerAccounts.tenantId, tenantId),
            eq(ledgerAccounts.id, e.accountId),
            sql`(${ledgerAccounts.allowNegative} or ${ledgerAccounts.balance} + ${e.amount} >= 0)`,
          ),
        )
        .returning({ balance: ledgerAccounts.balance });
      if (!row) throw insufficient(accounts.get(e.accountId) as LedgerAccount);
      balanceAfter[e.i] = row.balance;
    }
    await tx.insert(ledgerEntries).values(
      order.map((e) => ({
        tenantId,
        transactionId: id,
        accountId: e.accountId,
        amount: e.amount,
        balanceAfter: balanceAfter[e.i] as number,
        createdAt: header.createdAt,
      })),
    );
    return present(
      header,
      order.map((e) => ({ accountId: e.accountId, amount: e.amount, balanceAfter: balanceAfter[e.i] as number })),
      false,
    );
  });
  if (outcome) return outcome;
  // Lost the race to a transaction holding the same key, or reversing the same transaction.
  if (key) {
    const prior = await replay(db, tenantId, key, hash);
    if (prior) return prior;
  }
  if (reversesId) throw new AppError('LEDGER_ALREADY_REVERSED');
  throw new Error('Ledger transaction id collision');
}

function insufficient(account: LedgerAccount): AppError {
  return new AppError('LEDGER_INSUFFICIENT_BALANCE', [
    {
      field: `accounts.${account.key}`,
      message: `${account.name}余额不足`,
      messageEn: `Not enough in ${account.name}`,
    },
  ]);
}

async function replay(db: Db, tenantId: string, key: string, hash: string): Promise<PostedTransaction | null> {
  const [prior] = await db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.idempotencyKey, key)));
  if (!prior) return null;
  if (prior.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return present(prior, await entriesOf(db, tenantId, prior.id), true);
}

async function entriesOf(db: Db, tenantId: string, transactionId: string): Promise<PostedEntry[]> {
  return db
    .select({
      accountId: ledgerEntries.accountId,
      amount: ledgerEntries.amount,
      balanceAfter: ledgerEntries.balanceAfter,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerEntries.transactionId, transactionId)))
    .orderBy(ledgerEntries.id);
}

function present(
  row: typeof ledgerTransactions.$inferSelect,
  entries: PostedEntry[],
  replayed: boolean,
): PostedTransaction {
  return {
    id: row.id,
    kind: row.kind,
    memo: row.memo,
    source: row.sourceType && row.sourceId ? { type: row.sourceType, id: row.sourceId } : null,
    reversesId: row.reversesId,
    createdAt: row.createdAt,
    entries,
    replayed,
  };
}

export async function getTransaction(db: Db, tenantId: string, id: string): Promise<PostedTransaction | null> {
  const [row] = await db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.id, id)));
  return row ? present(row, await entriesOf(db, tenantId, id), false) : null;
}

export interface ReverseInput {
  transactionId: string;
  /** Why, in words a person reads on the statement. */
  reason: string;
  /** Default `<original kind>.reversal`. */
  kind?: string;
  idempotencyKey?: string | null;
  actorId?: string | null;
}

/**
 * Undoes a transaction by a new one with every entry negated and `reversesId` naming it. It may
 * fail like any transaction (the points were spent meanwhile: LEDGER_INSUFFICIENT_BALANCE); a
 * transaction is reversed only once (LEDGER_ALREADY_REVERSED), and a reversal is never reversed.
 */
export async function reverseTransaction(db: Db, tenantId: string, input: ReverseInput): Promise<PostedTransaction> {
  const original = await getTransaction(db, tenantId, input.transactionId);
  if (!original) throw new AppError('NOT_FOUND');
  if (original.reversesId) throw new AppError('LEDGER_NOT_REVERSIBLE');
  const post: PostInput = {
    kind: input.kind ?? `${original.kind}.reversal`,
    entries: original.entries.map((e) => ({ accountId: e.accountId, amount: -e.amount })),
    memo: input.reason,
    source: original.source,
    idempotencyKey: input.idempotencyKey ?? null,
    actorId: input.actorId ?? null,
  };
  if (post.idempotencyKey) {
    const prior = await replay(db, tenantId, post.idempotencyKey, requestHash(post, original.id));
    if (prior) return prior;
  }
  const [already] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.reversesId, original.id)));
  if (already) throw new AppError('LEDGER_ALREADY_REVERSED');
  return write(db, tenantId, post, original.id);
}
