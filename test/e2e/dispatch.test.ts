/**
 * The dispatcher's tools in the browser: batch dispatch (the engine's whole-queue assignment,
 * previewed, trimmed and confirmed), the dispatch map and the order time limits.
 *
 * With ORDERS_SHOTS=<folder> the pages are also saved as screenshots for a human look.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous, type Client, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, poll, signInAs, startWebApp, type WebApp } from './browser.js';
import { saturdayMorning } from './first-aid-order.js';

const shots = process.env.ORDERS_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (!shots) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

describeBrowser('dispatcher tools in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  let resident: Client;
  let keeper: Client;
  let haircut: string;

  /** A resident's haircut order in 北门外社区, reviewed by the keeper: waiting for dispatch. */
  async function reviewedOrder(address: string, point: { lng?: number; lat?: number } = {}) {
    const start = saturdayMorning();
    const placed = await resident.post('/api/v1/orders', {
      menuItemId: haircut,
      regionCode: '371002002005',
      address,
      ...point,
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 3600_000).toISOString(),
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const id = placed.json().id as string;
    expect((await keeper.post(`/api/v1/orders/${id}/review`)).statusCode).toBe(200);
    return id;
  }
  const stateOf = async (id: string) => (await keeper.get(`/api/v1/orders/${id}`)).json().state as string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    resident = await signIn(app.app, demo.resident);
    keeper = await signIn(app.app, demo.keeper);
    const menu = (await anonymous(app.app).get('/api/v1/public/menu-items?category=elderly_disabled')).json().items;
    haircut = menu.find((i: { title: string }) => i.title === '助老服务 · 上门理发').id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('批量派单: previews every order to dispatch with volunteer, distance, reasons and total cost; sends only what is confirmed', async () => {
    const first = await reviewedOrder('北门外社区 7 号楼');
    const second = await reviewedOrder('北门外社区 8 号楼');
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/orders`);
    await page.getByRole('button', { name: '批量派单' }).click();
    const dialog = page.getByRole('dialog');
    const rows = dialog.locator('.lf-batch-table tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      await row.getByText('助老服务 · 上门理发').waitFor();
      await row.getByText('李志愿').waitFor();
      await row.getByText(/^\d+(\.\d)? k?m$/).waitFor();
      await row.getByText(/助老助残/).waitFor();
    }
    await dialog.getByText(/^总成本 [\d.]+（步行公里当量，越低越好）$/).waitFor();
    await shot(page, 'desktop-console-batch');
    // Nothing is sent by looking.
    expect([await stateOf(first), await stateOf(second)]).toEqual(['reviewed', 'reviewed']);

    // The dispatcher leaves the second order out and confirms the first.
    const numberOf = async (id: string) => (await keeper.get(`/api/v1/orders/${id}`)).json().number as string;
    await rows
      .filter({ hasText: await numberOf(second) })
      .getByRole('checkbox')
      .uncheck();
    await dialog.getByRole('button', { name: '确认派出 1 张' }).click();
    await page.getByText('已派出 1 张订单').waitFor();
    expect([await stateOf(first), await stateOf(second)]).toEqual(['dispatched', 'reviewed']);
    const sent = (await keeper.get(`/api/v1/orders/${first}`)).json();
    expect(sent.target.volunteer.name).toBe('李志愿');

    // The next preview holds only what is still waiting.
    await page.getByRole('button', { name: '批量派单' }).click();
    await poll(() => rows.count()).toBe(1);
    await rows.getByText(await numberOf(second)).waitFor();
    await context.close();
  }, 120_000);

  it('派单地图: the queue’s orders are on the map; a selected order shows its candidates there, and one click dispatches', async () => {
    const near = await reviewedOrder('北门外社区 9 号楼', { lng: 122.1205, lat: 37.5102 });
    await reviewedOrder('北门外社区 10 号楼', { lng: 122.1231, lat: 37.5087 });
    const queue = (await keeper.get('/api/v1/orders?queue=mine&limit=50')).json().items as {
      id: string;
      lng: number | null;
    }[];
    const withPoint = queue.filter((o) => o.lng !== null);
    expect(withPoint.length).toBeGreaterThanOrEqual(2);
    const candidates = (await keeper.get(`/api/v1/orders/${near}/candidates?k=5`)).json().items as { name: string }[];
    expect(candidates.length).toBeGreaterThan(0);

    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/orders`);
    await page.getByRole('button', { name: '派单地图' }).click();
    const map = page.locator('.lf-dispatch-map-card');
    await map.locator('.lf-dispatch-map .leaflet-container').waitFor();
    // One marker per visible order with a point, none for candidates before an order is chosen.
    await poll(() => map.locator('path.lf-dispatch-order').count()).toBe(withPoint.length);
    expect(await map.locator('path.lf-dispatch-candidate').count()).toBe(0);

    // Clicking a marker selects its order: it is ringed and its candidates appear on the map and in the list.
    await map.locator('path.lf-dispatch-order').first().dispatchEvent('click');
    await poll(() => map.locator('path.lf-dispatch-selected').count()).toBe(1);
    await map.getByRole('button', { name: '待办订单' }).click();
    await poll(() => map.locator('path.lf-dispatch-candidate').count()).toBe(0);

    // Choosing the 9 号楼 order from the list shows its candidates, the top one being 李志愿.
    await map.locator('.lf-dispatch-queue').getByRole('button').first().waitFor();
    const numberOfNear = (await keeper.get(`/api/v1/orders/${near}`)).json().number as string;
    expect(numberOfNear).toBeTruthy();
    const pickNear = async () => {
      const buttons = map.locator('.lf-dispatch-queue .ant-list-item');
      for (const item of await buttons.all()) {
        await item.getByRole('button').click();
        if (
          await map
            .getByText('北门外社区 · 北门外社区 9 号楼')
            .or(map.getByText(/北门外社区 9 号楼$/))
            .count()
        )
          return;
        await map.getByRole('button', { name: '待办订单' }).click();
      }
      throw new Error('the 9 号楼 order is not in the map queue');
    };
    await pickNear();
    await poll(() => map.locator('path.lf-dispatch-candidate').count()).toBe(candidates.length);
    const list = map.locator('.lf-dispatch-candidates');
    await list.getByText(`1. ${candidates[0]?.name}`).waitFor();
    await shot(page, 'desktop-console-dispatch-map');
    await list.getByRole('button', { name: '派给TA' }).first().click();
    await page.getByText('已派单').first().waitFor();
    await poll(() => stateOf(near)).toBe('dispatched');
    await context.close();
  }, 120_000);

  it('订单时限: a centre admin changes the acceptance limit; a keeper reads it but cannot change it', async () => {
    const admin = await newPage(browser);
    await signInAs(admin.page, app.url, demo.centreAdmin);
    await admin.page.getByRole('menuitem', { name: '订单时限' }).click();
    await admin.page.waitForURL((u) => u.pathname === '/console/orders/settings');
    const accept = admin.page.getByLabel('接单时限（分钟）');
    await poll(() => accept.inputValue()).toBe('60');
    await accept.fill('90');
    await admin.page.getByText('接单 1.5 小时；紧急订单审核 60 分钟、接单 45 分钟').waitFor();
    await shot(admin.page, 'desktop-console-order-settings');
    await admin.page.getByRole('button', { name: /^保\s*存$/ }).click();
    await admin.page.getByText(/^已保存/).waitFor();
    expect((await keeper.get('/api/v1/order-settings')).json()).toMatchObject({ acceptLimitMinutes: 90 });

    const station = await newPage(browser);
    await signInAs(station.page, app.url, demo.keeper);
    await station.page.goto(`${app.url}/console/orders/settings`);
    await station.page.getByText('仅中心管理员可修改时限').waitFor();
    await poll(() => station.page.getByLabel('接单时限（分钟）').inputValue()).toBe('90');
    expect(await station.page.getByLabel('接单时限（分钟）').isDisabled()).toBe(true);
    expect(await station.page.getByRole('button', { name: /^保\s*存$/ }).count()).toBe(0);
    await admin.context.close();
    await station.context.close();
  }, 120_000);
});
