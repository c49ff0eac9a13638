/**
 * Matrix rows for micro-wishes (微心愿). The per-record cells need a wish of community A in a given
 * state; the crossing of scopes is proved in src/server/modules/wishes/wishes.test.ts (another
 * community's keeper gets 404 on read, approve, reject and confirm, and never sees the wish in a list;
 * the wall hides phone and address). Here: who is let in at all.
 */
import { COMMUNITY_A } from './fixtures.js';
import type { Row } from './matrix.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/wishes/wishes.test.ts';

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
/** Staff-only by role: refused to residents and volunteers; any staff member gets an answer (filtered by scope). */
const staffOnly: Row['who'] = {
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: 'ok',
  foreignKeeper: 'ok',
  institute: 'ok',
  foreignInstitute: 'ok',
  centre: 'ok',
};
const perRecord: Row['who'] = {
  anonymous: 'signIn',
  resident: IN_TESTS,
  volunteer: IN_TESTS,
  keeper: IN_TESTS,
  foreignKeeper: IN_TESTS,
  institute: IN_TESTS,
  foreignInstitute: IN_TESTS,
  centre: IN_TESTS,
};
const onWish = (action: string, payload: unknown = {}): Row => ({
  request: () => ({ url: `/api/v1/wishes/${NO_ID}/${action}`, payload }),
  who: perRecord,
});

export const wishRows: Record<string, Row> = {
  'POST /api/v1/wishes': {
    request: () => ({
      url: '/api/v1/wishes',
      payload: {
        title: '矩阵心愿',
        regionCode: COMMUNITY_A,
        address: '北门外社区 1 号楼',
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    }),
    who: signedIn,
  },
  'GET /api/v1/wishes/wall': { request: () => ({ url: '/api/v1/wishes/wall' }), who: signedIn },
  'GET /api/v1/wishes/mine': { request: () => ({ url: '/api/v1/wishes/mine' }), who: signedIn },
  'GET /api/v1/wishes/claims': { request: () => ({ url: '/api/v1/wishes/claims' }), who: signedIn },
  'GET /api/v1/wishes': { request: () => ({ url: '/api/v1/wishes' }), who: staffOnly },
  'GET /api/v1/wishes/{id}': { request: () => ({ url: `/api/v1/wishes/${NO_ID}` }), who: perRecord },
  'POST /api/v1/wishes/{id}/approve': onWish('approve'),
  'POST /api/v1/wishes/{id}/reject': onWish('reject', { reason: '矩阵驳回' }),
  'POST /api/v1/wishes/{id}/withdraw': onWish('withdraw'),
  'POST /api/v1/wishes/{id}/claim': onWish('claim'),
  'POST /api/v1/wishes/{id}/release': onWish('release'),
  'POST /api/v1/wishes/{id}/deliver': onWish('deliver'),
  'POST /api/v1/wishes/{id}/confirm': onWish('confirm'),
  'POST /api/v1/wishes/{id}/thank': onWish('thank', { message: '谢谢' }),
  // The tenant's claim limits: every staff member reads them, whatever their scope; centre admins change them.
  'GET /api/v1/wishes/settings': { request: () => ({ url: '/api/v1/wishes/settings' }), who: staffOnly },
  'PUT /api/v1/wishes/settings': {
    request: () => ({ url: '/api/v1/wishes/settings', payload: { personClaimLimit: 3, organisationClaimLimit: 10 } }),
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
};
