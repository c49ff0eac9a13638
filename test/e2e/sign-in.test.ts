/** Every demo role signs in through the real page and lands in its own layout; errors read in Chinese. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoAccounts } from '../../src/server/demo/seed-demo.js';
import { demo } from '../server.js';
import { lastCodeTo } from '../sms.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

const staff = new Set(['station_keeper', 'institute_admin', 'centre_admin']);

describeBrowser('signing in through the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const account of demoAccounts) {
    const home = staff.has(account.role) ? '/console' : '/h5';
    it(`${account.label} (${account.phone}) lands on ${home} and sees their name`, async () => {
      const { context, page } = await newPage(browser, home === '/console' ? undefined : phone);
      await signInAs(page, app.url, account.phone);
      expect(new URL(page.url()).pathname).toBe(home);
      if (home === '/console') {
        await poll(() => page.locator('.lf-console-user').textContent()).toBe(account.displayName);
        await page.locator('.ant-menu').waitFor();
      } else {
        await page.getByText(`${account.displayName}，您好！`).waitFor();
        await page.locator('.adm-tab-bar').waitFor();
      }
      // Signed in, the root address leads home instead of to the login page.
      await page.goto(`${app.url}/`);
      await page.waitForURL((u) => u.pathname === home);
      await context.close();
    });
  }

  it('a wrong password shows the server’s Chinese message and stays on the login page', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/手机号/).fill(demo.volunteer);
    await page.getByLabel(/^密码\*?$/).fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('手机号或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('checks the phone number before asking the server', async () => {
    const { context, page } = await newPage(browser, phone);
    const logins: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/v1/auth/login') && logins.push(r.url()));
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/手机号/).fill('12345');
    await page.getByLabel(/^密码\*?$/).fill('whatever1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('请输入正确的11位手机号').waitFor();
    expect(logins).toEqual([]);
    await context.close();
  });

  it('pages need a session: /console and /h5 send a visitor to /login, and back after signing in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/console/sites`);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel(/手机号/).fill(demo.keeper);
    await page.getByLabel(/^密码\*?$/).fill('Leifeng@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/console/sites');
    await page.getByText('北门外社区新时代文明实践站').waitFor();

    // Signing out ends the session: the console is closed again.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto(`${app.url}/console`);
    await page.waitForURL((u) => u.pathname === '/login');
    await context.close();
  });

  it('a volunteer opening /console is told it is not for them', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.volunteer);
    await page.goto(`${app.url}/console`);
    await page.getByText('您的账号没有管理后台权限').waitFor();
    await context.close();
  });

  it('unknown addresses show a Chinese 404 page', async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto(`${app.url}/no/such/page`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await context.close();
  });

  // Last: the demo volunteer's phone is a different one afterwards.
  it('a volunteer moves their sign-in to a new phone with the code sent to it, and signs in with it', async () => {
    const newPhone = '13900007001';
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.volunteer);
    await page.goto(`${app.url}/h5/mine/volunteer`);
    await page.getByText('手机号', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/h5/mine/volunteer/phone');
    await page.getByLabel('新手机号').fill(newPhone);
    await page.getByRole('button', { name: /获取验证码/ }).click();
    await page.getByText('验证码已发送到新手机号').waitFor();
    const code = (await lastCodeTo(app.app, newPhone)) as string;
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code: the server's message shows under the code field, and nothing moves.
    await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: /确认更换/ }).click();
    await page.locator('.adm-form-item-feedback-error').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/h5/mine/volunteer/phone');

    await page.getByLabel('验证码').fill(code);
    await page.screenshot({ path: '/tmp/shots/change-phone.png', fullPage: true });
    await page.getByRole('button', { name: /确认更换/ }).click();
    await page.waitForURL((u) => u.pathname === '/h5/mine/volunteer');
    await page.getByText(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`).waitFor();
    await context.close();

    // The new phone signs in; the old one no longer does.
    const fresh = await newPage(browser, phone);
    await signInAs(fresh.page, app.url, newPhone);
    expect(new URL(fresh.page.url()).pathname).toBe('/h5');
    await fresh.context.close();
    const old = await newPage(browser, phone);
    await old.page.goto(`${app.url}/login`);
    await old.page.getByLabel(/手机号/).fill(demo.volunteer);
    await old.page.getByLabel(/^密码\*?$/).fill('Leifeng@2026');
    await old.page.getByRole('button', { name: /登\s*录/ }).click();
    await poll(() => old.page.getByRole('alert').textContent()).toBe('手机号或密码不正确');
    await old.context.close();
  });
});
