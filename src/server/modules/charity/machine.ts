/**
 * The two state machines of charity sales, as data: an event goes planned → open → closed
 * (reconciled) → reported (published); a disbursement is approved by one person, countersigned by a
 * different one, then paid. Staff in scope take every event; the guards say who else may.
 */
import { type Actor, staffRoles } from '../../platform/access.js';
import { can, defineMachine } from '../../platform/state-machine.js';
import type { charityDisbursements, charityEvents, DisbursementState, EventState } from './schema.js';

export type EventRow = typeof charityEvents.$inferSelect;
export type DisbursementRow = typeof charityDisbursements.$inferSelect;

export const eventMachine = defineMachine<EventState, 'open' | 'close' | 'publish', EventRow>({
  subject: { zh: '义卖活动', en: 'charity sale' },
  states: {
    planned: { zh: '筹备中', en: 'planned' },
    open: { zh: '义卖中', en: 'open' },
    closed: { zh: '已结账', en: 'closed' },
    reported: { zh: '已公示', en: 'reported' },
  },
  events: {
    open: {
      label: { zh: '开始义卖', en: 'open' },
      from: ['planned'],
      to: 'open',
      roles: staffRoles,
      writes: ({ now }) => ({ openedAt: now }),
    },
    close: {
      label: { zh: '结账关闭', en: 'close and reconcile' },
      from: ['open'],
      to: 'closed',
      roles: staffRoles,
      writes: ({ now, actor }) => ({ closedAt: now, closedBy: actor.userId }),
    },
    publish: {
      label: { zh: '公示报告', en: 'publish the report' },
      from: ['closed'],
      to: 'reported',
      roles: staffRoles,
      writes: ({ now }) => ({ reportedAt: now }),
    },
  },
});

type DisbursementEvent = 'approve' | 'countersign' | 'pay' | 'reject';

export const disbursementMachine = defineMachine<DisbursementState, DisbursementEvent, DisbursementRow>({
  subject: { zh: '善款支出', en: 'disbursement' },
  states: {
    pending: { zh: '待审批', en: 'awaiting approval' },
    approved_once: { zh: '待复核', en: 'awaiting a second approval' },
    approved: { zh: '待支付', en: 'approved, awaiting payment' },
    paid: { zh: '已支付', en: 'paid' },
    rejected: { zh: '已驳回', en: 'rejected' },
  },
  events: {
    approve: {
      label: { zh: '审批', en: 'approve' },
      from: ['pending'],
      to: 'approved_once',
      roles: staffRoles,
      writes: ({ now, actor }) => ({ firstApproverId: actor.userId, firstApprovedAt: now }),
    },
    countersign: {
      label: { zh: '复核', en: 'countersign' },
      from: ['approved_once'],
      to: 'approved',
      roles: staffRoles,
      when: (row, actor) => row.firstApproverId !== actor.userId,
      writes: ({ now, actor }) => ({ secondApproverId: actor.userId, secondApprovedAt: now }),
    },
    pay: {
      label: { zh: '确认支付', en: 'confirm payment' },
      from: ['approved'],
      to: 'paid',
      roles: staffRoles,
      writes: ({ now, actor }) => ({ paidAt: now, paidBy: actor.userId }),
    },
    reject: {
      label: { zh: '驳回', en: 'reject' },
      from: ['pending', 'approved_once'],
      to: 'rejected',
      roles: staffRoles,
      writes: ({ actor }) => ({ rejectedBy: actor.userId }),
    },
  },
});

export const eventActions = (row: EventRow, actor: Actor | null) => can(eventMachine, row, actor);
export const disbursementActions = (row: DisbursementRow, actor: Actor | null) => can(disbursementMachine, row, actor);
