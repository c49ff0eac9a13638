/**
 * What each caller gets for each order action in each state, declared by hand (not read from the
 * order machine, so that a change to the machine or its guards that lets the wrong person act fails).
 *
 * The order belongs to community A: placed by the demo resident, reviewed by A's keeper, dispatched
 * to the demo volunteer (see `newOrder` in fixtures.ts). For a caller and a state:
 * - 403 FORBIDDEN when the route is for staff and the caller is not;
 * - 404 when the caller may not see the order in that state (foreign staff always; the volunteer
 *   until it is offered to them), exactly like an order that does not exist;
 * - 409 ILLEGAL_TRANSITION when the state does not allow the action;
 * - 403 FORBIDDEN when it does, but not for this caller;
 * - 200 otherwise.
 */
import { ORDER_POINT, type OrderStateName, orderStateNames, type Who } from './fixtures.js';

type Caller = Exclude<Who, 'anonymous'>;
const ownStaff: Caller[] = ['keeper', 'institute', 'centre'];

export interface OrderAction {
  method: 'GET' | 'POST';
  /** After /api/v1/orders/{id}. */
  path: string;
  body?: unknown;
  /** States in which the action exists; empty for reads. */
  legalIn: readonly OrderStateName[];
  /** Who may take it there (or, for a read, who may read). */
  may: readonly Caller[];
  /** The state it leads to. */
  to?: OrderStateName;
  /** Refused to residents and volunteers by the route itself (403), before any order is read. */
  staffOnly?: boolean;
}

const afterDispatch: OrderStateName[] = ['dispatched', 'accepted', 'in_service', 'completed', 'rated', 'closed'];

/** The states in which each caller can see the order at all. */
export const sees: Record<Caller, readonly OrderStateName[]> = {
  resident: orderStateNames,
  volunteer: afterDispatch,
  keeper: orderStateNames,
  foreignKeeper: [],
  institute: orderStateNames,
  foreignInstitute: [],
  centre: orderStateNames,
};

export const orderActions: Record<string, OrderAction> = {
  read: { method: 'GET', path: '', legalIn: [], may: ['resident', 'volunteer', ...ownStaff] },
  candidates: { method: 'GET', path: '/candidates', legalIn: [], may: ownStaff, staffOnly: true },
  review: { method: 'POST', path: '/review', legalIn: ['submitted'], may: ownStaff, to: 'reviewed' },
  reject: {
    method: 'POST',
    path: '/reject',
    body: { reason: '矩阵驳回' },
    legalIn: ['submitted'],
    may: ownStaff,
    to: 'rejected',
  },
  dispatch: {
    method: 'POST',
    path: '/dispatch',
    body: { target: { kind: 'open' } },
    legalIn: ['reviewed'],
    may: ownStaff,
    to: 'dispatched',
  },
  recall: { method: 'POST', path: '/recall', body: {}, legalIn: ['dispatched'], may: ownStaff, to: 'reviewed' },
  // Dispatched to a volunteer, not down a level: nobody takes it over.
  take_over: { method: 'POST', path: '/take-over', legalIn: ['dispatched'], may: [] },
  accept: { method: 'POST', path: '/accept', legalIn: ['dispatched'], may: ['volunteer'], to: 'accepted' },
  decline: {
    method: 'POST',
    path: '/decline',
    body: { reason: '矩阵拒单' },
    legalIn: ['dispatched'],
    may: ['volunteer'],
    to: 'reviewed',
  },
  check_in: {
    method: 'POST',
    path: '/check-in',
    body: ORDER_POINT,
    legalIn: ['accepted'],
    may: ['volunteer'],
    to: 'in_service',
  },
  complete: {
    method: 'POST',
    path: '/complete',
    body: { summary: '矩阵服务完成' },
    legalIn: ['in_service'],
    may: ['volunteer'],
    to: 'completed',
  },
  rate: { method: 'POST', path: '/rate', body: { stars: 4 }, legalIn: ['completed'], may: ['resident'], to: 'rated' },
  close: { method: 'POST', path: '/close', legalIn: ['completed', 'rated'], may: ownStaff, to: 'closed' },
  cancel: {
    method: 'POST',
    path: '/cancel',
    body: { reason: '矩阵取消' },
    legalIn: ['submitted', 'reviewed', 'dispatched', 'accepted'],
    may: ['resident'],
    to: 'cancelled',
  },
};

export type Expected = { status: 200 | 401 | 403 | 404 | 409; code?: string };

export function expected(action: OrderAction, state: OrderStateName, who: Who): Expected {
  if (who === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  if (action.staffOnly && (who === 'resident' || who === 'volunteer')) return { status: 403, code: 'FORBIDDEN' };
  if (!sees[who].includes(state)) return { status: 404, code: 'NOT_FOUND' };
  if (action.method === 'GET') return action.may.includes(who) ? { status: 200 } : { status: 404, code: 'NOT_FOUND' };
  if (!action.legalIn.includes(state)) return { status: 409, code: 'ILLEGAL_TRANSITION' };
  return action.may.includes(who) ? { status: 200 } : { status: 403, code: 'FORBIDDEN' };
}
