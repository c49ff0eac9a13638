/**
 * 通知设置 on H5: from 我的 to the page, a text reminder switched on for orders, WeChat bound through
 * the demo WeChat's authorisation (the page is its return page), WeChat reminders for orders switched
 * off, and WeChat unbound again — each change read back from the API.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

interface Prefs {
  topics: { topic: string; sms: boolean; wechat: boolean }[];
  wechat: { bound: boolean; demo: boolean };
}

describeBrowser('notification settings on H5', () => {
  let app: WebApp;
  let browser: Browser;
  let resident: Client;
  const prefs = async () => (await resident.get('/api/v1/me/notification-preferences')).json() as Prefs;
  const orderPref = async () => (await prefs()).topics.find((p) => p.topic === 'order');

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    resident = await signIn(app.app, demo.resident);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('switches reminders per kind of message, binds WeChat through its return page and unbinds it', async () => {
    const before = await prefs();
    expect(before.wechat).toMatchObject({ bound: false, demo: true });
    expect(before.topics.find((p) => p.topic === 'order')).toMatchObject({ sms: false });

    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.resident);
    await page.goto(`${app.url}/h5/mine`);
    await page.getByText('通知设置').click();
    await page.waitForURL((u) => u.pathname === '/h5/settings/notifications');

    const orderSms = page.getByRole('switch', { name: '订单 短信' });
    const orderWechat = page.getByRole('switch', { name: '订单 微信' });
    await orderSms.waitFor();
    // WeChat reminders wait for a bound WeChat.
    expect(await orderWechat.getAttribute('aria-disabled')).toBe('true');
    await orderSms.click();
    await poll(async () => (await orderPref())?.sms).toBe(true);
    expect(await orderSms.getAttribute('aria-checked')).toBe('true');

    // 绑定微信: the demo WeChat sends the browser straight back here with code and state.
    await page.getByRole('button', { name: '绑定微信' }).click();
    await page.getByText('已绑定微信').waitFor();
    await poll(() => new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/h5/settings/notifications');
    expect((await prefs()).wechat.bound).toBe(true);

    // Bound, WeChat reminders are on by default and can be switched off per kind.
    await poll(() => orderWechat.getAttribute('aria-disabled')).toBe('false');
    expect(await orderWechat.getAttribute('aria-checked')).toBe('true');
    await orderWechat.click();
    await poll(async () => (await orderPref())?.wechat).toBe(false);
    expect((await orderPref())?.sms).toBe(true);

    // 解除绑定, confirmed.
    await page.getByRole('button', { name: '解除绑定' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('未绑定微信').waitFor();
    expect((await prefs()).wechat.bound).toBe(false);
    await context.close();
  }, 120_000);
});
