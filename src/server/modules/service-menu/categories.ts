import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { serviceCategories } from './schema.js';

/** The categories: active ones for everyone, all of them with `all` (staff screens). */
export async function listCategories(ctx: Ctx, all = false) {
  const rows = await ctx.db
    .select()
    .from(serviceCategories)
    .where(and(eq(serviceCategories.tenantId, ctx.tenantId), all ? undefined : eq(serviceCategories.active, true)))
    .orderBy(asc(serviceCategories.sort), asc(serviceCategories.code));
  return { items: rows.map(({ tenantId: _, ...c }) => c) };
}

export interface SaveCategoryInput {
  name: string;
  nameEn: string;
  sort: number;
  active: boolean;
}

/** Adds or renames a category (centre admins): the tenant's own menu vocabulary. */
export async function saveCategory(ctx: Ctx, code: string, input: SaveCategoryInput) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceCategories)
      .values({ tenantId: actor.tenantId, code, ...input })
      .onConflictDoUpdate({ target: [serviceCategories.tenantId, serviceCategories.code], set: input })
      .returning();
    if (!row) throw new Error('upsert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'service_category.save',
      entityType: 'service_category',
      entityId: null,
      detail: { code, ...input },
    });
    const { tenantId: _, ...view } = row;
    return view;
  });
}
