/**
 * Matrix rows for charity sales (爱心义卖). Staff routes need a staff role; the crossing of scopes on
 * one record is proved in src/server/modules/charity/sales.test.ts and disbursements.test.ts (another
 * community's keeper gets 404 on an event, its close, a sale's reversal, a beneficiary; a keeper
 * cannot approve a subdistrict fund's disbursement nor see or reverse its donations (donations.test.ts); a stall keeper records at their own stall only).
 * Here: who is let in at all.
 */
import { randomBytes } from 'node:crypto';
import type { Row } from './matrix.js';
import { signedInAs, staffAs, staffOnly } from './who.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/charity/*.test.ts';

const everyone = (outcome: 'ok' | 'open' | 'signIn'): Row['who'] => ({
  anonymous: outcome,
  resident: outcome === 'signIn' ? 'ok' : outcome,
  volunteer: outcome === 'signIn' ? 'ok' : outcome,
  keeper: outcome === 'signIn' ? 'ok' : outcome,
  foreignKeeper: outcome === 'signIn' ? 'ok' : outcome,
  institute: outcome === 'signIn' ? 'ok' : outcome,
  foreignInstitute: outcome === 'signIn' ? 'ok' : outcome,
  centre: outcome === 'signIn' ? 'ok' : outcome,
});
const key = () => ({ 'idempotency-key': `matrix-${randomBytes(6).toString('hex')}` });
const staffOn = (url: string, payload: unknown = {}, headers?: Record<string, string>): Row => ({
  request: () => ({ url, payload, ...(headers ? { headers } : {}) }),
  who: staffPerRecord,
});

const staffPerRecord = staffAs(IN_TESTS);
const signedInPerRecord = signedInAs(IN_TESTS);

export const charityRows: Record<string, Row> = {
  'GET /api/v1/charity/funds': { request: () => ({ url: '/api/v1/charity/funds' }), who: staffOnly },
  'POST /api/v1/charity/funds': staffOn('/api/v1/charity/funds', { name: '矩阵基金', regionCode: '371002002005' }),
  'POST /api/v1/charity/funds/{id}/donations': {
    request: () => ({
      url: `/api/v1/charity/funds/${NO_ID}/donations`,
      payload: { amountFen: 100, method: 'cash' },
      headers: key(),
    }),
    who: staffPerRecord,
  },
  'GET /api/v1/charity/donations': { request: () => ({ url: '/api/v1/charity/donations' }), who: staffOnly },
  'GET /api/v1/charity/donations/{id}': {
    request: () => ({ url: `/api/v1/charity/donations/${NO_ID}` }),
    who: staffPerRecord,
  },
  'POST /api/v1/charity/donations/{id}/reverse': staffOn(`/api/v1/charity/donations/${NO_ID}/reverse`, {
    reason: '矩阵',
  }),
  'GET /api/v1/charity/events': { request: () => ({ url: '/api/v1/charity/events' }), who: staffOnly },
  'POST /api/v1/charity/events': staffOn('/api/v1/charity/events', {
    title: '矩阵义卖',
    heldOn: '2026-03-05',
    regionCode: '371002002005',
    address: '雷锋巷',
    fundId: NO_ID,
  }),
  'GET /api/v1/charity/events/{id}': {
    request: () => ({ url: `/api/v1/charity/events/${NO_ID}` }),
    who: staffPerRecord,
  },
  'POST /api/v1/charity/events/{id}/open': staffOn(`/api/v1/charity/events/${NO_ID}/open`),
  'POST /api/v1/charity/events/{id}/close': staffOn(`/api/v1/charity/events/${NO_ID}/close`, { countedCashFen: 0 }),
  'POST /api/v1/charity/events/{id}/publish': staffOn(`/api/v1/charity/events/${NO_ID}/publish`),
  'POST /api/v1/charity/events/{id}/stalls': staffOn(`/api/v1/charity/events/${NO_ID}/stalls`, {
    name: '矩阵摊位',
    holderKind: 'team',
    holderName: '鲸园蓝',
    category: 'books',
    keeperPhone: '13800000005',
  }),
  'GET /api/v1/charity/events/{id}/sales': {
    request: () => ({ url: `/api/v1/charity/events/${NO_ID}/sales` }),
    who: staffPerRecord,
  },
  'GET /api/v1/charity/my-stalls': { request: () => ({ url: '/api/v1/charity/my-stalls' }), who: everyone('signIn') },
  'POST /api/v1/charity/stalls/{id}/sales': {
    request: () => ({
      url: `/api/v1/charity/stalls/${NO_ID}/sales`,
      payload: { amountFen: 100, method: 'cash' },
      headers: key(),
    }),
    who: signedInPerRecord,
  },
  'POST /api/v1/charity/sales/{id}/reverse': staffOn(`/api/v1/charity/sales/${NO_ID}/reverse`, { reason: '矩阵' }),
  'GET /api/v1/charity/beneficiaries': { request: () => ({ url: '/api/v1/charity/beneficiaries' }), who: staffOnly },
  'POST /api/v1/charity/beneficiaries': staffOn('/api/v1/charity/beneficiaries', {
    name: '矩阵',
    regionCode: '371002002005',
    consent: true,
  }),
  'GET /api/v1/charity/beneficiaries/{id}': {
    request: () => ({ url: `/api/v1/charity/beneficiaries/${NO_ID}` }),
    who: staffPerRecord,
  },
  'GET /api/v1/charity/disbursements': { request: () => ({ url: '/api/v1/charity/disbursements' }), who: staffOnly },
  'POST /api/v1/charity/disbursements': staffOn('/api/v1/charity/disbursements', {
    fundId: NO_ID,
    beneficiaryId: NO_ID,
    amountFen: 100,
    purpose: 'living',
  }),
  'GET /api/v1/charity/disbursements/{id}': {
    request: () => ({ url: `/api/v1/charity/disbursements/${NO_ID}` }),
    who: staffPerRecord,
  },
  'POST /api/v1/charity/disbursements/{id}/approve': staffOn(`/api/v1/charity/disbursements/${NO_ID}/approve`),
  'POST /api/v1/charity/disbursements/{id}/reject': staffOn(`/api/v1/charity/disbursements/${NO_ID}/reject`, {
    reason: '矩阵',
  }),
  'POST /api/v1/charity/disbursements/{id}/pay': staffOn(`/api/v1/charity/disbursements/${NO_ID}/pay`, {
    paymentRef: 'M-1',
  }),
  'GET /api/v1/public/charity/events': {
    request: () => ({ url: '/api/v1/public/charity/events' }),
    who: everyone('ok'),
  },
  'GET /api/v1/public/charity/events/{id}/report': {
    request: () => ({ url: `/api/v1/public/charity/events/${NO_ID}/report` }),
    who: everyone('open'),
  },
  'GET /api/v1/public/charity/events/{id}/report/export': {
    request: () => ({ url: `/api/v1/public/charity/events/${NO_ID}/report/export?format=pdf` }),
    who: everyone('open'),
  },
  'GET /api/v1/public/charity/report': {
    request: () => ({ url: '/api/v1/public/charity/report?year=2025' }),
    who: everyone('ok'),
  },
  'GET /api/v1/public/charity/report/export': {
    request: () => ({ url: '/api/v1/public/charity/report/export?year=2025&format=xlsx' }),
    who: everyone('ok'),
  },
};
