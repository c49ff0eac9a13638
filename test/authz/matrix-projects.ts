/**
 * Matrix rows for projects and brands (项目化、品牌化). The per-record cells need a project in a
 * given state at a given review level; the crossing of scopes is proved in
 * src/server/modules/projects/projects.test.ts (another community's keeper gets 404 on read,
 * approve, return and reject and never sees the project in a list; a level that is not the current
 * step is refused; a non-manager cannot apply for an organisation). Here: who is let in at all.
 */
import { SUBDISTRICT_A } from './fixtures.js';
import type { Row } from './matrix.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/projects/projects.test.ts, calls.test.ts';

const all = (outcome: string): Row['who'] => ({
  anonymous: 'signIn',
  resident: outcome,
  volunteer: outcome,
  keeper: outcome,
  foreignKeeper: outcome,
  institute: outcome,
  foreignInstitute: outcome,
  centre: outcome,
});
const signedIn = all('ok');
const perRecord = all(IN_TESTS);
const staffOnly: Row['who'] = { ...signedIn, resident: 'refused', volunteer: 'refused' };
/** Staff whose scope holds the organisation of community A (or the issuing subdistrict). */
const ownStaff: Row['who'] = {
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: 'ok',
  foreignKeeper: 'refused',
  institute: 'ok',
  foreignInstitute: 'refused',
  centre: 'ok',
};
const everyone = (outcome: 'ok' | 'open'): Row['who'] => ({ anonymous: outcome });
const onProject = (action: string, payload: unknown = {}): Row => ({
  request: () => ({ url: `/api/v1/projects/${NO_ID}/${action}`, payload }),
  who: perRecord,
});
const DAY = 86_400_000;

export const projectRows: Record<string, Row> = {
  'POST /api/v1/project-calls': {
    request: () => ({
      url: '/api/v1/project-calls',
      payload: {
        title: '矩阵征集',
        level: 'subdistrict',
        regionCode: SUBDISTRICT_A,
        year: 2026,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    }),
    who: { ...ownStaff, keeper: 'refused' },
  },
  'PATCH /api/v1/project-calls/{id}': {
    request: () => ({ url: `/api/v1/project-calls/${NO_ID}`, payload: { title: '矩阵' } }),
    who: { ...perRecord, resident: 'refused', volunteer: 'refused' },
  },
  'GET /api/v1/project-calls': { request: () => ({ url: '/api/v1/project-calls' }), who: signedIn },
  'GET /api/v1/project-calls/{id}': { request: () => ({ url: `/api/v1/project-calls/${NO_ID}` }), who: perRecord },
  'POST /api/v1/projects': {
    request: (fx) => ({
      url: '/api/v1/projects',
      payload: {
        callId: NO_ID,
        organisationId: fx.organisationId,
        name: '矩阵项目',
        category: 'other',
        contactName: '矩阵',
        contactPhone: '13800000004',
      },
    }),
    who: perRecord,
  },
  'GET /api/v1/projects/mine': { request: () => ({ url: '/api/v1/projects/mine' }), who: signedIn },
  'GET /api/v1/projects': { request: () => ({ url: '/api/v1/projects' }), who: staffOnly },
  'GET /api/v1/projects/{id}': { request: () => ({ url: `/api/v1/projects/${NO_ID}` }), who: perRecord },
  'PATCH /api/v1/projects/{id}': {
    request: () => ({ url: `/api/v1/projects/${NO_ID}`, payload: { name: '矩阵' } }),
    who: perRecord,
  },
  'PUT /api/v1/projects/{id}/links': onProject('links', { activityIds: [], menuItemIds: [] }),
  'POST /api/v1/projects/{id}/submit': onProject('submit'),
  'POST /api/v1/projects/{id}/approve': onProject('approve'),
  'POST /api/v1/projects/{id}/return': onProject('return', { comment: '矩阵' }),
  'POST /api/v1/projects/{id}/reject': onProject('reject', { comment: '矩阵' }),
  'POST /api/v1/projects/{id}/conclude': onProject('conclude'),
  'GET /api/v1/public/projects': { request: () => ({ url: '/api/v1/public/projects' }), who: everyone('ok') },
  'GET /api/v1/public/projects/{id}': {
    request: () => ({ url: `/api/v1/public/projects/${NO_ID}` }),
    who: everyone('open'),
  },
  'POST /api/v1/brands': {
    request: (fx) => ({
      url: '/api/v1/brands',
      payload: { name: `矩阵品牌${fx.unique()}`, organisationId: fx.organisationId },
    }),
    who: ownStaff,
  },
  'POST /api/v1/brands/{id}/series': {
    request: () => ({ url: `/api/v1/brands/${NO_ID}/series`, payload: { name: '矩阵系列' } }),
    who: perRecord,
  },
  'GET /api/v1/public/brands': { request: () => ({ url: '/api/v1/public/brands' }), who: everyone('ok') },
  'GET /api/v1/public/brands/{id}': {
    request: () => ({ url: `/api/v1/public/brands/${NO_ID}` }),
    who: everyone('open'),
  },
};

const EVAL_TESTS = 'per-record scope and blind scores: src/server/modules/projects/evaluation.test.ts';
const round = (path = '') => `/api/v1/evaluation-rounds/${NO_ID}${path}`;
/** Setup of a round: centre admins only (a round of no id is NOT_FOUND for them). */
const roundAdmin: Row['who'] = { ...all('refused'), centre: EVAL_TESTS };
const criteria = [
  { name: '创新性', weight: 60 },
  { name: '实效', weight: 40 },
];

export const evaluationRows: Record<string, Row> = {
  'POST /api/v1/evaluation-rounds': {
    request: () => ({
      url: '/api/v1/evaluation-rounds',
      payload: { title: '矩阵评选', level: 'district', year: 2026, budgetFen: 100, criteria },
    }),
    who: { ...all('refused'), centre: 'ok' },
  },
  'GET /api/v1/evaluation-rounds': { request: () => ({ url: '/api/v1/evaluation-rounds' }), who: signedIn },
  'GET /api/v1/evaluation-rounds/{id}': { request: () => ({ url: round() }), who: all(EVAL_TESTS) },
  'PUT /api/v1/evaluation-rounds/{id}/criteria': {
    request: () => ({ url: round('/criteria'), payload: { criteria } }),
    who: roundAdmin,
  },
  'POST /api/v1/evaluation-rounds/{id}/assignments': {
    request: () => ({ url: round('/assignments'), payload: { projectId: NO_ID, judgePhone: '13800000007' } }),
    who: roundAdmin,
  },
  'DELETE /api/v1/evaluation-rounds/{id}/projects/{projectId}/judges/{judgeId}': {
    request: () => ({ url: round(`/projects/${NO_ID}/judges/${NO_ID}`) }),
    who: roundAdmin,
  },
  'POST /api/v1/evaluation-rounds/{id}/open': { request: () => ({ url: round('/open') }), who: roundAdmin },
  'POST /api/v1/evaluation-rounds/{id}/close': { request: () => ({ url: round('/close') }), who: roundAdmin },
  'POST /api/v1/evaluation-rounds/{id}/publish': { request: () => ({ url: round('/publish') }), who: roundAdmin },
  'PUT /api/v1/evaluation-rounds/{id}/projects/{projectId}/scores': {
    request: () => ({
      url: round(`/projects/${NO_ID}/scores`),
      payload: { scores: [{ criterionId: NO_ID, score: 1 }] },
    }),
    who: all(EVAL_TESTS),
  },
  'PUT /api/v1/evaluation-rounds/{id}/awards': {
    request: () => ({ url: round('/awards'), payload: { awards: [] } }),
    who: roundAdmin,
  },
  'GET /api/v1/public/evaluations': { request: () => ({ url: '/api/v1/public/evaluations' }), who: everyone('ok') },
  'GET /api/v1/public/evaluations/{id}': {
    request: () => ({ url: `/api/v1/public/evaluations/${NO_ID}` }),
    who: everyone('open'),
  },
  'GET /api/v1/public/evaluations/{id}/results.xlsx': {
    request: () => ({ url: `/api/v1/public/evaluations/${NO_ID}/results.xlsx` }),
    who: everyone('open'),
  },
};
