import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crowd } from '../../../../test/crowd.js';
import { messagesOf } from '../../../../test/notification-params.js';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { organisations } from '../organisations/index.js';
import { activitySessions } from './schema.js';

let t: TestContext;
let keeper: Client;
let volunteer: Client;
let foreignKeeper: Client;
let siteId: string;
let teamId: string;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const DASHIJIE = { lng: 122.1226, lat: 37.5118 };

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  const other = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002002001' }] });
  foreignKeeper = await signIn(t.app, other.phone);
  const sites = (await anonymous(t.app).get('/api/v1/public/sites/map')).json().items;
  siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
  const [team] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '鲸园蓝志愿服务队'));
  teamId = team?.id as string;
});
afterAll(() => t.close());

/** A Saturday morning at 09:00 Shanghai time, `weeks` weeks ahead of the coming one. */
function saturday(weeks = 0) {
  const d = new Date(Date.now() + 8 * HOUR);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7) + weeks * 7);
  d.setUTCHours(1, 0, 0, 0); // 09:00 in Shanghai
  return d;
}

const body = (extra: Record<string, unknown> = {}) => ({
  title: '蓝色周六 · 大世界商圈文明引导',
  description: '每周六上午在大世界商圈开展文明劝导与便民服务（测试）。',
  categoryCode: 'environment',
  organisationId: teamId,
  series: '蓝色周六',
  siteId,
  startsAt: saturday().toISOString(),
  endsAt: new Date(saturday().getTime() + 3 * HOUR).toISOString(),
  quota: 3,
  ...extra,
});

async function published(extra: Record<string, unknown> = {}, by: Client = keeper) {
  const created = await by.post('/api/v1/activities', body(extra));
  expect(created.statusCode, created.body).toBe(201);
  const res = await by.post(`/api/v1/activities/${created.json().id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    id: string;
    sessions: { id: string; startsAt: string; taken: number; waitlisted: number }[];
  };
}

describe('activities', () => {
  it('a weekly rule becomes one occurrence per Saturday at 09:00 Shanghai time, up to the horizon', async () => {
    const a = await published({ rrule: 'FREQ=WEEKLY;BYDAY=SA' });
    expect(a.sessions.length).toBeGreaterThanOrEqual(15);
    for (const s of a.sessions) {
      const start = new Date(s.startsAt);
      expect(start.getUTCDay()).toBe(6);
      expect(start.getUTCHours()).toBe(1);
    }
    const detail = (await anonymous(t.app).get(`/api/v1/activities/${a.id}`)).json();
    expect(detail.recurrence).toEqual({ zh: '每周六', en: 'every Saturday' });
    expect(detail.site.name).toBe('大世界雷锋岗');
    expect(detail.actions.publish).toBe(false);
  });

  it('drafts are visible only to their organisers; the public sees published ones', async () => {
    const draft = (await keeper.post('/api/v1/activities', body({ title: '草稿活动' }))).json();
    expect((await anonymous(t.app).get(`/api/v1/activities/${draft.id}`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/activities/${draft.id}`)).statusCode).toBe(404);
    expect((await keeper.get(`/api/v1/activities/${draft.id}`)).json().actions.publish).toBe(true);
  });

  it('refuses a bad rule, a window that ends before it starts, and an unknown skill, changing nothing', async () => {
    const bad = await keeper.post('/api/v1/activities', body({ rrule: 'FREQ=SOMETIMES' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.rrule');
    const hourly = await keeper.post('/api/v1/activities', body({ rrule: 'FREQ=HOURLY' }));
    expect(hourly.json().error.details[0].messageEn).toMatch(/daily, weekly/);
    const backwards = await keeper.post('/api/v1/activities', body({ endsAt: saturday().toISOString() }));
    expect(backwards.statusCode).toBe(400);
    const skill = await keeper.post('/api/v1/activities', body({ requiredSkills: ['flying'] }));
    expect(skill.json().error.details[0].field).toBe('body.requiredSkills');
  });

  it('another community’s keeper cannot see, list, edit, publish, cancel or manage its sign-ups', async () => {
    const a = await published({ title: '北门外专属活动' });
    const mine = (await keeper.get('/api/v1/activities?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toContain(a.id);
    const theirs = (await foreignKeeper.get('/api/v1/activities?limit=200')).json().items;
    expect(theirs.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const patch = await foreignKeeper.request({
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      payload: { title: '改掉' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await foreignKeeper.post(`/api/v1/activities/${a.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    expect((await foreignKeeper.get(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`)).statusCode).toBe(404);
    const signed = (await volunteer.post(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`)).json();
    const signupId = signed.session.mySignup.id;
    expect((await foreignKeeper.post(`/api/v1/activity-signups/${signupId}/reject`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    // …nor create one at a site outside its community.
    const create = await foreignKeeper.post('/api/v1/activities', body());
    expect(create.statusCode).toBe(403);
    expect((await keeper.get(`/api/v1/activities/${a.id}`)).json().title).toBe('北门外专属活动');
  });

  it('a team leader organises their team’s activities without any staff role', async () => {
    const leader = await signIn(t.app, demo.orgAdmin);
    const a = await published({ title: '队长发起的活动' }, leader);
    expect((await leader.get('/api/v1/activities?limit=200')).json().items.map((i: { id: string }) => i.id)).toContain(
      a.id,
    );
  });

  it('public search finds occurrences by time, category, words and distance', async () => {
    const a = await published({ title: '海滨清洁行动', categoryCode: 'environment', series: null });
    const first = a.sessions[0] as { id: string; startsAt: string };
    const search = async (query: string) =>
      (await anonymous(t.app).get(`/api/v1/activity-sessions?limit=200&${query}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await search('q=海滨清洁')).toEqual([first.id]);
    expect(await search('q=海滨清洁&category=health')).toEqual([]);
    const from = new Date(new Date(first.startsAt).getTime() + DAY).toISOString();
    expect(await search(`q=海滨清洁&from=${encodeURIComponent(from)}`)).toEqual([]);
    const near = `lng=${DASHIJIE.lng + 0.01}&lat=${DASHIJIE.lat}`; // ≈ 880 m east
    expect(await search(`q=海滨清洁&${near}&withinKm=1`)).toEqual([first.id]);
    expect(await search(`q=海滨清洁&${near}&withinKm=0.5`)).toEqual([]);
    const sorted = (await anonymous(t.app).get(`/api/v1/activity-sessions?sort=distance&${near}&limit=5`)).json();
    expect(sorted.items[0].distanceM).toBeGreaterThan(800);
    expect(sorted.items[0].distanceM).toBeLessThan(960);
    const noPoint = await anonymous(t.app).get('/api/v1/activity-sessions?sort=distance');
    expect(noPoint.statusCode).toBe(400);
  });
});

describe('sign-up', () => {
  it('never gives more seats than the quota to 50 volunteers signing up at once; the rest wait in order', async () => {
    const a = await published({ title: '并发报名测试', quota: 7 });
    const session = a.sessions[0] as { id: string };
    const people = await crowd(t, 50);
    const answers = await Promise.all(people.map((p) => p.post(`/api/v1/activity-sessions/${session.id}/signups`)));
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 201));
    const states = answers.map((r) => r.json().session.mySignup.state);
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(7);
    expect(states.filter((s) => s === 'waitlisted')).toHaveLength(43);
    const [row] = await t.database.db.select().from(activitySessions).where(eq(activitySessions.id, session.id));
    expect(row).toMatchObject({ taken: 7, waitlisted: 43 });
    const positions = answers
      .map((r) => r.json().session.mySignup.waitlistPosition)
      .filter((p) => p !== null)
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
  });

  it('the same person twice at once holds one seat', async () => {
    const a = await published({ title: '重复报名测试' });
    const [person] = await crowd(t, 1);
    const url = `/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => person?.post(url)));
    expect(answers.map((r) => r?.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.find((r) => r?.statusCode === 409)?.json().error.code).toBe('ALREADY_SIGNED_UP');
  });

  it('a cancellation moves the first on the waiting list up, and tells them', async () => {
    const a = await published({ title: '候补递补测试', quota: 1 });
    const url = `/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`;
    const [first, second, third] = await crowd(t, 3);
    const seat = (await first?.post(url))?.json();
    expect((await second?.post(url))?.json().session.mySignup).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 1,
    });
    expect((await third?.post(url))?.json().session.mySignup.waitlistPosition).toBe(2);
    const cancel = await first?.post(`/api/v1/activity-signups/${seat.session.mySignup.id}/cancel`, {});
    expect(cancel?.statusCode, cancel?.body).toBe(200);
    expect(cancel?.json().session).toMatchObject({ taken: 1, waitlisted: 1 });
    const mine = (await second?.get('/api/v1/activity-signups/mine'))?.json();
    expect(mine.items[0].mySignup.state).toBe('confirmed');
    expect((await third?.get('/api/v1/activity-signups/mine'))?.json().items[0].mySignup.waitlistPosition).toBe(1);
    const told = (await second?.get('/api/v1/me/notifications'))?.json().items;
    expect(told.find((n: { kind: string }) => n.kind === 'activity.promoted').title).toContain('候补成功');
  });

  it('refuses a cancellation after the deadline, but the organiser may still cancel', async () => {
    const soon = new Date(Date.now() + HOUR);
    const a = await published({
      title: '截止时间测试',
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 2 * HOUR).toISOString(),
      cancelDeadlineMinutes: 120,
    });
    const [person] = await crowd(t, 1);
    const signed = (await person?.post(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`))?.json();
    expect(signed.session.mySignup.actions.cancel).toBe(false);
    const late = await person?.post(`/api/v1/activity-signups/${signed.session.mySignup.id}/cancel`, {});
    expect(late?.statusCode).toBe(409);
    expect(late?.json().error.code).toBe('SIGNUP_CANCEL_DEADLINE_PASSED');
    const byOrganiser = await keeper.post(`/api/v1/activity-signups/${signed.session.mySignup.id}/cancel`, {
      reason: '临时调整',
    });
    expect(byOrganiser.json().session.taken).toBe(0);
  });

  it('with approval, a sign-up holds a seat until the organiser approves or rejects it', async () => {
    const a = await published({ title: '审核报名测试', approvalMode: 'approval', quota: 1 });
    const url = `/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`;
    const [first, second] = await crowd(t, 2);
    const pending = (await first?.post(url))?.json().session.mySignup;
    expect(pending.state).toBe('pending');
    expect((await second?.post(url))?.json().session.mySignup.state).toBe('waitlisted');
    const rosterRes = await keeper.get(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`);
    expect(rosterRes.statusCode, rosterRes.body).toBe(200);
    const roster = rosterRes.json();
    expect(roster.items.map((i: { state: string }) => i.state)).toEqual(['pending', 'waitlisted']);
    expect(roster.items[0].actions).toEqual({ approve: true, reject: true, cancel: true });
    // A volunteer cannot approve themself.
    expect((await first?.post(`/api/v1/activity-signups/${pending.id}/approve`))?.statusCode).toBe(403);
    const rejected = await keeper.post(`/api/v1/activity-signups/${pending.id}/reject`, { reason: '名额已内定' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const moved = (await keeper.get(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`)).json().items;
    const promoted = moved.find((i: { userId: string }) => i.userId === second?.userId);
    expect(promoted.state).toBe('pending');
    const approved = await keeper.post(`/api/v1/activity-signups/${promoted.signupId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect((await second?.get('/api/v1/activity-signups/mine'))?.json().items[0].mySignup.state).toBe('confirmed');
  });

  it('checks the requirements: an active volunteer, the skills, the minimum age; and the sign-up window', async () => {
    const skilled = await published({ title: '技能要求测试', requiredSkills: ['emergency'] });
    const refused = await volunteer.post(`/api/v1/activity-sessions/${skilled.sessions[0]?.id}/signups`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SIGNUP_REQUIREMENTS_NOT_MET');
    const aged = await published({ title: '年龄要求测试', minAge: 80 });
    const young = await volunteer.post(`/api/v1/activity-sessions/${aged.sessions[0]?.id}/signups`);
    expect(young.json().error.message).toContain('年满 80 周岁');
    const resident = await signIn(t.app, demo.resident);
    const notVolunteer = await resident.post(`/api/v1/activity-sessions/${aged.sessions[0]?.id}/signups`);
    expect(notVolunteer.json().error.code).toBe('SIGNUP_VOLUNTEER_REQUIRED');
    const later = await published({
      title: '报名未开始测试',
      startsAt: saturday(4).toISOString(),
      endsAt: new Date(saturday(4).getTime() + HOUR).toISOString(),
      signupOpensHours: 48,
    });
    const early = await volunteer.post(`/api/v1/activity-sessions/${later.sessions[0]?.id}/signups`);
    expect(early.json().error.code).toBe('SIGNUP_NOT_YET_OPEN');
  });

  it('cancelling the activity cancels every coming sign-up and tells each volunteer once', async () => {
    const a = await published({
      title: '整体取消测试',
      rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3',
      quota: 1,
      signupOpensHours: 24 * 30,
    });
    const people = await crowd(t, 3);
    for (const [i, p] of people.entries()) {
      for (const s of a.sessions)
        expect((await p.post(`/api/v1/activity-sessions/${s.id}/signups`)).statusCode).toBe(201);
      expect(i).toBeLessThan(3);
    }
    const res = await keeper.post(`/api/v1/activities/${a.id}/cancel`, { reason: '天气原因' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('cancelled');
    for (const p of people) {
      const told = (await p.get('/api/v1/me/notifications')).json().items;
      expect(told.filter((n: { kind: string }) => n.kind === 'activity.cancelled')).toMatchObject([
        { title: '活动已取消：「整体取消测试」', body: '天气原因' },
      ]);
      const mine = (await p.get('/api/v1/activity-signups/mine')).json().items;
      expect(mine.every((i: { mySignup: { state: string } }) => i.mySignup.state === 'cancelled')).toBe(true);
    }
    const search = (await anonymous(t.app).get('/api/v1/activity-sessions?q=整体取消测试')).json();
    expect(search.items).toEqual([]);
    const again = await volunteer.post(`/api/v1/activity-sessions/${a.sessions[0]?.id}/signups`);
    expect(again.json().error.code).toBe('ACTIVITY_NOT_OPEN');
  });
});

describe('messages in the reader’s language', () => {
  it('stores every message with the parameters of its text', async () => {
    const { kinds, bare } = await messagesOf(t.database, 'activity.', ['activity']);
    expect(kinds).toEqual(expect.arrayContaining(['activity.cancelled', 'activity.promoted']));
    expect(bare).toEqual([]);
  });
});
