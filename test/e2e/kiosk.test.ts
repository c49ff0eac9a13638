/**
 * A resident without an account orders at the kiosk standing in 北门外's station (a tablet, no
 * sign-in): taps 上门理发, gives name, phone and address, gets an order number; the station's
 * keeper finds that order in the console queue, marked 自助终端.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sites } from '../../src/server/modules/sites/index.js';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, shot, signInAs, startWebApp, type WebApp } from './browser.js';

const tablet = { width: 820, height: 1180 };

describeBrowser('ordering at a station kiosk in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  let stationId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const [station] = await app.database.db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.kind, 'station'), eq(sites.regionCode, '371002002005')));
    stationId = station?.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('places an order without signing in, and the keeper sees it in the queue', async () => {
    const { page } = await newPage(browser, tablet);
    await page.goto(`${app.url}/kiosk/${stationId}`);
    await page.getByText('请点选您需要的服务').waitFor();
    await shot(page, 'kiosk-menu');
    await page.getByRole('button', { name: /助老服务 · 上门理发/ }).click();
    await page.getByPlaceholder('例如：王大爷').fill('孙大爷');
    await page.getByPlaceholder('11 位手机号，方便志愿者联系您').fill('1390535');
    await page.getByRole('button', { name: '提交订单' }).click();
    await page.getByText('请输入 11 位手机号').waitFor();
    await page.getByPlaceholder('11 位手机号，方便志愿者联系您').fill('13905350188');
    await page.getByPlaceholder('小区、楼号、单元、门牌').fill('北门外社区 3 号楼 2 单元 101');
    await page.getByText('下午 2–5 点').click();
    await shot(page, 'kiosk-form');
    await page.getByRole('button', { name: '提交订单' }).click();
    const receipt = await page.getByTestId('kiosk-number').textContent();
    const number = /D\d{8}[0-9A-F]{6}/.exec(receipt ?? '')?.[0];
    expect(number, receipt ?? '').toBeTruthy();
    await shot(page, 'kiosk-done');
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByText('请点选您需要的服务').waitFor();

    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/orders`);
    const row = keeper.page.locator('tr').filter({ hasText: number as string });
    await row.getByRole('button', { name: '助老服务 · 上门理发' }).click();
    await keeper.page
      .locator('.ant-drawer')
      .getByText(/^自助终端下单（北门外社区新时代文明实践站）$/)
      .waitFor();
  });
});
