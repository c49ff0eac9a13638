/** The academy quiz: attempts limited and a paper scored once, under concurrency. */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite, answerOf } from '../../../../test/academy.js';
import { makeUser } from '../../../../test/people.js';
import { signIn } from '../../../../test/server.js';
import { academyAttempts, academyQualifications } from './schema.js';

const academy = academySuite();

describe('the training academy', () => {
  it('never grants more quiz attempts than allowed, and scores a paper once, under concurrency', async () => {
    const { t, makeCourse } = academy();
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
});
