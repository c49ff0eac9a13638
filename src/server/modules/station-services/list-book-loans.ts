import { and, asc, eq, gt, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { loadSiteInScope } from '../sites/index.js';
import { presentLoan } from './books.js';
import { bookLoans, driftBooks } from './schema.js';

export interface ListLoansInput {
  siteId?: string;
  state: 'open' | 'overdue' | 'returned' | 'all';
  limit: number;
  cursor?: string;
}

/** By due date, then id. */
const loansCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

/**
 * Book loans in the caller's scope (or of one site in it), earliest due date first: `overdue`
 * gives the keeper's list of books to chase.
 */
export async function listBookLoans(ctx: Ctx, input: ListLoansInput) {
  const actor = requireActor(ctx);
  if (input.siteId) await loadSiteInScope(ctx, input.siteId);
  const now = new Date();
  const after = loansCursor.decode(input.cursor);
  const stateCondition: Record<ListLoansInput['state'], SQL | undefined> = {
    all: undefined,
    open: isNull(bookLoans.returnedAt),
    overdue: and(isNull(bookLoans.returnedAt), lt(bookLoans.dueAt, now)),
    returned: isNotNull(bookLoans.returnedAt),
  };
  const rows = await ctx.db
    .select({ loan: bookLoans, title: driftBooks.title })
    .from(bookLoans)
    .innerJoin(driftBooks, and(eq(driftBooks.tenantId, bookLoans.tenantId), eq(driftBooks.id, bookLoans.bookId)))
    .where(
      and(
        eq(bookLoans.tenantId, actor.tenantId),
        scopeCondition(actor, bookLoans.regionCode),
        input.siteId ? eq(bookLoans.siteId, input.siteId) : undefined,
        stateCondition[input.state],
        after
          ? or(
              gt(bookLoans.dueAt, new Date(after[0])),
              and(eq(bookLoans.dueAt, new Date(after[0])), gt(bookLoans.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(bookLoans.dueAt), asc(bookLoans.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentLoan(r.loan, r.title, now)),
    nextCursor:
      rows.length > input.limit && last ? loansCursor.encode([last.loan.dueAt.toISOString(), last.loan.id]) : null,
  };
}
