/**
 * 证明出具 in the console: a volunteer asks for a service certificate on the phone; the station keeper
 * finds the request under 服务时长 → 证明出具, refuses a duplicate with a reason and issues the other
 * (issuer, person in charge, contact); the issued one links to its public /verify/<number> page, and the
 * volunteer's hours page shows it issued (to download) and the refusal with its reason.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '../../src/server/modules/accounts/index.js';
import { recordService } from '../../src/server/modules/hours/index.js';
import { demo, signIn } from '../server.js';
import {
  describeBrowser,
  desktop,
  launchBrowser,
  newPage,
  phone,
  poll,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

describeBrowser('certificates in the console', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const db = app.database.db;
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.phone, demo.volunteer));
    const { record } = await recordService(db, {
      tenantId: '371002',
      volunteerUserId: me?.id as string,
      source: { type: 'manual', id: 'console-certificates-e2e' },
      regionCode: '371002002005',
      content: '蓝色周六·大世界雷锋岗 文明引导',
      minutes: 150,
    });
    const keeper = await signIn(app.app, demo.keeper);
    expect((await keeper.post('/api/v1/service-records/confirm', { ids: [record.id] })).statusCode).toBe(200);
    const volunteer = await signIn(app.app, demo.volunteer);
    expect((await volunteer.post('/api/v1/me/certificates', { purpose: '升学材料' })).statusCode).toBe(201);
    expect((await volunteer.post('/api/v1/me/certificates', { purpose: '重复申请' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the keeper refuses the duplicate and issues the other; the volunteer sees both outcomes', async () => {
    const { context, page } = await newPage(browser, desktop);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/hours`);
    await page.getByRole('tab', { name: '证明出具' }).click();
    const duplicate = page.getByRole('row').filter({ hasText: '重复申请' });
    await duplicate.getByRole('button', { name: '不予出具' }).click();
    const refuseDialog = page.getByRole('dialog', { name: '不予出具证明申请' });
    await refuseDialog.getByLabel('理由').fill('与另一份申请重复');
    await refuseDialog.getByRole('button', { name: '不予出具' }).click();
    await poll(() => duplicate.count()).toBe(0);

    const wanted = page.getByRole('row').filter({ hasText: '升学材料' });
    // antd spaces a two-character label: 出 具
    await wanted.getByRole('button', { name: /^出\s?具$/ }).click();
    const issueDialog = page.getByRole('dialog', { name: '出具志愿服务记录证明' });
    await issueDialog.getByLabel('出具单位').fill('北门外社区新时代文明实践站');
    await issueDialog.getByLabel('负责人').fill('王站长');
    await issueDialog.getByLabel('联系电话').fill('0631-5201234');
    await issueDialog.getByRole('button', { name: /^出\s?具$/ }).click();
    await poll(() => wanted.count()).toBe(0);
    await page.getByText('没有待出具的证明申请').waitFor();
    await page.screenshot({ path: '/tmp/leifeng-console-certificates-empty.png', fullPage: true });

    await page.getByText('已出具', { exact: true }).first().click();
    const issued = page.getByRole('row').filter({ hasText: '升学材料' });
    const link = issued.getByRole('link', { name: /^ZM\d{10}$/ });
    await link.waitFor();
    const number = (await link.textContent()) as string;
    expect(await link.getAttribute('href')).toBe(`/verify/${number}`);
    await issued.getByText('累计 2.5 小时').waitFor();
    await page.screenshot({ path: '/tmp/leifeng-console-certificates-issued.png', fullPage: true });
    await context.close();

    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/mine/hours`);
    await volunteer.page.getByText(number).waitFor();
    await volunteer.page.getByRole('link', { name: '下载' }).first().waitFor();
    await volunteer.page.getByText('理由：与另一份申请重复').waitFor();
    await volunteer.page.getByText('不予出具').waitFor();
    await volunteer.page.screenshot({ path: '/tmp/leifeng-h5-certificates.png', fullPage: true });
    await volunteer.context.close();
  });
});
