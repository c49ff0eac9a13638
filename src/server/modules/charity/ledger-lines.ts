/**
 * The charity figures, read from the ledger alone: every entry on a fund's income and paid accounts,
 * summed by what its transaction says it was (event, stall, category, method, purpose, beneficiary,
 * day). A reversal carries no data of its own, so it is read with the data of the transaction it
 * reverses: a reversed sale nets to nothing in every total it belonged to.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';

export type LineKind = 'sale' | 'donation' | 'payment';

export interface LedgerLine {
  kind: LineKind;
  fundId: string | null;
  eventId: string | null;
  stallId: string | null;
  category: string | null;
  method: string | null;
  purpose: string | null;
  beneficiaryId: string | null;
  year: string | null;
  /** Money in (sales, donations) or out (payments), in fen; reversals already netted. */
  amount: number;
  /** Transactions behind the figure, reversals counted as minus one. */
  count: number;
}

const kindOfAccount: Record<string, LineKind> = {
  'charity.sales': 'sale',
  'charity.donations': 'donation',
  'charity.paid': 'payment',
};

export interface LineFilter {
  eventId?: string;
  fundIds?: string[];
  year?: number;
}

export async function ledgerLines(db: Db, tenantId: string, filter: LineFilter): Promise<LedgerLine[]> {
  const original = alias(ledgerTransactions, 'original');
  const data = sql`coalesce(${ledgerTransactions.data}, ${original.data})`;
  // Names inlined, not bound: GROUP BY must see the very expressions the SELECT has.
  const field = (name: string) => sql<string | null>`(${data} ->> ${sql.raw(`'${name}'`)})`;
  const fields = {
    accountKind: ledgerAccounts.kind,
    fundId: field('fundId'),
    eventId: field('eventId'),
    stallId: field('stallId'),
    category: field('category'),
    method: field('method'),
    purpose: field('purpose'),
    beneficiaryId: field('beneficiaryId'),
    year: sql<string | null>`substr(${data} ->> 'on', 1, 4)`,
  };
  const conditions: (SQL | undefined)[] = [
    eq(ledgerEntries.tenantId, tenantId),
    inArray(ledgerAccounts.kind, Object.keys(kindOfAccount)),
  ];
  if (filter.eventId) conditions.push(sql`${field('eventId')} = ${filter.eventId}`);
  if (filter.fundIds) conditions.push(filter.fundIds.length ? inArray(fields.fundId, filter.fundIds) : sql`false`);
  if (filter.year !== undefined) conditions.push(sql`${fields.year} = ${String(filter.year)}`);
  const rows = await db
    .select({
      ...fields,
      amount: sql<string>`sum(${ledgerEntries.amount})`,
      count: sql<string>`sum(case when ${ledgerTransactions.reversesId} is null then 1 else -1 end)`,
    })
    .from(ledgerEntries)
    .innerJoin(
      ledgerAccounts,
      and(eq(ledgerAccounts.tenantId, ledgerEntries.tenantId), eq(ledgerAccounts.id, ledgerEntries.accountId)),
    )
    .innerJoin(
      ledgerTransactions,
      and(
        eq(ledgerTransactions.tenantId, ledgerEntries.tenantId),
        eq(ledgerTransactions.id, ledgerEntries.transactionId),
      ),
    )
    .leftJoin(
      original,
      and(eq(original.tenantId, ledgerTransactions.tenantId), eq(original.id, ledgerTransactions.reversesId)),
    )
    .where(and(...conditions))
    .groupBy(...Object.values(fields));
  return rows
    .map((r) => {
      const kind = kindOfAccount[r.accountKind] as LineKind;
      const sum = Number(r.amount);
      return {
        kind,
        fundId: r.fundId,
        eventId: r.eventId,
        stallId: r.stallId,
        category: r.category,
        method: r.method,
        purpose: r.purpose,
        beneficiaryId: r.beneficiaryId,
        year: r.year,
        amount: kind === 'payment' ? sum : -sum,
        count: Number(r.count),
      };
    })
    .filter((l) => l.amount !== 0 || l.count !== 0);
}

/** Sums `amount` of the lines by a key. */
export function sumBy<K extends string>(lines: LedgerLine[], key: (l: LedgerLine) => K | null): Map<K, number> {
  const out = new Map<K, number>();
  for (const l of lines) {
    const k = key(l);
    if (k === null) continue;
    out.set(k, (out.get(k) ?? 0) + l.amount);
  }
  return out;
}
