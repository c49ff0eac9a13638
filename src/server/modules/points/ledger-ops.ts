/**
 * The points postings every earning path uses. A careful bank's rules:
 *
 * - Earning credits issuance → volunteer. If the volunteer still owes points from an earlier
 *   reversal (see below), the same transaction's caller then pays that debt back first: a second
 *   posting volunteer → owed of what can be covered (`points.recover`), so the statement shows
 *   both lines.
 * - Taking points back (hours reversed, a deduction) never edits anything and never takes a
 *   balance below zero: it posts what the balance covers (volunteer → issuance) and books the
 *   remainder as owed (owed account → issuance; the owed account's balance is minus the debt),
 *   to be recovered from later earnings. Nothing is lost and the accounts still sum to zero.
 *
 * Every account a posting may touch (issuance, the volunteer's, an owed account that exists) is
 * locked at once, in id order, before the balance is read: a concurrent redemption waits instead of
 * racing the split, and no two of these transactions can hold one account while waiting for another.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { findAccount, type LedgerEntryInput, lockAccounts, postTransaction } from '../../platform/ledger.js';
import { ledgerAccounts } from '../../platform/ledger-schema.js';
import { openIssuanceAccount, openOwedAccount, openVolunteerPointsAccount, pointsAccountKeys } from './accounts.js';
import { splitReversal } from './rules.js';

export interface PostingMeta {
  kind: string;
  memo: string;
  source: { type: string; id: string } | null;
  idempotencyKey: string;
  actorId?: string | null;
  data?: Record<string, unknown> | null;
}

/** Opens issuance and the volunteer's account, then locks them and the owed account (if any) in id order. */
async function lockVolunteerPoints(tx: Db, tenantId: string, userId: string) {
  const issuance = await openIssuanceAccount(tx, tenantId);
  const volunteer = await openVolunteerPointsAccount(tx, tenantId, userId);
  const owed = await findAccount(tx, tenantId, pointsAccountKeys.owed(userId));
  const locked = await lockAccounts(tx, tenantId, [issuance.id, volunteer.id, ...(owed ? [owed.id] : [])]);
  return {
    issuance,
    volunteer,
    balance: locked.get(volunteer.id)?.balance ?? 0,
    owed: (owed && locked.get(owed.id)) ?? null,
  };
}

/** Credits `amount` (> 0) to the volunteer and recovers what they owe from it. Call inside a transaction. */
export async function creditPoints(tx: Db, tenantId: string, userId: string, amount: number, meta: PostingMeta) {
  const { issuance, volunteer, balance, owed } = await lockVolunteerPoints(tx, tenantId, userId);
  const posted = await postTransaction(tx, tenantId, {
    ...meta,
    entries: [
      { accountId: issuance.id, amount: -amount },
      { accountId: volunteer.id, amount },
    ],
  });
  // The accounts are locked: the balance now is the locked one plus this credit (unless replayed).
  const now = balance + (posted.replayed ? 0 : amount);
  if (owed) await recoverOwed(tx, tenantId, { volunteerId: volunteer.id, balance: now, owed }, meta);
  return posted;
}

/** Pays back what the volunteer owes from their balance, as far as it goes (its accounts locked already). */
async function recoverOwed(
  tx: Db,
  tenantId: string,
  { volunteerId, balance, owed }: { volunteerId: string; balance: number; owed: { id: string; balance: number } },
  meta: PostingMeta,
) {
  const amount = Math.min(balance, -owed.balance);
  if (amount <= 0) return null;
  return postTransaction(tx, tenantId, {
    kind: 'points.recover',
    memo: '扣回此前冲正时不足的积分',
    source: null,
    idempotencyKey: `points.recover:${meta.idempotencyKey}`,
    actorId: meta.actorId ?? null,
    entries: [
      { accountId: volunteerId, amount: -amount },
      { accountId: owed.id, amount },
    ],
  });
}

/**
 * Takes `amount` (> 0) back to issuance: what the balance covers now, the rest booked as owed
 * (`allowDebt`), or refused with LEDGER_INSUFFICIENT_BALANCE when debt is not allowed (a manual
 * deduction). Answers the posting and the split.
 */
export async function takeBackPoints(
  tx: Db,
  tenantId: string,
  userId: string,
  amount: number,
  meta: PostingMeta,
  allowDebt: boolean,
) {
  const { issuance, volunteer, balance } = await lockVolunteerPoints(tx, tenantId, userId);
  const { taken, outstanding } = allowDebt ? splitReversal(amount, balance) : { taken: amount, outstanding: 0 };
  const entries: LedgerEntryInput[] = [{ accountId: issuance.id, amount }];
  if (taken > 0) entries.push({ accountId: volunteer.id, amount: -taken });
  if (outstanding > 0) {
    const owed = await openOwedAccount(tx, tenantId, userId);
    entries.push({ accountId: owed.id, amount: -outstanding });
  }
  const posted = await postTransaction(tx, tenantId, {
    ...meta,
    data: { ...(meta.data ?? {}), taken, outstanding },
    entries,
  });
  return { posted, taken, outstanding };
}

/** Sum over all points accounts of a tenant (always 0; tests and checks). */
export async function pointsAccountsSum(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)` })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.tenantId, tenantId), eq(ledgerAccounts.unit, 'points')));
  return Number(row?.total ?? 0);
}
