/** Enrolment in academy sessions: capacity under concurrency, cancelling gives the seat back. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite } from '../../../../test/academy.js';
import { makeUser } from '../../../../test/people.js';
import { type Client, signIn } from '../../../../test/server.js';
import { academySessions } from './schema.js';

const academy = academySuite();

describe('the training academy', () => {
  it('fills a session exactly to capacity under concurrent enrolment, and gives seats back', async () => {
    const { t, volunteer, makeCourse, makeSession } = academy();
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
});
