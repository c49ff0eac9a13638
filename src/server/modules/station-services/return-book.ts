import { and, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadSiteInScope } from '../sites/index.js';
import { findBook, presentLoan } from './books.js';
import { bookLoans } from './schema.js';

/** Closes the open loan of a book; BOOK_NOT_LENT when there is none. */
export async function returnBook(ctx: Ctx, siteId: string, bookId: string) {
  const site = await loadSiteInScope(ctx, siteId);
  const book = await findBook(ctx.db, site.tenantId, site.id, bookId);
  if (!book) throw new AppError('NOT_FOUND');
  const now = new Date();
  const loan = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bookLoans)
      .set({ returnedAt: now, returnedBy: ctx.actor?.userId })
      .where(and(eq(bookLoans.tenantId, site.tenantId), eq(bookLoans.bookId, book.id), isNull(bookLoans.returnedAt)))
      .returning();
    if (!row) throw new AppError('BOOK_NOT_LENT');
    await writeAudit(tx, auditContext(ctx), {
      action: 'book.return',
      entityType: 'drift_book',
      entityId: book.id,
      regionCode: site.regionCode,
      detail: { loanId: row.id, overdue: row.dueAt.getTime() < now.getTime() },
    });
    return row;
  });
  return presentLoan(loan, book.title, now);
}
