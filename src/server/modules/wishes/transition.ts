import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { type StepToWrite, transitionRow } from '../../platform/state-machine-db.js';
import { type GuardedWish, type WishEvent, type WishRow, wishMachine } from './machine.js';
import { announceWall, writeTimeline } from './parties.js';
import { presentWishDetail } from './present.js';
import { wishes } from './schema.js';
import { accessOf, loadWishFacts, viewerOf, type WishFacts } from './viewer.js';

export async function findWish(db: Db, tenantId: string, id: string): Promise<WishRow | null> {
  const [row] = await db
    .select()
    .from(wishes)
    .where(and(eq(wishes.tenantId, tenantId), eq(wishes.id, id)));
  return row ?? null;
}

/** The wish, if the actor may see it; NOT_FOUND for one they may not, as for one that does not exist. */
export async function loadWishFor(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const facts = await loadWishFacts(ctx.db, actor);
  const wish = await findWish(ctx.db, actor.tenantId, id);
  if (!wish || !accessOf(viewerOf(facts, wish), wish)) throw new AppError('NOT_FOUND');
  return { actor, facts, wish };
}

/**
 * Writes a step if the wish is still the version it was read at: of two people acting on one wish
 * at once exactly one wins; the other gets 409 naming the state it has reached meanwhile.
 */
export function writeStep(
  tx: Db,
  wish: WishRow,
  step: StepToWrite<WishRow['state'], WishEvent, GuardedWish>,
  extra: Partial<WishRow>,
  now: Date,
): Promise<WishRow> {
  const where = and(eq(wishes.tenantId, wish.tenantId), eq(wishes.id, wish.id));
  return transitionRow(tx, wishes, where, wishMachine, step, { ...extra, updatedAt: now }, { version: wish.version });
}

export interface EventSpec {
  event: WishEvent;
  /** Columns this use case writes besides the machine's (a reason, the claimer). */
  prepare?: (wish: WishRow, facts: WishFacts, now: Date) => Partial<WishRow>;
  /** Checks of this use case before the machine's guard (a clearer refusal than FORBIDDEN). */
  check?: (wish: WishRow, facts: WishFacts) => void;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Inside the transaction, before the step is written (e.g. the claim limit). */
  before?: (tx: Db, wish: WishRow, actor: Actor) => Promise<void>;
  /** Messages to the parties, inside the transaction. */
  notify?: (tx: Db, before: WishRow, after: WishRow, actor: Actor) => Promise<void>;
}

/** Takes one event on a wish as the signed-in actor: guard, conditional write, timeline, audit, messages. */
export async function takeEvent(ctx: Ctx, id: string, spec: EventSpec) {
  const { actor, facts, wish } = await loadWishFor(ctx, id);
  const now = new Date();
  const viewer = viewerOf(facts, wish);
  spec.check?.(wish, facts);
  // Someone who sees the wish only on the wall (another community's keeper too) learns nothing more.
  const guard = wishMachine.events[spec.event].when;
  if (accessOf(viewer, wish) === 'public' && guard && !guard({ wish, viewer }, actor)) throw new AppError('NOT_FOUND');
  const step = apply(wishMachine, { wish, viewer }, spec.event, actor, now);
  const extra = spec.prepare ? spec.prepare(wish, facts, now) : {};
  const updated = await ctx.db.transaction(async (tx) => {
    await spec.before?.(tx, wish, actor);
    const row = await writeStep(tx, wish, step, extra, now);
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
      action: `wish.${spec.event}`,
      entityType: 'wish',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { from: step.from, to: step.to, ...(spec.data ?? {}) },
    });
    await spec.notify?.(tx, wish, row, actor);
    await announceWall(tx, wish.state, row);
    return row;
  });
  return presentWishDetail(ctx.db, ctx.config, updated, facts);
}
