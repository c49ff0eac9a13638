import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { loadSiteInScope } from '../sites/index.js';
import { selfHelpItems, selfHelpMovements } from './schema.js';
import { presentItem } from './self-help.js';

/** Adds an item to a site's self-help corner (the site must have that zone); an initial quantity is a first restock. */
export async function createSelfHelpItem(
  ctx: Ctx,
  siteId: string,
  input: { name: string; unit: string; quantity: number },
) {
  const site = await loadSiteInScope(ctx, siteId);
  if (!site.zones.includes('self_help')) throw new AppError('SITE_ZONE_NOT_OPEN');
  try {
    const item = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(selfHelpItems)
        .values({
          tenantId: site.tenantId,
          siteId: site.id,
          regionCode: site.regionCode,
          name: input.name,
          unit: input.unit,
          quantity: input.quantity,
        })
        .returning();
      if (!row) throw new Error('insert failed');
      if (input.quantity > 0) {
        await tx.insert(selfHelpMovements).values({
          tenantId: site.tenantId,
          itemId: row.id,
          siteId: site.id,
          regionCode: site.regionCode,
          kind: 'restock',
          delta: input.quantity,
          quantityAfter: input.quantity,
          note: '初始库存',
          // Set here at millisecond precision, so that the keyset cursor (an ISO time) matches it exactly.
          at: new Date(),
          actorId: ctx.actor?.userId,
        });
      }
      await writeAudit(tx, auditContext(ctx), {
        action: 'self_help.item.create',
        entityType: 'self_help_item',
        entityId: row.id,
        regionCode: site.regionCode,
        detail: { siteId: site.id, name: row.name, unit: row.unit, quantity: row.quantity },
      });
      return row;
    });
    return presentItem(item);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}
