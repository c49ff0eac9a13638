/** Shared reads and presentation of the academy. */
import { and, asc, count, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { assertInScope } from '../../platform/access.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { fileLink } from '../../platform/files.js';
import { files } from '../../platform/files-schema.js';
import { users } from '../accounts/index.js';
import { skills } from '../volunteers/index.js';
import {
  academyCourses,
  academyEnrolments,
  academyPartners,
  type academyQualifications,
  academyQuestions,
  academySessions,
} from './schema.js';

export type CourseRow = typeof academyCourses.$inferSelect;
export type SessionRow = typeof academySessions.$inferSelect;
export type QualificationRow = typeof academyQualifications.$inferSelect;
type PartnerRow = typeof academyPartners.$inferSelect;

export const presentPartner = (p: PartnerRow) => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  description: p.description,
});

export async function findCourse(db: Db, tenantId: string, id: string): Promise<CourseRow> {
  const [row] = await db
    .select()
    .from(academyCourses)
    .where(and(eq(academyCourses.tenantId, tenantId), eq(academyCourses.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A course the staff member manages (its organising region in their scope); otherwise NOT_FOUND. */
export async function findManagedCourse(db: Db, actor: Actor, id: string): Promise<CourseRow> {
  const course = await findCourse(db, actor.tenantId, id);
  assertInScope(actor, course.regionCode);
  return course;
}

export async function findSession(db: Db, tenantId: string, id: string): Promise<SessionRow> {
  const [row] = await db
    .select()
    .from(academySessions)
    .where(and(eq(academySessions.tenantId, tenantId), eq(academySessions.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function skillNames(db: Db, tenantId: string) {
  const rows = await db
    .select({ code: skills.code, name: skills.name, nameEn: skills.nameEn })
    .from(skills)
    .where(eq(skills.tenantId, tenantId));
  return new Map(rows.map((r) => [r.code, r]));
}

type SkillNames = Awaited<ReturnType<typeof skillNames>>;

/** Courses as the catalogue shows them: partner, qualification name, bank size, next session. */
export async function presentCourses(db: Db, tenantId: string, courses: CourseRow[], now: Date) {
  if (!courses.length) return [];
  const ids = courses.map((c) => c.id);
  const partnerIds = [...new Set(courses.flatMap((c) => (c.partnerId ? [c.partnerId] : [])))];
  const [partners, banks, next, names] = await Promise.all([
    partnerIds.length
      ? db
          .select()
          .from(academyPartners)
          .where(and(eq(academyPartners.tenantId, tenantId), inArray(academyPartners.id, partnerIds)))
      : [],
    db
      .select({ courseId: academyQuestions.courseId, n: count() })
      .from(academyQuestions)
      .where(and(eq(academyQuestions.tenantId, tenantId), inArray(academyQuestions.courseId, ids)))
      .groupBy(academyQuestions.courseId),
    db
      .select({ courseId: academySessions.courseId, at: sql<string>`min(${academySessions.startsAt})` })
      .from(academySessions)
      .where(
        and(
          eq(academySessions.tenantId, tenantId),
          inArray(academySessions.courseId, ids),
          isNull(academySessions.cancelledAt),
          gte(academySessions.startsAt, now),
        ),
      )
      .groupBy(academySessions.courseId),
    skillNames(db, tenantId),
  ]);
  const partnerOf = new Map(partners.map((p) => [p.id, p]));
  const bankOf = new Map(banks.map((b) => [b.courseId, Number(b.n)]));
  const nextOf = new Map(next.map((n) => [n.courseId, n.at]));
  return courses.map((c) =>
    presentCourse(c, partnerOf.get(c.partnerId ?? ''), names, bankOf.get(c.id) ?? 0, nextOf.get(c.id)),
  );
}

function presentCourse(
  c: CourseRow,
  partner: PartnerRow | undefined,
  names: SkillNames,
  questionCount: number,
  next: string | undefined,
) {
  const skill = c.qualificationCode ? names.get(c.qualificationCode) : undefined;
  return {
    id: c.id,
    category: c.category,
    title: c.title,
    description: c.description,
    regionCode: c.regionCode,
    partner: partner ? presentPartner(partner) : null,
    teachers: c.teachers,
    trainingMinutes: c.trainingMinutes,
    qualification: skill ? { code: skill.code, name: skill.name, nameEn: skill.nameEn } : null,
    validMonths: c.validMonths,
    requiresAttendance: c.requiresAttendance,
    passingScore: c.passingScore,
    questionsPerAttempt: c.questionsPerAttempt,
    maxAttempts: c.maxAttempts,
    questionCount,
    nextSessionAt: next ? new Date(next).toISOString() : null,
  };
}

/** Course materials with download links (files: signed links to the platform file storage). */
export async function presentMaterials(db: Db, config: Config, course: CourseRow) {
  const fileIds = course.materials.flatMap((m) => (m.kind === 'file' ? [m.fileId] : []));
  const stored = fileIds.length
    ? await db
        .select()
        .from(files)
        .where(and(eq(files.tenantId, course.tenantId), inArray(files.id, fileIds)))
    : [];
  const byId = new Map(stored.map((f) => [f.id, f]));
  return course.materials.flatMap((m): { kind: 'file' | 'video'; title: string; url: string }[] => {
    if (m.kind === 'video') return [{ kind: 'video', title: m.title, url: m.url }];
    const f = byId.get(m.fileId);
    return f ? [{ kind: 'file', title: m.title, url: fileLink(config, f).url }] : [];
  });
}

/** Sessions with course titles and the caller's live enrolment. */
export async function presentSessions(db: Db, tenantId: string, sessions: SessionRow[], userId: string | null) {
  if (!sessions.length) return [];
  const courseIds = [...new Set(sessions.map((s) => s.courseId))];
  const [courses, mine] = await Promise.all([
    db
      .select({ id: academyCourses.id, title: academyCourses.title, category: academyCourses.category })
      .from(academyCourses)
      .where(and(eq(academyCourses.tenantId, tenantId), inArray(academyCourses.id, courseIds))),
    userId
      ? db
          .select({
            id: academyEnrolments.id,
            sessionId: academyEnrolments.sessionId,
            status: academyEnrolments.status,
          })
          .from(academyEnrolments)
          .where(
            and(
              eq(academyEnrolments.tenantId, tenantId),
              eq(academyEnrolments.userId, userId),
              ne(academyEnrolments.status, 'cancelled'),
              inArray(
                academyEnrolments.sessionId,
                sessions.map((s) => s.id),
              ),
            ),
          )
      : [],
  ]);
  const courseOf = new Map(courses.map((c) => [c.id, c]));
  const mineOf = new Map(mine.map((e) => [e.sessionId, e]));
  return sessions.map((s) => {
    const course = courseOf.get(s.courseId);
    const e = mineOf.get(s.id);
    return {
      id: s.id,
      courseId: s.courseId,
      courseTitle: course?.title ?? '',
      category: course?.category ?? 'skills',
      regionCode: s.regionCode,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      place: s.place,
      capacity: s.capacity,
      enrolled: s.enrolled,
      cancelled: s.cancelledAt !== null,
      checkinPoint:
        s.lng !== null && s.lat !== null && s.radiusM !== null ? { lng: s.lng, lat: s.lat, radiusM: s.radiusM } : null,
      myEnrolment: e ? { id: e.id, status: e.status } : null,
    };
  });
}

export async function sessionsOfCourse(db: Db, tenantId: string, courseId: string) {
  return db
    .select()
    .from(academySessions)
    .where(and(eq(academySessions.tenantId, tenantId), eq(academySessions.courseId, courseId)))
    .orderBy(asc(academySessions.startsAt));
}

/** Qualifications with holder and skill names; proof links only when `withProof` (staff). */
export async function presentQualifications(
  db: Db,
  config: Config,
  tenantId: string,
  rows: QualificationRow[],
  now: Date,
  withProof: boolean,
) {
  if (!rows.length) return [];
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const proofIds = withProof ? rows.flatMap((r) => (r.proofFileId ? [r.proofFileId] : [])) : [];
  const [names, holders, proofs] = await Promise.all([
    skillNames(db, tenantId),
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds))),
    proofIds.length
      ? db
          .select()
          .from(files)
          .where(and(eq(files.tenantId, tenantId), inArray(files.id, proofIds)))
      : [],
  ]);
  const holderOf = new Map(holders.map((h) => [h.id, h.name]));
  const proofOf = new Map(proofs.map((f) => [f.id, f]));
  return rows.map((q) => {
    const skill = names.get(q.skillCode);
    const proof = q.proofFileId ? proofOf.get(q.proofFileId) : undefined;
    return {
      id: q.id,
      userId: q.userId,
      holderName: holderOf.get(q.userId) ?? '',
      code: q.skillCode,
      name: skill?.name ?? q.skillCode,
      nameEn: skill?.nameEn ?? q.skillCode,
      source: q.source,
      courseId: q.courseId,
      issuer: q.issuer,
      certificateNo: q.certificateNo,
      issuedAt: q.issuedAt.toISOString(),
      expiresAt: q.expiresAt?.toISOString() ?? null,
      status: q.status,
      expired: q.expiresAt !== null && q.expiresAt.getTime() <= now.getTime(),
      proofUrl: proof ? fileLink(config, proof).url : null,
      proofContentType: proof?.contentType ?? null,
      rejectReason: q.rejectReason,
    };
  });
}
