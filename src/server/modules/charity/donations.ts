/**
 * Donations of a fund as the ledger holds them: each is a `charity.donation` transaction (recorded in
 * funds.ts), a mistake is a reversing transaction with the reason as its memo. Staff see the
 * donations of the funds they manage and those given at a sale of their region.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { assertInScope, inScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { reverseTransaction } from '../../platform/ledger.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';
import type { donationsQuery } from './contract.js';
import { byTime, pageOf } from './paging.js';
import { findEvent, findFund, namesOf, personOf } from './records.js';
import { charityEvents, charityFunds } from './schema.js';

type TxRow = typeof ledgerTransactions.$inferSelect;
interface DonationData {
  fundId: string;
  eventId: string | null;
  method: 'cash' | 'wechat' | 'alipay';
  paymentRef: string | null;
  donor: string | null;
  on: string;
}

const KIND = 'charity.donation';
const field = (name: string) => sql<string | null>`(${ledgerTransactions.data} ->> ${sql.raw(`'${name}'`)})`;

async function present(db: Db, tenantId: string, rows: TxRow[]) {
  if (rows.length === 0) return [];
  const reversals = await db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.tenantId, tenantId),
        inArray(
          ledgerTransactions.reversesId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const byOriginal = new Map(reversals.map((r) => [r.reversesId, r]));
  const fundIds = [...new Set(rows.map((r) => (r.data as DonationData).fundId))];
  const funds = await db
    .select({ id: charityFunds.id, name: charityFunds.name })
    .from(charityFunds)
    .where(and(eq(charityFunds.tenantId, tenantId), inArray(charityFunds.id, fundIds)));
  const fundNames = new Map(funds.map((f) => [f.id, f.name]));
  const names = await namesOf(db, tenantId, [...rows.map((r) => r.actorId), ...reversals.map((r) => r.actorId)]);
  const amounts = await db
    .select({ id: ledgerEntries.transactionId, amount: ledgerEntries.amount })
    .from(ledgerEntries)
    .innerJoin(
      ledgerAccounts,
      and(eq(ledgerAccounts.tenantId, ledgerEntries.tenantId), eq(ledgerAccounts.id, ledgerEntries.accountId)),
    )
    .where(
      and(
        eq(ledgerEntries.tenantId, tenantId),
        eq(ledgerAccounts.kind, 'charity.fund'),
        inArray(
          ledgerEntries.transactionId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const amountOf = new Map(amounts.map((a) => [a.id, a.amount]));
  return rows.map((row) => {
    const d = row.data as DonationData;
    const r = byOriginal.get(row.id);
    return {
      id: row.id,
      fund: { id: d.fundId, name: fundNames.get(d.fundId) ?? '' },
      eventId: d.eventId,
      amountFen: amountOf.get(row.id) ?? 0,
      method: d.method,
      paymentRef: d.paymentRef,
      donorName: d.donor,
      on: d.on,
      recordedAt: row.createdAt.toISOString(),
      recordedBy: personOf(names, row.actorId),
      reversal: r
        ? { transactionId: r.id, reason: r.memo ?? '', at: r.createdAt.toISOString(), by: personOf(names, r.actorId) }
        : null,
    };
  });
}

/** The donations the caller may see, newest first; `fundId`/`eventId` narrow it (outside the scope: none). */
export async function listDonations(ctx: Ctx, query: typeof donationsQuery._output) {
  const actor = requireActor(ctx);
  const managed = ctx.db
    .select({ id: sql`${charityFunds.id}::text` })
    .from(charityFunds)
    .where(and(eq(charityFunds.tenantId, actor.tenantId), scopeCondition(actor, charityFunds.regionCode)));
  const atOurSales = ctx.db
    .select({ id: sql`${charityEvents.id}::text` })
    .from(charityEvents)
    .where(and(eq(charityEvents.tenantId, actor.tenantId), scopeCondition(actor, charityEvents.regionCode)));
  const keys = byTime(ledgerTransactions.createdAt, ledgerTransactions.id, query);
  const conditions: (SQL | undefined)[] = [
    eq(ledgerTransactions.tenantId, actor.tenantId),
    eq(ledgerTransactions.kind, KIND),
    or(inArray(field('fundId'), managed), inArray(field('eventId'), atOurSales)),
    query.fundId ? sql`${field('fundId')} = ${query.fundId}` : undefined,
    query.eventId ? sql`${field('eventId')} = ${query.eventId}` : undefined,
    keys.after,
  ];
  const rows = await ctx.db
    .select({ row: ledgerTransactions, sortAt: keys.sortAt })
    .from(ledgerTransactions)
    .where(and(...conditions))
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ ...r.row, sortAt: r.sortAt })),
    query,
  );
  return { items: await present(ctx.db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

async function loadDonation(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.tenantId, actor.tenantId),
        eq(ledgerTransactions.id, id),
        eq(ledgerTransactions.kind, KIND),
      ),
    );
  const fund = row && (await findFund(ctx.db, actor.tenantId, (row.data as DonationData).fundId));
  if (!row || !fund) throw new AppError('NOT_FOUND');
  return { row, fund };
}

/** One donation the caller may see. */
export async function getDonation(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const { row, fund } = await loadDonation(ctx, id);
  const eventId = (row.data as DonationData).eventId;
  const event = eventId ? await findEvent(ctx.db, actor.tenantId, eventId) : null;
  if (!inScope(actor, fund.regionCode) && !(event && inScope(actor, event.regionCode))) throw new AppError('NOT_FOUND');
  const [view] = await present(ctx.db, actor.tenantId, [row]);
  return view as NonNullable<typeof view>;
}

/**
 * Staff who manage the fund undo a donation by a reversing transaction with the reason; the entry
 * itself stays. Refused when the fund has already spent the money (LEDGER_INSUFFICIENT_BALANCE).
 */
export async function reverseDonation(ctx: Ctx, id: string, reason: string) {
  const actor = requireActor(ctx);
  const { row, fund } = await loadDonation(ctx, id);
  assertInScope(actor, fund.regionCode);
  await ctx.db.transaction(async (tx) => {
    const reversal = await reverseTransaction(tx, actor.tenantId, {
      transactionId: row.id,
      reason,
      actorId: actor.userId,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.donation_reversed',
      entityType: 'charity_fund',
      entityId: fund.id,
      regionCode: fund.regionCode,
      detail: { reason, transactionId: row.id, reversalId: reversal.id },
    });
  });
  return getDonation(ctx, id);
}
