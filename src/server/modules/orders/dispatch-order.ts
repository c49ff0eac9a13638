import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { keeperIds } from '../accounts/index.js';
import { checkConstraints, type Violation } from '../dispatch/index.js';
import { organisations } from '../organisations/index.js';
import { childToward } from '../service-menu/index.js';
import { volunteers } from '../volunteers/index.js';
import { loadDispatchVolunteers, stationPoints, toDispatchOrder } from './dispatch-data.js';
import type { OrderRow } from './machine.js';
import { consoleLink, residentLink, teamUserIds, tell, volunteerLink } from './parties.js';
import { eligibleGrabberIds } from './pool-grabbers.js';
import { dispatchRules, dueAt, readSettings } from './settings.js';
import { takeEvent } from './transition.js';

export type DispatchTarget =
  | { kind: 'volunteer'; volunteerId: string }
  | { kind: 'team'; organisationId: string }
  | { kind: 'level' }
  | { kind: 'open' };

const invalid = (message: string, messageEn: string) =>
  new AppError('DISPATCH_TARGET_INVALID', [{ field: 'body.target', message, messageEn }], { message, messageEn });

const violationText: Record<Violation | 'unplaced', [string, string]> = {
  capacity: ['手头任务已满', 'has too many open tasks'],
  orderer: ['是下单人本人', 'is the person who ordered'],
  blocked: ['与下单人互相屏蔽', 'is blocked for this resident'],
  skills: ['缺少所需技能或有效资质', 'lacks a required skill or valid qualification'],
  area: ['不服务该社区', 'does not serve this community'],
  availability: ['订单时段不在其可服务时间内', 'is not available in the order’s time window'],
  unplaced: ['所属站点没有位置', 'has no station location'],
};

/**
 * A dispatcher who names a volunteer has usually agreed time, place and load with them by phone, so
 * availability, service area and open-task capacity are theirs to waive; skills and blocks are not.
 */
const dispatcherMayWaive = new Set<Violation>(['availability', 'area', 'capacity']);

/** The hard constraints the candidate list applies, checked for the one volunteer a dispatcher named. */
async function namedVolunteerViolations(db: Db, order: OrderRow, volunteerId: string) {
  const now = new Date();
  const { capacity } = dispatchRules(await readSettings(db, order.tenantId));
  const loaded = await loadDispatchVolunteers(db, order.tenantId, [order.regionCode], now, {
    capacity,
    only: [volunteerId],
    qualifiedThrough: order.windowEnd,
  });
  const volunteer = loaded.volunteers[0];
  if (!volunteer) return ['unplaced'] as const;
  const points = await stationPoints(db, order.tenantId, [order.regionCode]);
  // The constraints never look at the point; an order without one is checked at the volunteer's.
  if (!points.has(order.regionCode)) points.set(order.regionCode, volunteer);
  const dispatchOrder = toDispatchOrder(order, points);
  if (!dispatchOrder) return ['unplaced'] as const;
  return checkConstraints(volunteer, dispatchOrder).filter((v) => !dispatcherMayWaive.has(v));
}

/** Where a dispatch sends the order: the columns naming the target, after checking it can take the order. */
export async function resolveTarget(db: Db, order: OrderRow, target: DispatchTarget): Promise<Partial<OrderRow>> {
  const none = { targetUserId: null, targetOrganisationId: null, targetRegionCode: null };
  if (target.kind === 'volunteer') {
    const [v] = await db
      .select({ userId: volunteers.userId, status: volunteers.status })
      .from(volunteers)
      .where(and(eq(volunteers.tenantId, order.tenantId), eq(volunteers.id, target.volunteerId)));
    if (!v) throw invalid('没有这位志愿者', 'No such volunteer');
    if (v.status !== 'active') throw invalid('该志愿者不在服务状态', 'This volunteer is not active');
    if (v.userId === order.residentUserId) throw invalid('不能派给下单人本人', 'Not to the person who ordered');
    const broken = await namedVolunteerViolations(db, order, target.volunteerId);
    if (broken.length)
      throw invalid(
        `该志愿者不符合派单条件：${broken.map((b) => violationText[b][0]).join('、')}`,
        `This volunteer cannot take the order: ${broken.map((b) => violationText[b][1]).join(', ')}`,
      );
    return { ...none, targetKind: 'volunteer', targetUserId: v.userId };
  }
  if (target.kind === 'team') {
    const [org] = await db
      .select({ id: organisations.id, status: organisations.status })
      .from(organisations)
      .where(and(eq(organisations.tenantId, order.tenantId), eq(organisations.id, target.organisationId)));
    if (!org) throw invalid('没有这个服务队', 'No such team');
    if (org.status !== 'active') throw invalid('该服务队已停用', 'This team is not active');
    return { ...none, targetKind: 'team', targetOrganisationId: org.id };
  }
  if (target.kind === 'level') {
    const below = childToward(order.handlerRegionCode, order.regionCode);
    if (!below) throw invalid('已是最基层，不能再向下派单', 'Already at the lowest level');
    return { ...none, targetKind: 'level', targetRegionCode: below };
  }
  return { ...none, targetKind: 'open' };
}

/** 派单: to a volunteer, a team, the level below (层层派单), or open for grabbing (抢单). */
export async function dispatchOrder(ctx: Ctx, id: string, input: { target: DispatchTarget; note?: string }) {
  return takeEvent(ctx, id, {
    event: 'dispatch',
    note: input.note ?? null,
    data: { target: input.target },
    prepare: async (order, _facts, now) => ({
      ...(await resolveTarget(ctx.db, order, input.target)),
      dispatchedBy: ctx.actor?.userId ?? null,
      dispatchedAt: now,
      acceptDueAt: dueAt(await readSettings(ctx.db, order.tenantId), 'accept', order.urgency, now),
    }),
    notify: async (tx, _before, after, actor) => {
      const message = { kind: 'order.dispatched', title: '有新的服务订单派给您', except: actor.userId };
      if (after.targetKind === 'volunteer')
        await tell(tx, after, [after.targetUserId], { ...message, link: volunteerLink(after.id) });
      if (after.targetKind === 'team' && after.targetOrganisationId)
        await tell(tx, after, await teamUserIds(tx, after.tenantId, after.targetOrganisationId), {
          ...message,
          title: '有新的服务订单派给您的服务队',
          params: { context: 'team' },
          link: volunteerLink(after.id),
        });
      if (after.targetKind === 'level' && after.targetRegionCode)
        await tell(tx, after, await keeperIds(tx, after.tenantId, after.targetRegionCode), {
          ...message,
          title: '上级派来一张订单，请接收并派单',
          params: { context: 'level' },
          link: consoleLink(after.id),
        });
      // 抢单: the nearest volunteers who may grab it hear of it (at most POOL_NOTIFY_LIMIT).
      if (after.targetKind === 'open')
        await tell(tx, after, await eligibleGrabberIds(tx, after), {
          kind: 'order.pool',
          title: '附近有新的服务订单可以抢单',
          link: volunteerLink(after.id),
          except: actor.userId,
        });
      await tell(tx, after, [after.residentUserId], {
        kind: 'order.dispatched',
        title: '您的订单已派出，等待志愿者接单',
        params: { context: 'resident' },
        link: residentLink(after.id),
        except: actor.userId,
      });
    },
  });
}
