/**
 * The training academy of the demo district (演示数据): the 急救 qualification in the skills
 * taxonomy, a 急救保障 service that requires it, partner institutions, a dozen courses with question
 * banks (急救技能培训 leads to 急救), a year of sessions (9 months back, 3 ahead), the lecture series
 * 志愿环翠大讲堂 monthly, and the demo volunteer's training record: two attended courses and a
 * 心理疏导 qualification. Courses and qualifications carry `demo = true`. The demo volunteer holds
 * no 急救 qualification, so the enrol → attend → quiz → dispatch path can be shown from the start.
 * Deterministic for a given `now` (seeded generator); bulk inserts.
 */
import { and, eq } from 'drizzle-orm';
import { academyCourses, academyPartners, academyQualifications } from '../modules/academy/index.js';
import { userByPhone } from '../modules/accounts/index.js';
import { menuItems } from '../modules/service-menu/index.js';
import { skills, volunteers } from '../modules/volunteers/index.js';
import type { Db } from '../platform/db.js';
import { atLocal, bulkInsert, DAY, generator, HOUR } from './synthetic.js';

const DISTRICT = '371002';
const PLACES = [
  { regionCode: '371002002005', place: '北门外社区新时代文明实践站' },
  { regionCode: '371002002', place: '鲸园街道新时代文明实践所' },
  { regionCode: '371002', place: '环翠区新时代文明实践中心 报告厅' },
  { regionCode: '371002', place: '威海职业学院 实训楼 302' },
];

type CourseSeed = {
  key: string;
  partner: string;
  category: (typeof academyCourses.$inferInsert)['category'];
  title: string;
  description: string;
  teachers: string[];
  minutes: number;
  qualification?: string;
  validMonths?: number;
};

const COURSES: CourseSeed[] = [
  {
    key: 'first_aid',
    partner: '威海职业学院',
    category: 'first_aid',
    title: '急救技能培训',
    description: '心肺复苏（CPR）、AED 使用、气道异物梗阻、创伤止血包扎。理论与实操结合，考核合格获得急救资质。',
    teachers: ['王建华（威海市中心医院急诊科）', '刘敏'],
    minutes: 240,
    qualification: 'first_aid',
    validMonths: 24,
  },
  {
    key: 'aed',
    partner: '威海市红十字会',
    category: 'first_aid',
    title: 'AED 与心肺复苏复训',
    description: '面向已取得急救资质的志愿者的年度复训。',
    teachers: ['孙丽'],
    minutes: 120,
  },
  {
    key: 'elderly',
    partner: '威海职业学院',
    category: 'elderly_care',
    title: '助老护理基础',
    description: '老年人照护、防跌倒、助餐助浴的基本方法与沟通技巧。',
    teachers: ['赵晓燕'],
    minutes: 180,
    qualification: 'elderly_disabled',
    validMonths: 36,
  },
  {
    key: 'dementia',
    partner: '威海职业学院',
    category: 'elderly_care',
    title: '认知障碍老人陪伴',
    description: '认识阿尔茨海默病，学习陪伴与沟通。',
    teachers: ['周倩'],
    minutes: 120,
  },
  {
    key: 'psychology',
    partner: '山东大学（威海）',
    category: 'psychology',
    title: '心理疏导入门',
    description: '倾听、共情与危机识别；什么时候需要转介专业机构。',
    teachers: ['陈思远（山东大学（威海）心理健康教育中心）'],
    minutes: 180,
    qualification: 'psychology',
    validMonths: 24,
  },
  {
    key: 'legal',
    partner: '山东大学（威海）',
    category: 'legal',
    title: '法律援助志愿者培训',
    description: '常见民事纠纷、劳动争议的法律常识与援助流程。',
    teachers: ['李律师（山东大学（威海）法学院）'],
    minutes: 180,
    qualification: 'legal',
    validMonths: 36,
  },
  {
    key: 'antifraud',
    partner: '威海市环翠区志愿服务联合会',
    category: 'legal',
    title: '反诈宣传讲师培训',
    description: '电信网络诈骗的常见手法与社区宣讲技巧。',
    teachers: ['环翠公安分局反诈中心'],
    minutes: 90,
  },
  {
    key: 'repair',
    partner: '威海职业学院',
    category: 'skills',
    title: '家电维修便民服务',
    description: '小家电检修、安全用电与上门服务规范。',
    teachers: ['张师傅'],
    minutes: 240,
    qualification: 'repair',
    validMonths: 36,
  },
  {
    key: 'photo',
    partner: '威海市环翠区志愿服务联合会',
    category: 'skills',
    title: '志愿服务摄影与宣传',
    description: '活动拍摄、新闻稿写作与新媒体发布。',
    teachers: ['郭宁'],
    minutes: 120,
  },
  {
    key: 'basics',
    partner: '威海市环翠区志愿服务联合会',
    category: 'skills',
    title: '志愿服务通识',
    description: '《志愿服务条例》、志愿者权利义务、服务礼仪与安全。',
    teachers: ['环翠区志愿服务联合会'],
    minutes: 90,
  },
  {
    key: 'lecture',
    partner: '山东大学（威海）',
    category: 'lecture',
    title: '志愿环翠大讲堂',
    description: '每月一讲：让专业的人做专业的事。面向全体志愿者和居民开放报名。',
    teachers: ['特邀专家'],
    minutes: 90,
  },
  {
    key: 'sign',
    partner: '威海市红十字会',
    category: 'skills',
    title: '手语基础',
    description: '日常手语与助残服务中的沟通。',
    teachers: ['韩冬'],
    minutes: 120,
  },
];

const PARTNERS = [
  { name: '威海职业学院', kind: 'college', description: '与环翠区共建志愿服务培训学院，承担技能类课程与实训。' },
  {
    name: '山东大学（威海）',
    kind: 'university',
    description: '指导志愿服务，开设心理、法律课程，主讲志愿环翠大讲堂。',
  },
  { name: '威海市红十字会', kind: 'association', description: '急救与应急救护培训。' },
  { name: '威海市环翠区志愿服务联合会', kind: 'association', description: '通识与宣传类培训。' },
] as const;

export const FIRST_AID_QUESTIONS = [
  ['成人心肺复苏胸外按压的频率是每分钟多少次？', ['60–80 次', '100–120 次', '140–160 次', '越快越好'], 1],
  ['成人胸外按压的深度是多少？', ['2–3 厘米', '5–6 厘米', '8–10 厘米', '按到胸骨不动为止'], 1],
  ['单人施救时按压与人工呼吸的比例是？', ['15:2', '30:2', '5:1', '只按压不吹气'], 1],
  ['发现有人倒地，第一步应当做什么？', ['立即搬动伤者', '确认环境安全', '喂水', '等待家属'], 1],
  ['AED 到达后应当？', ['先做完 5 轮按压再用', '立即开机并按语音提示操作', '只有医生能用', '先擦干全身'], 1],
  ['成人气道异物梗阻的急救方法是？', ['拍背后喝水', '海姆立克法', '倒立', '用手指深抠'], 1],
  ['四肢动脉出血首先应当？', ['直接压迫止血', '涂牙膏', '热敷', '抬高后不管'], 0],
  ['拨打急救电话应当拨？', ['110', '119', '120', '12345'], 2],
  ['烫伤后应立即？', ['涂酱油', '用流动冷水冲洗', '挑破水泡', '包紧'], 1],
  ['判断心脏骤停的要点是？', ['无反应且无正常呼吸', '面色发红', '说话含糊', '手脚冰凉'], 0],
] as const;

export async function seedDemoAcademy(tx: Db, tenantId: string, now = new Date()) {
  const g = generator(9012);
  await tx
    .insert(skills)
    .values({ tenantId, code: 'first_aid', name: '急救', nameEn: 'First aid', sort: 5, qualification: true })
    .onConflictDoUpdate({ target: [skills.tenantId, skills.code], set: { qualification: true } });
  await tx.insert(menuItems).values({
    tenantId,
    categoryCode: 'health',
    title: '急救保障 · 社区活动',
    description: '社区大型活动、运动会现场的急救保障，由持有效急救资质的志愿者承担。',
    providerKind: 'project',
    projectName: '志愿服务培训学院',
    regionCode: DISTRICT,
    requiredSkills: ['first_aid'],
    areaCodes: [DISTRICT],
    durationMinutes: 180,
    capacity: 3,
  });
  const partners = await tx
    .insert(academyPartners)
    .values(PARTNERS.map((p) => ({ tenantId, ...p })))
    .returning({ id: academyPartners.id, name: academyPartners.name });
  const partnerId = new Map(partners.map((p) => [p.name, p.id]));
  const courses = await tx
    .insert(academyCourses)
    .values(
      COURSES.map((c) => ({
        tenantId,
        partnerId: partnerId.get(c.partner) ?? null,
        regionCode: DISTRICT,
        category: c.category,
        title: c.title,
        description: c.description,
        teachers: c.teachers,
        materials:
          c.key === 'first_aid'
            ? [
                {
                  kind: 'video' as const,
                  url: 'https://www.redcross.org.cn/',
                  title: '心肺复苏操作示范（中国红十字会）',
                },
              ]
            : [],
        trainingMinutes: c.minutes,
        qualificationCode: c.qualification ?? null,
        validMonths: c.validMonths ?? null,
        requiresAttendance: true,
        passingScore: 80,
        questionsPerAttempt: c.qualification ? 5 : 3,
        maxAttempts: 3,
        demo: true,
      })),
    )
    .returning({ id: academyCourses.id, title: academyCourses.title });
  const courseId = new Map(courses.map((c, i) => [COURSES[i]?.key as string, c.id]));

  const questions: object[] = [];
  for (const [i, c] of COURSES.entries()) {
    const id = courses[i]?.id;
    if (!id) continue;
    const bank =
      c.key === 'first_aid'
        ? FIRST_AID_QUESTIONS.map(([prompt, options, answer]) => ({ prompt, options: [...options], answer }))
        : Array.from({ length: 6 }, (_, n) => ({
            prompt: `「${c.title}」第 ${n + 1} 题：以下做法正确的是？`,
            options: ['按课程所学规范操作', '凭经验随意处理', '不予理会', '等别人来做'],
            answer: 0,
          }));
    for (const q of bank) questions.push({ tenantId, id: g.uuid(), courseId: id, ...q, createdAt: now.toISOString() });
  }
  await bulkInsert(tx, 'academy_questions', questions);

  // Sessions: every course about monthly for a year (the lectures exactly monthly), 9 months back, 3 ahead.
  const sessions: {
    tenantId: string;
    id: string;
    courseId: string;
    regionCode: string;
    startsAt: string;
    endsAt: string;
    place: string;
    capacity: number;
    enrolled: number;
    createdAt: string;
    key: string;
  }[] = [];
  for (const c of COURSES) {
    const id = courseId.get(c.key);
    if (!id) continue;
    const every = c.key === 'lecture' ? 30 : g.int(45, 75);
    for (let day = -270 + g.int(0, 20); day < 90; day += every) {
      const where = c.key === 'lecture' ? (PLACES[2] as (typeof PLACES)[number]) : g.pick(PLACES);
      const start = atLocal(new Date(now.getTime() + day * DAY), c.key === 'lecture' ? 14 : g.pick([9, 14, 19]), 0);
      sessions.push({
        tenantId,
        id: g.uuid(),
        courseId: id,
        regionCode: where.regionCode,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + c.minutes * 60_000).toISOString(),
        place: where.place,
        capacity: c.key === 'lecture' ? 200 : g.pick([20, 30, 40]),
        enrolled: 0,
        createdAt: now.toISOString(),
        key: c.key,
      });
    }
  }

  // The demo volunteer: attended 心理疏导入门 and 助老护理基础 (qualified in 心理疏导), signed up for
  // the next 大讲堂 and the next 急救技能培训 session is left to the demo.
  const volunteer = await userByPhone(tx, tenantId, '13800000005');
  const [profile] = volunteer
    ? await tx
        .select({ regionCode: volunteers.regionCode })
        .from(volunteers)
        .where(and(eq(volunteers.tenantId, tenantId), eq(volunteers.userId, volunteer.id)))
    : [];
  const enrolments: object[] = [];
  const training: object[] = [];
  const pastOf = (key: string) => sessions.filter((s) => s.key === key && Date.parse(s.endsAt) < now.getTime());
  const nextOf = (key: string) => sessions.find((s) => s.key === key && Date.parse(s.startsAt) > now.getTime());
  if (volunteer) {
    for (const key of ['psychology', 'elderly', 'lecture']) {
      const s = pastOf(key)[0];
      if (!s) continue;
      s.enrolled += 1;
      const attendedAt = new Date(Date.parse(s.startsAt) + HOUR).toISOString();
      enrolments.push({
        tenantId,
        id: g.uuid(),
        sessionId: s.id,
        courseId: s.courseId,
        userId: volunteer.id,
        status: 'attended',
        enrolledAt: new Date(Date.parse(s.startsAt) - 7 * DAY).toISOString(),
        attendedAt,
      });
      const minutes = COURSES.find((c) => c.key === key)?.minutes ?? 0;
      training.push({
        tenantId,
        id: g.uuid(),
        userId: volunteer.id,
        courseId: s.courseId,
        sessionId: s.id,
        minutes,
        recordedAt: attendedAt,
      });
    }
    const lecture = nextOf('lecture');
    if (lecture) {
      lecture.enrolled += 1;
      enrolments.push({
        tenantId,
        id: g.uuid(),
        sessionId: lecture.id,
        courseId: lecture.courseId,
        userId: volunteer.id,
        status: 'enrolled',
        enrolledAt: now.toISOString(),
      });
    }
  }
  await bulkInsert(
    tx,
    'academy_sessions',
    sessions.map(({ key: _key, ...s }) => s),
  );
  if (enrolments.length)
    await bulkInsert(
      tx,
      'academy_enrolments',
      enrolments.map((e) => ({ ...e, codeFailures: 0 })),
    );
  if (training.length) await bulkInsert(tx, 'academy_training_records', training);
  const psych = pastOf('psychology')[0];
  if (volunteer && psych) {
    const issuedAt = new Date(psych.endsAt);
    await tx.insert(academyQualifications).values({
      tenantId,
      userId: volunteer.id,
      regionCode: profile?.regionCode ?? DISTRICT,
      skillCode: 'psychology',
      source: 'course',
      courseId: psych.courseId,
      partnerId: partnerId.get('山东大学（威海）') ?? null,
      issuer: '山东大学（威海）',
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + 730 * DAY),
      status: 'valid',
      verifiedAt: issuedAt,
      demo: true,
    });
  }
  return { courses: courses.length, sessions: sessions.length };
}
