/**
 * Disbursements: staff who manage the fund ask for one; one person approves, a different person
 * countersigns (the database refuses the same person twice too), and only then may it be paid with
 * a reference. The payment posts fund → paid, keyed by the disbursement, in the transaction that
 * moves it to `paid`, so concurrent payments post once and an unapproved one never posts.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { type Actor, assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { postTransaction } from '../../platform/ledger.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { openFundAccounts } from './accounts.js';
import { findBeneficiary } from './beneficiaries.js';
import type { disbursementBody } from './contract.js';
import { type DisbursementRow, disbursementActions, disbursementMachine } from './machine.js';
import { byTime, type Page, pageOf } from './paging.js';
import { chinaDay, findEvent, findFund, loadFund, namesOf, personOf } from './records.js';
import { charityBeneficiaries, charityDisbursements, charityFunds } from './schema.js';

async function present(db: Db, actor: Actor, rows: DisbursementRow[]) {
  if (rows.length === 0) return [];
  const tenantId = actor.tenantId;
  const names = await namesOf(
    db,
    tenantId,
    rows.flatMap((r) => [r.requestedBy, r.firstApproverId, r.secondApproverId]),
  );
  const funds = new Map(
    (
      await db
        .select({ id: charityFunds.id, name: charityFunds.name })
        .from(charityFunds)
        .where(
          and(eq(charityFunds.tenantId, tenantId), inArray(charityFunds.id, [...new Set(rows.map((r) => r.fundId))])),
        )
    ).map((f) => [f.id, f.name]),
  );
  const people = new Map(
    (
      await db
        .select()
        .from(charityBeneficiaries)
        .where(
          and(
            eq(charityBeneficiaries.tenantId, tenantId),
            inArray(charityBeneficiaries.id, [...new Set(rows.map((r) => r.beneficiaryId))]),
          ),
        )
    ).map((b) => [b.id, b]),
  );
  return rows.map((r) => ({
    id: r.id,
    fund: { id: r.fundId, name: funds.get(r.fundId) ?? '' },
    beneficiary: {
      id: r.beneficiaryId,
      maskedName: people.get(r.beneficiaryId)?.maskedName ?? '',
      regionCode: people.get(r.beneficiaryId)?.regionCode ?? '',
    },
    eventId: r.eventId,
    amountFen: r.amountFen,
    purpose: r.purpose,
    note: r.note,
    state: r.state,
    requestedBy: personOf(names, r.requestedBy) as { userId: string; name: string },
    firstApprover: personOf(names, r.firstApproverId),
    secondApprover: personOf(names, r.secondApproverId),
    paymentRef: r.paymentRef,
    paidAt: r.paidAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    transactionId: r.transactionId,
    actions: disbursementActions(r, actor),
  }));
}

async function presentOne(db: Db, actor: Actor, row: DisbursementRow) {
  const [view] = await present(db, actor, [row]);
  return view as NonNullable<typeof view>;
}

async function loadInScope(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(charityDisbursements)
    .where(and(eq(charityDisbursements.tenantId, actor.tenantId), eq(charityDisbursements.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, row.regionCode);
  return row;
}

const byId = (row: DisbursementRow): SQL | undefined =>
  and(eq(charityDisbursements.tenantId, row.tenantId), eq(charityDisbursements.id, row.id));

export async function requestDisbursement(ctx: Ctx, input: typeof disbursementBody._output) {
  const actor = requireActor(ctx);
  const fund = await loadFund(ctx.db, actor, input.fundId, true);
  const beneficiary = await findBeneficiary(ctx.db, actor.tenantId, input.beneficiaryId);
  if (!beneficiary) throw new AppError('NOT_FOUND');
  assertInScope(actor, beneficiary.regionCode);
  if (input.eventId) {
    const event = await findEvent(ctx.db, actor.tenantId, input.eventId);
    if (!event || event.fundId !== fund.id) throw new AppError('NOT_FOUND');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(charityDisbursements)
      .values({
        tenantId: actor.tenantId,
        fundId: fund.id,
        beneficiaryId: beneficiary.id,
        eventId: input.eventId ?? null,
        regionCode: fund.regionCode,
        amountFen: input.amountFen,
        purpose: input.purpose,
        note: input.note,
        requestedBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('disbursement insert returned nothing');
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.disbursement_requested',
      entityType: 'charity_disbursement',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { amountFen: created.amountFen, purpose: created.purpose, beneficiaryId: beneficiary.id },
    });
    return created;
  });
  return presentOne(ctx.db, actor, row);
}

/**
 * Approves a pending disbursement, or countersigns one approved once by someone else. Of two
 * approvals arriving together, one approves and the other countersigns (or, from the same person,
 * is refused): the state is written by a conditional UPDATE, and the loser reads it again.
 */
export async function approveDisbursement(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  for (let attempt = 0; ; attempt += 1) {
    const row = await loadInScope(ctx.db, actor, id);
    const event = row.state === 'pending' ? 'approve' : 'countersign';
    if (event === 'countersign' && row.firstApproverId === actor.userId) throw new AppError('CHARITY_SAME_APPROVER');
    const step = apply(disbursementMachine, row, event, actor);
    try {
      const updated = await ctx.db.transaction(async (tx) => {
        const after = await transitionRow(tx, charityDisbursements, byId(row), disbursementMachine, step, {
          version: row.version + 1,
        });
        await writeAudit(tx, auditContext(ctx), {
          action: `charity.disbursement_${event}`,
          entityType: 'charity_disbursement',
          entityId: row.id,
          regionCode: row.regionCode,
          detail: { from: step.from, to: step.to },
        });
        return after;
      });
      return presentOne(ctx.db, actor, updated);
    } catch (error) {
      const raced = error instanceof AppError && error.code === 'ILLEGAL_TRANSITION';
      if (!raced || attempt > 0 || event !== 'approve') throw error;
    }
  }
}

export async function rejectDisbursement(ctx: Ctx, id: string, reason: string) {
  const actor = requireActor(ctx);
  const row = await loadInScope(ctx.db, actor, id);
  const step = apply(disbursementMachine, row, 'reject', actor);
  const updated = await ctx.db.transaction(async (tx) => {
    const after = await transitionRow(tx, charityDisbursements, byId(row), disbursementMachine, step, {
      rejectReason: reason,
      version: row.version + 1,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.disbursement_reject',
      entityType: 'charity_disbursement',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { reason },
    });
    return after;
  });
  return presentOne(ctx.db, actor, updated);
}

export async function payDisbursement(ctx: Ctx, id: string, paymentRef: string) {
  const actor = requireActor(ctx);
  const row = await loadInScope(ctx.db, actor, id);
  if (row.state === 'pending' || row.state === 'approved_once') throw new AppError('CHARITY_NOT_APPROVED');
  const step = apply(disbursementMachine, row, 'pay', actor);
  const fund = await findFund(ctx.db, actor.tenantId, row.fundId);
  if (!fund) throw new Error(`disbursement ${row.id} names a missing fund`);
  const updated = await ctx.db.transaction(async (tx) => {
    const accounts = await openFundAccounts(tx, actor.tenantId, fund);
    const posted = await postTransaction(tx, actor.tenantId, {
      kind: 'charity.disbursement',
      entries: [
        { accountId: accounts.fund.id, amount: -row.amountFen },
        { accountId: accounts.paid.id, amount: row.amountFen },
      ],
      memo: `${row.purpose} · ${paymentRef}`,
      source: { type: 'charity_disbursement', id: row.id },
      idempotencyKey: `charity.disbursement:${row.id}`,
      actorId: actor.userId,
      data: {
        fundId: fund.id,
        eventId: row.eventId,
        beneficiaryId: row.beneficiaryId,
        purpose: row.purpose,
        on: chinaDay(),
      },
    });
    const after = await transitionRow(tx, charityDisbursements, byId(row), disbursementMachine, step, {
      paymentRef,
      transactionId: posted.id,
      version: row.version + 1,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.disbursement_pay',
      entityType: 'charity_disbursement',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { paymentRef, amountFen: row.amountFen, transactionId: posted.id },
    });
    return after;
  });
  return presentOne(ctx.db, actor, updated);
}

export async function listDisbursements(ctx: Ctx, query: Page) {
  const actor = requireActor(ctx);
  const keys = byTime(charityDisbursements.requestedAt, charityDisbursements.id, query);
  const rows = await ctx.db
    .select({ row: charityDisbursements, sortAt: keys.sortAt })
    .from(charityDisbursements)
    .where(
      and(
        eq(charityDisbursements.tenantId, actor.tenantId),
        scopeCondition(actor, charityDisbursements.regionCode),
        keys.after,
      ),
    )
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ ...r.row, sortAt: r.sortAt })),
    query,
  );
  return { items: await present(ctx.db, actor, page.items), nextCursor: page.nextCursor };
}

export async function getDisbursement(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return presentOne(ctx.db, actor, await loadInScope(ctx.db, actor, id));
}
