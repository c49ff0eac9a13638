/**
 * Staff managing the academy: the question bank, editing and cancelling sessions (the enrolled are
 * told why), editing and withdrawing courses. Scope: a community's keeper manages none of a district
 * course's sessions.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { academyCourses } from './schema.js';

const DISTRICT = '371002';
const BEIMENWAI = '371002002005';
const SIBLING = '371002002001';
const HOUR = 3600_000;

let t: TestContext;
let centre: Client;
let keeper: Client;
let foreignKeeper: Client;
let volunteer: Client;

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  foreignKeeper = await signIn(
    t.app,
    (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] })).phone,
  );
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
const courseBody = (title: string) => ({ regionCode: DISTRICT, category: 'skills', title, trainingMinutes: 90 });
const sessionBody = (place: string, capacity = 20, startsIn = 48 * HOUR) => ({
  regionCode: BEIMENWAI,
  startsAt: new Date(Date.now() + startsIn).toISOString(),
  endsAt: new Date(Date.now() + startsIn + 2 * HOUR).toISOString(),
  place,
  capacity,
});

async function course(title = `管理课程-${randomBytes(3).toString('hex')}`) {
  const res = await centre.post('/api/v1/academy/courses', courseBody(title));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}
async function session(courseId: string, capacity = 20) {
  const res = await centre.post(`/api/v1/academy/courses/${courseId}/sessions`, sessionBody('实践站', capacity));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}
type Listed = { id: string; title: string; category: string };
/** Every page of the public catalogue, `limit` courses a page. */
async function catalogue(query: string, limit = 200) {
  const items: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const after: string = cursor ? `&cursor=${cursor}` : '';
    const res = await anonymous(t.app).get(`/api/v1/academy/courses?limit=${limit}${query}${after}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: Listed[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  } while (cursor);
  return items;
}
async function inbox(kind: string) {
  const res = await volunteer.get('/api/v1/me/notifications?limit=200');
  return res.json().items.filter((n: { kind: string }) => n.kind === kind) as { title: string; body: string }[];
}

describe('managing the academy', () => {
  it('shows the question bank with answers to the course’s staff only', async () => {
    const c = await course();
    const added = await centre.post(`/api/v1/academy/courses/${c.id}/questions`, {
      questions: [{ prompt: '拨打急救电话应当拨？', options: ['110', '120'], answer: 1 }],
    });
    expect(added.statusCode, added.body).toBe(201);
    const bank = await centre.get(`/api/v1/academy/courses/${c.id}/questions`);
    expect(bank.statusCode, bank.body).toBe(200);
    expect(bank.json().items).toEqual([
      { id: expect.any(String), prompt: '拨打急救电话应当拨？', options: ['110', '120'], answer: 1 },
    ]);
    expect((await keeper.get(`/api/v1/academy/courses/${c.id}/questions`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/academy/courses/${c.id}/questions`)).statusCode).toBe(403);
  });

  it('edits a session before it starts, never below the seats taken', async () => {
    const c = await course();
    const s = await session(c.id, 5);
    expect((await volunteer.post(`/api/v1/academy/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    const url = `/api/v1/academy/sessions/${s.id}`;

    const tooSmall = await put(centre, url, { ...sessionBody('实践站', 0) });
    expect(tooSmall.statusCode).toBe(400);
    const notMine = await put(keeper, url, sessionBody('北门外实践站', 10));
    expect(notMine.statusCode).toBe(404);
    const moved = await put(centre, url, sessionBody('北门外社区新时代文明实践站 二楼', 10, 72 * HOUR));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ place: '北门外社区新时代文明实践站 二楼', capacity: 10, enrolled: 1 });
    const detail = (await volunteer.get(`/api/v1/academy/courses/${c.id}`)).json();
    expect(detail.sessions[0]).toMatchObject({
      place: '北门外社区新时代文明实践站 二楼',
      myEnrolment: { status: 'enrolled' },
    });

    // A second volunteer fills a seat; the capacity cannot drop below the two taken.
    const other = await signIn(t.app, (await makeUser(t.database, {})).phone);
    expect((await other.post(`/api/v1/academy/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    const below = await put(centre, url, sessionBody('实践站', 1, 72 * HOUR));
    expect(below.statusCode).toBe(400);
    expect(below.json().error.details[0].field).toBe('body.capacity');
    const started = await put(centre, url, sessionBody('实践站', 10, -HOUR));
    expect(started.statusCode).toBe(400);
  });

  it('cancels a session: the enrolled are told why, and nobody can enrol any more', async () => {
    const c = await course('社区急救演练');
    const s = await session(c.id);
    expect((await volunteer.post(`/api/v1/academy/sessions/${s.id}/enrolments`)).statusCode).toBe(201);
    const before = (await inbox('academy.session_cancelled')).length;

    expect((await keeper.post(`/api/v1/academy/sessions/${s.id}/cancel`, { reason: '场地检修' })).statusCode).toBe(404);
    expect(
      (await foreignKeeper.post(`/api/v1/academy/sessions/${s.id}/cancel`, { reason: '场地检修' })).statusCode,
    ).toBe(404);
    const cancelled = await centre.post(`/api/v1/academy/sessions/${s.id}/cancel`, {
      reason: '场地检修，改期另行通知',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ cancelledSessions: 1, notified: 1 });

    const told = await inbox('academy.session_cancelled');
    expect(told).toHaveLength(before + 1);
    expect(told[0]).toMatchObject({ body: '场地检修，改期另行通知' });
    expect(told[0]?.title).toContain('社区急救演练');
    const detail = (await volunteer.get(`/api/v1/academy/courses/${c.id}`)).json();
    expect(detail.sessions[0]).toMatchObject({ cancelled: true, myEnrolment: null, enrolled: 1 });
    const again = await centre.post(`/api/v1/academy/sessions/${s.id}/cancel`, { reason: '再取消' });
    expect(again.json().error.code).toBe('ACADEMY_SESSION_STARTED');
    const enrol = await volunteer.post(`/api/v1/academy/sessions/${s.id}/enrolments`);
    expect(enrol.json().error.code).toBe('ACADEMY_SESSION_STARTED');
    expect((await put(centre, `/api/v1/academy/sessions/${s.id}`, sessionBody('实践站'))).statusCode).toBe(409);
  });

  it('edits a course, and withdrawing it cancels its coming sessions and tells their volunteers', async () => {
    const c = await course();
    const url = `/api/v1/academy/courses/${c.id}`;
    expect((await put(keeper, url, courseBody('改名'))).statusCode).toBe(404);
    const renamed = await put(centre, url, { ...courseBody('应急救护进阶'), teachers: ['刘敏'] });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '应急救护进阶', teachers: ['刘敏'], trainingMinutes: 90 });

    const s1 = await session(c.id);
    await session(c.id);
    expect((await volunteer.post(`/api/v1/academy/sessions/${s1.id}/enrolments`)).statusCode).toBe(201);
    const archived = await centre.post(`${url}/archive`, { reason: '课程调整' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toEqual({ cancelledSessions: 2, notified: 1 });
    const list = await catalogue('');
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((x) => x.id === c.id)).toBe(false);
    expect((await put(centre, url, courseBody('再改'))).json().error.code).toBe('ACADEMY_COURSE_ARCHIVED');
    expect((await centre.post(`${url}/sessions`, sessionBody('实践站'))).json().error.code).toBe(
      'ACADEMY_COURSE_ARCHIVED',
    );
    expect((await centre.post(`${url}/archive`, { reason: '再停办' })).statusCode).toBe(409);
  });
});

describe('the course catalogue in pages', () => {
  it('lists every course once across pages, by category then title (ties by id); a forged cursor is a 400', async () => {
    const tag = randomBytes(3).toString('hex');
    const made = [];
    for (const title of [`Paging ${tag} 3`, `Paging ${tag} 1`, `Paging ${tag} 2`, `Paging ${tag} 3`]) {
      made.push(await course(title));
    }
    const withdrawn = await course(`Paging ${tag} 0`);
    expect((await centre.post(`/api/v1/academy/courses/${withdrawn.id}/archive`, { reason: '停办' })).statusCode).toBe(
      200,
    );

    const open = await t.database.db
      .select({ id: academyCourses.id })
      .from(academyCourses)
      .where(and(eq(academyCourses.tenantId, DISTRICT), isNull(academyCourses.archivedAt)));
    const paged = await catalogue('', 2);
    expect(paged.map((c) => c.id).sort()).toEqual(open.map((c) => c.id).sort());
    expect(new Set(paged.map((c) => c.id)).size).toBe(paged.length);
    expect(paged.some((c) => c.id === withdrawn.id)).toBe(false);
    expect(await catalogue('', 200)).toEqual(paged);
    for (let i = 1; i < paged.length; i++) {
      expect((paged[i - 1] as Listed).category <= (paged[i] as Listed).category).toBe(true);
    }

    const skills = await catalogue('&category=skills', 1);
    expect(skills.every((c) => c.category === 'skills')).toBe(true);
    const mine = skills.filter((c) => c.title.startsWith(`Paging ${tag} `));
    const [three, threeAgain] = [made[0], made[3]].map((c) => c?.id as string).sort();
    expect(mine.map((c) => c.id)).toEqual([made[1]?.id, made[2]?.id, three, threeAgain]);

    const forged = [
      'not*a*cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from(JSON.stringify(['skills', 'x', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify(['skills', 'x\u0000', made[0]?.id])).toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await anonymous(t.app).get(`/api/v1/academy/courses?limit=2&cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.details[0].field).toBe('querystring.cursor');
    }
  });
});
