import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { type StepToWrite, transitionRow } from '../../platform/state-machine-db.js';
import { type Guarded, type OrderEvent, type OrderRow, orderMachine } from './machine.js';
import { writeTimeline } from './parties.js';
import { presentOrderDetail } from './present.js';
import { orders } from './schema.js';
import { type ActorFacts, loadActorFacts, mayRead, viewerOf } from './viewer.js';

export async function findOrder(db: Db, tenantId: string, id: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)));
  return row ?? null;
}

/** The order, if the actor may see it; NOT_FOUND for one they may not, as for one that does not exist. */
export async function loadOrderFor(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const facts = await loadActorFacts(ctx.db, actor);
  const order = await findOrder(ctx.db, actor.tenantId, id);
  if (!order || !mayRead(facts, order, viewerOf(facts, order))) throw new AppError('NOT_FOUND');
  return { actor, facts, order };
}

/**
 * Writes a step if the order is still the version it was read at: of two people acting on one
 * order at once exactly one wins; the other gets 409 naming the state it has reached meanwhile.
 */
export function writeStep(
  tx: Db,
  order: OrderRow,
  step: StepToWrite<OrderRow['state'], OrderEvent, Guarded>,
  extra: Partial<OrderRow>,
  now: Date,
): Promise<OrderRow> {
  const where = and(eq(orders.tenantId, order.tenantId), eq(orders.id, order.id));
  return transitionRow(tx, orders, where, orderMachine, step, { ...extra, updatedAt: now }, { version: order.version });
}

export interface EventSpec {
  event: OrderEvent;
  /** Checks and columns of this use case, read outside the transaction. */
  prepare?: (order: OrderRow, facts: ActorFacts, now: Date) => Promise<Partial<OrderRow>> | Partial<OrderRow>;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Further writes of this use case, inside the transaction, after the step (e.g. attaching photos). */
  write?: (tx: Db, after: OrderRow, actor: Actor) => Promise<void>;
  /** Messages to the parties, inside the transaction. */
  notify?: (tx: Db, before: OrderRow, after: OrderRow, actor: Actor) => Promise<void>;
}

/** Takes one event on an order as the signed-in actor: guard, conditional write, timeline, audit, messages. */
export async function takeEvent(ctx: Ctx, id: string, spec: EventSpec) {
  const { actor, facts, order } = await loadOrderFor(ctx, id);
  const now = new Date();
  const step = apply(orderMachine, { order, viewer: viewerOf(facts, order) }, spec.event, actor, now);
  const extra = spec.prepare ? await spec.prepare(order, facts, now) : {};
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await writeStep(tx, order, step, extra, now);
    await spec.write?.(tx, row, actor);
    await writeTimeline(tx, row, {
      event: spec.event,
      fromState: step.from,
      toState: step.to,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      note: spec.note ?? null,
      data: spec.data ?? null,
      at: now,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: `order.${spec.event}`,
      entityType: 'order',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { from: step.from, to: step.to, ...(spec.data ?? {}) },
    });
    await spec.notify?.(tx, order, row, actor);
    return row;
  });
  return presentOrderDetail(ctx.db, ctx.config, updated, facts);
}
