/**
 * The earning job's fast path: credits for many sources of one tenant in one database transaction
 * and a handful of statements (claims, accounts, postings: see platform/ledger-bulk.ts), where the
 * one-by-one path (earn.ts) spends ≈ 19 statements and a transaction per source.
 *
 * Only plain credits go this way, to volunteers who owe nothing: a reversal, or a credit to someone
 * who still owes points from one (the credit must pay the debt first, ledger-ops.ts), takes the
 * one-by-one path, with all of that volunteer's sources of the batch, in order. Exactly once as
 * before: a source's `points_earnings` row is inserted in the same transaction as its posting, and a
 * source whose row exists already (another run got there) posts nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { insertJsonRows, postTransactionsBulk } from '../../platform/ledger-bulk.js';
import { ledgerAccounts } from '../../platform/ledger-schema.js';
import { openIssuanceAccount, pointsAccountKeys } from './accounts.js';
import type { PostingMeta } from './ledger-ops.js';
import type { EarningSourceType } from './schema.js';

export type Claim = { tenantId: string; sourceType: EarningSourceType; sourceId: string; userId: string };

export interface Credit {
  claim: Claim;
  points: number;
  serviceRecordId?: string;
  meta: PostingMeta;
  /** Backdated demo history (the seed): the posting's time and the `synthetic` label. */
  at?: Date;
}

/** The users among `userIds` who owe points from a reversal (their credits must recover the debt first). */
export async function debtors(db: Db, tenantId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ key: ledgerAccounts.key })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.tenantId, tenantId),
        inArray(
          ledgerAccounts.key,
          userIds.map((u) => pointsAccountKeys.owed(u)),
        ),
        lt(ledgerAccounts.balance, 0),
      ),
    );
  const prefix = pointsAccountKeys.owed('').length;
  return new Set(rows.map((r) => r.key.slice(prefix)));
}

/** Opens the volunteers' points accounts that do not exist yet; answers user id → account id. */
async function volunteerAccounts(tx: Db, tenantId: string, userIds: string[]): Promise<Map<string, string>> {
  const keys = userIds.map((u) => pointsAccountKeys.volunteer(u));
  await insertJsonRows(
    tx,
    'ledger_accounts',
    keys.map((key) => ({ tenantId, key, kind: 'points.volunteer', unit: 'points', name: '志愿者积分' })),
    { onConflictDoNothing: true },
  );
  const rows = await tx
    .select({ id: ledgerAccounts.id, key: ledgerAccounts.key })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.tenantId, tenantId), inArray(ledgerAccounts.key, keys)));
  const prefix = pointsAccountKeys.volunteer('').length;
  return new Map(rows.map((r) => [r.key.slice(prefix), r.id]));
}

/**
 * Claims and posts `credits` (one tenant, no debtors among them) in one transaction; answers how
 * many sources this call claimed (the others had been handled already).
 */
export async function creditInBulk(db: Db, tenantId: string, credits: Credit[]): Promise<number> {
  if (credits.length === 0) return 0;
  const now = new Date();
  return db.transaction(async (tx) => {
    const withIds = credits.map((c) => ({ ...c, transactionId: c.points > 0 ? randomUUID() : null }));
    const claimed = new Set(
      await insertJsonRows<string>(
        tx,
        'points_earnings',
        withIds.map((c) => ({
          ...c.claim,
          points: c.points,
          serviceRecordId: c.serviceRecordId ?? null,
          transactionId: c.transactionId,
          handledAt: (c.at ?? now).toISOString(),
        })),
        { onConflictDoNothing: true, returning: sql`source_type || ':' || source_id` },
      ),
    );
    const posting = withIds.filter((c) => c.transactionId && claimed.has(`${c.claim.sourceType}:${c.claim.sourceId}`));
    if (posting.length > 0) {
      const issuance = await openIssuanceAccount(tx, tenantId);
      const accounts = await volunteerAccounts(tx, tenantId, [...new Set(posting.map((c) => c.claim.userId))]);
      const written = await postTransactionsBulk(
        tx,
        tenantId,
        posting.map((c) => ({
          ...c.meta,
          id: c.transactionId as string,
          entries: [
            { accountId: issuance.id, amount: -c.points },
            { accountId: accounts.get(c.claim.userId) as string, amount: c.points },
          ],
          ...(c.at ? { createdAt: c.at } : {}),
        })),
      );
      // A key posted without its claim row would leave a claim naming no transaction: roll back.
      if (written.size !== posting.length) throw new Error('points: a bulk earning key was posted already');
    }
    return claimed.size;
  });
}
