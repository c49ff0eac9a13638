/**
 * An activity from sign-up to counted hours in the browser: the keeper publishes a 蓝色周六 activity at
 * 大世界雷锋岗 (through the API), the volunteer signs up on the phone, the keeper opens the check-in
 * screen in the console, the volunteer types its code on the phone (geolocation set to the site) to
 * check in and again to check out, the keeper confirms the pending record on the console's hours
 * page, and the volunteer's 我的服务时长 shows the hour.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activityAttendance, activitySessions } from '../../src/server/modules/activities/index.js';
import { organisations } from '../../src/server/modules/organisations/index.js';
import { demo, signIn } from '../server.js';
import { signUpOnPhone } from './activity-phone.js';
import { describeBrowser, launchBrowser, newPage, signInAs, startWebApp, type WebApp } from './browser.js';

const MINUTE = 60_000;

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

  /** The code the screen shows now. */
  const screenCode = async (screen: Page) => {
    await screen.reload();
    const text = await screen.getByTestId('checkin-code').textContent();
    expect(text).toMatch(/^\d{6}$/);
    return text as string;
  };

  it('sign-up on the phone → code from the screen → check in and out → confirmed in the console → hours on the phone', async () => {
    const keeperApi = await signIn(app.app, demo.keeper);
    const volunteerApi = await signIn(app.app, demo.volunteer);
    const sites = (await keeperApi.get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
    const [team] = await app.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '鲸园蓝志愿服务队'));
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    const title = '蓝色周六 · 海滨文明引导（浏览器测试）';
    const created = await keeperApi.post('/api/v1/activities', {
      title,
      categoryCode: 'environment',
      organisationId: team?.id,
      series: '蓝色周六',
      siteId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * MINUTE).toISOString(),
      quota: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    const activity = (await keeperApi.post(`/api/v1/activities/${created.json().id}/publish`)).json();
    const sessionId = activity.sessions[0].id as string;
    const before = (await volunteerApi.get('/api/v1/me/hours')).json().star.totalMinutes as number;

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
    await volunteer.getByRole('button', { name: /^签\s*到$/ }).click();
    await volunteer.getByText('签到成功').waitFor();
    await keeper.page.reload();
    await keeper.page.getByText('已签到 1 人 · 已签退 0 人').waitFor();

    // An hour later (the occurrence's window moved back instead of waiting), they check out.
    await app.database.db
      .update(activitySessions)
      .set({ startsAt: new Date(Date.now() - 60 * MINUTE), endsAt: new Date(Date.now() + 60 * MINUTE) })
      .where(eq(activitySessions.id, sessionId));
    await app.database.db
      .update(activityAttendance)
      .set({ checkInAt: new Date(Date.now() - 61 * MINUTE) })
      .where(eq(activityAttendance.sessionId, sessionId));
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
    await context.close();
  }, 240_000);
});
