/** Account statements: every entry, newest first, with the balance right after it; keyset-paged by entry id. */
import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cursorCodec, cursorPart } from './cursor.js';
import type { Db } from './db.js';
import { ledgerEntries, ledgerTransactions } from './ledger-schema.js';

export interface StatementLine {
  entryId: number;
  transactionId: string;
  kind: string;
  memo: string | null;
  source: { type: string; id: string } | null;
  amount: number;
  balanceAfter: number;
  createdAt: Date;
  /** Set on a reversal: the transaction it undoes. */
  reversesId: string | null;
  /** Set when a later transaction undid this one. */
  reversedById: string | null;
}

export interface Statement {
  items: StatementLine[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** By entry id, newest first. */
export const statementCursor = cursorCodec(cursorPart.id);

export async function statement(
  db: Db,
  tenantId: string,
  accountId: string,
  page: { limit: number; cursor?: string },
): Promise<Statement> {
  const before = statementCursor.decode(page.cursor)?.[0] ?? null;
  const reversal = alias(ledgerTransactions, 'reversal');
  const rows = await db
    .select({
      entryId: ledgerEntries.id,
      transactionId: ledgerEntries.transactionId,
      kind: ledgerTransactions.kind,
      memo: ledgerTransactions.memo,
      sourceType: ledgerTransactions.sourceType,
      sourceId: ledgerTransactions.sourceId,
      amount: ledgerEntries.amount,
      balanceAfter: ledgerEntries.balanceAfter,
      createdAt: ledgerEntries.createdAt,
      reversesId: ledgerTransactions.reversesId,
      reversedById: reversal.id,
    })
    .from(ledgerEntries)
    .innerJoin(
      ledgerTransactions,
      and(
        eq(ledgerTransactions.tenantId, ledgerEntries.tenantId),
        eq(ledgerTransactions.id, ledgerEntries.transactionId),
      ),
    )
    .leftJoin(
      reversal,
      and(eq(reversal.tenantId, ledgerEntries.tenantId), eq(reversal.reversesId, ledgerEntries.transactionId)),
    )
    .where(
      and(
        eq(ledgerEntries.tenantId, tenantId),
        eq(ledgerEntries.accountId, accountId),
        before === null ? undefined : lt(ledgerEntries.id, before),
      ),
    )
    .orderBy(desc(ledgerEntries.id))
    .limit(page.limit + 1);
  const items: StatementLine[] = rows.slice(0, page.limit).map((r) => ({
    entryId: r.entryId,
    transactionId: r.transactionId,
    kind: r.kind,
    memo: r.memo,
    source: r.sourceType && r.sourceId ? { type: r.sourceType, id: r.sourceId } : null,
    amount: r.amount,
    balanceAfter: r.balanceAfter,
    createdAt: r.createdAt,
    reversesId: r.reversesId,
    reversedById: r.reversedById,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? statementCursor.encode([last.entryId]) : null };
}
