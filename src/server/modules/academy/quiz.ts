import { randomInt } from 'node:crypto';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { volunteers } from '../volunteers/index.js';
import { drawPaper, scorePaper } from './draw.js';
import { courseProgress } from './get-course.js';
import { type CourseRow, findCourse, presentQualifications } from './queries.js';
import { academyAttempts, academyPartners, academyQualifications, academyQuestions } from './schema.js';

const MONTH_MS = 30.4375 * 24 * 3600_000;

async function questionsOf(db: Db, tenantId: string, courseId: string, ids?: string[]) {
  return db
    .select()
    .from(academyQuestions)
    .where(
      and(
        eq(academyQuestions.tenantId, tenantId),
        eq(academyQuestions.courseId, courseId),
        ids ? inArray(academyQuestions.id, ids) : undefined,
      ),
    );
}

async function paperOf(db: Db, course: CourseRow, attempt: typeof academyAttempts.$inferSelect) {
  const questions = await questionsOf(db, course.tenantId, course.id, attempt.questionIds);
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    attemptId: attempt.id,
    attemptNo: attempt.attemptNo,
    maxAttempts: course.maxAttempts,
    passingScore: course.passingScore,
    // Never the answers: they stay on the server.
    questions: attempt.questionIds.flatMap((id) => {
      const q = byId.get(id);
      return q ? [{ id: q.id, prompt: q.prompt, options: q.options }] : [];
    }),
  };
}

/**
 * Starts (or resumes) a quiz attempt: the server draws the paper from the bank in random order and
 * keeps it. Attempts are numbered 1…maxAttempts under a unique index, so concurrent starts can
 * never use more attempts than allowed: the losers of a race resume the winner's open attempt.
 */
export async function startAttempt(ctx: Ctx, courseId: string) {
  const actor = requireActor(ctx);
  const course = await findCourse(ctx.db, actor.tenantId, courseId);
  const progress = await courseProgress(ctx, course.id, course.maxAttempts, actor.userId);
  if (progress.passed) throw new AppError('ACADEMY_QUIZ_ALREADY_PASSED');
  const open = await openAttempt(ctx.db, course, actor.userId);
  if (open) return paperOf(ctx.db, course, open);
  if (course.requiresAttendance && !progress.attended) throw new AppError('ACADEMY_ATTENDANCE_REQUIRED');
  const bank = await questionsOf(ctx.db, actor.tenantId, course.id);
  if (!bank.length) throw new AppError('ACADEMY_QUIZ_NOT_AVAILABLE');
  const paper = drawPaper(
    bank.map((q) => q.id),
    course.questionsPerAttempt,
    (bound) => randomInt(bound),
  );
  try {
    const attempt = await ctx.db.transaction(async (tx) => {
      const [used] = await tx
        .select({ n: count() })
        .from(academyAttempts)
        .where(
          and(
            eq(academyAttempts.tenantId, actor.tenantId),
            eq(academyAttempts.courseId, course.id),
            eq(academyAttempts.userId, actor.userId),
          ),
        );
      const n = Number(used?.n ?? 0);
      if (n >= course.maxAttempts) throw new AppError('ACADEMY_QUIZ_ATTEMPTS_EXHAUSTED');
      const [row] = await tx
        .insert(academyAttempts)
        .values({
          tenantId: actor.tenantId,
          courseId: course.id,
          userId: actor.userId,
          attemptNo: n + 1,
          questionIds: paper,
        })
        .returning();
      if (!row) throw new Error('insert failed');
      return row;
    });
    return paperOf(ctx.db, course, attempt);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await openAttempt(ctx.db, course, actor.userId);
    if (winner) return paperOf(ctx.db, course, winner);
    throw new AppError('ACADEMY_QUIZ_ATTEMPTS_EXHAUSTED');
  }
}

async function openAttempt(db: Db, course: CourseRow, userId: string) {
  const [row] = await db
    .select()
    .from(academyAttempts)
    .where(
      and(
        eq(academyAttempts.tenantId, course.tenantId),
        eq(academyAttempts.courseId, course.id),
        eq(academyAttempts.userId, userId),
        isNull(academyAttempts.submittedAt),
      ),
    );
  return row ?? null;
}

/**
 * Hands in an attempt: scored on the server against the paper it drew; an attempt is submitted
 * once (a conditional UPDATE). A pass on a course that leads to a qualification grants it, issued
 * by the course's partner, expiring after the course's validity, in the same transaction.
 */
export async function submitAttempt(
  ctx: Ctx,
  courseId: string,
  attemptId: string,
  answers: { questionId: string; choice: number }[],
) {
  const actor = requireActor(ctx);
  const course = await findCourse(ctx.db, actor.tenantId, courseId);
  const [attempt] = await ctx.db
    .select()
    .from(academyAttempts)
    .where(
      and(
        eq(academyAttempts.tenantId, actor.tenantId),
        eq(academyAttempts.id, attemptId),
        eq(academyAttempts.courseId, course.id),
        eq(academyAttempts.userId, actor.userId),
      ),
    );
  if (!attempt) throw new AppError('NOT_FOUND');
  if (attempt.submittedAt) throw new AppError('ACADEMY_ATTEMPT_SUBMITTED');
  const paper = await questionsOf(ctx.db, actor.tenantId, course.id, attempt.questionIds);
  const score = scorePaper(paper, answers);
  const passed = score >= course.passingScore;
  const now = new Date();
  const [holder] = await ctx.db
    .select({ regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.userId, actor.userId)));
  const [partner] = course.partnerId
    ? await ctx.db
        .select({ name: academyPartners.name })
        .from(academyPartners)
        .where(and(eq(academyPartners.tenantId, actor.tenantId), eq(academyPartners.id, course.partnerId)))
    : [];
  const granted = await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(academyAttempts)
      .set({ submittedAt: now, score, passed })
      .where(
        and(
          eq(academyAttempts.tenantId, actor.tenantId),
          eq(academyAttempts.id, attempt.id),
          isNull(academyAttempts.submittedAt),
        ),
      )
      .returning({ id: academyAttempts.id });
    if (!done) throw new AppError('ACADEMY_ATTEMPT_SUBMITTED');
    if (!passed || !course.qualificationCode) return null;
    const [q] = await tx
      .insert(academyQualifications)
      .values({
        tenantId: actor.tenantId,
        userId: actor.userId,
        regionCode: holder?.regionCode ?? course.regionCode,
        skillCode: course.qualificationCode,
        source: 'course',
        courseId: course.id,
        attemptId: attempt.id,
        partnerId: course.partnerId,
        issuer: partner?.name ?? '志愿服务培训学院',
        issuedAt: now,
        expiresAt: course.validMonths ? new Date(now.getTime() + course.validMonths * MONTH_MS) : null,
        status: 'valid',
        verifiedAt: now,
      })
      .returning();
    if (!q) throw new Error('insert failed');
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: actor.userId,
      kind: 'academy.qualification_granted',
      title: `恭喜通过「${course.title}」考核，已获得资质`,
      link: '/h5/academy/qualifications',
      params: { course: course.title },
    });
    return q;
  });
  const [qualification] = granted
    ? await presentQualifications(ctx.db, ctx.config, actor.tenantId, [granted], now, false)
    : [];
  const progress = await courseProgress(ctx, course.id, course.maxAttempts, actor.userId);
  return { score, passed, attemptsLeft: progress.attemptsLeft, qualification: qualification ?? null };
}
