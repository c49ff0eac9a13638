import { and, eq, sql } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';
import { sites } from '../sites/index.js';
import { volunteers } from '../volunteers/index.js';

/** What a transaction kind means for the volunteer side of the totals. */
function classify(kind: string): 'issued' | 'expired' | 'spent' {
  if (kind.startsWith('points.earn') || kind.startsWith('points.adjust') || kind === 'points.recover') return 'issued';
  if (kind === 'points.expire') return 'expired';
  return 'spent';
}

/**
 * Staff: points totals for their scope. Volunteers count where their home community lies (their
 * accounts' entries grouped by transaction kind); stores count where their site lies.
 */
export async function getPointsSummary(ctx: Ctx) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  const volunteerAccount = and(
    eq(volunteers.tenantId, ledgerAccounts.tenantId),
    eq(ledgerAccounts.key, sql`'points:volunteer:' || ${volunteers.userId}::text`),
  );
  const byKind = await ctx.db
    .select({ kind: ledgerTransactions.kind, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(volunteers)
    .innerJoin(ledgerAccounts, volunteerAccount)
    .innerJoin(
      ledgerEntries,
      and(eq(ledgerEntries.tenantId, ledgerAccounts.tenantId), eq(ledgerEntries.accountId, ledgerAccounts.id)),
    )
    .innerJoin(
      ledgerTransactions,
      and(
        eq(ledgerTransactions.tenantId, ledgerEntries.tenantId),
        eq(ledgerTransactions.id, ledgerEntries.transactionId),
      ),
    )
    .where(and(eq(volunteers.tenantId, tenantId), scopeCondition(actor, volunteers.regionCode)))
    .groupBy(ledgerTransactions.kind);
  const totals = { issued: 0, expired: 0, spent: 0 };
  for (const r of byKind) totals[classify(r.kind)] += Number(r.total);

  const [balances] = await ctx.db
    .select({
      balance: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)`,
      holders: sql<string>`count(*) filter (where ${ledgerAccounts.balance} > 0)`,
    })
    .from(volunteers)
    .innerJoin(ledgerAccounts, volunteerAccount)
    .where(and(eq(volunteers.tenantId, tenantId), scopeCondition(actor, volunteers.regionCode)));
  const [owed] = await ctx.db
    .select({ total: sql<string>`coalesce(-sum(${ledgerAccounts.balance}), 0)` })
    .from(volunteers)
    .innerJoin(
      ledgerAccounts,
      and(
        eq(volunteers.tenantId, ledgerAccounts.tenantId),
        eq(ledgerAccounts.key, sql`'points:owed:' || ${volunteers.userId}::text`),
      ),
    )
    .where(and(eq(volunteers.tenantId, tenantId), scopeCondition(actor, volunteers.regionCode)));
  const [stores] = await ctx.db
    .select({ total: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)` })
    .from(sites)
    .innerJoin(
      ledgerAccounts,
      and(
        eq(sites.tenantId, ledgerAccounts.tenantId),
        eq(ledgerAccounts.key, sql`'points:store:' || ${sites.id}::text`),
      ),
    )
    .where(and(eq(sites.tenantId, tenantId), scopeCondition(actor, sites.regionCode)));
  return {
    issued: totals.issued,
    redeemed: Number(stores?.total ?? 0),
    spent: -totals.spent,
    expired: -totals.expired,
    balance: Number(balances?.balance ?? 0),
    owed: Number(owed?.total ?? 0),
    volunteersWithPoints: Number(balances?.holders ?? 0),
  };
}
