import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getSite } from './get-site.js';
import { siteStaff } from './schema.js';
import { loadSiteInScope } from './site-queries.js';

/** Removes a user from a site's staff. */
export async function removeSiteStaff(ctx: Ctx, siteId: string, userId: string) {
  const site = await loadSiteInScope(ctx, siteId);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(siteStaff)
      .where(and(eq(siteStaff.tenantId, site.tenantId), eq(siteStaff.siteId, site.id), eq(siteStaff.userId, userId)))
      .returning({ userId: siteStaff.userId, title: siteStaff.title });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await writeAudit(tx, auditContext(ctx), {
      action: 'site.staff.remove',
      entityType: 'site',
      entityId: site.id,
      regionCode: site.regionCode,
      detail: { userId, title: removed[0]?.title },
    });
  });
  return getSite(ctx, siteId);
}
