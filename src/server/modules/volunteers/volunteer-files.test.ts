import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo } from '../../../../test/sms.js';
import { farCorner, manyRows, sharedStringsBomb, zipBomb } from '../../../../test/xlsx-bombs.js';
import { DEMO_PASSWORD, DEMO_VOLUNTEER_ID_NUMBER } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';
import { hashPassword, roleGrants, users } from '../accounts/index.js';
import { skills, volunteers } from './schema.js';

let t: TestContext;
let keeper: Client;
let otherKeeper: Client;

beforeAll(async () => {
  t = await createTestApp();
  const [u] = await t.database.db
    .insert(users)
    .values({
      tenantId: '371002',
      phone: '13900000102',
      displayName: '另一社区专管员',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning({ id: users.id });
  await t.database.db
    .insert(roleGrants)
    .values({ tenantId: '371002', userId: u?.id as string, role: 'station_keeper', regionCode: '371002001001' });
  keeper = await signIn(t.app, demo.keeper);
  otherKeeper = await signIn(t.app, '13900000102');
});
afterAll(() => t.close());

async function readWorkbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, r: number) =>
  (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));

async function downloadTemplate(client: Client) {
  const res = await client.get('/api/v1/volunteers/import-template');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return readWorkbook(res.rawPayload);
}

/** 1,000 rows in the keeper's template: row 3 onward (row 2 is the example), with three planted mistakes. */
async function fillThousand(wb: ExcelJS.Workbook) {
  const sheet = wb.getWorksheet('志愿者') as ExcelJS.Worksheet;
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000 * 9).toISOString().slice(0, 10).replaceAll('-', '');
    let id = idNumber(birth, 100 + (i % 800));
    let phone = `1370000${String(i).padStart(4, '0')}`;
    let name = `导入志愿者${i}`;
    if (i === 100) id = id.slice(0, 17) + (id[17] === '5' ? '6' : '5'); // bad check digit → row 103
    if (i === 500) phone = '13700000007'; // same phone as i = 7 (row 10) → row 503
    if (i === 900) name = ''; // missing name → row 903
    ids.push(id);
    sheet.addRow([name, phone, id, i % 2 ? '' : '北门外社区', i % 3 ? '理论宣讲、助老助残' : '', '', '', '是']);
  }
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), ids };
}

describe('the import template', () => {
  it('has Chinese headers, an example row, a 说明 sheet and the communities in the caller’s scope', async () => {
    const wb = await downloadTemplate(keeper);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['志愿者', '说明', '社区列表']);
    const sheet = wb.getWorksheet('志愿者') as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual([
      '姓名*',
      '手机号*',
      '身份证号*',
      '所属社区',
      '技能',
      '服务区域',
      '住址',
      '已签署承诺书*',
    ]);
    expect(rowValues(sheet, 2)[0]).toBe('张三（示例）');
    const help = wb.getWorksheet('说明') as ExcelJS.Worksheet;
    expect(rowValues(help, 4)[1]).toContain('校验位');
    const list = wb.getWorksheet('社区列表') as ExcelJS.Worksheet;
    expect(list.rowCount).toBe(2);
    expect(rowValues(list, 2)).toEqual(['371002002005', '北门外社区', '鲸园街道']);
  });
});

describe('importing 1,000 rows with three bad ones', () => {
  let file: Buffer;
  let ids: string[];
  beforeAll(async () => {
    ({ file, ids } = await fillThousand(await downloadTemplate(keeper)));
  });
  const post = (client: Client, mode: string, body = file) =>
    client.post('/api/v1/volunteers/imports', { fileBase64: body.toString('base64'), mode });
  const imported = async () =>
    (await t.database.db.select({ n: count() }).from(volunteers).where(eq(volunteers.registeredVia, 'import')))[0]?.n;

  it('reports exactly the three bad rows with reasons, and validating writes nothing', async () => {
    const res = await post(keeper, 'validate');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ totalRows: 1000, validRows: 997, invalidRows: 3, created: 0 });
    expect(report.errors).toEqual([
      {
        row: 103,
        column: '身份证号',
        field: 'idNumber',
        message: '身份证号校验位不正确，请核对',
        messageEn: 'The check digit of the ID number is wrong; please check it',
      },
      {
        row: 503,
        column: '手机号',
        field: 'phone',
        message: '手机号与第10行重复',
        messageEn: 'Same phone number as row 10',
      },
      { row: 903, column: '姓名', field: 'name', message: '姓名不能为空', messageEn: 'The name is required' },
    ]);
    expect(await imported()).toBe(0);
  });

  it('creates nothing in all-or-nothing mode while a row is bad', async () => {
    const res = await post(keeper, 'all-or-nothing');
    expect(res.json()).toMatchObject({ invalidRows: 3, created: 0 });
    expect(await imported()).toBe(0);
  });

  it('creates the 997 valid volunteers, active, sealed, numbered, without passwords, audited', async () => {
    const res = await post(keeper, 'apply-valid');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validRows: 997, invalidRows: 3, created: 997 });
    expect(await imported()).toBe(997);
    const rows = await t.database.db.select().from(volunteers).where(eq(volunteers.registeredVia, 'import'));
    expect(new Set(rows.map((r) => r.number)).size).toBe(997);
    expect(rows.every((r) => r.status === 'active' && r.regionCode === '371002002005')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(ids[0]);
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'volunteer.register'), sql`${auditLog.detail}->>'channel' = 'import'`));
    expect(audits[0]?.n).toBe(997);
    const login = await anonymous(t.app).post('/api/v1/auth/login', { phone: '13700000001', password: '!' });
    expect(login.statusCode).toBe(401);
    // No password until the volunteer sets one with a code sent to their phone.
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: '13700000001' });
    const set = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: '13700000001',
      code: await lastCodeTo(t.app, '13700000001'),
      newPassword: 'Imported2026',
    });
    expect(set.statusCode, set.body).toBe(200);
    const self = await signIn(t.app, '13700000001', 'Imported2026');
    expect((await self.get('/api/v1/me/volunteer')).json()).toMatchObject({ name: '导入志愿者1', status: 'active' });
    const [one] = (await keeper.get('/api/v1/volunteers?q=13700000004')).json().items;
    expect(one.name).toBe('导入志愿者4');
    expect(one.skills.map((s: { name: string }) => s.name)).toEqual(['理论宣讲', '助老助残']);
  });

  it('reports every row as already registered when the same file comes again', async () => {
    const report = (await post(keeper, 'validate')).json();
    expect(report.validRows).toBe(0);
    expect(report.errors.filter((e: { message: string }) => e.message === '该身份证号已登记为志愿者')).toHaveLength(
      997,
    );
  });

  it('refuses rows for a community outside the importer’s scope, and files that are not a template', async () => {
    const wb = await downloadTemplate(otherKeeper);
    (wb.getWorksheet('志愿者') as ExcelJS.Worksheet).addRow([
      '越界',
      '13700009999',
      idNumber('19800101', 555),
      '北门外社区',
      '',
      '',
      '',
      '是',
    ]);
    const report = (await post(otherKeeper, 'apply-valid', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(report).toMatchObject({ created: 0, invalidRows: 1 });
    expect(report.errors[0]).toMatchObject({
      column: '所属社区',
      message: '社区“北门外社区”不存在或不在您的管辖范围内',
    });
    const junk = await post(keeper, 'validate', Buffer.from('not a spreadsheet'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.details[0]).toMatchObject({ field: 'body.fileBase64' });
  });
});

describe('crafted workbooks', () => {
  const post = (client: Client, mode: string, file: Buffer) =>
    client.post('/api/v1/volunteers/imports', { fileBase64: file.toString('base64'), mode });
  const refusal = async (file: Buffer) => {
    const res = await post(keeper, 'validate', file);
    expect(res.statusCode, res.body).toBe(400);
    return res.json().error.details[0] as { field: string; message: string };
  };

  it('refuses a zip bomb and a flood of shared strings from their inflated size, and the server keeps answering', async () => {
    const bomb = zipBomb(100);
    expect(bomb.length).toBeLessThan(1_000_000);
    // While the bomb is examined (off the main thread), other requests are served: they finish first.
    const finished: string[] = [];
    const importing = post(keeper, 'validate', bomb).then((res) => {
      finished.push('import');
      return res;
    });
    const health = await anonymous(t.app).get('/api/health');
    finished.push('health');
    expect(health.statusCode).toBe(200);
    const res = await importing;
    expect(finished).toEqual(['health', 'import']);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'body.fileBase64',
      message: expect.stringContaining('解压后过大'),
    });
    expect((await refusal(sharedStringsBomb(3_000_000))).message).toContain('解压后过大');
  });

  it('stops reading at the row limit, and shrugs off a cell in the far corner', async () => {
    expect((await refusal(manyRows(20_002))).message).toBe('一次最多导入20000行，请分批导入');
    const corner = await post(keeper, 'validate', farCorner());
    expect(corner.statusCode, corner.body).toBe(200);
    expect(corner.json()).toMatchObject({ totalRows: 0 });
  });
});

describe('export', () => {
  it('writes the volunteers in scope with masked phone and ID number, and audits it', async () => {
    const res = await keeper.get('/api/v1/volunteers/export?q=李志愿');
    expect(res.statusCode).toBe(200);
    const sheet = (await readWorkbook(res.rawPayload)).getWorksheet('志愿者') as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual([
      '志愿者编号',
      '姓名',
      '性别',
      '手机号',
      '身份证号',
      '所属社区',
      '技能',
      '状态',
      '登记方式',
      '登记时间',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = rowValues(sheet, 2);
    expect(row.slice(1, 6)).toEqual(['李志愿', '男', '138****0005', '3710**********1233', '北门外社区']);
    expect(row.join('|')).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);

    const all = await keeper.get('/api/v1/volunteers/export');
    const allSheet = (await readWorkbook(all.rawPayload)).getWorksheet('志愿者') as ExcelJS.Worksheet;
    expect(allSheet.rowCount).toBeGreaterThan(900);
    const outside = await otherKeeper.get('/api/v1/volunteers/export');
    expect(((await readWorkbook(outside.rawPayload)).getWorksheet('志愿者') as ExcelJS.Worksheet).rowCount).toBe(1);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'volunteer.export'));
    expect(audits.map((a) => (a.detail as { count: number }).count)).toEqual(expect.arrayContaining([1, 0]));
  });
});

describe('cells that a spreadsheet would run as formulas', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","点我")', '+1+2', '-3+4', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

  it('are written with a leading apostrophe in the export, so they show as typed', async () => {
    for (const name of dangerous) await makeUser(t.database, { displayName: name });
    const centre = await signIn(t.app, demo.centreAdmin);
    const res = await centre.get('/api/v1/volunteers/export');
    expect(res.statusCode).toBe(200);
    const sheet = (await readWorkbook(res.rawPayload)).getWorksheet('志愿者') as ExcelJS.Worksheet;
    const names: unknown[] = [];
    sheet.eachRow((row, r) => {
      if (r > 1) names.push(row.getCell(2).value);
    });
    // XML turns a carriage return into a line feed on the way back; the apostrophe is what counts.
    const lf = (v: unknown) => String(v).replaceAll('\r', '\n');
    for (const name of dangerous) expect(names.map(lf)).toContain(lf(`'${name}`));
    expect(names).toContain('李志愿');
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(String(cell.value)).not.toMatch(/^[=+\-@\t\r]/);
      });
    });
  });

  it('are written with a leading apostrophe in the import template', async () => {
    await t.database.db
      .insert(skills)
      .values({ tenantId: '371002', code: 'evil', name: '=1+1', nameEn: 'evil', sort: -1 });
    const help = (await downloadTemplate(keeper)).getWorksheet('说明') as ExcelJS.Worksheet;
    const skillsRow = help.getRows(1, help.rowCount)?.find((r) => r.getCell(1).value === '可选技能');
    expect(skillsRow?.getCell(2).value).toMatch(/^'=1\+1、/);
  });
});
