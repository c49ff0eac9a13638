/**
 * A volunteer downloads a service certificate, reads its number off the PDF (pdftotext) and checks it
 * on the public page `/verify/<number>` on a phone: valid, the name masked. Once staff revoke it the
 * page says so; a made-up number is not found.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '../../src/server/modules/accounts/index.js';
import { recordService } from '../../src/server/modules/hours/index.js';
import { type Client, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('certificate verification in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  let keeper: Client;
  let certificateId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const db = app.database.db;
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.phone, demo.volunteer));
    const { record } = await recordService(db, {
      tenantId: '371002',
      volunteerUserId: me?.id as string,
      source: { type: 'manual', id: 'verify-e2e' },
      regionCode: '371002002005',
      content: '蓝色周六·大世界雷锋岗 文明引导',
      minutes: 180,
    });
    keeper = await signIn(app.app, demo.keeper);
    expect((await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] })).statusCode).toBe(200);
    const volunteer = await signIn(app.app, demo.volunteer);
    certificateId = (await volunteer.post('/api/v1/me/certificates', {})).json().id;
    const issued = await keeper.post(`/api/v1/certificates/${certificateId}/issue`, {
      organisation: '北门外社区新时代文明实践站',
      personInCharge: '王站长',
      contact: '0631-5201234',
    });
    expect(issued.statusCode, issued.body).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the number on the downloaded PDF verifies on the phone; revoked and made-up numbers do not', async () => {
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/mine/hours`);
    const [download] = await Promise.all([
      volunteer.page.waitForEvent('download'),
      volunteer.page.getByRole('link', { name: '下载' }).first().click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'leifeng-verify-')), 'certificate.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const number = /证明编号：(ZM\d{10})/.exec(text)?.[1];
    expect(number, text).toBeDefined();
    expect(text).toContain(`/verify/${number}`);
    await volunteer.context.close();

    // Anyone holding the paper: no sign-in.
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/verify/${number}`);
    const status = page.getByTestId('verify-status');
    await poll(() => status.textContent()).toBe('证明有效');
    await page.getByText('北门外社区新时代文明实践站').waitFor();
    await page.getByText('李**').waitFor();
    expect(await page.getByText('李志愿').count()).toBe(0);
    await page.screenshot({ path: '/tmp/leifeng-verify-valid.png', fullPage: true });

    const revoked = await keeper.post(`/api/v1/certificates/${certificateId}/revoke`, { reason: '信息有误，重新出具' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await page.reload();
    await poll(() => status.textContent()).toBe('证明已撤销');

    await page.goto(`${app.url}/verify/ZM2026999999`);
    await poll(() => status.textContent()).toBe('未查到该证明');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => status.textContent()).toBe('No such certificate');
    await page.screenshot({ path: '/tmp/leifeng-verify-unknown-en.png', fullPage: true });
    await context.close();
  });
});
