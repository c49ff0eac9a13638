/**
 * Matrix rows for service hours. The per-record cells need a service record of community A, which
 * the hours tests create through recordService; the crossing of scopes is proved there
 * (src/server/modules/hours/hours.test.ts: another community's keeper neither sees nor confirms,
 * nor sees or approves a correction). Here: who is let in at all.
 */
import type { Row } from './matrix.js';
import { signedIn, staffAs, staffOnly } from './who.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/hours/hours.test.ts';

const staffPerRecord = staffAs(IN_TESTS);

export const hoursRows: Record<string, Row> = {
  'GET /api/v1/me/hours': { request: () => ({ url: '/api/v1/me/hours' }), who: signedIn },
  'GET /api/v1/me/service-records': { request: () => ({ url: '/api/v1/me/service-records' }), who: signedIn },
  'GET /api/v1/service-records': { request: () => ({ url: '/api/v1/service-records' }), who: staffOnly },
  // Anyone signed in may ask: a leader sees their teams' records, anyone else an empty list
  // (src/server/modules/hours/leader-confirm.test.ts).
  'GET /api/v1/me/team-service-records': {
    request: () => ({ url: '/api/v1/me/team-service-records' }),
    who: signedIn,
  },
  // Anyone signed in may ask; what gets confirmed is filtered by scope or team leadership
  // (src/server/modules/hours/leader-confirm.test.ts), the rest is skipped as not found.
  'POST /api/v1/service-records/confirm': {
    request: () => ({ url: '/api/v1/service-records/confirm', payload: { ids: [NO_ID] } }),
    who: signedIn,
  },
  'POST /api/v1/service-records/{id}/corrections': {
    request: () => ({
      url: `/api/v1/service-records/${NO_ID}/corrections`,
      payload: { minutes: 30, reason: '矩阵审计' },
    }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: IN_TESTS,
      keeper: IN_TESTS,
      foreignKeeper: 'refused',
      institute: IN_TESTS,
      foreignInstitute: 'refused',
      centre: IN_TESTS,
    },
  },
  'POST /api/v1/service-records/{id}/reject': {
    request: () => ({ url: `/api/v1/service-records/${NO_ID}/reject`, payload: { reason: '矩阵审计' } }),
    who: {
      ...staffPerRecord,
      keeper: 'per-record scope: src/server/modules/hours/reject-record.test.ts',
      foreignKeeper: 'per-record scope: src/server/modules/hours/reject-record.test.ts',
      // Team leaders refuse their team's records (src/server/modules/hours/leader-confirm.test.ts).
      resident: 'per-record scope: src/server/modules/hours/leader-confirm.test.ts',
      volunteer: 'per-record scope: src/server/modules/hours/leader-confirm.test.ts',
    },
  },
  'GET /api/v1/hours-corrections': { request: () => ({ url: '/api/v1/hours-corrections' }), who: staffOnly },
  'POST /api/v1/hours-corrections/{id}/approve': {
    request: () => ({ url: `/api/v1/hours-corrections/${NO_ID}/approve`, payload: {} }),
    who: staffPerRecord,
  },
  'POST /api/v1/hours-corrections/{id}/reject': {
    request: () => ({ url: `/api/v1/hours-corrections/${NO_ID}/reject`, payload: {} }),
    who: staffPerRecord,
  },
  'GET /api/v1/volunteers/{id}/hours': {
    request: (fx) => ({ url: `/api/v1/volunteers/${fx.volunteer.volunteerId}/hours` }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'refused',
      keeper: 'ok',
      foreignKeeper: 'refused',
      institute: 'ok',
      foreignInstitute: 'refused',
      centre: 'ok',
    },
  },
  'POST /api/v1/me/certificates': {
    request: () => ({ url: '/api/v1/me/certificates', payload: {} }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'a request of the caller’s own (src/server/modules/hours/certificates.test.ts)',
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
      centre: 'refused',
    },
  },
  'GET /api/v1/me/certificates': { request: () => ({ url: '/api/v1/me/certificates' }), who: signedIn },
  'GET /api/v1/certificates': { request: () => ({ url: '/api/v1/certificates' }), who: staffOnly },
  'POST /api/v1/certificates/{id}/issue': {
    request: () => ({
      url: `/api/v1/certificates/${NO_ID}/issue`,
      payload: { organisation: '矩阵审计站', personInCharge: '审计', contact: '0631-5200000' },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/certificates/{id}/refuse': {
    request: () => ({ url: `/api/v1/certificates/${NO_ID}/refuse`, payload: { reason: '矩阵审计' } }),
    who: staffPerRecord,
  },
  'POST /api/v1/certificates/{id}/revoke': {
    request: () => ({ url: `/api/v1/certificates/${NO_ID}/revoke`, payload: { reason: '矩阵审计' } }),
    who: {
      ...staffPerRecord,
      keeper: 'per-record scope: src/server/modules/hours/certificates.test.ts',
      foreignKeeper: 'per-record scope: src/server/modules/hours/certificates.test.ts',
    },
  },
  'GET /api/v1/certificates/{id}/pdf': {
    request: () => ({ url: `/api/v1/certificates/${NO_ID}/pdf` }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'refused',
      keeper: IN_TESTS,
      foreignKeeper: 'refused',
      institute: IN_TESTS,
      foreignInstitute: 'refused',
      centre: IN_TESTS,
    },
  },
  'GET /api/v1/public/certificates/{number}': {
    request: () => ({ url: '/api/v1/public/certificates/ZM2026010100000000' }),
    who: { anonymous: 'ok', resident: 'ok' },
  },
};
