import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEIMENWAI, charityWorld, sell } from '../../../../test/charity.js';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, signIn, type TestContext } from '../../../../test/server.js';
import { ledgerTransactions } from '../../platform/ledger-schema.js';
import { charityBeneficiaries } from './schema.js';

let t: TestContext;
let w: Awaited<ReturnType<typeof charityWorld>>;
let secondInstitute: Client;
const beneficiaries: { id: string; name: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await charityWorld(t);
  const other = await makeUser(t.database, { grants: [{ role: 'institute_admin', regionCode: '371002002' }] });
  secondInstitute = await signIn(t.app, other.phone);
  await w.keeper.post(`/api/v1/charity/events/${w.event.id}/open`);
  await sell(w.keeperA, w.books.id, { amountFen: 600_000, method: 'cash' }, 'big-books-0001');
  await sell(
    w.keeperB,
    w.plants.id,
    { amountFen: 420_000, method: 'alipay', paymentRef: 'ALI2026001' },
    'big-plant-0001',
  );
  for (const name of ['张秀英', '刘建国']) {
    const res = await w.keeper.post('/api/v1/charity/beneficiaries', {
      name,
      phone: '13912345678',
      regionCode: BEIMENWAI,
      situation: '独居老人，低保',
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    beneficiaries.push({ id: res.json().id, name });
  }
});
afterAll(() => t.close());

const ask = async (amountFen: number, beneficiary = beneficiaries[0]) => {
  const res = await w.institute.post('/api/v1/charity/disbursements', {
    fundId: w.fund.id,
    beneficiaryId: beneficiary?.id,
    amountFen,
    purpose: 'living',
    eventId: w.event.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const approve = (c: Client, id: string) => c.post(`/api/v1/charity/disbursements/${id}/approve`);
const pay = (c: Client, id: string, ref = 'BANK-0001') =>
  c.post(`/api/v1/charity/disbursements/${id}/pay`, { paymentRef: ref });

describe('beneficiaries', () => {
  it('seals the identity: staff in scope read it, the database and everyone else do not', async () => {
    const [row] = await t.database.db
      .select()
      .from(charityBeneficiaries)
      .where(eq(charityBeneficiaries.id, beneficiaries[0]?.id as string));
    expect(row?.nameSealed).not.toContain('张秀英');
    expect(row?.maskedName).toBe('张**');
    const seen = (await w.keeper.get(`/api/v1/charity/beneficiaries/${row?.id}`)).json();
    expect(seen).toMatchObject({ name: '张秀英', phone: '13912345678' });
    expect((await w.foreignKeeper.get(`/api/v1/charity/beneficiaries/${row?.id}`)).statusCode).toBe(404);
    expect((await w.foreignKeeper.get('/api/v1/charity/beneficiaries')).json().items).toEqual([]);
    const noConsent = await w.keeper.post('/api/v1/charity/beneficiaries', { name: '赵某', regionCode: BEIMENWAI });
    expect(noConsent.statusCode).toBe(400);
  });
});

describe('disbursements', () => {
  it('needs two different approvers before it can be paid, then posts once', async () => {
    const d = await ask(150_000);
    expect(d).toMatchObject({ state: 'pending', beneficiary: { maskedName: '张**' } });
    expect((await pay(w.institute, d.id)).json().error.code).toBe('CHARITY_NOT_APPROVED');
    // A station keeper does not manage the subdistrict's fund.
    expect((await approve(w.keeper, d.id)).statusCode).toBe(404);
    const once = await approve(w.institute, d.id);
    expect(once.json()).toMatchObject({ state: 'approved_once', actions: { countersign: false, pay: false } });
    expect((await pay(w.institute, d.id)).json().error.code).toBe('CHARITY_NOT_APPROVED');
    expect((await approve(w.institute, d.id)).json().error.code).toBe('CHARITY_SAME_APPROVER');
    const twice = await approve(w.centre, d.id);
    expect(twice.json()).toMatchObject({ state: 'approved', secondApprover: { name: '环翠区中心管理员' } });
    const paid = await pay(w.institute, d.id, 'BANK-20260306-01');
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ state: 'paid', paymentRef: 'BANK-20260306-01' });
    expect((await pay(w.centre, d.id)).statusCode).toBe(409);
    const posted = await t.database.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.sourceId, d.id));
    expect(posted).toHaveLength(1);
  });

  it('lets concurrent approvals settle as approve + countersign, never one person twice, and concurrent payments post once', async () => {
    const d = await ask(80_000, beneficiaries[1]);
    const both = await Promise.all([approve(w.institute, d.id), approve(secondInstitute, d.id)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const after = (await w.centre.get(`/api/v1/charity/disbursements/${d.id}`)).json();
    expect(after.state).toBe('approved');
    expect(after.firstApprover.userId).not.toBe(after.secondApprover.userId);

    const e = await ask(10_000, beneficiaries[1]);
    const same = await Promise.all([approve(w.institute, e.id), approve(w.institute, e.id)]);
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 403]);
    expect((await w.centre.get(`/api/v1/charity/disbursements/${e.id}`)).json().state).toBe('approved_once');

    const payments = await Promise.all([pay(w.institute, d.id, 'BANK-A'), pay(w.centre, d.id, 'BANK-B')]);
    expect(payments.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const posted = await t.database.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.sourceId, d.id));
    expect(posted).toHaveLength(1);
  });

  it('refuses a payment the fund cannot cover', async () => {
    const d = await ask(99_000_000);
    await approve(w.institute, d.id);
    await approve(w.centre, d.id);
    expect((await pay(w.institute, d.id)).json().error.code).toBe('LEDGER_INSUFFICIENT_BALANCE');
    expect((await w.centre.get(`/api/v1/charity/disbursements/${d.id}`)).json().state).toBe('approved');
  });
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'leifeng-charity-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

describe('the public report', () => {
  it('is published only after close, with every figure from the ledger and no full names', async () => {
    const anon = anonymous(t.app);
    expect((await anon.get(`/api/v1/public/charity/events/${w.event.id}/report`)).statusCode).toBe(404);
    await w.keeper.post(`/api/v1/charity/events/${w.event.id}/close`, { countedCashFen: 600_000 });
    expect((await w.keeper.post(`/api/v1/charity/events/${w.event.id}/publish`)).statusCode).toBe(200);
    const res = await anon.get(`/api/v1/public/charity/events/${w.event.id}/report`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(res.body).not.toContain('张秀英');
    expect(report).toMatchObject({
      incomeByCategory: [
        { category: 'books', label: '图书', amountFen: 600_000 },
        { category: 'other:绿植', label: '绿植', amountFen: 420_000 },
      ],
      incomeFen: 1_020_000,
      outgoingsByPurpose: [{ purpose: 'living', label: '生活救助', amountFen: 230_000 }],
      outgoingsFen: 230_000,
      balanceFen: 790_000,
      familiesHelped: 2,
    });
    const fund = (await w.institute.get('/api/v1/charity/funds'))
      .json()
      .items.find((f: { id: string }) => f.id === w.fund.id);
    expect(fund).toMatchObject({
      incomeFen: report.incomeFen,
      paidFen: report.outgoingsFen,
      balanceFen: report.balanceFen,
    });
    const year = (await anon.get('/api/v1/public/charity/report?year=2026')).json();
    expect(year.events.map((e: { id: string }) => e.id)).toContain(w.event.id);
    expect(year.incomeFen).toBeGreaterThanOrEqual(report.incomeFen);

    const xlsx = await anon.get(`/api/v1/public/charity/events/${w.event.id}/report/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = new Map<string, unknown>();
    book.getWorksheet('善款公示')?.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(cells.get('图书')).toBe(6000);
    expect(cells.get('收入合计')).toBe(10200);
    expect(cells.get('支出合计')).toBe(2300);
    expect(cells.get('结余')).toBe(7900);
    expect(cells.get('帮扶家庭（户）')).toBe(2);

    const pdf = await anon.get(`/api/v1/public/charity/events/${w.event.id}/report/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('雷锋巷爱心义卖');
    expect(text).toMatch(/收入合计\s+10200\.00 元/);
    expect(text).toMatch(/结余\s+7900\.00 元/);
    expect(text).toContain('张**');
    expect(text).not.toContain('张秀英');
  });
});

describe('the demo seed', () => {
  it('publishes last year’s three 雷锋巷 sales: just over 15,000 yuan, four families helped, all from the ledger', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const report = (await anonymous(t.app).get(`/api/v1/public/charity/report?year=${year}`)).json();
    expect(report.events).toHaveLength(3);
    expect(report.incomeFen).toBe(1_526_380);
    expect(report.familiesHelped).toBe(4);
    expect(report.outgoingsFen).toBe(1_300_000);
    expect(report.balanceFen).toBe(1_526_380 - 1_300_000);
    expect(report.incomeByCategory.map((c: { label: string }) => c.label)).toEqual(
      expect.arrayContaining(['食品', '图书', '玩具', '百货', '化妆品', '手工艺品', '书法', '义剪']),
    );
    const fund = (await w.institute.get('/api/v1/charity/funds'))
      .json()
      .items.find((f: { name: string }) => f.name === '鲸园蓝爱心基金');
    expect(fund).toMatchObject({ incomeFen: report.incomeFen, paidFen: report.outgoingsFen });
  });
});
