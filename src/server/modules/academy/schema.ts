import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';
import { skills } from '../volunteers/index.js';

/** Partner institutions of the academy: colleges, universities, professional associations. */
export const academyPartners = pgTable(
  'academy_partners',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['college', 'university', 'association', 'hospital', 'other'] }).notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('academy_partners_name_uq').on(t.tenantId, t.name)],
);

export const courseCategories = ['first_aid', 'elderly_care', 'psychology', 'legal', 'skills', 'lecture'] as const;
export type CourseCategory = (typeof courseCategories)[number];

export type CourseMaterial =
  | { kind: 'file'; fileId: string; title: string }
  | { kind: 'video'; url: string; title: string };

/**
 * A course. `qualificationCode` (a code of the tenant's skills taxonomy) is what passing its quiz
 * grants, valid for `validMonths` (null: no expiry). Courses of category `lecture` are the public
 * lecture series 志愿环翠大讲堂. `regionCode` is the organising region: staff of it manage the course.
 */
export const academyCourses = pgTable(
  'academy_courses',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    partnerId: uuid('partner_id'),
    regionCode: text('region_code').notNull(),
    category: text('category', { enum: courseCategories }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    teachers: text('teachers').array().notNull().default([]),
    materials: jsonb('materials').$type<CourseMaterial[]>().notNull().default([]),
    trainingMinutes: integer('training_minutes').notNull().default(0),
    qualificationCode: text('qualification_code'),
    validMonths: integer('valid_months'),
    requiresAttendance: boolean('requires_attendance').notNull().default(true),
    passingScore: integer('passing_score').notNull().default(60),
    questionsPerAttempt: integer('questions_per_attempt').notNull().default(10),
    maxAttempts: integer('max_attempts').notNull().default(3),
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Withdrawn from the catalogue (its coming sessions are cancelled); qualifications stay. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.partnerId], foreignColumns: [academyPartners.tenantId, academyPartners.id] }),
    foreignKey({ columns: [t.tenantId, t.qualificationCode], foreignColumns: [skills.tenantId, skills.code] }),
    index('academy_courses_catalogue_idx').on(t.tenantId, t.category, t.title, t.id),
    check('academy_courses_numbers_ck', sql`${t.passingScore} between 0 and 100 and ${t.maxAttempts} >= 1`),
  ],
);

/** The question bank of a course's quiz: single choice, `answer` is the index of the right option. */
export const academyQuestions = pgTable(
  'academy_questions',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    prompt: text('prompt').notNull(),
    options: text('options').array().notNull(),
    answer: integer('answer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [academyCourses.tenantId, academyCourses.id] }),
    index('academy_questions_course_idx').on(t.tenantId, t.courseId),
  ],
);

/**
 * One meeting of a course. `enrolled` is kept with the enrolments in one conditional update.
 * `lng`/`lat`/`radiusM` (WGS-84) are the check-in point: with them, enrolled volunteers check in and
 * out themselves with the rotating code on the session's screen inside the geofence; without them
 * only the keeper marks attendance.
 */
export const academySessions = pgTable(
  'academy_sessions',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    regionCode: text('region_code').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    radiusM: integer('radius_m'),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [academyCourses.tenantId, academyCourses.id] }),
    index('academy_sessions_course_idx').on(t.tenantId, t.courseId, t.startsAt),
    index('academy_sessions_starts_idx').on(t.tenantId, t.startsAt),
    check('academy_sessions_capacity_ck', sql`${t.capacity} >= 1 and ${t.enrolled} between 0 and ${t.capacity}`),
    check('academy_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'academy_sessions_point_ck',
      sql`(${t.lng} is null and ${t.lat} is null and ${t.radiusM} is null) or (${t.lng} is not null and ${t.lat} is not null and ${t.radiusM} > 0)`,
    ),
  ],
);

export const enrolmentStatuses = ['enrolled', 'attended', 'cancelled'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A person's seat in a session; at most one live (not cancelled) enrolment per session and person. */
export const academyEnrolments = pgTable(
  'academy_enrolments',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    courseId: uuid('course_id').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status', { enum: enrolmentStatuses }).notNull().default('enrolled'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    markedBy: uuid('marked_by'),
    /** Self check-in and check-out with the session screen's code (null when the keeper marked). */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkInDistanceM: integer('check_in_distance_m'),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    /** Wrong typed 6-digit codes for this session (输错签到码次数); at the limit only the QR code or the keeper's marking. */
    codeFailures: integer('code_failures').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [academySessions.tenantId, academySessions.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('academy_enrolments_live_uq')
      .on(t.tenantId, t.sessionId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('academy_enrolments_user_idx').on(t.tenantId, t.userId, t.courseId),
  ],
);

/**
 * Training hours (培训时长): one row per attended session. Kept apart from service hours by the
 * national rules: never a service record, never in the service-hours ledger, never points.
 */
export const academyTrainingRecords = pgTable(
  'academy_training_records',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    courseId: uuid('course_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    minutes: integer('minutes').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [academySessions.tenantId, academySessions.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('academy_training_records_uq').on(t.tenantId, t.sessionId, t.userId),
    check('academy_training_records_minutes_ck', sql`${t.minutes} >= 0`),
  ],
);

/**
 * One quiz attempt: the server draws the paper (question ids in order) and keeps it; the answers
 * are checked here. `attemptNo` is unique per course and person and never above the course's
 * limit, so concurrent starts cannot exceed it.
 */
export const academyAttempts = pgTable(
  'academy_attempts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    userId: uuid('user_id').notNull(),
    attemptNo: integer('attempt_no').notNull(),
    questionIds: uuid('question_ids').array().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    score: integer('score'),
    passed: boolean('passed'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [academyCourses.tenantId, academyCourses.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('academy_attempts_no_uq').on(t.tenantId, t.courseId, t.userId, t.attemptNo),
  ],
);

export const qualificationStatuses = ['valid', 'pending', 'rejected'] as const;
export type QualificationStatus = (typeof qualificationStatuses)[number];

/**
 * A qualification (资质) a person holds: a code of the skills taxonomy, issued by a partner (or
 * named issuer), with a date and an expiry. Granted by passing a course's quiz, or recorded by staff
 * from a proof obtained elsewhere (pending until another staff member verifies it). Only `valid`
 * rows whose expiry is in the future count (dispatch, activities). `regionCode` is the holder's
 * community at recording time, for staff scopes.
 */
export const academyQualifications = pgTable(
  'academy_qualifications',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    regionCode: text('region_code').notNull(),
    skillCode: text('skill_code').notNull(),
    source: text('source', { enum: ['course', 'external'] }).notNull(),
    courseId: uuid('course_id'),
    attemptId: uuid('attempt_id'),
    partnerId: uuid('partner_id'),
    issuer: text('issuer').notNull(),
    certificateNo: text('certificate_no'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    status: text('status', { enum: qualificationStatuses }).notNull(),
    proofFileId: uuid('proof_file_id'),
    recordedBy: uuid('recorded_by'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** Why the verifier refused the recorded proof (shown to the recorder and the holder). */
    rejectReason: text('reject_reason'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.skillCode], foreignColumns: [skills.tenantId, skills.code] }),
    foreignKey({ columns: [t.tenantId, t.partnerId], foreignColumns: [academyPartners.tenantId, academyPartners.id] }),
    uniqueIndex('academy_qualifications_attempt_uq').on(t.tenantId, t.attemptId),
    index('academy_qualifications_user_idx').on(t.tenantId, t.userId, t.skillCode),
    index('academy_qualifications_expiry_idx').on(t.tenantId, t.expiresAt),
    index('academy_qualifications_status_idx').on(t.tenantId, t.status, t.regionCode),
  ],
);
