/**
 * Console forms in the browser. The activity form in a browser set to New York: the times it shows
 * and saves are the tenant's (Asia/Shanghai), not the browser's. 09:00 in Shanghai is 01:00 UTC and
 * 20:00 the day before in New York; a form that used the browser's zone would show 20:00 and save
 * 10:00 as 15:00 UTC. The registration ages: a centre admin changes them, a keeper only reads them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayIn } from '../../src/shared/age-rules.js';
import { demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, shot, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('console forms', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows and saves Shanghai wall times in a browser set to New York', async () => {
    const keeperApi = await signIn(app.app, demo.keeper);
    const sites = (await keeperApi.get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
    const teams = (await keeperApi.get(`/api/v1/organisations?q=${encodeURIComponent('鲸园蓝志愿服务队')}`)).json();
    // A day ten days ahead, as Shanghai counts days.
    const day = todayIn('Asia/Shanghai', new Date(Date.now() + 10 * 86_400_000));
    const title = '时区测试 · 海滨清洁';
    const created = await keeperApi.post('/api/v1/activities', {
      title,
      categoryCode: 'environment',
      organisationId: teams.items[0].id,
      siteId,
      startsAt: `${day}T01:00:00.000Z`,
      endsAt: `${day}T03:00:00.000Z`,
      quota: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const { context, page } = await newPage(browser, undefined, { timezoneId: 'America/New_York' });
    await signInAs(page, app.url, demo.keeper);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await page.goto(`${app.url}/console/activities`);
    const row = page.locator('tr', { hasText: title });
    await row.getByText('09:00–11:00').waitFor();
    await row.getByRole('button', { name: '编辑活动' }).click();

    const dialog = page.getByRole('dialog');
    const starts = dialog.getByLabel('开始时间');
    const ends = dialog.getByLabel('结束时间');
    await expect.poll(() => starts.inputValue()).toBe(`${day}T09:00`);
    expect(await ends.inputValue()).toBe(`${day}T11:00`);
    await starts.fill(`${day}T10:00`);
    await ends.fill(`${day}T12:30`);
    await shot(page, 'activity-form-new-york');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已保存').waitFor();

    const saved = (await keeperApi.get(`/api/v1/activities/${id}`)).json();
    expect({ startsAt: saved.startsAt, endsAt: saved.endsAt }).toEqual({
      startsAt: `${day}T02:00:00.000Z`,
      endsAt: `${day}T04:30:00.000Z`,
    });
    await row.getByText('10:00–12:30').waitFor();
    await context.close();
  });

  it('a centre admin changes the registration ages; a keeper sees them read-only', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.centreAdmin);
    await page.goto(`${app.url}/console/volunteers/settings`);
    const adult = page.getByLabel('成年年龄');
    await expect.poll(() => adult.inputValue()).toBe('18');
    await page.getByText('18 周岁及以上：本人注册；8–17 周岁：须监护人同意').waitFor();
    await adult.fill('17');
    await page.getByLabel('单独注册的最低年龄').fill('18');
    await page.getByText('不能高于成年年龄').waitFor();
    await page.getByLabel('单独注册的最低年龄').fill('10');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存，下一次注册或导入起生效').waitFor();
    await shot(page, 'console-volunteer-settings');
    const options = await (await fetch(`${app.url}/api/v1/volunteer-registration/options`)).json();
    expect(options.ageRules).toMatchObject({ adultAge: 17, minAgeOnOwn: 10 });
    await context.close();

    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/volunteers/settings`);
    await keeper.page.getByText('仅中心管理员可以修改注册年龄').waitFor();
    expect(await keeper.page.getByLabel('成年年龄').inputValue()).toBe('17');
    expect(await keeper.page.getByLabel('成年年龄').isDisabled()).toBe(true);
    expect(await keeper.page.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    await keeper.context.close();
  });
});
