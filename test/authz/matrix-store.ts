/**
 * Matrix rows for the pioneer store (积分兑换先锋超市). Staff routes on a store use 大世界雷锋岗 (in
 * community A); routes on one record (goods, redemptions, pickup codes) are crossed in
 * src/server/modules/store/store.test.ts: another community's keeper gets 404 for goods, stock,
 * codes and cancellations. Here: who is let in at all.
 */
import { randomBytes } from 'node:crypto';
import type { Row } from './matrix.js';
import { scoped, signedIn, signedInAs, staffAs, staffOnly } from './who.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/store/store.test.ts';

const CODE_MISS = 'a wrong code at one’s own store is a 404 that counts the miss: store.test.ts';

const staffPerRecord = staffAs(IN_TESTS);
const signedInPerRecord = signedInAs(IN_TESTS);

export const storeRows: Record<string, Row> = {
  'GET /api/v1/store/stores': { request: () => ({ url: '/api/v1/store/stores' }), who: signedIn },
  'GET /api/v1/store/stores/{siteId}': {
    request: (fx) => ({ url: `/api/v1/store/stores/${fx.siteId}` }),
    who: signedIn,
  },
  'POST /api/v1/store/redemptions': {
    request: () => ({
      url: '/api/v1/store/redemptions',
      payload: { goodsId: NO_ID, quantity: 1 },
      headers: { 'idempotency-key': `matrix-${randomBytes(6).toString('hex')}` },
    }),
    who: signedInPerRecord,
  },
  'GET /api/v1/store/redemptions/mine': { request: () => ({ url: '/api/v1/store/redemptions/mine' }), who: signedIn },
  'POST /api/v1/store/redemptions/{id}/cancel': {
    request: () => ({ url: `/api/v1/store/redemptions/${NO_ID}/cancel`, payload: {} }),
    who: signedInPerRecord,
  },
  'GET /api/v1/store/sites': { request: () => ({ url: '/api/v1/store/sites' }), who: staffOnly },
  'GET /api/v1/store/sites/{siteId}/goods': {
    request: (fx) => ({ url: `/api/v1/store/sites/${fx.siteId}/goods` }),
    who: scoped(),
  },
  'POST /api/v1/store/sites/{siteId}/goods': {
    request: (fx) => ({
      url: `/api/v1/store/sites/${fx.siteId}/goods`,
      payload: { name: `矩阵物品${randomBytes(4).toString('hex')}`, pricePoints: 10 },
    }),
    who: scoped(),
  },
  'PUT /api/v1/store/goods/{id}': {
    request: () => ({ url: `/api/v1/store/goods/${NO_ID}`, payload: { name: '矩阵', pricePoints: 10 } }),
    who: staffPerRecord,
  },
  'POST /api/v1/store/goods/{id}/restock': {
    request: () => ({ url: `/api/v1/store/goods/${NO_ID}/restock`, payload: { quantity: 1 } }),
    who: staffPerRecord,
  },
  'POST /api/v1/store/goods/{id}/stocktake': {
    request: () => ({ url: `/api/v1/store/goods/${NO_ID}/stocktake`, payload: { counted: 1, reason: '矩阵' } }),
    who: staffPerRecord,
  },
  'GET /api/v1/store/goods/{id}/movements': {
    request: () => ({ url: `/api/v1/store/goods/${NO_ID}/movements` }),
    who: staffPerRecord,
  },
  'POST /api/v1/store/sites/{siteId}/pickups/lookup': {
    request: (fx) => ({ url: `/api/v1/store/sites/${fx.siteId}/pickups/lookup`, payload: { code: '00000000' } }),
    who: scoped(CODE_MISS),
  },
  'POST /api/v1/store/sites/{siteId}/pickups': {
    request: (fx) => ({ url: `/api/v1/store/sites/${fx.siteId}/pickups`, payload: { code: '00000000' } }),
    who: scoped(CODE_MISS),
  },
  'GET /api/v1/store/sites/{siteId}/pickups': {
    request: (fx) => ({ url: `/api/v1/store/sites/${fx.siteId}/pickups` }),
    who: scoped(),
  },
  'GET /api/v1/store/merchants': { request: () => ({ url: '/api/v1/store/merchants' }), who: staffOnly },
  'GET /api/v1/store/my-merchants': { request: () => ({ url: '/api/v1/store/my-merchants' }), who: signedIn },
  'GET /api/v1/store/merchants/{id}/donations': {
    request: () => ({ url: `/api/v1/store/merchants/${NO_ID}/donations` }),
    who: staffPerRecord,
  },
  'GET /api/v1/store/settings': { request: () => ({ url: '/api/v1/store/settings' }), who: staffOnly },
  'PUT /api/v1/store/settings': {
    request: () => ({ url: '/api/v1/store/settings', payload: { pickupDays: 7 } }),
    who: { ...scoped('refused'), centre: 'ok' },
  },
};
