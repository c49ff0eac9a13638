import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadSiteInScope } from '../sites/index.js';
import { presentBook } from './books.js';
import { driftBooks } from './schema.js';

export interface RegisterBookInput {
  title: string;
  author?: string;
  isbn?: string;
  donor?: string;
}

/** Adds a book to a site's book drift corner (the site must have that zone). */
export async function registerBook(ctx: Ctx, siteId: string, input: RegisterBookInput) {
  const site = await loadSiteInScope(ctx, siteId);
  if (!site.zones.includes('book_drift')) throw new AppError('SITE_ZONE_NOT_OPEN');
  const book = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(driftBooks)
      .values({
        tenantId: site.tenantId,
        siteId: site.id,
        regionCode: site.regionCode,
        title: input.title,
        author: input.author ?? null,
        isbn: input.isbn?.toUpperCase() ?? null,
        donor: input.donor ?? null,
        createdBy: ctx.actor?.userId,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'book.register',
      entityType: 'drift_book',
      entityId: row.id,
      regionCode: site.regionCode,
      detail: { siteId: site.id, title: row.title, author: row.author, isbn: row.isbn, donor: row.donor },
    });
    return row;
  });
  return presentBook(book, null, new Date());
}
