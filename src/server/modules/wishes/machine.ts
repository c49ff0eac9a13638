/**
 * The micro-wish loop as data: 提交 → 审核 → 认领 → 送达 → 确认 → 致谢, with withdraw, release and
 * expiry. The use cases take events through `apply`; `actionsFor` sends the same rules to the web.
 */
import type { Actor } from '../../platform/access.js';
import { can, defineMachine } from '../../platform/state-machine.js';
import type { WishState, wishes } from './schema.js';

export type WishRow = typeof wishes.$inferSelect;

/** What a guard needs to know about the actor's relation to one wish (see viewer.ts). */
export interface WishViewer {
  /** The resident the wish is for. */
  isBeneficiary: boolean;
  isPlacer: boolean;
  /** Staff whose scope holds the wish's community. */
  staffInScope: boolean;
  /** The person who claimed it, or a manager of the organisation it was claimed for. */
  isClaimer: boolean;
  /** An active volunteer, or a manager of an active organisation: may claim wishes. */
  mayClaim: boolean;
}

export interface GuardedWish {
  wish: WishRow;
  viewer: WishViewer;
}

export type WishEvent =
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'claim'
  | 'release'
  | 'deliver'
  | 'confirm'
  | 'thank'
  | 'expire';

const when = (test: (v: WishViewer, w: WishRow) => boolean) => (r: GuardedWish, _actor: Actor) =>
  test(r.viewer, r.wish);
const system = [] as const;

export const wishMachine = defineMachine<WishState, WishEvent, GuardedWish>({
  subject: { zh: '微心愿', en: 'micro-wish' },
  stateOf: (r) => r.wish.state,
  states: {
    submitted: { zh: '待审核', en: 'submitted' },
    approved: { zh: '待认领', en: 'open for claiming' },
    rejected: { zh: '未通过', en: 'rejected' },
    claimed: { zh: '已认领', en: 'claimed' },
    delivered: { zh: '已送达', en: 'delivered' },
    confirmed: { zh: '已确认', en: 'confirmed' },
    thanked: { zh: '已致谢', en: 'thanked' },
    withdrawn: { zh: '已撤回', en: 'withdrawn' },
    expired: { zh: '已过期', en: 'expired' },
  },
  events: {
    approve: {
      label: { zh: '审核通过', en: 'approve' },
      from: ['submitted'],
      to: 'approved',
      when: when((v) => v.staffInScope),
    },
    reject: {
      label: { zh: '驳回', en: 'reject' },
      from: ['submitted'],
      to: 'rejected',
      when: when((v) => v.staffInScope),
    },
    withdraw: {
      label: { zh: '撤回心愿', en: 'withdraw' },
      from: ['submitted', 'approved'],
      to: 'withdrawn',
      when: when((v) => v.isBeneficiary || v.isPlacer),
    },
    claim: {
      label: { zh: '认领', en: 'claim' },
      from: ['approved'],
      to: 'claimed',
      when: when((v) => v.mayClaim && !v.isBeneficiary && !v.isPlacer),
    },
    release: {
      label: { zh: '放弃认领', en: 'release' },
      from: ['claimed'],
      to: 'approved',
      when: when((v) => v.isClaimer),
    },
    deliver: {
      label: { zh: '标记已送达', en: 'mark delivered' },
      from: ['claimed'],
      to: 'delivered',
      when: when((v) => v.isClaimer),
    },
    confirm: {
      label: { zh: '确认送达', en: 'confirm delivery' },
      from: ['delivered'],
      to: 'confirmed',
      when: when((v) => v.staffInScope),
    },
    thank: {
      label: { zh: '致谢', en: 'thank' },
      from: ['confirmed'],
      to: 'thanked',
      // The resident; for one without an account, the keeper who entered the wish records their thanks.
      when: when((v, w) => v.isBeneficiary || (w.beneficiaryUserId === null && v.staffInScope)),
    },
    // Taken by the expiry job only (no role holds it).
    expire: { label: { zh: '已过期', en: 'expired' }, from: ['submitted', 'approved'], to: 'expired', roles: system },
  },
});

/** The buttons: which events the actor may take on the wish now. */
export function actionsFor(wish: WishRow, viewer: WishViewer, actor: Actor | null) {
  const { expire: _e, ...actions } = can(wishMachine, { wish, viewer }, actor);
  return actions;
}

export const stateLabel = (state: WishState) => wishMachine.states[state];
