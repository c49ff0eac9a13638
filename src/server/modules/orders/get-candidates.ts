import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { formatReasons, topCandidates } from '../dispatch/index.js';
import { loadDispatchVolunteers, stationPoints, toDispatchOrder } from './dispatch-data.js';
import { dispatchIndexFor } from './dispatch-index-cache.js';
import { dispatchRules, readSettings } from './settings.js';
import { loadOrderFor } from './transition.js';
import { viewerOf } from './viewer.js';

/**
 * The best volunteers for one order, for the dispatcher: hard constraints (skills, availability in
 * the order's window, service area, open tasks, blocks, not the orderer) filter, the tenant's weighted cost ranks, each with
 * reasons a person reads ("1.2 km · 助老助残 · 近 30 天已服务 2 次").
 */
export async function getCandidates(ctx: Ctx, id: string, k: number) {
  const { facts, order } = await loadOrderFor(ctx, id);
  if (!viewerOf(facts, order).staffInScope) throw new AppError('NOT_FOUND');
  const now = new Date();
  const rules = dispatchRules(await readSettings(ctx.db, order.tenantId));
  const loaded = await loadDispatchVolunteers(ctx.db, order.tenantId, [order.regionCode], now, {
    ...rules,
    qualifiedThrough: order.windowEnd,
  });
  const dispatchOrder = toDispatchOrder(order, await stationPoints(ctx.db, order.tenantId, [order.regionCode]));
  if (!dispatchOrder) return { items: [], considered: loaded.volunteers.length };
  const index = dispatchIndexFor(`${order.tenantId} ${order.regionCode}`, loaded.volunteers);
  const found = topCandidates(index, dispatchOrder, { k, weights: rules.weights });
  const skillName = (code: string, locale: 'zh-CN' | 'en') => {
    const s = loaded.skillNames.get(code);
    return s ? (locale === 'zh-CN' ? s.zh : s.en) : undefined;
  };
  return {
    considered: loaded.volunteers.length,
    items: found.map((c) => {
      const v = index.volunteers[c.position];
      return {
        volunteerId: c.volunteerId,
        userId: c.userId,
        name: loaded.names.get(c.volunteerId) ?? '',
        cost: Math.round(c.cost * 1000) / 1000,
        walkKm: Math.round(c.breakdown.walkKm * 100) / 100,
        openTasks: v?.openTasks ?? 0,
        rating: v?.rating ?? null,
        recentServices: v?.recentServices ?? 0,
        reasons: formatReasons(c.reasons, 'zh-CN', skillName),
        reasonsEn: formatReasons(c.reasons, 'en', skillName),
        lng: v?.lng ?? dispatchOrder.lng,
        lat: v?.lat ?? dispatchOrder.lat,
      };
    }),
  };
}
