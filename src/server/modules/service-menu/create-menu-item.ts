import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { findItemRow, presentItem } from './menu-queries.js';
import type { ProviderKind } from './schema.js';
import { menuItems } from './schema.js';
import { checkItemReferences, findOrganisation } from './validate-item.js';

export interface CreateMenuItemInput {
  categoryCode: string;
  title: string;
  description: string;
  providerKind: ProviderKind;
  organisationId: string | null;
  projectName: string | null;
  regionCode?: string;
  requiredSkills: string[];
  areaCodes: string[];
  durationMinutes: number;
  capacity: number;
  active: boolean;
}

/** Puts a service on the menu. Its home region (the team's, unless given) and its areas must lie in the caller's scope. */
export async function createMenuItem(ctx: Ctx, input: CreateMenuItemInput) {
  const actor = requireActor(ctx);
  let regionCode = input.regionCode;
  if (input.organisationId) {
    const org = await findOrganisation(ctx.db, actor.tenantId, input.organisationId);
    if (!org) throw fieldError('body.organisationId', '没有这个服务队', 'No such team');
    regionCode ??= org.regionCode;
  }
  if (!regionCode) throw fieldError('body.regionCode', '请选择所属区域', 'Choose the home region');
  assertInScope(actor, regionCode);
  await checkItemReferences(ctx.db, actor, input);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(menuItems)
      .values({
        tenantId: actor.tenantId,
        categoryCode: input.categoryCode,
        title: input.title,
        description: input.description,
        providerKind: input.providerKind,
        organisationId: input.organisationId,
        projectName: input.projectName,
        regionCode,
        requiredSkills: [...new Set(input.requiredSkills)],
        areaCodes: [...new Set(input.areaCodes)],
        durationMinutes: input.durationMinutes,
        capacity: input.capacity,
        active: input.active,
        createdBy: actor.userId,
      })
      .returning({ id: menuItems.id });
    if (!row) throw new Error('insert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'menu_item.create',
      entityType: 'menu_item',
      entityId: row.id,
      regionCode,
      detail: { title: input.title, categoryCode: input.categoryCode },
    });
    return row.id;
  });
  const row = await findItemRow(ctx.db, actor.tenantId, id);
  if (!row) throw new Error('menu item vanished');
  return presentItem(row);
}
