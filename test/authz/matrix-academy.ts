/**
 * Matrix rows for the training academy. The per-record cells (a course, session, enrolment, attempt
 * or qualification of community A) are proved in src/server/modules/academy/*.test.ts: another
 * community's keeper neither lists nor marks attendance, nor records or verifies a qualification of
 * a volunteer outside their scope; nobody cancels someone else's enrolment. Here: who is let in.
 */
import { randomBytes } from 'node:crypto';
import { COMMUNITY_A } from './fixtures.js';
import type { Row } from './matrix.js';
import { signedIn, signedInAs, staffAs, staffOnly } from './who.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const IN_TESTS = 'per-record scope: src/server/modules/academy/*.test.ts';
const FORGED = `a1.${NO_ID}.0.forged`;
const HERE = { lng: 122.1205, lat: 37.5102, accuracyM: 15 };

const everyone: Row['who'] = {
  anonymous: 'ok',
  resident: 'ok',
  volunteer: 'ok',
  keeper: 'ok',
  foreignKeeper: 'ok',
  institute: 'ok',
  foreignInstitute: 'ok',
  centre: 'ok',
};
/** Signed-in callers reach the use case (which answers 404 for a record that is not theirs). */
const signedInOpen = signedInAs('open');
const staffPerRecord = staffAs(IN_TESTS);

export const academyRows: Record<string, Row> = {
  'GET /api/v1/academy/partners': { request: () => ({ url: '/api/v1/academy/partners' }), who: everyone },
  'POST /api/v1/academy/partners': {
    request: () => ({
      url: '/api/v1/academy/partners',
      payload: { name: `矩阵合作机构-${randomBytes(4).toString('hex')}`, kind: 'association' },
    }),
    who: staffOnly,
  },
  'GET /api/v1/academy/courses': { request: () => ({ url: '/api/v1/academy/courses' }), who: everyone },
  'POST /api/v1/academy/courses': {
    request: () => ({
      url: '/api/v1/academy/courses',
      payload: { regionCode: COMMUNITY_A, category: 'skills', title: '矩阵课程' },
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
  'GET /api/v1/academy/courses/{id}': {
    request: () => ({ url: `/api/v1/academy/courses/${NO_ID}` }),
    who: { ...signedInOpen, anonymous: 'open' },
  },
  'POST /api/v1/academy/courses/{id}/questions': {
    request: () => ({
      url: `/api/v1/academy/courses/${NO_ID}/questions`,
      payload: { questions: [{ prompt: '矩阵题', options: ['是', '否'], answer: 0 }] },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/courses/{id}/sessions': {
    request: () => ({
      url: `/api/v1/academy/courses/${NO_ID}/sessions`,
      payload: {
        regionCode: COMMUNITY_A,
        startsAt: '2030-01-01T09:00:00+08:00',
        endsAt: '2030-01-01T11:00:00+08:00',
        place: '矩阵地点',
        capacity: 10,
      },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/sessions/{id}/enrolments': {
    request: () => ({ url: `/api/v1/academy/sessions/${NO_ID}/enrolments` }),
    who: signedInOpen,
  },
  'POST /api/v1/academy/enrolments/{id}/cancel': {
    request: () => ({ url: `/api/v1/academy/enrolments/${NO_ID}/cancel` }),
    who: signedInOpen,
  },
  'GET /api/v1/academy/sessions/{id}/enrolments': {
    request: () => ({ url: `/api/v1/academy/sessions/${NO_ID}/enrolments` }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/sessions/{id}/attendance': {
    request: () => ({ url: `/api/v1/academy/sessions/${NO_ID}/attendance`, payload: { enrolmentIds: [NO_ID] } }),
    who: staffPerRecord,
  },
  'GET /api/v1/academy/skills': { request: () => ({ url: '/api/v1/academy/skills' }), who: staffOnly },
  'PUT /api/v1/academy/skills/{code}/qualification': {
    request: () => ({ url: '/api/v1/academy/skills/no_such_skill/qualification', payload: { qualification: true } }),
    who: { ...staffAs('refused'), centre: 'open' },
  },
  'GET /api/v1/academy/sessions/{id}/checkin-code': {
    request: () => ({ url: `/api/v1/academy/sessions/${NO_ID}/checkin-code` }),
    who: staffPerRecord,
  },
  // A forged screen token: every caller is refused (the real scans: self-attendance.test.ts).
  'POST /api/v1/academy/checkins': {
    request: () => ({ url: '/api/v1/academy/checkins', payload: { token: FORGED, position: HERE } }),
    who: signedInAs('refused'),
  },
  'POST /api/v1/academy/checkouts': {
    request: () => ({ url: '/api/v1/academy/checkouts', payload: { token: FORGED, position: HERE } }),
    who: signedInAs('refused'),
  },
  'GET /api/v1/me/academy': { request: () => ({ url: '/api/v1/me/academy' }), who: signedIn },
  'POST /api/v1/academy/courses/{id}/attempts': {
    request: () => ({ url: `/api/v1/academy/courses/${NO_ID}/attempts` }),
    who: signedInOpen,
  },
  'POST /api/v1/academy/courses/{id}/attempts/{attemptId}/submit': {
    request: () => ({ url: `/api/v1/academy/courses/${NO_ID}/attempts/${NO_ID}/submit`, payload: { answers: [] } }),
    who: signedInOpen,
  },
  'GET /api/v1/me/qualifications': { request: () => ({ url: '/api/v1/me/qualifications' }), who: signedIn },
  'GET /api/v1/academy/qualifications': { request: () => ({ url: '/api/v1/academy/qualifications' }), who: staffOnly },
  'POST /api/v1/academy/qualifications': {
    request: (fx) => ({
      url: '/api/v1/academy/qualifications',
      payload: {
        volunteerId: fx.volunteer.volunteerId,
        skillCode: 'health',
        issuer: '矩阵发证机构',
        issuedAt: '2025-01-01T00:00:00+08:00',
        proofFileId: NO_ID,
      },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/qualifications/{id}/verify': {
    request: () => ({ url: `/api/v1/academy/qualifications/${NO_ID}/verify`, payload: { decision: 'approve' } }),
    who: staffPerRecord,
  },
  'PUT /api/v1/academy/courses/{id}': {
    request: () => ({
      url: `/api/v1/academy/courses/${NO_ID}`,
      payload: { regionCode: COMMUNITY_A, category: 'skills', title: '矩阵课程' },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/courses/{id}/archive': {
    request: () => ({ url: `/api/v1/academy/courses/${NO_ID}/archive`, payload: { reason: '矩阵停办' } }),
    who: staffPerRecord,
  },
  'GET /api/v1/academy/courses/{id}/questions': {
    request: () => ({ url: `/api/v1/academy/courses/${NO_ID}/questions` }),
    who: staffPerRecord,
  },
  'PUT /api/v1/academy/sessions/{id}': {
    request: () => ({
      url: `/api/v1/academy/sessions/${NO_ID}`,
      payload: {
        regionCode: COMMUNITY_A,
        startsAt: '2030-01-01T09:00:00+08:00',
        endsAt: '2030-01-01T11:00:00+08:00',
        place: '矩阵地点',
        capacity: 10,
      },
    }),
    who: staffPerRecord,
  },
  'POST /api/v1/academy/sessions/{id}/cancel': {
    request: () => ({ url: `/api/v1/academy/sessions/${NO_ID}/cancel`, payload: { reason: '矩阵取消' } }),
    who: staffPerRecord,
  },
  'GET /api/v1/public/academy/lectures': { request: () => ({ url: '/api/v1/public/academy/lectures' }), who: everyone },
  'GET /api/v1/public/academy/lectures.ics': {
    request: () => ({ url: '/api/v1/public/academy/lectures.ics' }),
    who: everyone,
  },
};
