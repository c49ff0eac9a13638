/** The qualifications the academy grants (after attendance and a passed quiz) and the ones recorded from elsewhere; dispatch counts only valid ones. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite, answerOf, BEIMENWAI, DAY } from '../../../../test/academy.js';
import { remindExpiringQualifications } from './remind-expiring.js';
import { academyQualifications } from './schema.js';

const academy = academySuite();

describe('the training academy', () => {
  it('enrol → attend → pass the quiz grants 急救, which opens dispatch until it expires', async () => {
    const {
      t,
      keeper,
      foreignKeeper,
      volunteer,
      volunteerId,
      partnerId,
      makeCourse,
      makeSession,
      candidateIds,
      firstAidOrder,
      serviceAndLedgerRows,
    } = academy();
    const orderId = await firstAidOrder();
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    const hoursBefore = (await volunteer.get('/api/v1/me/hours')).json();
    const pointsBefore = (await volunteer.get('/api/v1/me/points')).json();

    const course = await makeCourse();
    const detail = (await volunteer.get(`/api/v1/academy/courses/${course.id}`)).json();
    expect(detail).toMatchObject({
      title: '急救技能培训',
      qualification: { code: 'first_aid', name: '急救' },
      questionCount: 8,
      partner: { id: partnerId },
      materials: [{ kind: 'video', url: 'https://video.example.cn/cpr' }],
      progress: { attended: false, attemptsLeft: 2, passed: false },
    });
    // The keeper of 北门外社区 does not manage a district course.
    const notMine = await keeper.post(`/api/v1/academy/courses/${course.id}/sessions`, {
      regionCode: BEIMENWAI,
      startsAt: new Date(Date.now() + DAY).toISOString(),
      endsAt: new Date(Date.now() + DAY + 3600_000).toISOString(),
      place: '站点',
      capacity: 5,
    });
    expect(notMine.statusCode).toBe(404);
    const session = await makeSession(course.id);

    const enrolled = await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json()).toMatchObject({ enrolled: 1, myEnrolment: { status: 'enrolled' } });
    const twice = await volunteer.post(`/api/v1/academy/sessions/${session.id}/enrolments`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ACADEMY_ALREADY_ENROLLED');

    const early = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACADEMY_ATTENDANCE_REQUIRED');

    // Another community's keeper neither sees the list nor marks attendance.
    expect((await foreignKeeper.get(`/api/v1/academy/sessions/${session.id}/enrolments`)).statusCode).toBe(404);
    const list = (await keeper.get(`/api/v1/academy/sessions/${session.id}/enrolments`)).json().items;
    expect(list).toHaveLength(1);
    const enrolmentId = list[0].id;
    const foreignMark = await foreignKeeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(foreignMark.statusCode).toBe(404);
    const rowsBefore = await serviceAndLedgerRows();
    const marked = await keeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1, minutesEach: 180 });
    const again = await keeper.post(`/api/v1/academy/sessions/${session.id}/attendance`, {
      enrolmentIds: [enrolmentId],
    });
    expect(again.json().marked).toBe(0);

    // Training hours are training: recorded in the academy, not as service hours or points.
    expect((await volunteer.get('/api/v1/me/academy')).json().totalMinutes).toBeGreaterThanOrEqual(180);
    expect((await volunteer.get('/api/v1/me/hours')).json()).toEqual(hoursBefore);
    expect((await volunteer.get('/api/v1/me/points')).json()).toEqual(pointsBefore);
    expect(await serviceAndLedgerRows()).toEqual(rowsBefore);

    // First attempt: all wrong. The paper carries no answers.
    const first = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(first.statusCode, first.body).toBe(201);
    const paper = first.json();
    expect(paper.questions).toHaveLength(5);
    expect(first.body).not.toContain('"answer"');
    const resumed = (await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`)).json();
    expect(resumed.attemptId).toBe(paper.attemptId);
    const wrong = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
      answers: paper.questions.map((q: { id: string; prompt: string }) => ({
        questionId: q.id,
        choice: (answerOf(q.prompt) + 1) % 4,
      })),
    });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toMatchObject({ score: 0, passed: false, attemptsLeft: 1, qualification: null });
    const resubmit = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${paper.attemptId}/submit`, {
      answers: [],
    });
    expect(resubmit.json().error.code).toBe('ACADEMY_ATTEMPT_SUBMITTED');
    expect(await candidateIds(orderId)).not.toContain(volunteerId);

    const second = (await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`)).json();
    expect(second.attemptNo).toBe(2);
    const passed = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts/${second.attemptId}/submit`, {
      answers: second.questions.map((q: { id: string; prompt: string }) => ({
        questionId: q.id,
        choice: answerOf(q.prompt),
      })),
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const result = passed.json();
    expect(result).toMatchObject({
      score: 100,
      passed: true,
      qualification: { code: 'first_aid', name: '急救', status: 'valid', source: 'course', expired: false },
    });
    expect(result.qualification.issuer).toMatch(/^威海职业学院/);
    const months = (Date.parse(result.qualification.expiresAt) - Date.parse(result.qualification.issuedAt)) / DAY;
    expect(Math.round(months / 30.4375)).toBe(24);
    const mine = (await volunteer.get('/api/v1/me/qualifications')).json().items;
    expect(mine.map((q: { id: string }) => q.id)).toContain(result.qualification.id);
    const done = await volunteer.post(`/api/v1/academy/courses/${course.id}/attempts`);
    expect(done.json().error.code).toBe('ACADEMY_QUIZ_ALREADY_PASSED');

    expect(await candidateIds(orderId)).toContain(volunteerId);

    // An expired qualification stops counting.
    await t.database.db
      .update(academyQualifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(academyQualifications.id, result.qualification.id));
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
  });

  it('records a qualification obtained elsewhere, verified by another staff member in scope', async () => {
    const { t, centre, institute, keeper, foreignKeeper, volunteer, volunteerId } = academy();
    const upload = await keeper.request({
      method: 'POST',
      url: '/api/v1/files?purpose=attachment&name=证书.pdf',
      payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000), Buffer.from('\n%%EOF\n')]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const body = {
      volunteerId,
      skillCode: 'first_aid',
      issuer: '中国红十字会威海分会',
      certificateNo: 'HSH-2026-001',
      issuedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      expiresAt: new Date(Date.now() + 700 * DAY).toISOString(),
      proofFileId: upload.json().id,
    };
    const bad = await keeper.post('/api/v1/academy/qualifications', { ...body, skillCode: 'no_such_skill' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.skillCode');
    const foreign = await foreignKeeper.post('/api/v1/academy/qualifications', body);
    expect(foreign.statusCode).toBe(404);
    const recorded = await keeper.post('/api/v1/academy/qualifications', body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    const q = recorded.json();
    expect(q).toMatchObject({ status: 'pending', source: 'external', holderName: '李志愿' });
    expect(q.proofUrl).toContain('/api/v1/files/');

    const pending = (await institute.get('/api/v1/academy/qualifications')).json().items;
    expect(pending.map((p: { id: string }) => p.id)).toContain(q.id);
    const hidden = (await foreignKeeper.get('/api/v1/academy/qualifications')).json().items;
    expect(hidden.map((p: { id: string }) => p.id)).not.toContain(q.id);

    const self = await keeper.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('ACADEMY_SELF_VERIFICATION');
    expect(
      (await foreignKeeper.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const ok = await institute.post(`/api/v1/academy/qualifications/${q.id}/verify`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('valid');
    const twice = await centre.post(`/api/v1/academy/qualifications/${q.id}/verify`, {
      decision: 'reject',
      reason: '已核验过',
    });
    expect(twice.statusCode).toBe(409);

    // Expiry reminder: 30 days before, once.
    await t.database.db
      .update(academyQualifications)
      .set({ expiresAt: new Date(Date.now() + 10 * DAY) })
      .where(eq(academyQualifications.id, q.id));
    const now = new Date();
    expect(await remindExpiringQualifications(t.database.db, now)).toBeGreaterThanOrEqual(1);
    expect(await remindExpiringQualifications(t.database.db, now)).toBe(0);
    const inbox = (await volunteer.get('/api/v1/me/notifications?limit=200'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'academy.qualification_expiring');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.title).toContain('急救');
  });

  it('a rejection needs a reason, which the holder is told', async () => {
    const { keeper, institute, volunteer, volunteerId } = academy();
    const upload = await keeper.request({
      method: 'POST',
      url: '/api/v1/files?purpose=attachment&name=scan.pdf',
      payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1500), Buffer.from('\n%%EOF\n')]),
    });
    const recorded = await keeper.post('/api/v1/academy/qualifications', {
      volunteerId,
      skillCode: 'first_aid',
      issuer: '某培训机构',
      issuedAt: new Date(Date.now() - 10 * DAY).toISOString(),
      expiresAt: new Date(Date.now() - 20 * DAY).toISOString(),
      proofFileId: upload.json().id,
    });
    // An expiry before the issue date is refused, naming the field.
    expect(recorded.statusCode).toBe(400);
    expect(recorded.json().error.details[0]).toMatchObject({
      field: 'body.expiresAt',
      message: '有效期须晚于发证日期',
    });
    const ok = await keeper.post('/api/v1/academy/qualifications', {
      volunteerId,
      skillCode: 'first_aid',
      issuer: '某培训机构',
      issuedAt: new Date(Date.now() - 10 * DAY).toISOString(),
      expiresAt: null,
      proofFileId: upload.json().id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id;
    const bare = await institute.post(`/api/v1/academy/qualifications/${id}/verify`, { decision: 'reject' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0]).toMatchObject({ field: 'body.reason' });
    const rejected = await institute.post(`/api/v1/academy/qualifications/${id}/verify`, {
      decision: 'reject',
      reason: '扫描件模糊，无法辨认证书编号',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '扫描件模糊，无法辨认证书编号' });
    const listed = (await institute.get('/api/v1/academy/qualifications?status=rejected')).json().items;
    expect(listed.find((q: { id: string }) => q.id === id)?.rejectReason).toBe('扫描件模糊，无法辨认证书编号');
    const told = (await volunteer.get('/api/v1/me/notifications?limit=200'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'academy.qualification_rejected');
    expect(told[0]).toMatchObject({ body: '扫描件模糊，无法辨认证书编号' });
    const mine = (await volunteer.get('/api/v1/me/qualifications')).json().items;
    expect(mine.find((q: { id: string }) => q.id === id)).toMatchObject({ status: 'rejected' });
  });
});
