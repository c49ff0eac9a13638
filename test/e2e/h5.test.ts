/** The H5 app: 我的 shows who you are; changing the password checks input, shows server field errors, works. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('the H5 app in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('首页 shows the welcome card and marks unfinished services as 即将开放', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.volunteer);
    await page.getByRole('heading', { name: '志愿环翠' }).waitFor();
    const entries = page.locator('.lf-h5-entry:not(.lf-h5-entry-open)');
    expect(await entries.count()).toBeGreaterThan(0);
    for (const entry of await entries.all()) {
      expect(await entry.getAttribute('aria-disabled')).toBe('true');
      expect(await entry.textContent()).toContain('即将开放');
    }
    // 服务阵地 is open: it leads to the public site map.
    await page.locator('.lf-h5-entry-open').filter({ hasText: '服务阵地' }).click();
    await page.waitForURL((u) => u.pathname === '/sites/map');
    await context.close();
  });

  it('我的 shows the name, the masked phone and each role with its place', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.orgAdmin);
    await page.locator('.adm-tab-bar-item').filter({ hasText: '我的' }).click();
    await page.getByRole('heading', { name: '鲸园蓝队长' }).waitFor();
    await page.getByText('138****0004').waitFor();
    await page.getByText('组织管理员').waitFor();
    await page.getByText('鲸园蓝志愿服务队').waitFor();
    await context.close();
  });

  it('changing the password: client checks, the server’s field error, a stale CSRF token, then success', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.resident);
    await page.goto(`${app.url}/h5/mine`);
    await page.getByText('修改密码').click();
    await page.waitForURL((u) => u.pathname === '/h5/mine/password');

    const current = page.getByLabel(/^当前密码\*?$/);
    const next = page.getByLabel(/^新密码\*?$/);
    const confirm = page.getByLabel(/^确认新密码\*?$/);
    const submit = page.getByRole('button', { name: /确认修改/ });

    // Checked in the page: too short, and the two entries differ.
    await current.fill('Leifeng@2026');
    await next.fill('abc1');
    await confirm.fill('abc2');
    await submit.click();
    await page.getByText('密码至少8位').waitFor();
    await page.getByText('两次输入的新密码不一致').waitFor();

    // Checked by the server: a wrong current password comes back as a field error.
    await current.fill('Wrong@2026x');
    await next.fill('Newpass2026');
    await confirm.fill('Newpass2026');
    await submit.click();
    await page.getByText('当前密码不正确').waitFor();

    // A lost CSRF secret: the client fetches a fresh token and retries once, invisibly.
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name === '_csrf')).toBe(true);
    await context.clearCookies({ name: '_csrf' });
    const statuses: number[] = [];
    page.on('response', (r) => r.url().endsWith('/api/v1/auth/password') && statuses.push(r.status()));
    await current.fill('Leifeng@2026');
    await submit.click();
    await page.waitForURL((u) => u.pathname === '/h5/mine');
    await page.getByText('密码已修改，其他设备上的登录已失效').waitFor();
    expect(statuses).toEqual([403, 200]);

    // The new password works; the old one does not.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel(/手机号/).fill(demo.resident);
    await page.getByLabel(/^密码\*?$/).fill('Leifeng@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('手机号或密码不正确');
    await signInAs(page, app.url, demo.resident, 'Newpass2026');
    expect(new URL(page.url()).pathname).toBe('/h5');
    await context.close();
  });

  it('loads only its own code: no console (antd) chunk on /h5, no H5 chunk in the console', async () => {
    const { context, page } = await newPage(browser, phone);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await signInAs(page, app.url, demo.volunteer);
    await page.locator('.adm-tab-bar-item').filter({ hasText: '我的' }).click();
    await page.getByRole('heading', { name: '李志愿' }).waitFor();
    expect(scripts.some((s) => s.includes('/H5App-'))).toBe(true);
    expect(scripts.filter((s) => s.includes('/ConsoleApp-'))).toEqual([]);
    await context.close();

    const staff = await newPage(browser);
    const staffScripts: string[] = [];
    staff.page.on('request', (r) => r.resourceType() === 'script' && staffScripts.push(new URL(r.url()).pathname));
    await signInAs(staff.page, app.url, demo.keeper);
    await staff.page.locator('.ant-menu').waitFor();
    expect(staffScripts.some((s) => s.includes('/ConsoleApp-'))).toBe(true);
    expect(staffScripts.filter((s) => s.includes('/H5App-'))).toEqual([]);
    await staff.context.close();
  });
});
