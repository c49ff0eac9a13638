/** Language and elder mode: switched in the UI, applied to both layouts, remembered across visits. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

/** Read in one step in the page, so a list re-rendered by arriving data cannot detach the element mid-read. */
const fontSize = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`${sel} is not on the page yet`);
    return Number.parseFloat(getComputedStyle(el).fontSize);
  }, selector);

describeBrowser('language and elder mode in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('switching to English changes the console text and is remembered after a reload', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.instituteAdmin);
    await page.getByRole('menuitem', { name: '概览' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Subdistricts', { exact: true }).waitFor();

    await page.reload();
    await page.getByRole('menuitem', { name: 'Regions' }).click();
    await page.getByText('The region tree in your scope', { exact: false }).waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('menuitem', { name: '区域' }).waitFor();
    await context.close();
  });

  it('the login page switches language too, and server errors follow it', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/login`);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome to Volunteer Huancui' }).waitFor();
    await page.getByLabel(/Mobile number/).fill(demo.resident);
    await page.getByLabel(/^Password\*?$/).fill('not-my-password1');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('Wrong phone number or password');
    await context.close();
  });

  it('elder mode enlarges the base font in the console, and is remembered', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.locator('.ant-menu-item').first().waitFor();
    expect(await fontSize(page, 'body')).toBeLessThan(20);
    expect(await fontSize(page, '.ant-menu-item')).toBeLessThan(20);

    await page.getByRole('switch', { name: '长辈模式' }).click();
    await poll(() => fontSize(page, 'body')).toBeGreaterThanOrEqual(20);
    await poll(() => fontSize(page, '.ant-menu-item')).toBeGreaterThanOrEqual(20);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    const menuItem = await page.locator('.ant-menu-item').first().boundingBox();
    expect(menuItem?.height).toBeGreaterThanOrEqual(48);

    await page.reload();
    await page.locator('.ant-menu-item').first().waitFor();
    expect(await fontSize(page, '.ant-menu-item')).toBeGreaterThanOrEqual(20);
    await context.close();
  });

  it('elder mode enlarges the H5 app on a phone', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.resident);
    await page.locator('.adm-tab-bar-item').filter({ hasText: '我的' }).click();
    await page.waitForURL((u) => u.pathname === '/h5/mine');
    // 我的 has drawn (its own switch is there), not the page it replaces while its code loads.
    await page.getByRole('switch', { name: '长辈模式' }).waitFor();
    const before = await fontSize(page, '.adm-list-item-content-main');
    expect(before).toBeLessThan(20);
    await page.getByRole('switch', { name: '长辈模式' }).click();
    await poll(() => fontSize(page, '.adm-list-item-content-main')).toBeGreaterThanOrEqual(20);
    await poll(() => fontSize(page, 'body')).toBeGreaterThanOrEqual(20);
    await context.close();
  });
});
