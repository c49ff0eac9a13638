import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findSite } from '../sites/index.js';
import { bookLoans, driftBooks, selfHelpItems } from './schema.js';

/** What anyone may know of a site's corners: how many books and how many are on the shelf, which items are there. */
export async function getPublicSiteServices(ctx: Ctx, siteId: string) {
  const site = await findSite(ctx.db, ctx.tenantId, siteId);
  if (!site) throw new AppError('NOT_FOUND');
  const [books] = await ctx.db
    .select({ total: count(driftBooks.id), lent: count(bookLoans.id) })
    .from(driftBooks)
    .leftJoin(
      bookLoans,
      and(
        eq(bookLoans.tenantId, driftBooks.tenantId),
        eq(bookLoans.bookId, driftBooks.id),
        isNull(bookLoans.returnedAt),
      ),
    )
    .where(and(eq(driftBooks.tenantId, site.tenantId), eq(driftBooks.siteId, site.id)));
  const items = await ctx.db
    .select({ name: selfHelpItems.name, unit: selfHelpItems.unit, quantity: selfHelpItems.quantity })
    .from(selfHelpItems)
    .where(and(eq(selfHelpItems.tenantId, site.tenantId), eq(selfHelpItems.siteId, site.id)))
    .orderBy(asc(selfHelpItems.name));
  const total = books?.total ?? 0;
  return {
    siteId: site.id,
    bookDrift: { open: site.zones.includes('book_drift'), total, available: total - (books?.lent ?? 0) },
    selfHelp: {
      open: site.zones.includes('self_help'),
      items: items.map((i) => ({ ...i, available: i.quantity > 0 })),
    },
  };
}
