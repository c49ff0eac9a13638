import { z } from 'zod';
import { textLimits as L } from '../../../shared/text-limits.js';
import { named, pageQuery } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { courseCategories } from './schema.js';

export const idParams = z.object({ id: z.string().uuid() });

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/);
const regionCode = z.string().regex(/^\d{6,15}$/);
const iso = z.string().datetime({ offset: true });

export const courseCategory = named('AcademyCourseCategory', z.enum(courseCategories));

export const partnerBody = z.object({
  name: text(L.academyPartnerName),
  kind: z.enum(['college', 'university', 'association', 'hospital', 'other']),
  description: z.string().trim().max(L.academyPartnerDescription).default(''),
});
export const partnerView = named(
  'AcademyPartner',
  z.object({ id: z.string(), name: z.string(), kind: z.string(), description: z.string() }),
);

const material = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileId: z.string().uuid(), title: text(L.academyMaterialTitle) }),
  z.object({
    kind: z.literal('video'),
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^https:\/\//, { message: zhEn('视频链接须以 https:// 开头', 'A video link starts with https://') }),
    title: text(L.academyMaterialTitle),
  }),
]);

export const courseBody = z
  .object({
    partnerId: z.string().uuid().nullable().default(null),
    regionCode: regionCode.describe('The organising region; its staff manage the course'),
    category: courseCategory,
    title: text(L.academyCourseTitle),
    description: z.string().trim().max(L.academyCourseDescription).default(''),
    teachers: z.array(text(L.academyTeacher)).max(10).default([]),
    materials: z.array(material).max(20).default([]),
    trainingMinutes: z.number().int().min(0).max(6000).default(0),
    qualificationCode: code.nullable().default(null).describe('A skill code of the tenant taxonomy it grants'),
    validMonths: z.number().int().min(1).max(240).nullable().default(null),
    requiresAttendance: z.boolean().default(true),
    passingScore: z.number().int().min(0).max(100).default(60),
    questionsPerAttempt: z.number().int().min(1).max(100).default(10),
    maxAttempts: z.number().int().min(1).max(10).default(3),
  })
  .strict();

export const courseUpdateBody = courseBody.extend({
  materials: z.array(material).max(20).optional().describe('Omitted: the materials stay as they are'),
});

export const materialView = named(
  'AcademyMaterial',
  z.object({ kind: z.enum(['file', 'video']), title: z.string(), url: z.string() }),
);

export const courseView = named(
  'AcademyCourse',
  z.object({
    id: z.string(),
    category: courseCategory,
    title: z.string(),
    description: z.string(),
    regionCode: z.string(),
    partner: partnerView.nullable(),
    teachers: z.array(z.string()),
    trainingMinutes: z.number().int(),
    qualification: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
    validMonths: z.number().int().nullable(),
    requiresAttendance: z.boolean(),
    passingScore: z.number().int(),
    questionsPerAttempt: z.number().int(),
    maxAttempts: z.number().int(),
    questionCount: z.number().int(),
    nextSessionAt: z.string().nullable(),
  }),
);

const checkinPoint = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  radiusM: z.number().int().min(20).max(2000),
});

export const sessionView = named(
  'AcademySession',
  z.object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    category: courseCategory,
    regionCode: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    cancelled: z.boolean(),
    checkinPoint: checkinPoint.nullable().describe('Where volunteers check in themselves; null: keeper marking only'),
    myEnrolment: z
      .object({ id: z.string(), status: z.enum(['enrolled', 'attended', 'cancelled']) })
      .nullable()
      .describe('The caller’s live enrolment, if any'),
  }),
);

export const myCourseProgress = named(
  'AcademyCourseProgress',
  z.object({
    attended: z.boolean(),
    attemptsUsed: z.number().int(),
    attemptsLeft: z.number().int(),
    bestScore: z.number().int().nullable(),
    passed: z.boolean(),
    openAttemptId: z.string().nullable(),
  }),
);

export const courseDetail = named(
  'AcademyCourseDetail',
  courseView.extend({
    materials: z.array(materialView),
    sessions: z.array(sessionView),
    progress: myCourseProgress.nullable(),
  }),
);

export const coursesQuery = pageQuery.extend({ category: courseCategory.optional() });
export const coursesPage = z.object({ items: z.array(courseView), nextCursor: z.string().nullable() });

export const questionBody = z
  .object({
    prompt: text(L.academyQuestionPrompt),
    options: z.array(text(L.academyQuestionOption)).min(2).max(6),
    answer: z.number().int().min(0).max(5),
  })
  .refine((q) => q.answer < q.options.length, {
    message: zhEn('正确答案须是其中一个选项', 'The answer must be one of the options'),
    path: ['answer'],
  });
export const questionsBody = z.object({ questions: z.array(questionBody).min(1).max(200) });
export const questionsResult = z.object({ added: z.number().int(), total: z.number().int() });

export const sessionBody = z
  .object({
    regionCode: regionCode.describe('Where the session is held; its staff mark attendance'),
    startsAt: iso,
    endsAt: iso,
    place: text(L.academySessionPlace),
    capacity: z.number().int().min(1).max(5000),
    checkinPoint: checkinPoint
      .nullable()
      .default(null)
      .describe('Where volunteers check in themselves (WGS-84); null: the keeper marks attendance'),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: zhEn('结束时间须晚于开始时间', 'The end must be after the start'),
    path: ['endsAt'],
  });

export const trainingScanBody = z
  .object({
    token: z.string().min(1).max(200).optional().describe('The QR token scanned from the session’s screen'),
    code: z
      .string()
      .regex(/^\d{6}$/, { message: zhEn('请输入屏幕上的6位签到码', 'Type the 6-digit code shown on the screen') })
      .optional()
      .describe('The 6-digit short code shown under the QR code'),
    position: z
      .object({
        lng: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        accuracyM: z.number().min(0).max(100_000).describe('The reported accuracy (radius in metres)'),
      })
      .describe('Where the device is; must be inside the session’s geofence'),
  })
  .refine((b) => (b.token === undefined) !== (b.code === undefined), {
    message: zhEn('请扫码或输入签到码（二选一）', 'Give exactly one of token or code'),
    path: ['code'],
  });

export const trainingAttendanceView = named(
  'AcademyTrainingAttendance',
  z.object({
    sessionId: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    enrolmentId: z.string(),
    status: z.enum(['enrolled', 'attended', 'cancelled']),
    checkedInAt: z.string().nullable(),
    checkedOutAt: z.string().nullable(),
    trainingMinutes: z.number().int().nullable().describe('Training minutes recorded (training, never service hours)'),
  }),
);

export const trainingCheckinCodeView = named(
  'AcademyCheckinCode',
  z.object({
    sessionId: z.string(),
    courseTitle: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    token: z.string(),
    shortCode: z.string().describe('6 digits under the QR code, for typing'),
    issuedAt: z.string(),
    expiresAt: z.string(),
    refreshSeconds: z.number().int(),
    checkedIn: z.number().int(),
    checkedOut: z.number().int(),
  }),
);

export const enrolmentView = named(
  'AcademyEnrolment',
  z.object({
    id: z.string(),
    sessionId: z.string(),
    courseId: z.string(),
    userId: z.string(),
    name: z.string(),
    status: z.enum(['enrolled', 'attended', 'cancelled']),
    enrolledAt: z.string(),
    attendedAt: z.string().nullable(),
  }),
);
export const enrolmentsView = z.object({ items: z.array(enrolmentView) });

export const attendanceBody = z.object({
  enrolmentIds: z.array(z.string().uuid()).min(1).max(500),
});
export const attendanceResult = z.object({
  marked: z.number().int().describe('Enrolments newly marked attended'),
  minutesEach: z.number().int().describe('Training minutes recorded for each'),
});

export const paperView = named(
  'AcademyQuizPaper',
  z.object({
    attemptId: z.string(),
    attemptNo: z.number().int(),
    maxAttempts: z.number().int(),
    passingScore: z.number().int(),
    questions: z.array(z.object({ id: z.string(), prompt: z.string(), options: z.array(z.string()) })),
  }),
);
export const attemptParams = z.object({ id: z.string().uuid(), attemptId: z.string().uuid() });
export const submitBody = z.object({
  answers: z.array(z.object({ questionId: z.string().uuid(), choice: z.number().int().min(0).max(5) })).max(100),
});
export const qualificationView = named(
  'AcademyQualification',
  z.object({
    id: z.string(),
    userId: z.string(),
    holderName: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    source: z.enum(['course', 'external']),
    courseId: z.string().nullable(),
    issuer: z.string(),
    certificateNo: z.string().nullable(),
    issuedAt: z.string(),
    expiresAt: z.string().nullable(),
    status: z.enum(['valid', 'pending', 'rejected']),
    expired: z.boolean(),
    proofUrl: z.string().nullable(),
    proofContentType: z
      .string()
      .nullable()
      .describe('The proof scan’s type: image/jpeg, image/png, image/webp or application/pdf'),
    rejectReason: z.string().nullable().describe('Why the verifier refused the recorded proof'),
  }),
);
export const attemptResult = named(
  'AcademyQuizResult',
  z.object({
    score: z.number().int(),
    passed: z.boolean(),
    attemptsLeft: z.number().int(),
    qualification: qualificationView.nullable(),
  }),
);
export const qualificationsView = z.object({ items: z.array(qualificationView) });
export const qualificationsQuery = pageQuery.extend({ status: z.enum(['valid', 'pending', 'rejected']).optional() });
export const qualificationsPage = z.object({ items: z.array(qualificationView), nextCursor: z.string().nullable() });

export const externalQualificationBody = z.object({
  volunteerId: z.string().uuid(),
  skillCode: code,
  issuer: text(L.academyIssuer),
  certificateNo: z.string().trim().max(L.academyCertificateNo).optional(),
  issuedAt: iso,
  expiresAt: iso.nullable().default(null),
  proofFileId: z.string().uuid(),
});
export const verifyBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(L.academyRejectReason).optional().describe('Required to reject: what is wrong'),
  })
  .refine((b) => b.decision === 'approve' || (b.reason ?? '').length >= 2, {
    message: zhEn('驳回须填写原因（至少2个字）', 'Give a reason (at least 2 characters) to reject'),
    path: ['reason'],
  });

export const myTrainingView = named(
  'AcademyMyTraining',
  z.object({
    totalMinutes: z.number().int().describe('Training minutes (培训时长), kept apart from service hours'),
    enrolments: z.array(
      sessionView.extend({ enrolmentId: z.string(), status: z.enum(['enrolled', 'attended', 'cancelled']) }),
    ),
  }),
);

export const cancelBody = z.object({
  reason: text(L.academyCancelReason).describe('Sent to everyone enrolled'),
});
export const cancelResult = z.object({
  cancelledSessions: z.number().int(),
  notified: z.number().int().describe('Volunteers told of the cancellation'),
});
export const bankQuestionView = named(
  'AcademyBankQuestion',
  z.object({ id: z.string(), prompt: z.string(), options: z.array(z.string()), answer: z.number().int() }),
);
export const bankView = z.object({ items: z.array(bankQuestionView) });

export const skillCodeParams = z.object({ code });
export const skillQualificationView = named(
  'AcademySkillQualification',
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    qualification: z.boolean().describe('Held only through a valid qualification, never by declaring it'),
  }),
);
export const skillQualificationsView = z.object({ items: z.array(skillQualificationView) });
export const skillQualificationBody = z.object({ qualification: z.boolean() });
