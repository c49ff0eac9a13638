import { and, desc, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findUserByPhone } from '../accounts/index.js';
import type { stallBody } from './contract.js';
import { ledgerLines } from './ledger-lines.js';
import { presentStall, totalsOf } from './present.js';
import { loadEventInScope, namesOf } from './records.js';
import { presentSales } from './sales.js';
import { charityEvents, charitySales, charityStalls } from './schema.js';

export async function addStall(ctx: Ctx, eventId: string, input: typeof stallBody._output) {
  const actor = requireActor(ctx);
  const event = await loadEventInScope(ctx.db, actor, eventId);
  if (event.state === 'closed' || event.state === 'reported') throw new AppError('CHARITY_EVENT_NOT_OPEN');
  const keeper = await findUserByPhone(ctx.db, actor.tenantId, input.keeperPhone);
  const stall = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charityStalls)
      .values({
        tenantId: actor.tenantId,
        eventId,
        name: input.name,
        holderKind: input.holderKind,
        holderName: input.holderName,
        category: input.category,
        categoryLabel: input.category === 'other' ? (input.categoryLabel ?? null) : null,
        keeperUserId: keeper.id,
      })
      .returning();
    if (!row) throw new Error('stall insert returned nothing');
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.stall_added',
      entityType: 'charity_stall',
      entityId: row.id,
      regionCode: event.regionCode,
      detail: { eventId, name: row.name, category: row.category, keeperUserId: keeper.id },
    });
    return row;
  });
  return presentStall(stall, new Map([[keeper.id, keeper.displayName]]), []);
}

/** The stalls the caller keeps at sales not yet closed, each with its totals, the sale's and its latest entries. */
export async function listMyStalls(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select({ stall: charityStalls, event: charityEvents })
    .from(charityStalls)
    .innerJoin(
      charityEvents,
      and(eq(charityEvents.tenantId, charityStalls.tenantId), eq(charityEvents.id, charityStalls.eventId)),
    )
    .where(
      and(
        eq(charityStalls.tenantId, actor.tenantId),
        eq(charityStalls.keeperUserId, actor.userId),
        inArray(charityEvents.state, ['planned', 'open']),
      ),
    )
    .orderBy(desc(charityEvents.heldOn));
  const names = await namesOf(ctx.db, actor.tenantId, [actor.userId]);
  const items = [];
  for (const { stall, event } of rows) {
    const lines = await ledgerLines(ctx.db, actor.tenantId, { eventId: event.id });
    const recent = await ctx.db
      .select()
      .from(charitySales)
      .where(and(eq(charitySales.tenantId, actor.tenantId), eq(charitySales.stallId, stall.id)))
      .orderBy(desc(charitySales.recordedAt))
      .limit(20);
    items.push({
      ...presentStall(stall, names, lines),
      event: { id: event.id, title: event.title, heldOn: event.heldOn, state: event.state, totals: totalsOf(lines) },
      recent: await presentSales(ctx.db, actor.tenantId, recent),
    });
  }
  return { items };
}
