/** Shared set-up of the academy tests: a partner college, the demo's staff and volunteer, courses, sessions, orders. */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { orders } from '../src/server/modules/orders/index.js';
import { skills, volunteers } from '../src/server/modules/volunteers/index.js';
import { makeUser, userIdOf } from './people.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from './server.js';

export const DISTRICT = '371002';
export const BEIMENWAI = '371002002005';
export const SIBLING = '371002002001';
export const DAY = 86400_000;

const questions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    prompt: `急救题 ${i + 1}`,
    options: ['甲', '乙', '丙', '丁'],
    answer: i % 4,
  }));

/** The right choice of a question made by `questions`, read from its prompt. */
export const answerOf = (prompt: string) => (Number(prompt.split(' ')[1]) - 1) % 4;

export type AcademyWorld = Awaited<ReturnType<typeof academyWorld>>;

export async function academyWorld(t: TestContext) {
  await t.database.db
    .insert(skills)
    .values({
      tenantId: DISTRICT,
      code: 'first_aid',
      name: '急救',
      nameEn: 'First aid',
      sort: 1000,
      qualification: true,
    })
    .onConflictDoUpdate({ target: [skills.tenantId, skills.code], set: { qualification: true } });
  const centre = await signIn(t.app, demo.centreAdmin);
  const institute = await signIn(t.app, demo.instituteAdmin);
  const keeper = await signIn(t.app, demo.keeper);
  const volunteer = await signIn(t.app, demo.volunteer);
  const resident = await signIn(t.app, demo.resident);
  const foreignKeeper = await signIn(
    t.app,
    (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] })).phone,
  );
  const volunteerUserId = await userIdOf(t.database, demo.volunteer);
  const [v] = await t.database.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, volunteerUserId));
  const volunteerId = v?.id as string;
  const partner = await centre.post('/api/v1/academy/partners', {
    name: `威海职业学院-${randomBytes(2).toString('hex')}`,
    kind: 'college',
  });
  expect(partner.statusCode, partner.body).toBe(201);
  const partnerId: string = partner.json().id;

  /** A district 急救 course by the partner college, with a bank of `bank` questions. */
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

  async function makeSession(
    courseId: string,
    capacity = 30,
    startsIn = 10 * 60_000,
    extra: Record<string, unknown> = {},
  ) {
    const start = Date.now() + startsIn;
    const res = await centre.post(`/api/v1/academy/courses/${courseId}/sessions`, {
      regionCode: BEIMENWAI,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * 3600_000).toISOString(),
      place: '北门外社区新时代文明实践站',
      capacity,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  async function candidateIds(orderId: string): Promise<string[]> {
    const res = await keeper.get(`/api/v1/orders/${orderId}/candidates?k=50`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((c: { volunteerId: string }) => c.volunteerId);
  }

  /** A resident's order on Saturday morning that needs the 急救 qualification. */
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
      sql`select (select count(*) from service_records)::int as records, (select count(*) from ledger_entries)::int as entries,
        (select count(*) from points_earnings)::int as earnings`,
    );
    return (res as unknown as { rows: unknown[] }).rows[0];
  }

  return {
    centre,
    institute,
    keeper,
    foreignKeeper,
    volunteer,
    resident,
    volunteerId,
    partnerId,
    makeCourse,
    makeSession,
    candidateIds,
    firstAidOrder,
    serviceAndLedgerRows,
  };
}

/** One test file's app and academy world, made before its tests and closed after them; call the answer inside a test. */
export function academySuite() {
  let t: TestContext | undefined;
  let world: AcademyWorld | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    world = await academyWorld(t);
  });
  afterAll(() => t?.close());
  return () => ({ t: t as TestContext, ...(world as AcademyWorld) });
}
