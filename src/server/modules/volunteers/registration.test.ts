/** Online registration and a signed-in resident applying to become a volunteer. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo, lastSmsTo, withRegistrationCode } from '../../../../test/sms.js';
import { DEMO_VOLUNTEER_ID_NUMBER } from '../../demo/seed-demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('online registration', () => {
  it('creates the account and a pending profile, signs the volunteer in, and shows them their own ID number', async () => {
    const client = anonymous(t.app);
    const options = (await client.get('/api/v1/volunteer-registration/options')).json();
    expect(options.skills.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['理论宣讲', '文化文艺', '助学支教', '医疗健康', '应急救援']),
    );
    expect(options.communities).toHaveLength(218);
    const id = idNumber('19920304', 222);
    const res = await client.post(
      '/api/v1/volunteer-registrations',
      await withRegistrationCode(t.app, {
        name: '赵注册',
        phone: '13900002001',
        password: 'Volunteer2026',
        idNumber: id.toLowerCase(),
        regionCode: '371002002005',
        consent: true,
        consentVersion: options.consentVersion,
        skills: ['theory', 'culture'],
        serviceAreas: ['371002002'],
        availability: [{ weekday: 6, start: '09:00', end: '11:30' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { volunteer } = res.json();
    expect(volunteer).toMatchObject({
      name: '赵注册',
      status: 'pending',
      registeredVia: 'online',
      idNumber: id,
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      birthDate: '1992-03-04',
      gender: 'female',
      region: { code: '371002002005', name: '北门外社区' },
      skills: [
        { code: 'theory', name: '理论宣讲' },
        { code: 'culture', name: '文化文艺' },
      ],
      serviceAreas: [{ code: '371002002', name: '鲸园街道' }],
      availability: [{ weekday: 6, start: '09:00', end: '11:30' }],
      consent: { version: options.consentVersion },
    });
    expect(volunteer.number).toMatch(/^HC\d{4}\d{6}$/);
    const me = (await client.get('/api/v1/me')).json();
    expect(me).toMatchObject({ phone: '13900002001', mustChangePassword: false });
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['volunteer']);
    expect((await client.get('/api/v1/me/volunteer')).json().idNumber).toBe(id);
  });

  it('rejects a wrong check digit with the field path in Chinese and English', async () => {
    const id = idNumber('19920304', 223);
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const res = await anonymous(t.app).post(
      '/api/v1/volunteer-registrations',
      await withRegistrationCode(t.app, {
        name: '钱校验',
        phone: '13900002002',
        password: 'Volunteer2026',
        idNumber: bad,
        regionCode: '371002002005',
        consent: true,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({
      field: 'body.idNumber',
      message: '身份证号校验位不正确，请核对',
      messageEn: 'The check digit of the ID number is wrong; please check it',
    });
  });

  it('answers a code request alike for a registered and a new phone; only the holder of a phone learns which', async () => {
    const ask = (phone: string) => anonymous(t.app).post('/api/v1/volunteer-registrations/code', { phone });
    const registered = await ask(demo.judge);
    const fresh = await ask('13900002004');
    for (const res of [registered, fresh]) expect(res.statusCode, res.body).toBe(202);
    const shape = (res: typeof fresh) => {
      const { sentTo, expiresAt, ...rest } = res.json();
      return { sentTo: sentTo.replace(/\d/g, '9'), expires: typeof expiresAt, ...rest };
    };
    expect(shape(registered)).toEqual(shape(fresh));
    // The registered phone's holder is told by text, with no code; the new phone gets one.
    const toRegistered = (await lastSmsTo(t.app, demo.judge)) as string;
    expect(toRegistered).toContain('本号码已注册');
    expect(toRegistered).not.toMatch(/\d{6}/);
    expect(await lastCodeTo(t.app, '13900002004')).toMatch(/^\d{6}$/);
    // Asking again within the minute sends nothing more and answers the same.
    expect((await ask(demo.judge)).statusCode).toBe(202);
    // No code ever works for a registered phone.
    const base = { name: '孙重复', password: 'Volunteer2026', regionCode: '371002002005', consent: true };
    const takenPhone = await anonymous(t.app).post('/api/v1/volunteer-registrations', {
      ...base,
      phone: demo.judge,
      code: '123456',
      idNumber: idNumber('19700101', 301),
    });
    expect(takenPhone.statusCode).toBe(400);
    expect(takenPhone.json().error.details).toEqual([
      { field: 'body.code', message: '验证码不正确或已过期', messageEn: 'Wrong or expired code' },
    ]);
  });

  it('looks at the ID number only after the phone is proved, and the code is used up by the answer', async () => {
    const base = { name: '孙重复', password: 'Volunteer2026', regionCode: '371002002005', consent: true };
    const noCode = await anonymous(t.app).post('/api/v1/volunteer-registrations', {
      ...base,
      phone: '13900002003',
      code: '000000',
      idNumber: DEMO_VOLUNTEER_ID_NUMBER,
    });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.details[0].field).toBe('body.code');
    const body = await withRegistrationCode(t.app, {
      ...base,
      phone: '13900002003',
      idNumber: DEMO_VOLUNTEER_ID_NUMBER,
    });
    const takenId = await anonymous(t.app).post('/api/v1/volunteer-registrations', body);
    expect(takenId.statusCode).toBe(409);
    expect(takenId.json().error.details[0]).toMatchObject({
      field: 'body.idNumber',
      message: expect.stringContaining('请携带身份证到所属社区站点'),
    });
    // The same code cannot try a second number.
    const again = await anonymous(t.app).post('/api/v1/volunteer-registrations', {
      ...body,
      idNumber: idNumber('19700101', 303),
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].field).toBe('body.code');
    const noConsent = await anonymous(t.app).post('/api/v1/volunteer-registrations', {
      ...body,
      idNumber: idNumber('19700101', 302),
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details[0].field).toBe('body.consent');
    const [{ n }] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from users where phone = '13900002003'`,
      )) as unknown as {
        rows: [{ n: number }];
      }
    ).rows;
    expect(n).toBe(0);
  });

  it('lets a signed-in resident become a volunteer', async () => {
    const resident = await signIn(t.app, demo.resident);
    const res = await resident.post('/api/v1/me/volunteer', {
      name: '王大爷',
      idNumber: idNumber('19500505', 111),
      regionCode: '371002002005',
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '王大爷', status: 'pending', gender: 'male' });
    const again = await resident.post('/api/v1/me/volunteer', {
      name: '王大爷',
      idNumber: idNumber('19500505', 113),
      regionCode: '371002002005',
      consent: true,
    });
    expect(again.statusCode).toBe(409);
  });
});
