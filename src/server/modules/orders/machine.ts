/**
 * The order loop as data: 点单 → 审单 → 派单 → 接单 → 评单. The use cases take events through
 * `apply`/`transitionRow`; `actionsFor` sends the same rules to the web as buttons.
 */
import type { Actor } from '../../platform/access.js';
import { can, defineMachine } from '../../platform/state-machine.js';
import type { OrderState, orders } from './schema.js';

export type OrderRow = typeof orders.$inferSelect;

/** What a guard needs to know about the actor's relation to one order (see viewer.ts). */
export interface Viewer {
  /** The resident the order is for, or who placed it for a resident without an account. */
  isResident: boolean;
  isPlacer: boolean;
  /** Staff whose scope holds the order's community. */
  staffInScope: boolean;
  /** Staff of the level that handles the order now. */
  handles: boolean;
  /** Staff of the level the order was dispatched down to. */
  handlesTarget: boolean;
  /** An active volunteer the order waits for: named, in the named team, or eligible to grab it. */
  mayAccept: boolean;
  /** The named volunteer, or a manager of the named team. */
  mayDecline: boolean;
  isServingVolunteer: boolean;
}

export interface Guarded {
  order: OrderRow;
  viewer: Viewer;
}

const when = (test: (v: Viewer, o: OrderRow) => boolean) => (r: Guarded, _actor: Actor) => test(r.viewer, r.order);
const system = [] as const;

export const orderMachine = defineMachine<OrderState, OrderEvent, Guarded>({
  subject: { zh: '订单', en: 'order' },
  stateOf: (r) => r.order.state,
  states: {
    submitted: { zh: '待审核', en: 'submitted' },
    reviewed: { zh: '待派单', en: 'reviewed' },
    rejected: { zh: '未通过', en: 'rejected' },
    dispatched: { zh: '待接单', en: 'dispatched' },
    accepted: { zh: '已接单', en: 'accepted' },
    in_service: { zh: '服务中', en: 'in service' },
    completed: { zh: '待评价', en: 'completed' },
    rated: { zh: '已评价', en: 'rated' },
    closed: { zh: '已办结', en: 'closed' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  events: {
    review: {
      label: { zh: '审核通过', en: 'approve' },
      from: ['submitted'],
      to: 'reviewed',
      when: when((v) => v.handles),
    },
    reject: { label: { zh: '驳回', en: 'reject' }, from: ['submitted'], to: 'rejected', when: when((v) => v.handles) },
    dispatch: {
      label: { zh: '派单', en: 'dispatch' },
      from: ['reviewed'],
      to: 'dispatched',
      when: when((v) => v.handles),
    },
    recall: {
      label: { zh: '撤回派单', en: 'recall' },
      from: ['dispatched'],
      to: 'reviewed',
      when: when((v) => v.handles),
    },
    take_over: {
      label: { zh: '接收派单', en: 'take over' },
      from: ['dispatched'],
      to: 'reviewed',
      when: when((v, o) => o.targetKind === 'level' && v.handlesTarget),
    },
    accept: {
      label: { zh: '接单', en: 'accept' },
      from: ['dispatched'],
      to: 'accepted',
      when: when((v, o) => v.mayAccept && o.targetKind !== 'level' && !v.isResident),
    },
    decline: {
      label: { zh: '拒单', en: 'decline' },
      from: ['dispatched'],
      to: 'reviewed',
      when: when((v, o) => (o.targetKind === 'level' ? v.handlesTarget : v.mayDecline)),
    },
    check_in: {
      label: { zh: '签到开始服务', en: 'check in' },
      from: ['accepted'],
      to: 'in_service',
      when: when((v) => v.isServingVolunteer),
    },
    complete: {
      label: { zh: '完成服务', en: 'complete' },
      from: ['in_service'],
      to: 'completed',
      when: when((v) => v.isServingVolunteer),
    },
    rate: { label: { zh: '评价', en: 'rate' }, from: ['completed'], to: 'rated', when: when((v) => v.isResident) },
    close: {
      label: { zh: '办结', en: 'close' },
      from: ['completed', 'rated'],
      to: 'closed',
      when: when((v) => v.staffInScope),
    },
    cancel: {
      label: { zh: '取消订单', en: 'cancel' },
      from: ['submitted', 'reviewed', 'dispatched', 'accepted'],
      to: 'cancelled',
      when: when((v) => v.isResident || v.isPlacer),
    },
    // Taken by the escalation job only (no role holds them): the parent level reviews or re-dispatches.
    escalate_review: {
      label: { zh: '超时上报', en: 'escalate' },
      from: ['submitted'],
      to: 'submitted',
      roles: system,
    },
    escalate_accept: {
      label: { zh: '超时上报', en: 'escalate' },
      from: ['reviewed', 'dispatched'],
      to: 'reviewed',
      roles: system,
    },
    // Taken by the auto-close job only: rated orders, and completed ones left unrated for the set days.
    auto_close: {
      label: { zh: '自动办结', en: 'closed automatically' },
      from: ['completed', 'rated'],
      to: 'closed',
      roles: system,
    },
  },
});

export type OrderEvent =
  | 'review'
  | 'reject'
  | 'dispatch'
  | 'recall'
  | 'take_over'
  | 'accept'
  | 'decline'
  | 'check_in'
  | 'complete'
  | 'rate'
  | 'close'
  | 'auto_close'
  | 'cancel'
  | 'escalate_review'
  | 'escalate_accept';

/** The buttons: which events the actor may take on the order now. */
export function actionsFor(order: OrderRow, viewer: Viewer, actor: Actor | null) {
  const all = can(orderMachine, { order, viewer }, actor);
  const { escalate_review: _r, escalate_accept: _a, ...actions } = all;
  return actions;
}

export const stateLabel = (state: OrderState) => orderMachine.states[state];
