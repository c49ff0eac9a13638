import { and, asc, eq } from 'drizzle-orm';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { findSite } from '../sites/index.js';
import type { closeEventBody, createEventBody } from './contract.js';
import { ledgerLines } from './ledger-lines.js';
import { eventMachine } from './machine.js';
import { byEventDay, eventPageOf, type Page } from './paging.js';
import { presentEvents, presentStall, totalsOf } from './present.js';
import { loadEventInScope, loadFund, namesOf } from './records.js';
import { charityEvents, charityStalls, type EventState } from './schema.js';

export async function createEvent(ctx: Ctx, input: typeof createEventBody._output) {
  const actor = requireActor(ctx);
  assertInScope(actor, input.regionCode);
  const fund = await loadFund(ctx.db, actor, input.fundId);
  if (input.siteId) {
    const site = await findSite(ctx.db, actor.tenantId, input.siteId);
    if (!site) throw new AppError('NOT_FOUND');
  } else if (!input.address) {
    throw fieldError('body.address', '请选择阵地或填写地点', 'Choose a site or give an address');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(charityEvents)
      .values({
        tenantId: actor.tenantId,
        title: input.title,
        heldOn: input.heldOn,
        regionCode: input.regionCode,
        siteId: input.siteId ?? null,
        address: input.address,
        organiserUserId: input.organiserUserId ?? actor.userId,
        fundId: fund.id,
      })
      .returning();
    if (!created) throw new Error('event insert returned nothing');
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.event_created',
      entityType: 'charity_event',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { title: created.title, heldOn: created.heldOn, fundId: fund.id },
    });
    return created;
  });
  return getEvent(ctx, row.id);
}

export async function listEvents(ctx: Ctx, query: Page & { state?: EventState | undefined }) {
  const actor = requireActor(ctx);
  const keys = byEventDay(query);
  const rows = await ctx.db
    .select({ row: charityEvents, sortAt: keys.sortAt })
    .from(charityEvents)
    .where(
      and(
        eq(charityEvents.tenantId, actor.tenantId),
        scopeCondition(actor, charityEvents.regionCode),
        query.state ? eq(charityEvents.state, query.state) : undefined,
        keys.after,
      ),
    )
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = eventPageOf(
    rows.map((r) => ({ ...r.row, sortAt: r.sortAt })),
    query,
  );
  return { items: await presentEvents(ctx.db, actor, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

export async function getEvent(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const event = await loadEventInScope(ctx.db, actor, id);
  const [view] = await presentEvents(ctx.db, actor, actor.tenantId, [event]);
  const stalls = await ctx.db
    .select()
    .from(charityStalls)
    .where(and(eq(charityStalls.tenantId, actor.tenantId), eq(charityStalls.eventId, id)))
    .orderBy(asc(charityStalls.createdAt), asc(charityStalls.id));
  const names = await namesOf(
    ctx.db,
    actor.tenantId,
    stalls.map((s) => s.keeperUserId),
  );
  const lines = await ledgerLines(ctx.db, actor.tenantId, { eventId: id });
  return { ...(view as NonNullable<typeof view>), stalls: stalls.map((s) => presentStall(s, names, lines)) };
}

/** Opens a planned sale or publishes a closed one's report. */
export async function stepEvent(ctx: Ctx, id: string, event: 'open' | 'publish') {
  const actor = requireActor(ctx);
  const row = await loadEventInScope(ctx.db, actor, id);
  const step = apply(eventMachine, row, event, actor);
  await ctx.db.transaction(async (tx) => {
    await transitionRow(
      tx,
      charityEvents,
      and(eq(charityEvents.tenantId, row.tenantId), eq(charityEvents.id, row.id)),
      eventMachine,
      step,
    );
    await writeAudit(tx, auditContext(ctx), {
      action: `charity.event_${event}`,
      entityType: 'charity_event',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { from: step.from, to: step.to },
    });
  });
  return getEvent(ctx, id);
}

/**
 * Closes an open sale and reconciles it: the cash counted against the cash the ledger recorded at
 * that moment. A difference needs a note; both figures stay on the event for the report.
 */
export async function closeEvent(ctx: Ctx, id: string, input: typeof closeEventBody._output) {
  const actor = requireActor(ctx);
  const row = await loadEventInScope(ctx.db, actor, id);
  const step = apply(eventMachine, row, 'close', actor);
  await ctx.db.transaction(async (tx) => {
    const recordedCashFen = totalsOf(await ledgerLines(tx, row.tenantId, { eventId: row.id })).cashFen;
    if (recordedCashFen !== input.countedCashFen && !input.note) {
      throw fieldError(
        'body.note',
        `清点现金与记录不符（记录 ${(recordedCashFen / 100).toFixed(2)} 元），请说明原因`,
        `The counted cash differs from the recorded ${(recordedCashFen / 100).toFixed(2)} yuan: explain why`,
      );
    }
    await transitionRow(
      tx,
      charityEvents,
      and(eq(charityEvents.tenantId, row.tenantId), eq(charityEvents.id, row.id)),
      eventMachine,
      step,
      { countedCashFen: input.countedCashFen, recordedCashFen, reconcileNote: input.note ?? null },
    );
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.event_close',
      entityType: 'charity_event',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { countedCashFen: input.countedCashFen, recordedCashFen, note: input.note ?? null },
    });
  });
  return getEvent(ctx, id);
}
