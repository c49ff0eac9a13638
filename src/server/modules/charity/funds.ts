import { and, eq, inArray } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { postTransaction } from '../../platform/ledger.js';
import { ledgerAccounts } from '../../platform/ledger-schema.js';
import { fundAccountKey, openFundAccounts } from './accounts.js';
import type { donationBody } from './contract.js';
import { chinaDay, type FundRow, findEvent, fundVisible, loadFund } from './records.js';
import { charityFunds } from './schema.js';

async function presentFunds(db: Db, tenantId: string, funds: FundRow[]) {
  const keys = funds.flatMap((f) => [fundAccountKey.fund(f.id), fundAccountKey.paid(f.id)]);
  const balances = new Map(
    keys.length === 0
      ? []
      : (
          await db
            .select({ key: ledgerAccounts.key, balance: ledgerAccounts.balance })
            .from(ledgerAccounts)
            .where(and(eq(ledgerAccounts.tenantId, tenantId), inArray(ledgerAccounts.key, keys)))
        ).map((r) => [r.key, r.balance]),
  );
  return funds.map((f) => {
    const balanceFen = balances.get(fundAccountKey.fund(f.id)) ?? 0;
    const paidFen = balances.get(fundAccountKey.paid(f.id)) ?? 0;
    return {
      id: f.id,
      name: f.name,
      regionCode: f.regionCode,
      description: f.description,
      balanceFen,
      paidFen,
      incomeFen: balanceFen + paidFen,
    };
  });
}

export async function createFund(ctx: Ctx, input: { name: string; regionCode: string; description: string }) {
  const actor = requireActor(ctx);
  assertInScope(actor, input.regionCode);
  const fund = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charityFunds)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await openFundAccounts(tx, actor.tenantId, row);
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.fund_created',
      entityType: 'charity_fund',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { name: row.name },
    });
    return row;
  });
  const [view] = await presentFunds(ctx.db, actor.tenantId, [fund]);
  return view as NonNullable<typeof view>;
}

export async function listFunds(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db.select().from(charityFunds).where(eq(charityFunds.tenantId, actor.tenantId));
  const visible = rows.filter((f) => fundVisible(actor, f.regionCode)).sort((a, b) => a.name.localeCompare(b.name));
  return { items: await presentFunds(ctx.db, actor.tenantId, visible) };
}

/** A gift straight into a fund (donations → fund), once per Idempotency-Key. */
export async function recordDonation(ctx: Ctx, fundId: string, input: typeof donationBody._output, key: string) {
  const actor = requireActor(ctx);
  const fund = await loadFund(ctx.db, actor, fundId, true);
  if (input.eventId) {
    const event = await findEvent(ctx.db, actor.tenantId, input.eventId);
    if (!event || event.fundId !== fund.id) throw new AppError('NOT_FOUND');
  }
  return ctx.db.transaction(async (tx) => {
    const accounts = await openFundAccounts(tx, actor.tenantId, fund);
    const posted = await postTransaction(tx, actor.tenantId, {
      kind: 'charity.donation',
      entries: [
        { accountId: accounts.donations.id, amount: -input.amountFen },
        { accountId: accounts.fund.id, amount: input.amountFen },
      ],
      memo: input.donorName ? `${input.donorName}捐赠` : '匿名捐赠',
      idempotencyKey: `charity.donation:${actor.userId}:${key}`,
      actorId: actor.userId,
      data: {
        fundId: fund.id,
        eventId: input.eventId ?? null,
        method: input.method,
        paymentRef: input.paymentRef ?? null,
        donor: input.donorName ?? null,
        on: input.on ?? chinaDay(),
      },
    });
    if (!posted.replayed) {
      await writeAudit(tx, auditContext(ctx), {
        action: 'charity.donation_recorded',
        entityType: 'charity_fund',
        entityId: fund.id,
        regionCode: fund.regionCode,
        detail: { amountFen: input.amountFen, transactionId: posted.id },
      });
    }
    return { transactionId: posted.id, replayed: posted.replayed };
  });
}
