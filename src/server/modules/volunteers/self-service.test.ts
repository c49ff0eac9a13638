/** A volunteer editing their own profile and changing their phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo, lastSmsTo } from '../../../../test/sms.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('self-service', () => {
  it('edits skills, service areas and availability, validating each with a field path', async () => {
    const owner = await signIn(t.app, demo.volunteer);
    const bad = await owner.request({
      method: 'PATCH',
      url: '/api/v1/me/volunteer',
      payload: {
        skills: ['health', 'juggling'],
        serviceAreas: ['371002009999'],
        availability: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.skills.1',
      'body.serviceAreas.0',
      'body.availability.1',
    ]);
    const backwards = await owner.request({
      method: 'PATCH',
      url: '/api/v1/me/volunteer',
      payload: { availability: [{ weekday: 2, start: '12:00', end: '09:00' }] },
    });
    expect(backwards.json().error.details[0]).toMatchObject({ field: 'body.availability.0.end' });

    const ok = await owner.request({
      method: 'PATCH',
      url: '/api/v1/me/volunteer',
      payload: { skills: ['health'], availability: [{ weekday: 7, start: '14:00', end: '17:00' }], intro: '爱好摄影' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      skills: [{ code: 'health', name: '医疗健康' }],
      availability: [{ weekday: 7, start: '14:00', end: '17:00' }],
      serviceAreas: [{ code: '371002002' }, { code: '371002002005' }],
      intro: '爱好摄影',
    });
  });

  it('answers a phone-change request alike for a registered number; only its holder learns it is taken', async () => {
    const asker = await signIn(t.app, demo.orgAdmin);
    const taken = await asker.post('/api/v1/me/volunteer/phone-change', { newPhone: demo.resident });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(Object.keys(taken.json()).sort()).toEqual(['expiresAt', 'requestId']);
    const code = (await lastCodeTo(t.app, demo.resident)) as string;
    const confirm = await asker.post('/api/v1/me/volunteer/phone-change/confirm', {
      requestId: taken.json().requestId,
      code,
    });
    expect(confirm.statusCode).toBe(409);
    expect((await asker.get('/api/v1/me')).json().phone).toBe(demo.orgAdmin);
  });

  it('changes the phone only after the code sent to the new number is entered', async () => {
    const owner = await signIn(t.app, demo.volunteer);
    const req = await owner.post('/api/v1/me/volunteer/phone-change', { newPhone: '13900003001' });
    expect(req.statusCode, req.body).toBe(200);
    const again = await owner.post('/api/v1/me/volunteer/phone-change', { newPhone: '13900003001' });
    expect(again.statusCode).toBe(429);
    expect(await lastSmsTo(t.app, '13900003001')).toContain('验证码');
    const code = (await lastCodeTo(t.app, '13900003001')) as string;
    const wrong = await owner.post('/api/v1/me/volunteer/phone-change/confirm', {
      requestId: req.json().requestId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'body.code', message: '验证码不正确或已过期' });
    const stranger = await signIn(t.app, demo.orgAdmin);
    const hijack = await stranger.post('/api/v1/me/volunteer/phone-change/confirm', {
      requestId: req.json().requestId,
      code,
    });
    expect(hijack.statusCode).toBe(400);
    const ok = await owner.post('/api/v1/me/volunteer/phone-change/confirm', { requestId: req.json().requestId, code });
    expect(ok.json()).toEqual({ phone: '13900003001' });
    expect((await owner.get('/api/v1/me')).json().phone).toBe('13900003001');
    await signIn(t.app, '13900003001');
    const reuse = await owner.post('/api/v1/me/volunteer/phone-change/confirm', {
      requestId: req.json().requestId,
      code,
    });
    expect(reuse.statusCode).toBe(400);
  });
});
