/**
 * Matrix rows for the service menu and the order loop. Each action on one order is checked on a
 * fresh order of community A in a state that allows it, with the cells of order-states.ts (which
 * also checks every other state, with the exact status).
 */
import { actors, COMMUNITY_A, ORDER_POINT, type OrderStateName } from './fixtures.js';
import type { Outcome, Row } from './matrix.js';
import { expected, orderActions } from './order-states.js';

const NO_ORDER = '00000000-0000-4000-8000-000000000000';
const PENDING = 'checked by the service-menu and batch-dispatch tests, not in the matrix yet';

const publicRead = (url: string): Row => ({ request: () => ({ url }), who: { anonymous: 'ok', resident: 'ok' } });
/** Staff-only by role: refused to residents and volunteers before any record is read. */
const staffRead = (url: string): Row => ({
  request: () => ({ url }),
  who: {
    anonymous: 'signIn',
    resident: 'refused',
    volunteer: 'refused',
    keeper: 'ok',
    foreignKeeper: 'ok',
    institute: 'ok',
    foreignInstitute: 'ok',
    centre: 'ok',
  },
});
const centreOnly = (url: string, payload: unknown): Row => ({
  request: () => ({ url, payload }),
  who: {
    anonymous: 'signIn',
    resident: 'refused',
    volunteer: 'refused',
    keeper: 'refused',
    foreignKeeper: 'refused',
    institute: 'refused',
    foreignInstitute: 'refused',
    centre: 'the change itself is tested in the service-menu and orders tests',
  },
});
const mineRead = (url: string): Row => ({
  request: () => ({ url }),
  who: { anonymous: 'signIn', resident: 'ok', volunteer: 'ok', keeper: 'ok', centre: 'ok' },
});
const perOrder = (url: string, payload?: unknown): Row => ({
  request: () => ({ url: url.replace('{id}', NO_ORDER), payload }),
  who: {
    anonymous: 'signIn',
    resident: PENDING,
    volunteer: PENDING,
    keeper: PENDING,
    foreignKeeper: PENDING,
    institute: PENDING,
    foreignInstitute: PENDING,
    centre: PENDING,
  },
});
/** One action on one order of community A, in `state` (a fresh order for every call). */
const onOrder = (name: keyof typeof orderActions, state: OrderStateName): Row => {
  const action = orderActions[name];
  if (!action) throw new Error(`no order action ${name}`);
  const outcome = (status: number): Outcome => (status === 200 ? 'ok' : status === 401 ? 'signIn' : 'refused');
  return {
    request: async (fx) => ({ url: `/api/v1/orders/${await fx.newOrder(state)}${action.path}`, payload: action.body }),
    who: Object.fromEntries(actors.map((who) => [who, outcome(expected(action, state, who).status)])),
  };
};
/** Only the order's resident, once the service is done: everyone else gets what a missing order gets. */
const residentOnly = (resident: Outcome | string): Row => ({
  request: async (fx) => ({ url: `/api/v1/orders/${await fx.newOrder('completed')}/volunteer-block` }),
  who: {
    anonymous: 'signIn',
    resident,
    volunteer: 'refused',
    keeper: 'refused',
    foreignKeeper: 'refused',
    institute: 'refused',
    foreignInstitute: 'refused',
    centre: 'refused',
  },
});
const start = Date.now() + 86_400_000;
const freeRequest = {
  categoryCode: 'convenience',
  title: '矩阵下单',
  regionCode: COMMUNITY_A,
  address: '北门外社区 1 号楼',
  ...ORDER_POINT,
  windowStart: new Date(start).toISOString(),
  windowEnd: new Date(start + 3_600_000).toISOString(),
};

export const orderRows: Record<string, Row> = {
  'GET /api/v1/public/service-categories': publicRead('/api/v1/public/service-categories'),
  'GET /api/v1/service-categories': staffRead('/api/v1/service-categories'),
  'PUT /api/v1/service-categories/{code}': centreOnly('/api/v1/service-categories/health', {}),
  'GET /api/v1/public/menu-items': publicRead('/api/v1/public/menu-items'),
  'GET /api/v1/public/menu-items/{id}': {
    request: () => ({ url: `/api/v1/public/menu-items/${NO_ORDER}` }),
    who: { anonymous: 'refused' },
  },
  'GET /api/v1/menu-items': staffRead('/api/v1/menu-items'),
  'POST /api/v1/menu-items': {
    ...perOrder('/api/v1/menu-items', {}),
    who: { anonymous: 'signIn', resident: 'refused', volunteer: 'refused' },
  },
  'PATCH /api/v1/menu-items/{id}': {
    ...perOrder('/api/v1/menu-items/{id}', {}),
    who: { anonymous: 'signIn', resident: 'refused', volunteer: 'refused' },
  },
  'POST /api/v1/orders': {
    request: () => ({ url: '/api/v1/orders', payload: freeRequest }),
    who: Object.fromEntries(actors.map((who) => [who, who === 'anonymous' ? 'signIn' : 'ok'])),
  },
  'GET /api/v1/orders': staffRead('/api/v1/orders'),
  'GET /api/v1/orders/mine': mineRead('/api/v1/orders/mine'),
  'GET /api/v1/orders/tasks': {
    request: () => ({ url: '/api/v1/orders/tasks' }),
    who: { anonymous: 'signIn', volunteer: 'ok' },
  },
  'GET /api/v1/order-settings': staffRead('/api/v1/order-settings'),
  'GET /api/v1/orders/metrics': staffRead('/api/v1/orders/metrics'),
  'POST /api/v1/orders/dispatch/batch': {
    ...perOrder('/api/v1/orders/dispatch/batch', {}),
    who: { anonymous: 'signIn', resident: 'refused', volunteer: 'refused' },
  },
  'PUT /api/v1/order-settings': centreOnly('/api/v1/order-settings', {}),
  'GET /api/v1/orders/{id}': onOrder('read', 'dispatched'),
  'GET /api/v1/orders/{id}/candidates': onOrder('candidates', 'reviewed'),
  'POST /api/v1/orders/{id}/review': onOrder('review', 'submitted'),
  'POST /api/v1/orders/{id}/reject': onOrder('reject', 'submitted'),
  'POST /api/v1/orders/{id}/dispatch': onOrder('dispatch', 'reviewed'),
  'POST /api/v1/orders/{id}/recall': onOrder('recall', 'dispatched'),
  'POST /api/v1/orders/{id}/take-over': onOrder('take_over', 'dispatched'),
  'POST /api/v1/orders/{id}/accept': onOrder('accept', 'dispatched'),
  'POST /api/v1/orders/{id}/decline': onOrder('decline', 'dispatched'),
  'POST /api/v1/orders/{id}/check-in': onOrder('check_in', 'accepted'),
  'POST /api/v1/orders/{id}/complete': onOrder('complete', 'in_service'),
  'POST /api/v1/orders/{id}/rate': onOrder('rate', 'completed'),
  'POST /api/v1/orders/{id}/close': onOrder('close', 'rated'),
  'POST /api/v1/orders/{id}/cancel': onOrder('cancel', 'accepted'),
  'POST /api/v1/public/kiosk/{siteId}/orders': {
    request: () => ({
      url: `/api/v1/public/kiosk/${NO_ORDER}/orders`,
      payload: {
        menuItemId: NO_ORDER,
        contactName: '矩阵',
        contactPhone: '13905350199',
        address: '1 号楼',
        windowStart: freeRequest.windowStart,
        windowEnd: freeRequest.windowEnd,
      },
    }),
    who: { anonymous: 'open', resident: 'open' },
  },
  'GET /api/v1/orders/{id}/volunteer-block': residentOnly('ok'),
  'PUT /api/v1/orders/{id}/volunteer-block': residentOnly(
    'checked in orders/blocks.test.ts (a block here would keep the demo volunteer off the later rows’ orders)',
  ),
  'DELETE /api/v1/orders/{id}/volunteer-block': residentOnly('ok'),
};
