import { and, eq } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { userByPhone, users } from '../accounts/index.js';
import { loadSiteInScope } from '../sites/index.js';
import { findBook, openLoanOf, presentLoan } from './books.js';
import { bookLoans } from './schema.js';

export interface LendBookInput {
  borrowerUserId?: string;
  phone?: string;
  name?: string;
  days: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Lends a book to a registered user (by id) or to a person by phone and name (linked to the phone's
 * account, if any, without saying so).
 * A book already out answers BOOK_ALREADY_LENT; the partial unique index on open loans makes
 * that hold even for two keepers pressing the button at the same moment.
 */
export async function lendBook(ctx: Ctx, siteId: string, bookId: string, input: LendBookInput) {
  const site = await loadSiteInScope(ctx, siteId);
  const book = await findBook(ctx.db, site.tenantId, site.id, bookId);
  if (!book) throw new AppError('NOT_FOUND');
  if (await openLoanOf(ctx.db, site.tenantId, book.id)) throw new AppError('BOOK_ALREADY_LENT');

  const borrower = await resolveBorrower(ctx, site.tenantId, input);
  const lentAt = new Date();
  const dueAt = new Date(lentAt.getTime() + input.days * DAY_MS);
  try {
    const loan = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(bookLoans)
        .values({
          tenantId: site.tenantId,
          bookId: book.id,
          siteId: site.id,
          regionCode: site.regionCode,
          borrowerUserId: borrower.userId,
          borrowerName: borrower.name,
          borrowerPhone: borrower.phone,
          lentAt,
          dueAt,
          lentBy: ctx.actor?.userId,
        })
        .returning();
      if (!row) throw new Error('insert failed');
      await writeAudit(tx, auditContext(ctx), {
        action: 'book.lend',
        entityType: 'drift_book',
        entityId: book.id,
        regionCode: site.regionCode,
        detail: {
          loanId: row.id,
          borrowerUserId: borrower.userId,
          borrowerName: borrower.name,
          borrowerPhone: borrower.phone ? maskPhone(borrower.phone) : null,
          dueAt: dueAt.toISOString(),
        },
      });
      return row;
    });
    return presentLoan(loan, book.title, new Date());
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('BOOK_ALREADY_LENT');
    throw err;
  }
}

async function resolveBorrower(ctx: Ctx, tenantId: string, input: LendBookInput) {
  if (input.borrowerUserId) {
    const [user] = await ctx.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, input.borrowerUserId)));
    if (!user) throw fieldError('body.borrowerUserId', '未找到该用户', 'No such user');
    return { userId: user.id, name: input.name ?? user.name, phone: null };
  }
  // By phone: the name is the one the borrower gives at the desk (the contract requires it), the
  // phone is kept, and the loan is linked to the phone's account when there is one. Nothing in the
  // answer differs between a registered and an unregistered phone, so a keeper learns no one's
  // name or registration from it.
  const phone = input.phone as string;
  const user = await userByPhone(ctx.db, tenantId, phone);
  return { userId: user?.id ?? null, name: input.name as string, phone };
}
