/**
 * The stall keeper's phone at a charity sale: a sale recorded online shows in the stall's live
 * total; sales recorded while the phone is offline wait on the phone and go when it is back
 * online; a send whose answer is lost is sent again with the same Idempotency-Key. Every sale is
 * recorded exactly once on the server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo, signIn } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  poll,
  shot,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

describeBrowser('a stall keeper records sales on the phone, also offline', () => {
  let app: WebApp;
  let browser: Browser;
  let eventId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const institute = await signIn(app.app, demo.instituteAdmin);
    const keeper = await signIn(app.app, demo.keeper);
    const fund = (
      await institute.post('/api/v1/charity/funds', { name: '摊位测试基金', regionCode: '371002002' })
    ).json();
    const event = await keeper.post('/api/v1/charity/events', {
      title: '雷锋巷爱心义卖（摊位测试）',
      heldOn: '2026-03-05',
      regionCode: '371002002005',
      address: '雷锋巷',
      fundId: fund.id,
    });
    eventId = event.json().id;
    const stall = await keeper.post(`/api/v1/charity/events/${eventId}/stalls`, {
      name: '王家图书角',
      holderKind: 'family',
      holderName: '王家志愿之家',
      category: 'books',
      keeperPhone: demo.volunteer,
    });
    expect(stall.statusCode, stall.body).toBe(201);
    expect((await keeper.post(`/api/v1/charity/events/${eventId}/open`)).statusCode).toBe(200);
    // Under a busy machine the web build and the demo database take minutes.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const serverSales = async () => {
    const keeper = await signIn(app.app, demo.keeper);
    return (await keeper.get(`/api/v1/charity/events/${eventId}/sales?limit=200`)).json().items as {
      amountFen: number;
      method: string;
      paymentRef: string | null;
    }[];
  };
  const total = (page: Page) => page.getByTestId('stall-total').textContent();
  const record = async (page: Page, amount: string, method?: string, ref?: string) => {
    await page.getByPlaceholder('例如 25 或 12.5').fill(amount);
    if (method) await page.locator('.adm-selector-item').filter({ hasText: method }).click();
    if (ref) await page.getByPlaceholder('微信/支付宝账单里的交易单号').fill(ref);
    await page.getByRole('button', { name: '记一笔' }).click();
  };

  it('records online, queues offline, sends once when back online', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.volunteer);
    await page.goto(`${app.url}/h5/charity`);
    await page.getByText('王家图书角').waitFor();
    await poll(() => total(page)).toBe('¥0.00');

    await record(page, '25');
    await poll(() => total(page)).toBe('¥25.00');
    await shot(page, 'h5-charity-stall');

    // Offline: two sales wait on the phone; the server has neither.
    await context.setOffline(true);
    await page.getByText('当前离线').waitFor();
    await record(page, '12.5', '微信支付', 'WX4200000123');
    await page.getByTestId('sale-queue').filter({ hasText: '待发送 1 笔' }).waitFor();
    // The method stays as last chosen: back to cash.
    await record(page, '8', '现金');
    await page.getByTestId('sale-queue').filter({ hasText: '待发送 2 笔，共 ¥20.50' }).waitFor();
    await shot(page, 'h5-charity-offline');
    expect((await serverSales()).map((s) => s.amountFen)).toEqual([2500]);

    // Back online, but the answer to the first send is lost: the server recorded it, the phone
    // does not know and keeps it. Sending it again with the same key records nothing new.
    let lost = 0;
    await page.route('**/api/v1/charity/stalls/*/sales', async (route) => {
      if (lost > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
      lost += 1;
    });
    await context.setOffline(false);
    await poll(() => lost).toBe(1);
    await page.unroute('**/api/v1/charity/stalls/*/sales');
    await page.getByRole('button', { name: '立即发送' }).click();
    await page.getByTestId('sale-queue').waitFor({ state: 'detached' });
    await poll(() => total(page)).toBe('¥45.50');

    const sales = await serverSales();
    expect(sales.map((s) => s.amountFen).sort((a, b) => a - b)).toEqual([800, 1250, 2500]);
    expect(sales.find((s) => s.amountFen === 1250)).toMatchObject({ method: 'wechat', paymentRef: 'WX4200000123' });
    expect(await page.evaluate(() => localStorage.getItem('lf.charity.saleQueue'))).toBe('[]');
    await context.close();
  }, 180_000);

  it('shows another keeper no stall of this one', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.resident);
    await page.goto(`${app.url}/h5/charity`);
    await page.getByText('您目前没有看管的义卖摊位').waitFor();
    expect(await page.getByText('王家图书角').count()).toBe(0);
    await context.close();
  });
});
