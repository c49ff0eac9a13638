import { and, eq, inArray } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { findAccount } from '../../platform/ledger.js';
import { statement, statementCursor } from '../../platform/ledger-statement.js';
import { storeRedemptions } from '../store/index.js';
import { pointsAccountKeys, pointsOwed } from './accounts.js';

/** The caller's balance and statement, newest first, each line with its reason and the balance after it. */
export async function getMyPoints(ctx: Ctx, page: { limit: number; cursor?: string | undefined }) {
  const actor = requireActor(ctx);
  const account = await findAccount(ctx.db, actor.tenantId, pointsAccountKeys.volunteer(actor.userId));
  const owed = await pointsOwed(ctx.db, actor.tenantId, actor.userId);
  if (!account) {
    statementCursor.decode(page.cursor); // a forged cursor is refused even before the first entry
    return { balance: 0, owed, items: [], nextCursor: null };
  }
  const s = await statement(ctx.db, actor.tenantId, account.id, {
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  const redemptionIds = [
    ...new Set(s.items.flatMap((l) => (l.source?.type === 'store_redemption' ? [l.source.id] : []))),
  ];
  const statuses = new Map(
    redemptionIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: storeRedemptions.id, status: storeRedemptions.status })
            .from(storeRedemptions)
            .where(and(eq(storeRedemptions.tenantId, actor.tenantId), inArray(storeRedemptions.id, redemptionIds)))
        ).map((r) => [r.id, r.status]),
  );
  return {
    balance: account.balance,
    owed,
    items: s.items.map((l) => ({
      entryId: l.entryId,
      transactionId: l.transactionId,
      kind: l.kind,
      reason: l.memo,
      source: l.source,
      amount: l.amount,
      balanceAfter: l.balanceAfter,
      createdAt: l.createdAt.toISOString(),
      reversesId: l.reversesId,
      reversedById: l.reversedById,
      redemptionStatus: (l.source?.type === 'store_redemption' && statuses.get(l.source.id)) || null,
    })),
    nextCursor: s.nextCursor,
  };
}
