/**
 * The training academy (志愿服务培训学院): partners, courses, sessions, attendance (training hours,
 * kept apart from service hours), quizzes and qualifications. What other modules may use:
 *
 * - `validQualificationCodes(db, tenantId, userIds, now, through?)`: the qualification codes (skill
 *   codes of the taxonomy) each user holds validly at `now` (verified, unexpired), and still at
 *   `through` when given (an order's service end: a qualification expiring before it does not count). Dispatch adds them to a
 *   volunteer's skills; activities that require a qualification should check the same.
 * - `qualificationFacts(db, tenantId, userIds, now, through?)` and `servedSkills(facts, userId, declared)`:
 *   the skills a person can serve with. Skills marked `qualification` (e.g. 急救) count only through
 *   a valid qualification, never by declaration. Dispatch and activity sign-up use these.
 * - `heldQualifications(db, tenantId, userId, now)` and `servedSkillsThrough(held, declared, through)`:
 *   one person's qualifications with their expiry, answering for services on several dates at once
 *   (a volunteer's own view of open orders, each checked through its service end).
 * - `remindExpiringQualifications(db, now)`: the reminder job's body (30 days before expiry, once).
 */

export {
  type HeldQualifications,
  heldFrom,
  heldQualifications,
  type QualificationFacts,
  qualificationFacts,
  servedSkills,
  servedSkillsThrough,
} from './gating.js';
export { validQualificationCodes } from './qualifications.js';
export { REMIND_DAYS_BEFORE, remindExpiringQualifications } from './remind-expiring.js';
export { academyRoutes } from './routes.js';
export {
  academyAttempts,
  academyCourses,
  academyEnrolments,
  academyPartners,
  academyQualifications,
  academyQuestions,
  academySessions,
  academyTrainingRecords,
} from './schema.js';
