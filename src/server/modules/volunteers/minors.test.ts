/** Minors: a guardian's recorded consent under the adult age, young children only through a family, per-tenant ages. */
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { withRegistrationCode } from '../../../../test/sms.js';
import { deskBody } from '../../../../test/volunteers.js';
import { todayIn } from '../../../shared/age-rules.js';
import { volunteerSettings } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The birth date (YYYYMMDD) of someone who is `years` old today in Shanghai, shifted by `days`. */
function bornYearsAgo(years: number, days = 0): string {
  const today = todayIn('Asia/Shanghai');
  const d = new Date(`${Number(today.slice(0, 4)) - years}${today.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

const guardian = { name: '刘监护', phone: '13900007999', relation: 'mother' };

const online = (phone: string, id: string, extra: Record<string, unknown> = {}) =>
  withRegistrationCode(t.app, {
    name: '刘小同',
    phone,
    password: 'Volunteer2026',
    idNumber: id,
    regionCode: '371002002005',
    consent: true,
    ...extra,
  });

const countUsers = async (phone: string) => {
  const res = (await t.database.db.execute(
    sql`select count(*)::int as n from users where phone = ${phone}`,
  )) as unknown as {
    rows: [{ n: number }];
  };
  return res.rows[0].n;
};

describe('minors', () => {
  it('a 12-year-old registers online only with a guardian’s consent, recorded with the phone sealed', async () => {
    const id = idNumber(bornYearsAgo(12), 811);
    const alone = await anonymous(t.app).post('/api/v1/volunteer-registrations', await online('13900007001', id));
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.details[0]).toMatchObject({
      field: 'body.guardian',
      message: expect.stringContaining('未满18周岁须经监护人同意'),
    });
    expect(await countUsers('13900007001')).toBe(0);

    const res = await anonymous(t.app).post(
      '/api/v1/volunteer-registrations',
      await online('13900007001', id, { guardian }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().volunteer.guardian).toMatchObject({
      name: '刘监护',
      phoneMasked: '139****7999',
      relation: 'mother',
    });
    const keeper = await signIn(t.app, demo.keeper);
    const detail = await keeper.get(`/api/v1/volunteers/${res.json().volunteer.id}`);
    expect(detail.json().guardian).toMatchObject({ name: '刘监护', phoneMasked: '139****7999', relation: 'mother' });
    const raw = (await t.database.db.execute(sql`select * from volunteer_guardian_consents`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(raw.rows).toHaveLength(1);
    expect(raw.rows[0]).toMatchObject({ guardian_name: '刘监护', relation: 'mother', channel: 'online' });
    expect(JSON.stringify(raw.rows)).not.toContain('13900007999');
  });

  it('refuses a 6-year-old on their own, online and at the desk, pointing to a volunteer family', async () => {
    const id = idNumber(bornYearsAgo(6), 813);
    const res = await anonymous(t.app).post(
      '/api/v1/volunteer-registrations',
      await online('13900007002', id, { guardian }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'body.idNumber',
      message: expect.stringContaining('志愿服务家庭'),
      messageEn: expect.stringContaining('volunteer family'),
    });
    const keeper = await signIn(t.app, demo.keeper);
    const desk = await keeper.post('/api/v1/volunteers', deskBody({ phone: '13900007002', idNumber: id, guardian }));
    expect(desk.statusCode).toBe(400);
    expect(desk.json().error.details[0].field).toBe('body.idNumber');
    expect(await countUsers('13900007002')).toBe(0);
  });

  it('counts the age from the full birth date in Shanghai: 18 tomorrow needs a guardian, 18 today does not', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const tomorrow = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007003', idNumber: idNumber(bornYearsAgo(18, 1), 815) }),
    );
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().error.details[0].field).toBe('body.guardian');
    const withGuardian = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007003', idNumber: idNumber(bornYearsAgo(18, 1), 815), guardian }),
    );
    expect(withGuardian.statusCode, withGuardian.body).toBe(201);
    expect(withGuardian.json().volunteer.guardian).toMatchObject({ relation: 'mother' });
    const today = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007004', idNumber: idNumber(bornYearsAgo(18), 817) }),
    );
    expect(today.statusCode, today.body).toBe(201);
    expect(today.json().volunteer.guardian).toBeNull();
  });

  it('takes the age limits from the tenant’s settings', async () => {
    const options = await anonymous(t.app).get('/api/v1/volunteer-registration/options');
    expect(options.json().ageRules).toEqual({ adultAge: 18, minAgeOnOwn: 8, timeZone: 'Asia/Shanghai' });
    await t.database.db.insert(volunteerSettings).values({ tenantId: '371002', adultAge: 16, minAgeOnOwn: 10 });
    const keeper = await signIn(t.app, demo.keeper);
    const nine = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007005', idNumber: idNumber(bornYearsAgo(9), 819), guardian }),
    );
    expect(nine.statusCode).toBe(400);
    expect(nine.json().error.details[0].message).toContain('未满10周岁');
    const sixteen = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007006', idNumber: idNumber(bornYearsAgo(16), 821) }),
    );
    expect(sixteen.statusCode, sixteen.body).toBe(201);
    expect((await anonymous(t.app).get('/api/v1/volunteer-registration/options')).json().ageRules).toMatchObject({
      adultAge: 16,
      minAgeOnOwn: 10,
    });
    await t.database.db.delete(volunteerSettings).where(eq(volunteerSettings.tenantId, '371002'));
  });
});

describe('minors in an import and in a correction', () => {
  it('refuses a minor’s row in an Excel import (no guardian can come with a sheet) and a child’s, and writes neither', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await keeper.get('/api/v1/volunteers/import-template')).rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('志愿者') as ExcelJS.Worksheet;
    sheet.addRow(['刘成年', '13900007101', idNumber(bornYearsAgo(30), 831), '北门外社区', '', '', '', '是']);
    sheet.addRow(['刘少年', '13900007102', idNumber(bornYearsAgo(12), 832), '北门外社区', '', '', '', '是']);
    sheet.addRow(['刘小童', '13900007103', idNumber(bornYearsAgo(6), 833), '北门外社区', '', '', '', '是']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    const res = await keeper.post('/api/v1/volunteers/imports', { fileBase64: file, mode: 'apply-valid' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const errors = report.errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field]);
    // Row 1 is the header, row 2 the example; the three rows added are 3, 4 and 5.
    expect(errors).toEqual([
      [4, 'idNumber'],
      [5, 'idNumber'],
    ]);
    expect(report.errors[0].message).toContain('监护人');
    expect(report.errors[1].message).toContain('志愿服务家庭');
    expect(await countUsers('13900007101')).toBe(1);
    expect(await countUsers('13900007102')).toBe(0);
    expect(await countUsers('13900007103')).toBe(0);
  });

  it('re-applies the age rules when staff correct the ID number (the birth date)', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const created = await keeper.post(
      '/api/v1/volunteers',
      deskBody({ phone: '13900007201', idNumber: idNumber(bornYearsAgo(30), 841) }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/volunteers/${created.json().volunteer?.id ?? created.json().id}`;
    const correct = (body: Record<string, unknown>) =>
      keeper.request({ method: 'PATCH', url, payload: { reason: '出生日期录错', ...body } });
    const consents = async () => {
      const res = (await t.database.db.execute(
        sql`select count(*)::int as n from volunteer_guardian_consents c join volunteers v on v.id = c.volunteer_id
            join users u on u.id = v.user_id where u.phone = ${'13900007201'}`,
      )) as unknown as { rows: [{ n: number }] };
      return res.rows[0].n;
    };

    const child = await correct({ idNumber: idNumber(bornYearsAgo(6), 842) });
    expect(child.statusCode, child.body).toBe(400);
    expect(child.json().error.details[0].field).toBe('body.idNumber');

    const minor = idNumber(bornYearsAgo(12), 843);
    const alone = await correct({ idNumber: minor });
    expect(alone.statusCode, alone.body).toBe(400);
    expect(alone.json().error.details[0].field).toBe('body.guardian');
    expect((await keeper.get(url)).json().idNumberMasked).not.toBe(`${minor.slice(0, 4)}**********${minor.slice(-4)}`);

    const withGuardian = await correct({ idNumber: minor, guardian });
    expect(withGuardian.statusCode, withGuardian.body).toBe(200);
    expect(await consents()).toBe(1);

    // Consent is on record now: a further correction within the minor years needs none again.
    const again = await correct({ idNumber: idNumber(bornYearsAgo(13), 845) });
    expect(again.statusCode, again.body).toBe(200);
    expect(await consents()).toBe(1);
  });
});
