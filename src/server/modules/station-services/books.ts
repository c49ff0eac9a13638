/** Shared reads and presentation for the book drift corner. */
import { and, eq, isNull } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import type { Db } from '../../platform/db.js';
import { bookLoans, driftBooks } from './schema.js';

export type LoanRow = typeof bookLoans.$inferSelect;

export function presentLoan(loan: LoanRow, bookTitle: string, now: Date) {
  return {
    id: loan.id,
    bookId: loan.bookId,
    bookTitle,
    siteId: loan.siteId,
    // Lent by phone: the loan is linked to the phone's account if it has one, but does not say so.
    borrowerUserId: loan.borrowerPhone ? null : loan.borrowerUserId,
    borrowerName: loan.borrowerName,
    borrowerPhoneMasked: loan.borrowerPhone ? maskPhone(loan.borrowerPhone) : null,
    lentAt: loan.lentAt.toISOString(),
    dueAt: loan.dueAt.toISOString(),
    returnedAt: loan.returnedAt?.toISOString() ?? null,
    overdue: loan.returnedAt === null && loan.dueAt.getTime() < now.getTime(),
  };
}

export function presentBook(book: typeof driftBooks.$inferSelect, loan: LoanRow | null, now: Date) {
  return {
    id: book.id,
    siteId: book.siteId,
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    donor: book.donor,
    createdAt: book.createdAt.toISOString(),
    currentLoan: loan ? presentLoan(loan, book.title, now) : null,
  };
}

/** A book of the given site, or null. */
export async function findBook(db: Db, tenantId: string, siteId: string, bookId: string) {
  const [book] = await db
    .select()
    .from(driftBooks)
    .where(and(eq(driftBooks.tenantId, tenantId), eq(driftBooks.siteId, siteId), eq(driftBooks.id, bookId)));
  return book ?? null;
}

export async function openLoanOf(db: Db, tenantId: string, bookId: string): Promise<LoanRow | null> {
  const [loan] = await db
    .select()
    .from(bookLoans)
    .where(and(eq(bookLoans.tenantId, tenantId), eq(bookLoans.bookId, bookId), isNull(bookLoans.returnedAt)));
  return loan ?? null;
}
