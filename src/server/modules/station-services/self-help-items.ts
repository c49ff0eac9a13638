import { and, asc, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { decodeCursor, encodeCursor } from '../../platform/contract.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/schema.js';
import { loadSiteInScope } from '../sites/index.js';
import { isUniqueViolation } from './books.js';
import { selfHelpItems, selfHelpMovements } from './schema.js';

const presentItem = (i: typeof selfHelpItems.$inferSelect) => ({
  id: i.id,
  siteId: i.siteId,
  name: i.name,
  unit: i.unit,
  quantity: i.quantity,
});

async function findItem(db: Db, tenantId: string, siteId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(selfHelpItems)
    .where(and(eq(selfHelpItems.tenantId, tenantId), eq(selfHelpItems.siteId, siteId), eq(selfHelpItems.id, itemId)));
  return item ?? null;
}

/** The items of one site's self-help corner, by name. */
export async function listSelfHelpItems(ctx: Ctx, siteId: string) {
  const site = await loadSiteInScope(ctx, siteId);
  const rows = await ctx.db
    .select()
    .from(selfHelpItems)
    .where(and(eq(selfHelpItems.tenantId, site.tenantId), eq(selfHelpItems.siteId, site.id)))
    .orderBy(asc(selfHelpItems.name));
  return { items: rows.map(presentItem) };
}

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

/** The ledger of one item, newest first, keyset-paged. */
export async function listSelfHelpMovements(
  ctx: Ctx,
  siteId: string,
  itemId: string,
  input: { limit: number; cursor?: string },
) {
  const site = await loadSiteInScope(ctx, siteId);
  const item = await findItem(ctx.db, site.tenantId, site.id, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  const after = decodeCursor(input.cursor) as [string, string] | null;
  const rows = await ctx.db
    .select({ m: selfHelpMovements, actorName: users.displayName })
    .from(selfHelpMovements)
    .leftJoin(users, and(eq(users.tenantId, selfHelpMovements.tenantId), eq(users.id, selfHelpMovements.actorId)))
    .where(
      and(
        eq(selfHelpMovements.tenantId, site.tenantId),
        eq(selfHelpMovements.itemId, item.id),
        after
          ? or(
              lt(selfHelpMovements.at, new Date(after[0])),
              and(eq(selfHelpMovements.at, new Date(after[0])), lt(selfHelpMovements.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(selfHelpMovements.at), desc(selfHelpMovements.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ m, actorName }) => ({
      id: m.id,
      itemId: m.itemId,
      kind: m.kind,
      delta: m.delta,
      quantityAfter: m.quantityAfter,
      note: m.note,
      at: m.at.toISOString(),
      actorName,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.m.at.toISOString(), last.m.id]) : null,
  };
}
