/** 志愿环翠大讲堂: the public lecture schedule, sign-up and its calendar feed. */
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite, DAY } from '../../../../test/academy.js';
import { anonymous } from '../../../../test/server.js';
import { academyTrainingRecords } from './schema.js';

const academy = academySuite();

describe('the training academy', () => {
  it('publishes the 大讲堂 schedule with sign-up and a calendar feed', async () => {
    const { t, resident, makeCourse, makeSession } = academy();
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
