import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrowdMember, crowd } from '../../../../test/crowd.js';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { organisations } from '../organisations/index.js';
import { activitySessions } from './schema.js';

let t: TestContext;
let keeper: Client;
let foreignKeeper: Client;
let siteId: string;
let teamId: string;

const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
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

/** The coming Saturday at 09:00 Shanghai time. */
function saturday() {
  const d = new Date(Date.now() + 8 * HOUR);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
  d.setUTCHours(1, 0, 0, 0);
  return d;
}

async function weekly(title: string) {
  const created = await keeper.post('/api/v1/activities', {
    title,
    categoryCode: 'environment',
    organisationId: teamId,
    siteId,
    startsAt: saturday().toISOString(),
    endsAt: new Date(saturday().getTime() + 3 * HOUR).toISOString(),
    rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3',
    quota: 1,
    signupOpensHours: 24 * 30,
  });
  expect(created.statusCode, created.body).toBe(201);
  const res = await keeper.post(`/api/v1/activities/${created.json().id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; sessions: { id: string; startsAt: string }[] };
}

const live = (items: { state: string | null }[]) =>
  items.filter((i) => i.state === 'confirmed' || i.state === 'waitlisted' || i.state === 'pending').length;

describe('取消本场 (one occurrence of a recurring activity)', () => {
  it('cancels that occurrence’s seats and waiting list and tells those people; the other occurrences keep theirs', async () => {
    const a = await weekly('单场取消测试');
    expect(a.sessions).toHaveLength(3);
    const [first, second, third] = a.sessions.map((s) => ({ id: s.id })) as [
      { id: string },
      { id: string },
      { id: string },
    ];
    const people = await crowd(t, 3);
    // Everyone on every occurrence: one seat and two on the waiting list each.
    for (const p of people)
      for (const s of a.sessions)
        expect((await p.post(`/api/v1/activity-sessions/${s.id}/signups`)).statusCode).toBe(201);
    const bystanders = await crowd(t, 1);
    const bystander = bystanders[0] as (typeof bystanders)[number];
    expect((await bystander.post(`/api/v1/activity-sessions/${third.id}/signups`)).statusCode).toBe(201);

    const res = await keeper.post(`/api/v1/activity-sessions/${second.id}/cancel`, { reason: '场地临时占用' });
    expect(res.statusCode, res.body).toBe(200);
    // The detail still lists the cancelled occurrence, with its reason and no seats; the others are as they were.
    type Session = { id: string; taken: number; waitlisted: number; cancelled: boolean; cancelReason: string | null };
    const sessions = res.json().sessions as Session[];
    expect(sessions.map((s) => s.id)).toEqual([first.id, second.id, third.id]);
    expect(sessions[0]).toMatchObject({ taken: 1, waitlisted: 2, cancelled: false, cancelReason: null });
    expect(sessions[1]).toMatchObject({ taken: 0, waitlisted: 0, cancelled: true, cancelReason: '场地临时占用' });
    // Everyone reading the activity sees why: the public page, and a volunteer who had signed up.
    for (const reader of [anonymous(t.app), people[0] as CrowdMember]) {
      const page = (await reader.get(`/api/v1/activities/${a.id}`)).json();
      expect(page.sessions.find((s: Session) => s.id === second.id)).toMatchObject({
        cancelled: true,
        cancelReason: '场地临时占用',
      });
      expect(page.sessions.find((s: Session) => s.id === third.id)).toMatchObject({
        cancelled: false,
        cancelReason: null,
      });
    }
    const mine = (await (people[0] as CrowdMember).get('/api/v1/activity-signups/mine')).json().items;
    expect(mine.find((i: { id: string }) => i.id === second.id)).toMatchObject({
      cancelReason: '场地临时占用',
      mySignup: { state: 'cancelled' },
    });
    const [row] = await t.database.db.select().from(activitySessions).where(eq(activitySessions.id, second.id));
    expect(row).toMatchObject({ taken: 0, waitlisted: 0 });
    expect(row?.cancelledAt).toBeInstanceOf(Date);
    expect(res.json().state).toBe('published');

    for (const p of people) {
      const told = (await p.get('/api/v1/me/notifications')).json().items;
      const mine = told.filter((n: { kind: string }) => n.kind === 'activity.session_cancelled');
      expect(mine).toHaveLength(1);
      expect(mine[0].title).toMatch(/^您报名的「单场取消测试」.+ 场次已取消$/);
      expect(mine[0].body).toBe('场地临时占用');
      expect(mine[0].link).toBe(`/h5/activities/${a.id}?session=${second.id}`);
      expect(told.some((n: { kind: string }) => n.kind === 'activity.cancelled')).toBe(false);
    }
    const bystanderTold = (await bystander.get('/api/v1/me/notifications')).json().items;
    expect(bystanderTold.some((n: { kind: string }) => n.kind === 'activity.session_cancelled')).toBe(false);

    const cancelledRoster = (await keeper.get(`/api/v1/activity-sessions/${second.id}/signups`)).json();
    expect(cancelledRoster.items.map((i: { state: string }) => i.state)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(cancelledRoster.items[0].reason).toContain('场地临时占用');
    expect(cancelledRoster.session).toMatchObject({ cancelled: true, cancelReason: '场地临时占用' });
    for (const [s, count] of [
      [first, 3],
      [third, 4],
    ] as const) {
      const roster = (await keeper.get(`/api/v1/activity-sessions/${s.id}/signups`)).json();
      expect(live(roster.items)).toBe(count);
    }
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.session.cancel'), eq(auditLog.entityId, second.id)));
    expect(audit?.detail).toMatchObject({ reason: '场地临时占用', signups: 3 });

    // Cancelled once: again is refused, and nobody can sign up for it.
    const again = await keeper.post(`/api/v1/activity-sessions/${second.id}/cancel`, { reason: '再次取消' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACTIVITY_SESSION_NOT_CANCELLABLE');
    const late = await bystander.post(`/api/v1/activity-sessions/${second.id}/signups`);
    expect(late.statusCode).toBe(409);
  });

  it('refuses an occurrence that has started, and changes nothing', async () => {
    const a = await weekly('已开始场次取消测试');
    const first = { id: a.sessions[0]?.id as string };
    const people = await crowd(t, 2);
    for (const p of people)
      expect((await p.post(`/api/v1/activity-sessions/${first.id}/signups`)).statusCode).toBe(201);
    await t.database.db
      .update(activitySessions)
      .set({ startsAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(activitySessions.id, first.id));
    const res = await keeper.post(`/api/v1/activity-sessions/${first.id}/cancel`, { reason: '太晚了' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ACTIVITY_SESSION_NOT_CANCELLABLE' });
    const roster = (await keeper.get(`/api/v1/activity-sessions/${first.id}/signups`)).json();
    expect(roster.session.cancelled).toBe(false);
    expect(live(roster.items)).toBe(2);
    for (const p of people) {
      const told = (await p.get('/api/v1/me/notifications')).json().items;
      expect(told.some((n: { kind: string }) => n.kind === 'activity.session_cancelled')).toBe(false);
    }
  });

  it('cancelling the whole activity keeps its reason on each coming occurrence, which a volunteer’s list shows', async () => {
    const a = await weekly('整体取消原因测试');
    const [volunteer] = await crowd(t, 1);
    for (const s of a.sessions)
      expect((await volunteer?.post(`/api/v1/activity-sessions/${s.id}/signups`))?.statusCode).toBe(201);
    const res = await keeper.post(`/api/v1/activities/${a.id}/cancel`, { reason: '台风预警' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'cancelled', cancelReason: '台风预警', sessions: [] });
    const mine = (await volunteer?.get('/api/v1/activity-signups/mine'))?.json().items;
    expect(mine).toHaveLength(3);
    for (const item of mine) expect(item).toMatchObject({ cancelled: true, cancelReason: '台风预警' });
    const told = (await volunteer?.get('/api/v1/me/notifications'))?.json().items;
    expect(told.filter((n: { kind: string }) => n.kind === 'activity.cancelled')).toHaveLength(1);
  });

  it('needs a reason, and is not found for another community’s organiser', async () => {
    const a = await weekly('他区取消测试');
    const id = a.sessions[0]?.id as string;
    const bare = await keeper.post(`/api/v1/activity-sessions/${id}/cancel`, { reason: '  ' });
    expect(bare.statusCode).toBe(400);
    const foreign = await foreignKeeper.post(`/api/v1/activity-sessions/${id}/cancel`, { reason: '越权取消' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const roster = (await keeper.get(`/api/v1/activity-sessions/${id}/signups`)).json();
    expect(roster.session.cancelled).toBe(false);
  });
});
