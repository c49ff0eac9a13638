import { eq } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pageItems } from './menu-queries.js';
import { menuItems } from './schema.js';

export interface ListMenuItemsInput {
  category?: string;
  regionCode?: string;
  organisationId?: string;
  active: 'true' | 'false' | 'all';
  limit: number;
  cursor?: string;
}

/** Menu items whose home region lies in the caller's scope, active or not, for staff to manage. */
export async function listMenuItems(ctx: Ctx, input: ListMenuItemsInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  return pageItems(
    ctx.db,
    [
      eq(menuItems.tenantId, actor.tenantId),
      scopeCondition(actor, menuItems.regionCode),
      input.regionCode ? subtreeCondition(menuItems.regionCode, [input.regionCode]) : undefined,
      input.category ? eq(menuItems.categoryCode, input.category) : undefined,
      input.organisationId ? eq(menuItems.organisationId, input.organisationId) : undefined,
      input.active === 'all' ? undefined : eq(menuItems.active, input.active === 'true'),
    ],
    input,
  );
}
