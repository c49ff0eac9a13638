import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { userByPhone } from '../accounts/index.js';
import { getSite } from './get-site.js';
import { siteStaff } from './schema.js';
import { loadSiteInScope } from './site-queries.js';

/** Assigns a registered user (found by phone) to a site in the caller's scope. */
export async function addSiteStaff(ctx: Ctx, siteId: string, input: { phone: string; title: string }) {
  const site = await loadSiteInScope(ctx, siteId);
  const user = await userByPhone(ctx.db, site.tenantId, input.phone);
  if (!user) throw fieldError('body.phone', '该手机号尚未注册', 'No user has this phone number');
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(siteStaff)
      .values({
        tenantId: site.tenantId,
        siteId: site.id,
        userId: user.id,
        title: input.title,
        createdBy: ctx.actor?.userId,
      })
      .onConflictDoNothing()
      .returning({ userId: siteStaff.userId });
    if (inserted.length === 0) throw new AppError('CONFLICT');
    await writeAudit(tx, auditContext(ctx), {
      action: 'site.staff.add',
      entityType: 'site',
      entityId: site.id,
      regionCode: site.regionCode,
      detail: { userId: user.id, title: input.title },
    });
  });
  return getSite(ctx, siteId);
}
