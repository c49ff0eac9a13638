/**
 * Volunteers in the browser: a keeper registers a walk-in on a tablet and the volunteer must change
 * the one-time password at first sign-in; online registration on a phone lands on 我的志愿者档案
 * with the ID number masked until the owner asks; staff see it masked until the audited reveal.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_VOLUNTEER_ID_NUMBER } from '../../src/server/demo/seed-demo.js';
import { idNumber } from '../factories.js';
import { demo } from '../server.js';
import { lastCodeTo } from '../sms.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

const tablet = { width: 1024, height: 768 };

describeBrowser('volunteers in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a keeper registers a walk-in at the desk; the volunteer changes the one-time password first', async () => {
    const { context, page } = await newPage(browser, tablet);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/volunteers/new`);
    await page.getByLabel('姓名').fill('周到站');
    await page.getByLabel('手机号').fill('13900005001');
    const id = idNumber('19780909', 517);
    await page.getByLabel('身份证号').fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
    await page.getByText('志愿者已签署《志愿者服务承诺书》').click();
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('身份证号格式不正确或校验位错误，请核对').waitFor();
    await page.getByLabel('身份证号').fill(id);
    await page.getByText('男，1978-09-09 出生').waitFor();
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('登记成功').waitFor();
    const number = (await page.getByTestId('volunteer-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^HC\d{10}$/);
    const password = ((await page.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(password).toMatch(/^[a-z\d]{8}$/);
    await context.close();

    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, '13900005001', password);
    await volunteer.page.waitForURL((u) => u.pathname === '/h5/mine/password');
    await volunteer.page.getByLabel(/^当前密码\*?$/).fill(password);
    await volunteer.page.getByLabel(/^新密码\*?$/).fill('Zhou2026abc');
    await volunteer.page.getByLabel(/^确认新密码\*?$/).fill('Zhou2026abc');
    await volunteer.page.getByRole('button', { name: /确认修改/ }).click();
    await volunteer.page.waitForURL((u) => u.pathname === '/h5/mine');
    await volunteer.page.getByText('我的志愿者档案').click();
    await volunteer.page.getByText(number).waitFor();
    await volunteer.context.close();
  });

  it('online registration on a phone lands on the profile, pending, with the ID number masked until shown', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/login`);
    await page.getByText('还没有账号？注册成为志愿者').click();
    await page.waitForURL((u) => u.pathname === '/register');
    const id = idNumber('19950505', 626);
    await page.getByLabel('姓名').fill('吴网报');
    await page.getByLabel('手机号').fill('13900005002');
    await page.getByRole('button', { name: /获取验证码/ }).click();
    await page.getByRole('button', { name: /秒后重发/ }).waitFor();
    // The toast is loaded on first use (it is not in the page's first load), styled.
    const toast = page.locator('.adm-toast-main').filter({ hasText: '验证码已发送至' });
    await toast.waitFor();
    expect(await toast.evaluate((el) => getComputedStyle(el).position)).not.toBe('static');
    await page.getByLabel('验证码').fill((await lastCodeTo(app.app, '13900005002')) as string);
    await page.getByLabel('登录密码').fill('Wu2026abcd');
    await page.getByLabel('身份证号').fill(id);
    await page.getByText('请选择您居住或工作的社区').click();
    await page.getByPlaceholder('搜索社区或街道名称').fill('北门外');
    await page.locator('.adm-check-list-item').filter({ hasText: '北门外社区' }).click();
    await page.getByText('鲸园街道 · 北门外社区').waitFor();
    await page.getByText('理论宣讲').click();
    await page.getByText('我已阅读并同意《志愿者服务承诺书》').click();
    await page.getByRole('button', { name: /提交注册/ }).click();
    await page.waitForURL((u) => u.pathname === '/h5/mine/volunteer');
    await page.getByText('您的注册正在等待所属社区审核').waitFor();
    const masked = `${id.slice(0, 4)}**********${id.slice(-4)}`;
    await page.getByText(masked).waitFor();
    expect(await page.content()).not.toContain(id);
    await page.getByRole('button', { name: /显示完整号码/ }).click();
    await page.getByText(id).waitFor();
    await context.close();
  });

  it('staff see masked numbers in the list and the full ID number only after the reveal', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.instituteAdmin);
    await page.getByRole('menuitem', { name: '志愿者' }).click();
    await page.getByRole('button', { name: '李志愿' }).waitFor();
    expect(await page.content()).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    await page.getByText('3710**********1233').waitFor();
    await page.getByRole('button', { name: '李志愿' }).click();
    await page.getByRole('button', { name: /查看完整号码/ }).click();
    await page.getByText(DEMO_VOLUNTEER_ID_NUMBER).waitFor();
    await page.getByText('已显示完整号码，此次查看已记入审计日志').waitFor();
    await context.close();
  });

  it('sets a password with a code sent by SMS from the sign-in page', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/login`);
    await page.getByText('忘记密码 / 首次设置密码').click();
    await page.waitForURL((u) => u.pathname === '/reset-password');
    // The sign-in page stays on screen until the page's chunk has loaded: wait for the new page.
    await page.getByText('通过手机验证码设置新密码', { exact: false }).waitFor();
    await page.getByLabel('手机号').fill(demo.judge);
    await page.getByRole('button', { name: /获取验证码/ }).click();
    await page.getByRole('button', { name: /秒后重发/ }).waitFor();
    await page.getByLabel('验证码').fill((await lastCodeTo(app.app, demo.judge)) as string);
    await page.getByLabel(/^新密码\*?$/).fill('Judge2026new');
    await page.getByRole('button', { name: /设置新密码/ }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await signInAs(page, app.url, demo.judge, 'Judge2026new');
    await context.close();
  });

  it('changes the phone from 我的志愿者档案 with a code sent to the new number', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.volunteer);
    await page.goto(`${app.url}/h5/mine/volunteer`);
    await page.getByText('138****0005').click();
    await page.getByLabel('新手机号').fill('13900005003');
    await page.getByRole('button', { name: /获取验证码/ }).click();
    await page.getByLabel('验证码').waitFor();
    await page.getByLabel('验证码').fill((await lastCodeTo(app.app, '13900005003')) as string);
    await page.getByRole('button', { name: /确认更换/ }).click();
    await page.waitForURL((u) => u.pathname === '/h5/mine/volunteer');
    await page.getByText('139****5003').waitFor();
    await context.close();
  });
});
