import { and, eq, gte, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadSiteInScope } from '../sites/index.js';
import { selfHelpItems, selfHelpMovements } from './schema.js';
import { findItem, presentItem } from './self-help.js';

/**
 * Takes from (negative) or restocks (positive) an item. The quantity changes in one conditional
 * UPDATE in the same transaction as the ledger row, so concurrent takes can never push it below
 * zero: a take larger than what is left answers SELF_HELP_NOT_ENOUGH and changes nothing.
 */
export async function moveSelfHelpItem(
  ctx: Ctx,
  siteId: string,
  itemId: string,
  kind: 'take' | 'restock',
  input: { quantity: number; note?: string },
) {
  const site = await loadSiteInScope(ctx, siteId);
  const item = await findItem(ctx.db, site.tenantId, site.id, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  const delta = kind === 'take' ? -input.quantity : input.quantity;
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(selfHelpItems)
      .set({ quantity: sql`${selfHelpItems.quantity} + ${delta}` })
      .where(
        and(
          eq(selfHelpItems.tenantId, site.tenantId),
          eq(selfHelpItems.id, item.id),
          kind === 'take' ? gte(selfHelpItems.quantity, input.quantity) : undefined,
        ),
      )
      .returning();
    if (!row) throw new AppError('SELF_HELP_NOT_ENOUGH');
    const [movement] = await tx
      .insert(selfHelpMovements)
      .values({
        tenantId: site.tenantId,
        itemId: item.id,
        siteId: site.id,
        regionCode: site.regionCode,
        kind,
        delta,
        quantityAfter: row.quantity,
        note: input.note ?? null,
        at: new Date(),
        actorId: ctx.actor?.userId,
      })
      .returning({ id: selfHelpMovements.id });
    await writeAudit(tx, auditContext(ctx), {
      action: `self_help.item.${kind}`,
      entityType: 'self_help_item',
      entityId: item.id,
      regionCode: site.regionCode,
      detail: { movementId: movement?.id, delta, before: row.quantity - delta, after: row.quantity, note: input.note },
    });
    return row;
  });
  return presentItem(updated);
}
