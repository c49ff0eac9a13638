/**
 * Sales at a stall. The keeper (or staff of the sale's region) records one with an Idempotency-Key;
 * the sale row and its ledger transaction are written in one transaction, and the key (per person)
 * is unique, so a retried or offline-queued sale is one sale however often and however concurrently
 * it arrives. A mistake is undone by a reversing transaction with a reason; nothing is ever edited.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { assertInScope, inScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { postTransaction, reverseTransaction } from '../../platform/ledger.js';
import { ledgerTransactions } from '../../platform/ledger-schema.js';
import { openFundAccounts } from './accounts.js';
import type { saleBody } from './contract.js';
import { byTime, type Page, pageOf } from './paging.js';
import { findEvent, findFund, findStall } from './records.js';
import { charitySales } from './schema.js';

type SaleRow = typeof charitySales.$inferSelect;
type SaleInput = typeof saleBody._output;

export async function presentSales(db: Db, tenantId: string, sales: SaleRow[]) {
  if (sales.length === 0) return [];
  const posted = await db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.tenantId, tenantId),
        eq(ledgerTransactions.sourceType, 'charity_sale'),
        inArray(
          ledgerTransactions.sourceId,
          sales.map((s) => s.id),
        ),
      ),
    );
  const original = new Map(posted.filter((t) => !t.reversesId).map((t) => [t.sourceId, t]));
  const reversal = new Map(posted.filter((t) => t.reversesId).map((t) => [t.sourceId, t]));
  return sales.map((s) => {
    const r = reversal.get(s.id);
    return {
      id: s.id,
      stallId: s.stallId,
      amountFen: s.amountFen,
      method: s.method,
      paymentRef: s.paymentRef,
      item: s.item,
      recordedAt: s.recordedAt.toISOString(),
      recordedBy: s.recordedBy,
      transactionId: original.get(s.id)?.id ?? '',
      reversal: r ? { transactionId: r.id, reason: r.memo, at: r.createdAt.toISOString() } : null,
    };
  });
}

const sameSale = (a: SaleRow, stallId: string, input: SaleInput) =>
  a.stallId === stallId &&
  a.amountFen === input.amountFen &&
  a.method === input.method &&
  a.paymentRef === (input.paymentRef ?? null) &&
  a.item === (input.item ?? null);

async function byClientKey(db: Db, tenantId: string, clientKey: string) {
  const [row] = await db
    .select()
    .from(charitySales)
    .where(and(eq(charitySales.tenantId, tenantId), eq(charitySales.clientKey, clientKey)));
  return row ?? null;
}

async function answer(db: Db, tenantId: string, sale: SaleRow, replayed: boolean) {
  const [view] = await presentSales(db, tenantId, [sale]);
  return { ...(view as NonNullable<typeof view>), replayed };
}

export async function recordSale(ctx: Ctx, stallId: string, input: SaleInput, key: string) {
  const actor = requireActor(ctx);
  const stall = await findStall(ctx.db, actor.tenantId, stallId);
  const event = stall && (await findEvent(ctx.db, actor.tenantId, stall.eventId));
  if (!stall || !event || (stall.keeperUserId !== actor.userId && !inScope(actor, event.regionCode)))
    throw new AppError('NOT_FOUND');
  if (input.method !== 'cash' && !input.paymentRef) {
    throw fieldError(
      'body.paymentRef',
      '微信、支付宝收款请填写交易单号',
      'Give the WeChat Pay or Alipay transaction number',
    );
  }
  const clientKey = `${actor.userId}:${key}`;
  const replay = async () => {
    const prior = await byClientKey(ctx.db, actor.tenantId, clientKey);
    if (prior && !sameSale(prior, stallId, input)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return prior;
  };
  const prior = await replay();
  if (prior) return answer(ctx.db, actor.tenantId, prior, true);
  if (event.state !== 'open') throw new AppError('CHARITY_EVENT_NOT_OPEN');
  const fund = await findFund(ctx.db, actor.tenantId, event.fundId);
  if (!fund) throw new Error(`charity event ${event.id} names a missing fund`);
  const now = new Date();
  const soldAt = input.recordedAt ? new Date(input.recordedAt) : now;
  const written = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charitySales)
      .values({
        tenantId: actor.tenantId,
        eventId: event.id,
        stallId,
        amountFen: input.amountFen,
        method: input.method,
        paymentRef: input.paymentRef ?? null,
        item: input.item ?? null,
        clientKey,
        recordedBy: actor.userId,
        recordedAt: soldAt > now ? now : soldAt,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    const accounts = await openFundAccounts(tx, actor.tenantId, fund);
    await postTransaction(tx, actor.tenantId, {
      kind: 'charity.sale',
      entries: [
        { accountId: accounts.sales.id, amount: -input.amountFen },
        { accountId: accounts.fund.id, amount: input.amountFen },
      ],
      memo: input.item ? `${stall.name}·${input.item}` : stall.name,
      source: { type: 'charity_sale', id: row.id },
      idempotencyKey: `charity.sale:${row.id}`,
      actorId: actor.userId,
      data: {
        fundId: fund.id,
        eventId: event.id,
        stallId,
        category: stall.category === 'other' ? `other:${stall.categoryLabel ?? ''}` : stall.category,
        method: input.method,
        on: event.heldOn,
      },
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.sale_recorded',
      entityType: 'charity_sale',
      entityId: row.id,
      regionCode: event.regionCode,
      detail: { stallId, amountFen: input.amountFen, method: input.method },
    });
    return row;
  });
  // Lost the race to the same key arriving twice at once: the first one's sale is the answer.
  const sale = written ?? (await replay());
  if (!sale) throw new AppError('CONFLICT');
  return answer(ctx.db, actor.tenantId, sale, written === null);
}

/** Staff of the sale's region undo a sale by a reversing transaction, while the sale is open. */
export async function reverseSale(ctx: Ctx, saleId: string, reason: string) {
  const actor = requireActor(ctx);
  const [sale] = await ctx.db
    .select()
    .from(charitySales)
    .where(and(eq(charitySales.tenantId, actor.tenantId), eq(charitySales.id, saleId)));
  const event = sale && (await findEvent(ctx.db, actor.tenantId, sale.eventId));
  if (!sale || !event) throw new AppError('NOT_FOUND');
  assertInScope(actor, event.regionCode);
  if (event.state !== 'open') throw new AppError('CHARITY_EVENT_NOT_OPEN');
  const [view] = await presentSales(ctx.db, actor.tenantId, [sale]);
  if (!view?.transactionId) throw new Error(`charity sale ${sale.id} has no ledger transaction`);
  await ctx.db.transaction(async (tx) => {
    const reversal = await reverseTransaction(tx, actor.tenantId, {
      transactionId: view.transactionId,
      reason,
      actorId: actor.userId,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.sale_reversed',
      entityType: 'charity_sale',
      entityId: sale.id,
      regionCode: event.regionCode,
      detail: { reason, amountFen: sale.amountFen, transactionId: reversal.id },
    });
  });
  return answer(ctx.db, actor.tenantId, sale, false);
}

/** Every sale of an event, newest first, for the organiser. */
export async function listEventSales(ctx: Ctx, eventId: string, query: Page) {
  const actor = requireActor(ctx);
  const event = await findEvent(ctx.db, actor.tenantId, eventId);
  if (!event) throw new AppError('NOT_FOUND');
  assertInScope(actor, event.regionCode);
  const keys = byTime(charitySales.recordedAt, charitySales.id, query);
  const rows = await ctx.db
    .select({ row: charitySales, sortAt: keys.sortAt })
    .from(charitySales)
    .where(and(eq(charitySales.tenantId, actor.tenantId), eq(charitySales.eventId, eventId), keys.after))
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ ...r.row, sortAt: r.sortAt })),
    query,
  );
  return { items: await presentSales(ctx.db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}
