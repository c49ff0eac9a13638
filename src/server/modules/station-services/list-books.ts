import { and, asc, eq, gt, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { loadSiteInScope } from '../sites/index.js';
import { presentBook } from './books.js';
import { bookLoans, driftBooks } from './schema.js';

export interface ListBooksInput {
  state: 'all' | 'available' | 'lent' | 'overdue';
  limit: number;
  cursor?: string;
}

/** By title, then id. */
const booksCursor = cursorCodec(cursorPart.text, cursorPart.uuid);

/** The books of one site's drift corner with their open loan, by title, keyset-paged. */
export async function listBooks(ctx: Ctx, siteId: string, input: ListBooksInput) {
  const site = await loadSiteInScope(ctx, siteId);
  const now = new Date();
  const after = booksCursor.decode(input.cursor);
  const stateCondition: Record<ListBooksInput['state'], SQL | undefined> = {
    all: undefined,
    available: isNull(bookLoans.id),
    lent: isNotNull(bookLoans.id),
    overdue: lt(bookLoans.dueAt, now),
  };
  const rows = await ctx.db
    .select({ book: driftBooks, loan: bookLoans })
    .from(driftBooks)
    .leftJoin(
      bookLoans,
      and(
        eq(bookLoans.tenantId, driftBooks.tenantId),
        eq(bookLoans.bookId, driftBooks.id),
        isNull(bookLoans.returnedAt),
      ),
    )
    .where(
      and(
        eq(driftBooks.tenantId, site.tenantId),
        eq(driftBooks.siteId, site.id),
        stateCondition[input.state],
        after
          ? or(gt(driftBooks.title, after[0]), and(eq(driftBooks.title, after[0]), gt(driftBooks.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(driftBooks.title), asc(driftBooks.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentBook(r.book, r.loan, now)),
    nextCursor: rows.length > input.limit && last ? booksCursor.encode([last.book.title, last.book.id]) : null,
  };
}
