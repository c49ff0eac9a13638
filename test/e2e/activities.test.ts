/**
 * An activity from sign-up to counted hours in the browser: the keeper publishes a 蓝色周六 activity at
 * 大世界雷锋岗 (through the API), the volunteer signs up on the phone, the keeper opens the check-in
 * screen in the console, the volunteer types its code on the phone (geolocation set to the site) to
 * check in and again to check out, the keeper confirms the pending record on the console's hours
 * page, and the volunteer's 我的服务时长 shows the hour. The tenant's first star is set just above
 * what the volunteer had, so this hour reaches it (我的 shows the star, the inbox the congratulation);
 * then the volunteer asks for a certificate on the phone, the station issues it, the volunteer
 * downloads the PDF (pdftotext reads the Chinese fields) and the public page verifies its number.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo, signIn } from '../server.js';
import { anHourLater, publishedBlueSaturday, screenCode, signUpOnPhone } from './activity-phone.js';
import { describeBrowser, launchBrowser, newPage, poll, shot, signInAs, startWebApp, type WebApp } from './browser.js';

const _MINUTE = 60_000;

describeBrowser('an activity in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('sign-up on the phone → code from the screen → check in and out → confirmed in the console → hours, a star and a verified certificate', async () => {
    const keeperApi = await signIn(app.app, demo.keeper);
    const volunteerApi = await signIn(app.app, demo.volunteer);
    const sites = (await keeperApi.get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
    const title = '蓝色周六 · 海滨文明引导（浏览器测试）';
    const { activity, sessionId } = await publishedBlueSaturday(app, keeperApi, siteId, title);
    const before = (await volunteerApi.get('/api/v1/me/hours')).json().star.totalMinutes as number;
    // The first star just above what the volunteer has: this activity's hour reaches it.
    const first = Math.floor(before / 60) + 1;
    await app.database.db.execute(sql`
      insert into hours_settings (tenant_id, star_thresholds_hours)
      values ('371002', ${`{${[0, 1, 2, 3, 4].map((i) => first + i).join(',')}}`})
      on conflict (tenant_id) do update set star_thresholds_hours = excluded.star_thresholds_hours`);
    expect((await volunteerApi.get('/api/v1/me/hours')).json().star.level).toBe(0);

    // The volunteer signs up on the phone.
    const { context, page: volunteer } = await signUpOnPhone(browser, app.url, activity.id, sessionId);

    // The keeper opens the check-in screen of that occurrence.
    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/activities/display?session=${sessionId}`);
    await keeper.page.getByText(title).first().waitFor();
    await keeper.page.getByRole('img', { name: '签到大屏' }).waitFor();

    // The volunteer types the code on the screen and checks in.
    await volunteer.goto(`${app.url}/h5/checkin`);
    await volunteer.getByRole('textbox', { name: '6位签到码' }).fill(await screenCode(keeper.page));
    await shot(volunteer, 'activity-checkin-typed');
    await volunteer.getByRole('button', { name: /^签\s*到$/ }).click();
    await volunteer.getByText('签到成功').waitFor();
    await keeper.page.reload();
    await keeper.page.getByText('已签到 1 人 · 已签退 0 人').waitFor();

    // An hour later (the occurrence's window moved back instead of waiting), they check out.
    await anHourLater(app, sessionId);
    await volunteer.getByRole('button', { name: '活动签到' }).click();
    await volunteer.getByRole('textbox', { name: '6位签到码' }).fill(await screenCode(keeper.page));
    await volunteer.getByRole('button', { name: /^签\s*退$/ }).click();
    await volunteer.getByText('签退成功，服务时长待组织者确认').waitFor();
    await volunteer.getByText('60 分钟').waitFor();

    // The keeper confirms the pending record in the console.
    await keeper.page.goto(`${app.url}/console/hours`);
    const row = keeper.page.locator('tr').filter({ hasText: `蓝色周六·${title}` });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await keeper.page.getByRole('button', { name: /确认选中的 1 条/ }).click();
    await keeper.page.getByText('已确认 1 条').waitFor();

    // The volunteer's hours page counts it.
    await volunteer.goto(`${app.url}/h5/mine/hours`);
    const total = `${Math.round((before + 60) / 6) / 10} 小时`;
    await volunteer.getByTestId('hours-total').filter({ hasText: total }).waitFor();
    const record = volunteer.locator('.adm-list-item').filter({ hasText: `蓝色周六·${title}` });
    await record.getByText('已确认').waitFor();

    // It counts toward the star level: 我的 shows the first star, the inbox the congratulation.
    await volunteer.goto(`${app.url}/h5/mine`);
    const stars = volunteer.getByTestId('mine-stars');
    await stars.waitFor();
    await poll(() => stars.getAttribute('data-level')).toBe('1');
    await volunteer.goto(`${app.url}/h5/inbox`);
    await volunteer.getByText('恭喜您成为1星级志愿者').first().waitFor();

    // A certificate: asked for on the phone, issued by the station, downloaded and verified.
    await volunteer.goto(`${app.url}/h5/mine/hours`);
    await volunteer.getByRole('button', { name: '申请全部服务的证明' }).click();
    await volunteer.getByText('待出具').first().waitFor();
    const requested = (await volunteerApi.get('/api/v1/me/certificates'))
      .json()
      .items.find((c: { state: string }) => c.state === 'requested');
    const issued = await keeperApi.post(`/api/v1/certificates/${requested.id}/issue`, {
      organisation: '北门外社区新时代文明实践站',
      personInCharge: '王站长',
      contact: '0631-5201234',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const number = issued.json().number as string;
    await volunteer.reload();
    const certificate = volunteer.locator('.adm-list-item').filter({ hasText: number });
    const [download] = await Promise.all([
      volunteer.waitForEvent('download'),
      certificate.getByRole('link', { name: '下载' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'leifeng-flow-')), 'certificate.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const field of ['志愿服务记录证明', '李志愿', '北门外社区新时代文明实践站', '王站长', '海滨文明引导']) {
      expect(text, field).toContain(field);
    }
    expect(/证明编号：(ZM\d{10})/.exec(text)?.[1], text).toBe(number);
    await context.close();

    const { context: anyone, page: verify } = await newPage(browser);
    await verify.goto(`${app.url}/verify/${number}`);
    await poll(() => verify.getByTestId('verify-status').textContent()).toBe('证明有效');
    await verify.getByText('北门外社区新时代文明实践站').waitFor();
    await anyone.close();
  }, 300_000);
});
