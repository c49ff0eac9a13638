/**
 * The two state machines of charity sales, as data: an event goes planned → open → closed
 * (reconciled) → reported (published); a disbursement is approved by one person, countersigned by a
 * different one, then paid. Staff in scope take every event; the guards say who else may.
 */
import { type Actor, staffRoles } from '../../platform/access.js';
import { can, machineFromTable } from '../../platform/state-machine.js';
import type { charityDisbursements, charityEvents, DisbursementState, EventState } from './schema.js';

export type EventRow = typeof charityEvents.$inferSelect;
export type DisbursementRow = typeof charityDisbursements.$inferSelect;

export const eventMachine = machineFromTable<EventState, 'open' | 'close' | 'publish', EventRow>({
  subject: { zh: '义卖活动', en: 'charity sale' },
  roles: staffRoles,
  states: [
    ['planned', '筹备中', 'planned'],
    ['open', '义卖中', 'open'],
    ['closed', '已结账', 'closed'],
    ['reported', '已公示', 'reported'],
  ],
  events: [
    ['open', '开始义卖', 'open', 'planned', 'open', { writes: ({ now }) => ({ openedAt: now }) }],
    [
      'close',
      '结账关闭',
      'close and reconcile',
      'open',
      'closed',
      { writes: ({ now, actor }) => ({ closedAt: now, closedBy: actor.userId }) },
    ],
    ['publish', '公示报告', 'publish the report', 'closed', 'reported', { writes: ({ now }) => ({ reportedAt: now }) }],
  ],
});

type DisbursementEvent = 'approve' | 'countersign' | 'pay' | 'reject';

export const disbursementMachine = machineFromTable<DisbursementState, DisbursementEvent, DisbursementRow>({
  subject: { zh: '善款支出', en: 'disbursement' },
  roles: staffRoles,
  states: [
    ['pending', '待审批', 'awaiting approval'],
    ['approved_once', '待复核', 'awaiting a second approval'],
    ['approved', '待支付', 'approved, awaiting payment'],
    ['paid', '已支付', 'paid'],
    ['rejected', '已驳回', 'rejected'],
  ],
  events: [
    [
      'approve',
      '审批',
      'approve',
      'pending',
      'approved_once',
      { writes: ({ now, actor }) => ({ firstApproverId: actor.userId, firstApprovedAt: now }) },
    ],
    [
      'countersign',
      '复核',
      'countersign',
      'approved_once',
      'approved',
      {
        when: (row, actor) => row.firstApproverId !== actor.userId,
        writes: ({ now, actor }) => ({ secondApproverId: actor.userId, secondApprovedAt: now }),
      },
    ],
    [
      'pay',
      '确认支付',
      'confirm payment',
      'approved',
      'paid',
      { writes: ({ now, actor }) => ({ paidAt: now, paidBy: actor.userId }) },
    ],
    [
      'reject',
      '驳回',
      'reject',
      ['pending', 'approved_once'],
      'rejected',
      { writes: ({ actor }) => ({ rejectedBy: actor.userId }) },
    ],
  ],
});

export const eventActions = (row: EventRow, actor: Actor | null) => can(eventMachine, row, actor);
export const disbursementActions = (row: DisbursementRow, actor: Actor | null) => can(disbursementMachine, row, actor);
