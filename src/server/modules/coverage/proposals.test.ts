import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

let t: TestContext;
let centre: Client;
let keeper: Client;
let foreignKeeper: Client;
const SIBLING = '371002002001';
const OWN = '371002002005';

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
});
afterAll(() => t.close());

describe('siting proposals kept as planned batches', () => {
  it('a proposal becomes the next planned batch and the report shows the coverage it would bring', async () => {
    const before = (await centre.get('/api/v1/coverage/report')).json();
    const shown = (await centre.post('/api/v1/coverage/siting', { n: 3 })).json();
    const res = await centre.post('/api/v1/coverage/proposals', { n: 3, name: '第二批雷锋岗（规划）' });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ batch: 2, name: '第二批雷锋岗（规划）', picks: shown.picks });
    expect(saved.after.covered).toBe(shown.after.covered);
    const after = (await centre.get('/api/v1/coverage/report')).json();
    expect(after.covered).toBe(before.covered); // planned posts are not open yet
    const last = after.byBatch.at(-1);
    expect(last).toMatchObject({ batch: 2, planned: true, covered: shown.after.covered });
    expect(after.byBatch.filter((b: { planned: boolean }) => b.planned)).toHaveLength(1);
    const list = (await centre.get('/api/v1/coverage/proposals')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([saved.id]);
    const next = (await centre.post('/api/v1/coverage/proposals', { n: 1, name: '第三批' })).json();
    expect(next.batch).toBe(3);
  });

  it('keeps a keeper’s proposals to their community; another community’s keeper gets 404', async () => {
    const own = await keeper.post('/api/v1/coverage/proposals', { n: 1, name: '北门外补点' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().regionCode).toBe(OWN);
    expect((await foreignKeeper.get('/api/v1/coverage/proposals')).json().items).toEqual([]);
    expect((await foreignKeeper.get(`/api/v1/coverage/proposals?regionCode=${OWN}`)).statusCode).toBe(404);
    expect(
      (await foreignKeeper.post('/api/v1/coverage/proposals', { n: 1, name: 'x', regionCode: OWN })).statusCode,
    ).toBe(404);
    const bad = await keeper.post('/api/v1/coverage/proposals', { n: 1, name: ' ' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the report as xlsx, read back with exceljs', async () => {
    const report = (await centre.get('/api/v1/coverage/report')).json();
    const res = await centre.get('/api/v1/coverage/report.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const summary = book.getWorksheet('概况');
    const values = new Map<string, unknown>();
    summary?.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('人口数据')).toMatch(/合成演示数据/);
    expect(values.get('总人口')).toBe(report.population);
    expect(values.get('覆盖人口')).toBe(report.covered);
    const communities = book.getWorksheet('社区');
    expect(communities?.rowCount).toBe(report.communities.length + 1);
    expect(communities?.getRow(2).getCell(2).value).toBe(report.communities[0].name);
    const batches = book.getWorksheet('分批推进');
    expect(String(batches?.getRow(batches.rowCount).getCell(1).value)).toMatch(/规划/);
    expect(book.getWorksheet('未覆盖网格')?.rowCount).toBe(report.uncoveredCells.length + 1);
  });
});
