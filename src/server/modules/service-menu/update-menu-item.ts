import { and, eq } from 'drizzle-orm';
import { inScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findItemRow, presentItem } from './menu-queries.js';
import { menuItems } from './schema.js';
import { checkItemReferences } from './validate-item.js';

export interface UpdateMenuItemInput {
  categoryCode?: string;
  title?: string;
  description?: string;
  projectName?: string | null;
  requiredSkills?: string[];
  areaCodes?: string[];
  durationMinutes?: number;
  capacity?: number;
  active?: boolean;
}

/** Changes a menu item in the caller's scope (deactivating takes it off the public menu). */
export async function updateMenuItem(ctx: Ctx, id: string, input: UpdateMenuItemInput) {
  const actor = requireActor(ctx);
  const before = await findItemRow(ctx.db, actor.tenantId, id);
  if (!before || !inScope(actor, before.item.regionCode)) throw new AppError('NOT_FOUND');
  await checkItemReferences(ctx.db, actor, input);
  const set = {
    ...input,
    ...(input.requiredSkills ? { requiredSkills: [...new Set(input.requiredSkills)] } : {}),
    ...(input.areaCodes ? { areaCodes: [...new Set(input.areaCodes)] } : {}),
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(menuItems)
      .set(set)
      .where(and(eq(menuItems.tenantId, actor.tenantId), eq(menuItems.id, id)));
    await writeAudit(tx, auditContext(ctx), {
      action: 'menu_item.update',
      entityType: 'menu_item',
      entityId: id,
      regionCode: before.item.regionCode,
      detail: { changed: Object.keys(input) },
    });
  });
  const row = await findItemRow(ctx.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentItem(row);
}
