import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo, lastSmsTo, withRegistrationCode } from '../../../../test/sms.js';
import { DEMO_PASSWORD, DEMO_VOLUNTEER_ID_NUMBER } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';
import { hashPassword, roleGrants, users } from '../accounts/index.js';
import { volunteers } from './schema.js';

let t: TestContext;
let otherKeeper: Client;
const OTHER_COMMUNITY = '371002001001';

beforeAll(async () => {
  t = await createTestApp();
  const tenantId = '371002';
  const [u] = await t.database.db
    .insert(users)
    .values({
      tenantId,
      phone: '13900000101',
      displayName: '另一社区专管员',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning({ id: users.id });
  await t.database.db
    .insert(roleGrants)
    .values({ tenantId, userId: u?.id as string, role: 'station_keeper', regionCode: OTHER_COMMUNITY });
  otherKeeper = await signIn(t.app, '13900000101');
});
afterAll(() => t.close());

const desk = (overrides: Record<string, unknown> = {}) => ({
  name: '王小明',
  phone: '13900001001',
  idNumber: idNumber('19850612', 101),
  consent: true,
  ...overrides,
});

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

describe('registration at the station desk', () => {
  it('takes name, phone, ID number and consent, defaults to the keeper’s community, and returns a one-time password', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const res = await keeper.post('/api/v1/volunteers', desk());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.accountExisted).toBe(false);
    expect(body.initialPassword).toMatch(/^(?=.*[a-z])(?=.*\d)[a-z\d]{8}$/);
    expect(body.volunteer).toMatchObject({
      name: '王小明',
      status: 'active',
      registeredVia: 'desk',
      region: { code: '371002002005' },
      phone: '13900001001',
      gender: 'male',
      birthYear: 1985,
    });
    expect(JSON.stringify(body)).not.toContain(desk().idNumber);

    const volunteer = await signIn(t.app, '13900001001', body.initialPassword);
    expect((await volunteer.get('/api/v1/me')).json().mustChangePassword).toBe(true);
    const change = await volunteer.post('/api/v1/auth/password', {
      currentPassword: body.initialPassword,
      newPassword: 'MyOwnPass2026',
    });
    expect(change.statusCode, change.body).toBe(200);
    expect((await volunteer.get('/api/v1/me')).json().mustChangePassword).toBe(false);
  });

  it('never writes an identity onto an existing account: the judge’s and an admin’s phones are refused', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    for (const [phone, seq] of [
      [demo.judge, 121],
      [demo.instituteAdmin, 123],
    ] as const) {
      const before = (await (await signIn(t.app, phone)).get('/api/v1/me')).json();
      const res = await keeper.post('/api/v1/volunteers', desk({ phone, idNumber: idNumber('19660202', seq) }));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.phone' });
      expect(res.json().error.details[0].message).toContain('请本人登录');
      const owner = await signIn(t.app, phone);
      expect((await owner.get('/api/v1/me')).json()).toEqual(before);
      expect((await owner.get('/api/v1/me/volunteer')).statusCode).toBe(404);
    }
    const [{ n }] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from volunteers v join users u on u.id = v.user_id
            where u.phone in (${demo.judge}, ${demo.instituteAdmin})`,
      )) as unknown as { rows: [{ n: number }] }
    ).rows;
    expect(n).toBe(0);
  });

  it('accepts a community in scope and refuses one outside it like one that does not exist', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const missing = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131) }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.regionCode');
    const outside = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: OTHER_COMMUNITY }),
    );
    const unknown = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: '371002002999' }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toEqual(unknown.json());
    const ok = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: '371002002001' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('gives concurrent registrations distinct consecutive volunteer numbers', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        keeper.post(
          '/api/v1/volunteers',
          desk({ phone: `1390000110${i}`, idNumber: idNumber('19900101', 401 + 2 * i) }),
        ),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().volunteer.number as string).sort();
    expect(new Set(numbers).size).toBe(8);
    const seqs = numbers.map((n) => Number(n.slice(-6)));
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
  });
});

describe('the ID number at rest and on the wire', () => {
  it('is stored only encrypted: the raw row and the audit log never hold it in clear', async () => {
    const raw = (await t.database.db.execute(sql`select * from volunteers where name = '李志愿'`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(raw.rows).toHaveLength(1);
    const text = JSON.stringify(raw.rows[0]);
    expect(text).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    expect(text).not.toContain(DEMO_VOLUNTEER_ID_NUMBER.slice(4, 14));
    expect(raw.rows[0]).not.toHaveProperty('id_number_masked');
    expect(raw.rows[0]).not.toHaveProperty('birth_date');
    const all = (await t.database.db.execute(sql`select * from volunteers`)) as unknown as { rows: unknown[] };
    const audit = await t.database.db.select().from(auditLog);
    for (const id of [DEMO_VOLUNTEER_ID_NUMBER, desk().idNumber]) {
      expect(JSON.stringify(all.rows)).not.toContain(id);
      expect(JSON.stringify(audit)).not.toContain(id);
    }
  });

  it('is masked for staff and shown in full only through the audited reveal', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const list = await admin.get('/api/v1/volunteers?q=李志愿');
    expect(list.statusCode).toBe(200);
    const [item] = list.json().items;
    expect(item).toMatchObject({ name: '李志愿', idNumberMasked: '3710**********1233', phoneMasked: '138****0005' });
    expect(list.body).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    const detail = await admin.get(`/api/v1/volunteers/${item.id}`);
    expect(detail.body).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    expect(detail.json()).toMatchObject({ phone: demo.volunteer, can: { revealIdNumber: true } });

    const before = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'pii.reveal'));
    const reveal = await admin.post(`/api/v1/volunteers/${item.id}/reveal-id`);
    expect(reveal.json()).toEqual({ idNumber: DEMO_VOLUNTEER_ID_NUMBER });
    const after = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'pii.reveal'));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ entityType: 'volunteer', entityId: item.id, regionCode: '371002002005' });

    const owner = await signIn(t.app, demo.volunteer);
    expect((await owner.get('/api/v1/me/volunteer')).json().idNumber).toBe(DEMO_VOLUNTEER_ID_NUMBER);
  });
});

describe('scope', () => {
  it('hides a volunteer from a keeper of another community exactly like one that does not exist', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const [item] = (await admin.get('/api/v1/volunteers?q=李志愿')).json().items;
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['POST', '/reveal-id', {}],
      ['POST', '/status', { status: 'suspended', reason: '测试' }],
    ] as const) {
      const outside = await otherKeeper.request({ method, url: `/api/v1/volunteers/${item.id}${path}`, payload });
      const missing = await otherKeeper.request({ method, url: `/api/v1/volunteers/${ghost}${path}`, payload });
      expect(outside.statusCode, `${method} ${path}`).toBe(404);
      expect(outside.json()).toEqual(missing.json());
    }
    const list = (await otherKeeper.get('/api/v1/volunteers?limit=200')).json();
    expect(list.items).toEqual([]);
    const filtered = await otherKeeper.get('/api/v1/volunteers?regionCode=371002002005');
    expect(filtered.statusCode).toBe(404);
    const [row] = await t.database.db.select().from(volunteers).where(eq(volunteers.id, item.id));
    expect(row?.status).toBe('active');
    const reveals = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'pii.reveal'), eq(auditLog.entityId, item.id)));
    expect(reveals.every((r) => r.actorId !== null)).toBe(true);
    expect(reveals.length).toBeLessThanOrEqual(1);
  });

  it('lets the keeper of the volunteer’s community and the institute admin of the subdistrict see them', async () => {
    for (const phone of [demo.keeper, demo.instituteAdmin, demo.centreAdmin]) {
      const client = await signIn(t.app, phone);
      const items = (await client.get('/api/v1/volunteers?q=13800000005')).json().items;
      expect(items.map((v: { name: string }) => v.name)).toEqual(['李志愿']);
    }
  });

  it('keeps volunteers and residents away from the staff endpoints', async () => {
    const volunteer = await signIn(t.app, demo.volunteer);
    expect((await volunteer.get('/api/v1/volunteers')).statusCode).toBe(403);
  });
});

describe('status changes', () => {
  it('are made by staff in scope, need a reason to suspend, and are audited', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const [pending] = (await keeper.get('/api/v1/volunteers?status=pending&q=赵注册')).json().items;
    expect(pending).toBeDefined();
    const noReason = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, { status: 'suspended' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'body.reason', message: '暂停志愿者时请填写原因' });
    const approve = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, { status: 'active' });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json().status).toBe('active');
    const suspend = await keeper.post(`/api/v1/volunteers/${pending.id}/status`, {
      status: 'suspended',
      reason: '连续三次报名未到',
    });
    expect(suspend.json()).toMatchObject({ status: 'suspended', statusReason: '连续三次报名未到' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'volunteer.status'), eq(auditLog.entityId, pending.id)));
    expect(audit.map((a) => a.detail)).toEqual([
      { from: 'pending', to: 'active', reason: null },
      { from: 'active', to: 'suspended', reason: '连续三次报名未到' },
    ]);
  });
});

describe('the staff list', () => {
  it('filters by status, skill, region and keyword and pages without gaps', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const all: { number: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { number: string }[]; nextCursor: string | null } = (
        await centre.get(`/api/v1/volunteers?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const [{ n }] = (
      (await t.database.db.execute(sql`select count(*)::int as n from volunteers`)) as unknown as {
        rows: [{ n: number }];
      }
    ).rows;
    expect(all.length).toBe(n);
    expect(new Set(all.map((v) => v.number)).size).toBe(n);
    expect(all.map((v) => v.number)).toEqual([...all.map((v) => v.number)].sort().reverse());

    const theory = (await centre.get('/api/v1/volunteers?skill=theory&limit=200')).json().items;
    expect(theory.every((v: { skills: { code: string }[] }) => v.skills.some((s) => s.code === 'theory'))).toBe(true);
    expect(theory.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['李志愿', '赵注册']));
    const elsewhere = (await centre.get('/api/v1/volunteers?regionCode=371002002001')).json().items;
    expect(elsewhere.map((v: { region: { code: string } }) => v.region.code)).toEqual(['371002002001']);
    const byNumber = all[0]?.number as string;
    expect((await centre.get(`/api/v1/volunteers?q=${byNumber}`)).json().items).toHaveLength(1);
  });
});

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
