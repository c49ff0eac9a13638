import { and, eq, inArray } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { batchAssign, formatReasons } from '../dispatch/index.js';
import { loadDispatchVolunteers, stationPoints, toDispatchOrder } from './dispatch-data.js';
import { dispatchIndexFor } from './dispatch-index-cache.js';
import { dispatchOrder } from './dispatch-order.js';
import { orders } from './schema.js';
import { dispatchRules, readSettings } from './settings.js';

const MAX_BATCH = 200;

export type BatchDispatchInput =
  | { mode: 'preview'; orderIds?: string[] }
  | { mode: 'confirm'; assignments: { orderId: string; volunteerId: string }[] };

/**
 * 批量派单. `preview`: the reviewed orders the caller's level handles (or the ones named) assigned at
 * once at the least total cost (min-cost flow over each order's best candidates); nothing is written.
 * `confirm`: dispatches the assignments the dispatcher saw, each on its own; an order someone else
 * moved meanwhile is reported, not forced.
 */
export async function batchDispatch(ctx: Ctx, input: BatchDispatchInput) {
  const actor = requireActor(ctx);
  if (input.mode === 'confirm') {
    const dispatched: string[] = [];
    const failed: { orderId: string; code: string }[] = [];
    for (const a of input.assignments) {
      try {
        await dispatchOrder(ctx, a.orderId, { target: { kind: 'volunteer', volunteerId: a.volunteerId } });
        dispatched.push(a.orderId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failed.push({ orderId: a.orderId, code: err.code });
      }
    }
    return { assignments: [], unassigned: [], totalCost: 0, dispatched, failed };
  }
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        eq(orders.state, 'reviewed'),
        scopeCondition(actor, orders.handlerRegionCode),
        input.orderIds?.length ? inArray(orders.id, input.orderIds) : undefined,
      ),
    )
    .orderBy(orders.acceptDueAt)
    .limit(MAX_BATCH);
  const communities = [...new Set(rows.map((r) => r.regionCode))];
  const now = new Date();
  const rules = dispatchRules(await readSettings(ctx.db, actor.tenantId));
  const [loaded, points] = await Promise.all([
    // One set of facts serves every order of the batch: a qualification counts only if it lasts
    // past the latest service end among them.
    loadDispatchVolunteers(ctx.db, actor.tenantId, communities, now, {
      ...rules,
      qualifiedThrough: new Date(Math.max(now.getTime(), ...rows.map((r) => r.windowEnd.getTime()))),
    }),
    stationPoints(ctx.db, actor.tenantId, communities),
  ]);
  const queue = rows.flatMap((r) => {
    const o = toDispatchOrder(r, points);
    return o ? [o] : [];
  });
  const index = dispatchIndexFor(`${actor.tenantId} ${[...communities].sort().join(',')}`, loaded.volunteers);
  const result = batchAssign(index, queue, { weights: rules.weights });
  const skillName = (code: string, locale: 'zh-CN' | 'en') => {
    const s = loaded.skillNames.get(code);
    return s ? (locale === 'zh-CN' ? s.zh : s.en) : undefined;
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    assignments: result.assignments.map((a) => ({
      orderId: a.orderId,
      number: byId.get(a.orderId)?.number ?? '',
      title: byId.get(a.orderId)?.title ?? '',
      volunteerId: a.candidate.volunteerId,
      name: loaded.names.get(a.candidate.volunteerId) ?? '',
      cost: Math.round(a.candidate.cost * 1000) / 1000,
      walkKm: Math.round(a.candidate.breakdown.walkKm * 100) / 100,
      reasons: formatReasons(a.candidate.reasons, 'zh-CN', skillName),
      reasonsEn: formatReasons(a.candidate.reasons, 'en', skillName),
    })),
    unassigned: [
      ...result.unassigned,
      ...rows.filter((r) => !queue.some((q) => q.id === r.id)).map((r) => ({ orderId: r.id, reason: 'no-location' })),
    ],
    totalCost: Math.round(result.totalCost * 1000) / 1000,
    dispatched: [],
    failed: [],
  };
}
