/**
 * Matrix rows for points. The per-adjustment decisions need a request made by someone else; the
 * crossing of scopes there (another community's keeper neither sees nor approves, 404; the
 * requester cannot approve their own) is proved in src/server/modules/points/points.test.ts.
 */
import type { Row } from './matrix.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/points/points.test.ts';

const signedIn: Row['who'] = {
  anonymous: 'signIn',
  resident: 'ok',
  volunteer: 'ok',
  keeper: 'ok',
  foreignKeeper: 'ok',
  institute: 'ok',
  foreignInstitute: 'ok',
  centre: 'ok',
};
const staffOnly: Row['who'] = { ...signedIn, resident: 'refused', volunteer: 'refused' };
const staffPerRecord: Row['who'] = {
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: IN_TESTS,
  foreignKeeper: IN_TESTS,
  institute: IN_TESTS,
  foreignInstitute: IN_TESTS,
  centre: IN_TESTS,
};
const defaults = { pointsPerHour: 10, activityCompletionPoints: 5, fiveStarBonusPoints: 5, expiryMonths: null };

export const pointsRows: Record<string, Row> = {
  'GET /api/v1/me/points': { request: () => ({ url: '/api/v1/me/points' }), who: signedIn },
  'GET /api/v1/points/settings': { request: () => ({ url: '/api/v1/points/settings' }), who: staffOnly },
  'PUT /api/v1/points/settings': {
    request: () => ({ url: '/api/v1/points/settings', payload: defaults }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'refused',
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
      centre: 'ok',
    },
  },
  'GET /api/v1/points/summary': { request: () => ({ url: '/api/v1/points/summary' }), who: staffOnly },
  'POST /api/v1/points/adjustments': {
    request: (fx) => ({
      url: '/api/v1/points/adjustments',
      payload: { volunteerId: fx.volunteer.volunteerId, direction: 'award', points: 5, reason: '矩阵审计' },
    }),
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
  'GET /api/v1/points/adjustments': { request: () => ({ url: '/api/v1/points/adjustments' }), who: staffOnly },
  'POST /api/v1/points/adjustments/{id}/approve': {
    request: () => ({ url: `/api/v1/points/adjustments/${NO_ID}/approve`, payload: {} }),
    who: staffPerRecord,
  },
  'POST /api/v1/points/adjustments/{id}/reject': {
    request: () => ({ url: `/api/v1/points/adjustments/${NO_ID}/reject`, payload: {} }),
    who: staffPerRecord,
  },
};
