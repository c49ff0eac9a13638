import { and, asc, eq } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import type { Ctx } from '../../platform/context.js';
import { users } from '../accounts/index.js';
import { siteStaff } from './schema.js';
import { loadSiteInScope, presentSiteDetail } from './site-queries.js';

/** One site in the caller's scope, with its staff (masked phones) and what the caller may do with it. */
export async function getSite(ctx: Ctx, id: string) {
  const site = await loadSiteInScope(ctx, id);
  const staff = await ctx.db
    .select({ userId: siteStaff.userId, displayName: users.displayName, title: siteStaff.title, phone: users.phone })
    .from(siteStaff)
    .innerJoin(users, and(eq(users.tenantId, siteStaff.tenantId), eq(users.id, siteStaff.userId)))
    .where(and(eq(siteStaff.tenantId, site.tenantId), eq(siteStaff.siteId, site.id)))
    .orderBy(asc(siteStaff.createdAt));
  return {
    ...(await presentSiteDetail(ctx.db, site)),
    staff: staff.map(({ phone, ...s }) => ({ ...s, phoneMasked: maskPhone(phone) })),
    // Everyone who can see a site in scope is staff of a region above or at it.
    can: { edit: true, correctLocation: true, manageStaff: true },
  };
}
