import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findItemRow, presentItem } from './menu-queries.js';

/** One active menu item (public). */
export async function getPublicMenuItem(ctx: Ctx, id: string) {
  const row = await findItemRow(ctx.db, ctx.tenantId, id);
  if (!row?.item.active) throw new AppError('NOT_FOUND');
  return presentItem(row);
}

/** What orders need of a menu item: its title, category, skills, areas, team and capacity. */
export async function findMenuItem(ctx: Pick<Ctx, 'db'>, tenantId: string, id: string) {
  const row = await findItemRow(ctx.db, tenantId, id);
  return row ? presentItem(row) : null;
}
