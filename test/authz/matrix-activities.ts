/**
 * Matrix rows for activities and sign-up. Every record is an activity of community A (at its
 * 大世界雷锋岗, run by the fixtures' team), made fresh by the centre admin for each request that
 * uses one up; the demo volunteer (an active volunteer of community A) signs up where one is needed.
 */
import type { Fixtures } from './fixtures.js';
import type { Row } from './matrix.js';

const HOUR = 3600_000;

function nextSaturday() {
  const d = new Date(Date.now() + 8 * HOUR);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
  d.setUTCHours(1, 0, 0, 0);
  return d;
}

const body = (fx: Fixtures, extra: Record<string, unknown> = {}) => ({
  title: `矩阵活动${fx.unique()}`,
  categoryCode: 'environment',
  organisationId: fx.organisationId,
  siteId: fx.siteId,
  startsAt: nextSaturday().toISOString(),
  endsAt: new Date(nextSaturday().getTime() + 2 * HOUR).toISOString(),
  quota: 20,
  ...extra,
});

/** A published activity starting in 20 minutes (check-in is open), the demo volunteer signed up. */
async function soon(fx: Fixtures) {
  const startsAt = new Date(Date.now() + 20 * 60_000);
  const made = await published(fx, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
  });
  const session = made.sessions[0] as { id: string };
  await ok(fx.client('volunteer').post(`/api/v1/activity-sessions/${session.id}/signups`), 'sign-up');
  return session.id;
}

/** At 大世界雷锋岗 (the fixtures' site), precise. */
const atSite = { lng: 122.1226, lat: 37.5118, accuracyM: 15 };

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`activity fixture ${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json() as T;
}

interface Made {
  id: string;
  title: string;
  sessions: { id: string; mySignup: { id: string } | null }[];
}

async function draft(fx: Fixtures, extra: Record<string, unknown> = {}): Promise<Made> {
  return ok<Made>(fx.client('centre').post('/api/v1/activities', body(fx, extra)), 'create');
}

async function published(fx: Fixtures, extra: Record<string, unknown> = {}): Promise<Made> {
  const made = await draft(fx, extra);
  return ok<Made>(fx.client('centre').post(`/api/v1/activities/${made.id}/publish`), 'publish');
}

/** A sign-up of the demo volunteer (pending when the activity needs approval). */
async function signup(fx: Fixtures, extra: Record<string, unknown> = {}) {
  const activity = await published(fx, extra);
  const session = activity.sessions[0] as { id: string };
  const made = await ok<{ session: { mySignup: { id: string } } }>(
    fx.client('volunteer').post(`/api/v1/activity-sessions/${session.id}/signups`),
    'sign-up',
  );
  return made.session.mySignup.id;
}

const scoped = (own: 'ok' | 'sees' = 'ok'): Row['who'] => ({
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: own,
  foreignKeeper: 'refused',
  institute: own,
  foreignInstitute: 'refused',
  centre: own,
});
/** The volunteer's own sign-up: they and community A's staff may act on it. */
const signupOwnerOrStaff = (volunteer: 'ok' | 'refused'): Row['who'] => ({ ...scoped(), volunteer });

export const activityRows: Record<string, Row> = {
  'GET /api/v1/activity-sessions': {
    request: () => ({ url: '/api/v1/activity-sessions?limit=5' }),
    who: { anonymous: 'ok', resident: 'ok', volunteer: 'ok' },
  },
  'GET /api/v1/activities/{id}': {
    request: async (fx) => ({ url: `/api/v1/activities/${(await published(fx)).id}` }),
    who: { anonymous: 'ok', resident: 'ok', volunteer: 'ok', foreignKeeper: 'ok' },
  },
  'GET /api/v1/activities': {
    request: async (fx) => {
      const made = await published(fx);
      return { url: `/api/v1/activities?q=${encodeURIComponent(made.title)}`, marker: made.id };
    },
    who: {
      anonymous: 'signIn',
      resident: 'unseen',
      volunteer: 'unseen',
      keeper: 'sees',
      foreignKeeper: 'unseen',
      institute: 'sees',
      foreignInstitute: 'unseen',
      centre: 'sees',
    },
  },
  'POST /api/v1/activities': {
    request: (fx) => ({ url: '/api/v1/activities', payload: body(fx) }),
    who: scoped(),
  },
  'PATCH /api/v1/activities/{id}': {
    request: async (fx) => ({ url: `/api/v1/activities/${(await draft(fx)).id}`, payload: { title: '矩阵改名' } }),
    who: scoped(),
  },
  'POST /api/v1/activities/{id}/publish': {
    request: async (fx) => ({ url: `/api/v1/activities/${(await draft(fx)).id}/publish` }),
    who: scoped(),
  },
  'POST /api/v1/activities/{id}/cancel': {
    request: async (fx) => ({
      url: `/api/v1/activities/${(await published(fx)).id}/cancel`,
      payload: { reason: '矩阵取消' },
    }),
    who: scoped(),
  },
  'POST /api/v1/activity-sessions/{id}/cancel': {
    request: async (fx) => ({
      url: `/api/v1/activity-sessions/${(await published(fx)).sessions[0]?.id}/cancel`,
      payload: { reason: '矩阵取消本场' },
    }),
    who: scoped(),
  },
  'GET /api/v1/activity-sessions/{id}/signups': {
    request: async (fx) => ({ url: `/api/v1/activity-sessions/${(await published(fx)).sessions[0]?.id}/signups` }),
    who: scoped(),
  },
  'POST /api/v1/activity-sessions/{id}/signups': {
    request: async (fx) => ({ url: `/api/v1/activity-sessions/${(await published(fx)).sessions[0]?.id}/signups` }),
    // Only an active volunteer signs up; staff accounts without a volunteer profile are refused.
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'ok',
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
      centre: 'refused',
    },
  },
  'GET /api/v1/activity-signups/mine': {
    request: () => ({ url: '/api/v1/activity-signups/mine' }),
    who: { anonymous: 'signIn', resident: 'ok', volunteer: 'ok', keeper: 'ok', centre: 'ok' },
  },
  'POST /api/v1/activity-signups/{id}/cancel': {
    request: async (fx) => ({ url: `/api/v1/activity-signups/${await signup(fx)}/cancel`, payload: {} }),
    who: signupOwnerOrStaff('ok'),
  },
  'POST /api/v1/activity-signups/{id}/approve': {
    request: async (fx) => ({
      url: `/api/v1/activity-signups/${await signup(fx, { approvalMode: 'approval' })}/approve`,
    }),
    who: signupOwnerOrStaff('refused'),
  },
  'POST /api/v1/activity-signups/{id}/reject': {
    request: async (fx) => ({
      url: `/api/v1/activity-signups/${await signup(fx, { approvalMode: 'approval' })}/reject`,
      payload: { reason: '矩阵拒绝' },
    }),
    who: signupOwnerOrStaff('refused'),
  },
  'GET /api/v1/activity-sessions/{id}/checkin-code': {
    request: async (fx) => ({ url: `/api/v1/activity-sessions/${await soon(fx)}/checkin-code` }),
    who: scoped(),
  },
  'POST /api/v1/activity-sessions/{id}/attendance': {
    request: async (fx) => ({
      url: `/api/v1/activity-sessions/${await soon(fx)}/attendance`,
      payload: { userId: (await fx.newVolunteer()).userId, reason: '矩阵代签到' },
    }),
    who: scoped(),
  },
  // Self check-in/out by location: only someone holding a seat (the demo volunteer) gets through.
  'POST /api/v1/activity-checkins': {
    request: async (fx) => ({
      url: '/api/v1/activity-checkins',
      payload: { sessionId: await soon(fx), position: atSite },
    }),
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'ok',
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
      centre: 'refused',
    },
  },
  'POST /api/v1/activity-checkouts': {
    request: async (fx) => {
      const sessionId = await soon(fx);
      await ok(fx.client('volunteer').post('/api/v1/activity-checkins', { sessionId, position: atSite }), 'check-in');
      return { url: '/api/v1/activity-checkouts', payload: { sessionId, position: atSite } };
    },
    who: {
      anonymous: 'signIn',
      resident: 'refused',
      volunteer: 'ok',
      keeper: 'refused',
      foreignKeeper: 'refused',
      institute: 'refused',
      foreignInstitute: 'refused',
      centre: 'refused',
    },
  },
};
