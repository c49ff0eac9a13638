/**
 * Matrix rows for the service menu and the order loop. What needs no order is checked in full;
 * the per-order cells need an order of community A at each state, which the orders module's
 * fixtures should provide (until then those cells say so, and only the anonymous cell is checked).
 */
import type { Row } from './matrix.js';

const NO_ORDER = '00000000-0000-4000-8000-000000000000';
const PENDING = 'needs an order of community A in the matching state (orders fixtures, not in the matrix yet)';

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
  'POST /api/v1/orders': perOrder('/api/v1/orders', {}),
  'GET /api/v1/orders': staffRead('/api/v1/orders'),
  'GET /api/v1/orders/mine': mineRead('/api/v1/orders/mine'),
  'GET /api/v1/orders/tasks': {
    request: () => ({ url: '/api/v1/orders/tasks' }),
    who: { anonymous: 'signIn', volunteer: 'ok' },
  },
  'GET /api/v1/order-settings': staffRead('/api/v1/order-settings'),
  'PUT /api/v1/order-settings': centreOnly('/api/v1/order-settings', {}),
  'GET /api/v1/orders/{id}': perOrder('/api/v1/orders/{id}'),
  'GET /api/v1/orders/{id}/candidates': perOrder('/api/v1/orders/{id}/candidates'),
  'POST /api/v1/orders/{id}/review': perOrder('/api/v1/orders/{id}/review', {}),
  'POST /api/v1/orders/{id}/reject': perOrder('/api/v1/orders/{id}/reject', {}),
  'POST /api/v1/orders/{id}/dispatch': perOrder('/api/v1/orders/{id}/dispatch', {}),
  'POST /api/v1/orders/{id}/recall': perOrder('/api/v1/orders/{id}/recall', {}),
  'POST /api/v1/orders/{id}/take-over': perOrder('/api/v1/orders/{id}/take-over', {}),
  'POST /api/v1/orders/{id}/accept': perOrder('/api/v1/orders/{id}/accept', {}),
  'POST /api/v1/orders/{id}/decline': perOrder('/api/v1/orders/{id}/decline', {}),
  'POST /api/v1/orders/{id}/check-in': perOrder('/api/v1/orders/{id}/check-in', {}),
  'POST /api/v1/orders/{id}/complete': perOrder('/api/v1/orders/{id}/complete', {}),
  'POST /api/v1/orders/{id}/rate': perOrder('/api/v1/orders/{id}/rate', {}),
  'POST /api/v1/orders/{id}/close': perOrder('/api/v1/orders/{id}/close', {}),
  'POST /api/v1/orders/{id}/cancel': perOrder('/api/v1/orders/{id}/cancel', {}),
};
