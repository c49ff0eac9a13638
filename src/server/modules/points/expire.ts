/**
 * Expiry (`points.expire`, daily on the durable job runner; does its work once per tenant and
 * China month, recorded in `points_runs`). For a tenant with `expiryMonths = N`, at the first run
 * in a month the points credited before the start of the month N months back and not spent since
 * expire, first in first out (rules.ts `expirable`), moving volunteer → expired with the key
 * `points.expire:<userId>:<yyyy-mm>`. A run cut short by a restart resumes: users already done
 * have their key and are skipped, and the month is only marked done at the end.
 */
import { and, eq, gt, gte, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { lockAccounts, postTransaction } from '../../platform/ledger.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';
import { openExpiredAccount, pointsAccountKeys } from './accounts.js';
import { chinaMonth, chinaMonthStart, expirable } from './rules.js';
import { pointsRuns, pointsSettings } from './schema.js';

/** Transaction kinds that credit (or, reversed, un-credit) earned points: what expiry counts as "credited". */
const creditKinds = (kind: typeof ledgerTransactions.kind) =>
  or(like(kind, 'points.earn%'), like(kind, 'points.adjust.award%'));

async function creditedSince(db: Db, tenantId: string, accountIds: string[], cutoff: Date) {
  if (accountIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ accountId: ledgerEntries.accountId, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .innerJoin(
      ledgerTransactions,
      and(
        eq(ledgerTransactions.tenantId, ledgerEntries.tenantId),
        eq(ledgerTransactions.id, ledgerEntries.transactionId),
      ),
    )
    .where(
      and(
        eq(ledgerEntries.tenantId, tenantId),
        inArray(ledgerEntries.accountId, accountIds),
        gte(ledgerEntries.createdAt, cutoff),
        creditKinds(ledgerTransactions.kind),
      ),
    )
    .groupBy(ledgerEntries.accountId);
  return new Map(rows.map((r) => [r.accountId, Number(r.total)]));
}

/** Expires one tenant's old points for the month of `now`; answers how many volunteers lost points (0 when already run). */
export async function expireTenantPoints(db: Db, tenantId: string, months: number, now: Date): Promise<number> {
  const period = chinaMonth(now);
  const [done] = await db
    .select({ period: pointsRuns.period })
    .from(pointsRuns)
    .where(and(eq(pointsRuns.tenantId, tenantId), eq(pointsRuns.job, 'points.expire'), eq(pointsRuns.period, period)));
  if (done) return 0;
  const cutoff = chinaMonthStart(now, months);
  const expired = await openExpiredAccount(db, tenantId);
  const accounts = await db
    .select({ id: ledgerAccounts.id, key: ledgerAccounts.key, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.tenantId, tenantId),
        eq(ledgerAccounts.kind, 'points.volunteer'),
        gt(ledgerAccounts.balance, 0),
      ),
    );
  const recent = await creditedSince(
    db,
    tenantId,
    accounts.map((a) => a.id),
    cutoff,
  );
  let count = 0;
  for (const account of accounts) {
    if (expirable(account.balance, recent.get(account.id) ?? 0) <= 0) continue;
    const userId = account.key.slice(pointsAccountKeys.volunteer('').length);
    const key = `points.expire:${userId}:${period}`;
    const posted = await db.transaction(async (tx) => {
      const [already] = await tx
        .select({ id: ledgerTransactions.id })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.idempotencyKey, key)));
      if (already) return null;
      // Lock both accounts, then decide on the current balance (a redemption may have moved it).
      const locked = await lockAccounts(tx, tenantId, [account.id, expired.id]);
      const since = (await creditedSince(tx, tenantId, [account.id], cutoff)).get(account.id) ?? 0;
      const amount = expirable(locked.get(account.id)?.balance ?? 0, since);
      if (amount <= 0) return null;
      return postTransaction(tx, tenantId, {
        kind: 'points.expire',
        memo: `积分过期（${months}个月前获得且未使用）`,
        source: null,
        idempotencyKey: key,
        data: { period, cutoff: cutoff.toISOString() },
        entries: [
          { accountId: account.id, amount: -amount },
          { accountId: expired.id, amount },
        ],
      });
    });
    if (posted) count += 1;
  }
  await db.insert(pointsRuns).values({ tenantId, job: 'points.expire', period }).onConflictDoNothing();
  return count;
}

/** The daily expiry job: every tenant that has an expiry configured. */
export async function runPointsExpiry(db: Db, now: Date): Promise<number> {
  const tenants = await db
    .select({ tenantId: pointsSettings.tenantId, months: pointsSettings.expiryMonths })
    .from(pointsSettings)
    .where(isNotNull(pointsSettings.expiryMonths));
  let count = 0;
  for (const t of tenants) count += await expireTenantPoints(db, t.tenantId, t.months as number, now);
  return count;
}
