/**
 * 取消本场 in the console: the keeper opens a weekly activity, picks its first occurrence, cancels
 * it with a reason; the volunteer's sign-up to that occurrence is cancelled, the next one stays.
 * The console, and the volunteer's phone in Chinese and in English, show the occurrence called off
 * with its reason (本场已取消：…), with no sign-up button.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { organisations } from '../../src/server/modules/organisations/index.js';
import { demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

const HOUR = 3600_000;

describeBrowser('cancelling one occurrence in the console', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('取消本场 with a reason cancels only that occurrence’s sign-ups', async () => {
    const keeperApi = await signIn(app.app, demo.keeper);
    const volunteerApi = await signIn(app.app, demo.volunteer);
    const sites = (await keeperApi.get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
    const [team] = await app.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '鲸园蓝志愿服务队'));
    const start = new Date(Date.now() + 8 * HOUR);
    start.setUTCDate(start.getUTCDate() + ((6 - start.getUTCDay() + 7) % 7 || 7));
    start.setUTCHours(1, 0, 0, 0);
    const created = await keeperApi.post('/api/v1/activities', {
      title: '蓝色周六 · 单场取消（浏览器测试）',
      categoryCode: 'environment',
      organisationId: team?.id,
      siteId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=2',
      quota: 5,
      signupOpensHours: 24 * 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    const activity = (await keeperApi.post(`/api/v1/activities/${created.json().id}/publish`)).json();
    const [first, second] = activity.sessions as { id: string }[];
    for (const s of [first, second])
      expect((await volunteerApi.post(`/api/v1/activity-sessions/${s?.id}/signups`)).statusCode).toBe(201);

    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/activities/${activity.id}`);
    await keeper.page.getByRole('button', { name: '取消本场' }).click();
    await keeper.page.getByRole('textbox', { name: /取消原因/ }).fill('场地临时占用');
    await keeper.page.screenshot({ path: '/tmp/hours3-cancel-session-dialog.png' });
    await keeper.page.locator('.ant-modal-confirm').getByRole('button', { name: '取消本场' }).click();
    await keeper.page.getByText('本场已取消，已通知报名者').waitFor();
    // The occurrence stays chosen in the drawer, called off with its reason.
    await keeper.page.locator('.ant-drawer .ant-alert').getByText('本场已取消：场地临时占用').waitFor();
    await keeper.page.screenshot({ path: '/tmp/hours3-cancel-session-console.png' });

    const roster = async (id: string | undefined) =>
      (await keeperApi.get(`/api/v1/activity-sessions/${id}/signups`)).json() as {
        session: { cancelled: boolean };
        items: { state: string }[];
      };
    expect(await roster(first?.id)).toMatchObject({ session: { cancelled: true }, items: [{ state: 'cancelled' }] });
    expect(await roster(second?.id)).toMatchObject({ session: { cancelled: false }, items: [{ state: 'confirmed' }] });

    // The volunteer's phone: the called-off occurrence says why and offers no sign-up; the next one is as it was.
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/activities/${activity.id}?session=${first?.id}`);
    const cancelledRow = volunteer.page.locator(`[data-session="${first?.id}"]`);
    const nextRow = volunteer.page.locator(`[data-session="${second?.id}"]`);
    await cancelledRow.getByText('本场已取消：场地临时占用').waitFor();
    expect(await cancelledRow.getByRole('button').count()).toBe(0);
    await nextRow
      .getByText(/已报名|报名成功|已确认/)
      .first()
      .waitFor();
    expect(await nextRow.getByText(/本场已取消/).count()).toBe(0);
    await volunteer.page.screenshot({ path: '/tmp/hours3-h5-cancelled-session.png', fullPage: true });

    // In English too.
    const english = await newPage(browser, phone);
    await english.context.addInitScript(() => localStorage.setItem('leifeng.lang', 'en'));
    await signInAs(english.page, app.url, demo.volunteer);
    await english.page.goto(`${app.url}/h5/activities/${activity.id}`);
    await english.page
      .locator(`[data-session="${first?.id}"]`)
      .getByText('This occurrence is cancelled: 场地临时占用')
      .waitFor();
    await english.page.screenshot({ path: '/tmp/hours3-h5-cancelled-session-en.png', fullPage: true });
  });
});
