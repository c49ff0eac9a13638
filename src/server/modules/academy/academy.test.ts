import { randomBytes } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { orders } from '../orders/index.js';
import { skills, volunteers } from '../volunteers/index.js';
import { remindExpiringQualifications } from './remind-expiring.js';
import { academyAttempts, academyQualifications, academySessions, academyTrainingRecords } from './schema.js';

const DISTRICT = '371002';
const BEIMENWAI = '371002002005';
const SIBLING = '371002002001';
const DAY = 86400_000;

let t: TestContext;
let centre: Client;
let institute: Client;
let keeper: Client;
let foreignKeeper: Client;
let volunteer: Client;
let resident: Client;
let volunteerId: string;
let volunteerUserId: string;
let partnerId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insert(skills)
    .values({ tenantId: DISTRICT, code: 'first_aid', name: '急救', nameEn: 'First aid', sort: 1000 })
    .onConflictDoNothing();
  centre = await signIn(t.app, demo.centreAdmin);
  institute = await signIn(t.app, demo.instituteAdmin);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  resident = await signIn(t.app, demo.resident);
  foreignKeeper = await signIn(
    t.app,
    (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] })).phone,
  );
  volunteerUserId = await userIdOf(t.database, demo.volunteer);
  const [v] = await t.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, volunteerUserId));
  volunteerId = v?.id as string;
  const partner = await centre.post('/api/v1/academy/partners', {
    name: `威海职业学院-${randomBytes(2).toString('hex')}`,
    kind: 'college',
  });
  expect(partner.statusCode, partner.body).toBe(201);
  partnerId = partner.json().id;
});
afterAll(() => t.close());

const questions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    prompt: `急救题 ${i + 1}`,
    options: ['甲', '乙', '丙', '丁'],
    answer: i % 4,
  }));
const answerOf = (prompt: string) => (Number(prompt.split(' ')[1]) - 1) % 4;

async function makeCourse(extra: Record<string, unknown> = {}, bank = 8) {
  const res = await centre.post('/api/v1/academy/courses', {
    partnerId,
    regionCode: DISTRICT,
    category: 'first_aid',
    title: '急救技能培训',
    description: '心肺复苏、AED 使用与常见意外的现场处置。',
    teachers: ['王医生'],
    materials: [{ kind: 'video', url: 'https://video.example.cn/cpr', title: '心肺复苏示范' }],
    trainingMinutes: 180,
    qualificationCode: 'first_aid',
    validMonths: 24,
    passingScore: 80,
    questionsPerAttempt: 5,
    maxAttempts: 2,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const course = res.json();
  const added = await centre.post(`/api/v1/academy/courses/${course.id}/questions`, { questions: questions(bank) });
  expect(added.statusCode, added.body).toBe(201);
  return course as { id: string };
}

async function makeSession(courseId: string, capacity = 30, startsIn = 10 * 60_000) {
  const start = Date.now() + startsIn;
  const res = await centre.post(`/api/v1/academy/courses/${courseId}/sessions`, {
    regionCode: BEIMENWAI,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3600_000).toISOString(),
    place: '北门外社区新时代文明实践站',
    capacity,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function candidateIds(orderId: string): Promise<string[]> {
  const res = await keeper.get(`/api/v1/orders/${orderId}/candidates?k=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((c: { volunteerId: string }) => c.volunteerId);
}

async function firstAidOrder() {
  const menu = (await anonymous(t.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
  const haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  const saturday = new Date();
  saturday.setUTCHours(2, 0, 0, 0); // 10:00 in Shanghai, inside the demo volunteer's availability
  do saturday.setUTCDate(saturday.getUTCDate() + 1);
  while (saturday.getUTCDay() !== 6);
  const res = await resident.post('/api/v1/orders', {
    menuItemId: haircut,
    description: '社区活动需要急救保障',
    regionCode: BEIMENWAI,
    address: '北门外社区 3 号楼 2 单元 101',
    lng: 122.1205,
    lat: 37.5102,
    windowStart: saturday.toISOString(),
    windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json();
  // 急救保障: the order requires the 急救 qualification.
  await t.database.db
    .update(orders)
    .set({ requiredSkills: ['first_aid'] })
    .where(eq(orders.id, order.id));
  return order.id as string;
}

/** Service records and ledger entries of every kind: training must add none. */
async function serviceAndLedgerRows() {
  const res = await t.database.db.execute(
    sql`select (select count(*) from service_records)::int as records, (select count(*) from ledger_entries)::int as entries`,
  );
  return (res as unknown as { rows: unknown[] }).rows[0];
}

describe('the training academy', () => {
  it('enrol → attend → pass the quiz grants 急救, which opens dispatch until it expires', async () => {
    const orderId = await firstAidOrder();
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    const hoursBefore = (await volunteer.get('/api/v1/me/hours')).json();

    const course = await makeCourse();
    const detail = (await volunteer.get(`/api/v1/academy/courses/${course.id}`)).json();
    expect(detail).toMatchObject({
      title: '急救技能培训',
      qualification: { code: 'first_aid', name: '急救' },
      questionCount: 8,
      partner: { id: partnerId },
      materials: [{ kind: 'video', url: 'https://video.example.cn/cpr' }],
      progress: { attended: false, attemptsLeft: 2, passed: false },
    });
    // The keeper of 北门外社区 does not manage a district course.
    const notMine = await keeper.post(`/api/v1/academy/courses/${course.id}/sessions`, {
      regionCode: BEIMENWAI,
      startsAt: new Date(Date.now() + DAY).toISOString(),
      endsAt: new Date(Date.now() + DAY + 3600_000).toISOString(),
      place: '站点',
      capacity: 5,
    });
    expect(notMine.statusCode).toBe(404);
    const session = await makeSession(course.id);

    const enrolled = await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json()).toMatchObject({ enrolled: 1, myEnrolment: { status: 'enrolled' } });
    const twice = await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ACADEMY_ALREADY_ENROLLED');

    const early = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACADEMY_ATTENDANCE_REQUIRED');

    // Another community's keeper neither sees the list nor marks attendance.
    expect((await foreignKeeper.get(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(404);
    const list = (await keeper.get(`/api/v1/academy/sessions/${session.id}/enrolments`)).json().items;
    expect(list).toHaveLength(1);
    const enrolmentId = list[0].id;
    const foreignMark = await foreignKeeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(foreignMark.statusCode).toBe(404);
    const rowsBefore = await serviceAndLedgerRows();
    const marked = await keeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1, minutesEach: 180 });
    const again = await keeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(again.json().marked).toBe(0);

    // Training hours are training: recorded in the academy, not as service hours or points.
    expect((await volunteer.get('/api/v1/me/academy')).json().totalMinutes).toBeGreaterThanOrEqual(180);
    expect((await volunteer.get('/api/v1/me/hours')).json()).toEqual(hoursBefore);
    expect(await serviceAndLedgerRows()).toEqual(rowsBefore);

    // First attempt: all wrong. The paper carries no answers.
    const first = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(first.statusCode, first.body).toBe(201);
    const paper = first.json();
    expect(paper.questions).toHaveLength(5);
    expect(first.body).not.toContain('"answer"');
    const resumed = (await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`)).json();
    expect(resumed.attemptId).toBe(paper.attemptId);
    const wrong = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
      answers: paper.questions.map((q: { id: string; prompt: string }) => ({
        questionId: q.id,
        choice: (answerOf(q.prompt) + 1) % 4,
      })),
    });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toMatchObject({ score: 0, passed: false, attemptsLeft: 1, qualification: null });
    const resubmit = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
      answers: [],
    });
    expect(resubmit.json().error.code).toBe('ACADEMY_ATTEMPT_SUBMITTED');
    expect(await candidateIds(orderId)).not.toContain(volunteerId);

    const second = (await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`)).json();
    expect(second.attemptNo).toBe(2);
    const passed = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${second.attemptId}/submit`, {
      answers: second.questions.map((q: { id: string; prompt: string }) => ({
        questionId: q.id,
        choice: answerOf(q.prompt),
      })),
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const result = passed.json();
    expect(result).toMatchObject({
      score: 100,
      passed: true,
      qualification: { code: 'first_aid', name: '急救', status: 'valid', source: 'course', expired: false },
    });
    expect(result.qualification.issuer).toMatch(/^威海职业学院/);
    const months = (Date.parse(result.qualification.expiresAt) - Date.parse(result.qualification.issuedAt)) / DAY;
    expect(Math.round(months / 30.4375)).toBe(24);
    const mine = (await volunteer.get('/api/v1/me/qualifications')).json().items;
    expect(mine.map((q: { id: string }) => q.id)).toContain(result.qualification.id);
    const done = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(done.json().error.code).toBe('ACADEMY_QUIZ_ALREADY_PASSED');

    expect(await candidateIds(orderId)).toContain(volunteerId);

    // An expired qualification stops counting.
    await t.database.db
      .update(academyQualifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(academyQualifications.id, result.qualification.id));
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
  });

  it('fills a session exactly to capacity under concurrent enrolment, and gives seats back', async () => {
    const course = await makeCourse({ qualificationCode: null, validMonths: null, title: '助老护理入门' });
    const session = await makeSession(course.id, 3);
    const clients: Client[] = [];
    for (let i = 0; i < 8; i++) clients.push(await signIn(t.app, (await makeUser(t.database)).phone));
    const results = await Promise.all(clients.map((c) => c.post(`/api/v1/academy/sessions/${session.id}/enrolments`)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(5).fill('ACADEMY_SESSION_FULL'),
    );
    const [row] = await t.database.db
      .select({ enrolled: academySessions.enrolled })
      .from(academySessions)
      .where(eq(academySessions.id, session.id));
    expect(row?.enrolled).toBe(3);

    const winner = results.findIndex((r) => r.statusCode === 201);
    const seat = results[winner]?.json().myEnrolment.id;
    // Nobody else can cancel someone's seat.
    expect((await volunteer.post(`/api/v1/academy/enrolments/${seat}/cancel`)).statusCode).toBe(404);
    const cancelled = await clients[winner]?.post(`/api/v1/academy/enrolments/${seat}/cancel`);
    expect(cancelled?.statusCode, cancelled?.body).toBe(200);
    expect(cancelled?.json()).toMatchObject({ enrolled: 2, myEnrolment: null });
    const loser = results.findIndex((r) => r.statusCode === 409);
    expect((await clients[loser]?.post(`/api/v1/academy/sessions/${session.id}/enrolments`))?.statusCode).toBe(201);
  });

  it('never grants more quiz attempts than allowed, and scores a paper once, under concurrency', async () => {
    const course = await makeCourse({ requiresAttendance: false, title: '应急救护考核' });
    const person = await makeUser(t.database);
    const client = await signIn(t.app, person.phone);
    const wrongRun = async () => {
      const start = await client.post(`/api/v1/academy/courses/${course.id}/attempts`);
      if (start.statusCode !== 201) return start.json().error.code as string;
      const paper = start.json();
      const submit = await client.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
        answers: [],
      });
      return submit.statusCode === 200 ? 'scored' : (submit.json().error.code as string);
    };
    const outcomes = await Promise.all(Array.from({ length: 6 }, wrongRun));
    expect(outcomes.filter((o) => o === 'scored').length).toBeLessThanOrEqual(2);
    expect(
      outcomes.every((o) => ['scored', 'ACADEMY_ATTEMPT_SUBMITTED', 'ACADEMY_QUIZ_ATTEMPTS_EXHAUSTED'].includes(o)),
    ).toBe(true);
    // Finish whatever is left; the limit holds.
    for (let i = 0; i < 3; i++) await wrongRun();
    const [used] = await t.database.db
      .select({ n: count() })
      .from(academyAttempts)
      .where(and(eq(academyAttempts.courseId, course.id), eq(academyAttempts.userId, person.id)));
    expect(used?.n).toBe(2);
    const refused = await client.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ACADEMY_QUIZ_ATTEMPTS_EXHAUSTED');

    // One paper, submitted five times at once: scored once.
    const otherUser = await makeUser(t.database);
    const other = await signIn(t.app, otherUser.phone);
    const paper = (await other.post(`/api/v1/academy/courses/${course.id}/attempts`)).json();
    const submits = await Promise.all(
      Array.from({ length: 5 }, () =>
        other.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
          answers: paper.questions.map((q: { id: string; prompt: string }) => ({
            questionId: q.id,
            choice: answerOf(q.prompt),
          })),
        }),
      ),
    );
    expect(submits.filter((s) => s.statusCode === 200)).toHaveLength(1);
    const granted = await t.database.db
      .select({ n: count() })
      .from(academyQualifications)
      .where(and(eq(academyQualifications.courseId, course.id), eq(academyQualifications.userId, otherUser.id)));
    expect(granted[0]?.n).toBe(1);
  });

  it('records a qualification obtained elsewhere, verified by another staff member in scope', async () => {
    const upload = await keeper.request({
      method: 'POST',
      url: '/api/v1/files?purpose=attachment&name=证书.pdf',
      payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000), Buffer.from('\n%%EOF\n')]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const body = {
      volunteerId,
      skillCode: 'first_aid',
      issuer: '中国红十字会威海分会',
      certificateNo: 'HSH-2026-001',
      issuedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      expiresAt: new Date(Date.now() + 700 * DAY).toISOString(),
      proofFileId: upload.json().id,
    };
    const bad = await keeper.post('/api/v1/academy/qualifications', { ...body, skillCode: 'no_such_skill' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.skillCode');
    const foreign = await foreignKeeper.post('/api/v1/academy/qualifications', body);
    expect(foreign.statusCode).toBe(404);
    const recorded = await keeper.post('/api/v1/academy/qualifications', body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    const q = recorded.json();
    expect(q).toMatchObject({ status: 'pending', source: 'external', holderName: '李志愿' });
    expect(q.proofUrl).toContain('/api/v1/files/');

    const pending = (await institute.get('/api/v1/academy/qualifications')).json().items;
    expect(pending.map((p: { id: string }) => p.id)).toContain(q.id);
    const hidden = (await foreignKeeper.get('/api/v1/academy/qualifications')).json().items;
    expect(hidden.map((p: { id: string }) => p.id)).not.toContain(q.id);

    const self = await keeper.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('ACADEMY_SELF_VERIFICATION');
    expect(
      (await foreignKeeper.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const ok = await institute.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('valid');
    const twice = await centre.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'reject' });
    expect(twice.statusCode).toBe(409);

    // Expiry reminder: 30 days before, once.
    await t.database.db
      .update(academyQualifications)
      .set({ expiresAt: new Date(Date.now() + 10 * DAY) })
      .where(eq(academyQualifications.id, q.id));
    const now = new Date();
    expect(await remindExpiringQualifications(t.database.db, now)).toBeGreaterThanOrEqual(1);
    expect(await remindExpiringQualifications(t.database.db, now)).toBe(0);
    const inbox = (await volunteer.get('/api/v1/me/notifications?limit=200'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'academy.qualification_expiring');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.title).toContain('急救');
  });

  it('publishes the 大讲堂 schedule with sign-up and a calendar feed', async () => {
    const course = await makeCourse({
      category: 'lecture',
      title: '志愿环翠大讲堂：让专业的人做专业的事',
      qualificationCode: null,
      validMonths: null,
    });
    const session = await makeSession(course.id, 200, 2 * DAY);
    const lectures = (await anonymous(t.app).get('/api/v1/public/academy/lectures')).json().items;
    expect(lectures.map((l: { id: string }) => l.id)).toContain(session.id);
    const ics = await anonymous(t.app).get('/api/v1/public/academy/lectures.ics');
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body.replace(/\r\n[ \t]/g, '')).toContain('让专业的人做专业的事');
    expect((await resident.post(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(201);
    expect((await anonymous(t.app).post(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(401);
    const training = await t.database.db.select({ n: count() }).from(academyTrainingRecords);
    expect(training[0]?.n).toBeGreaterThanOrEqual(1);
  });
});
