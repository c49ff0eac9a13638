/**
 * 无定位签到 in the browser: the volunteer's phone refuses its position, so the order page offers
 * "无法定位？填写说明签到"; the volunteer checks in on a note, and the resident's timeline and the
 * keeper's console drawer show the step marked 无定位 with the note.
 *
 * With ORDERS_SHOTS=<folder> the pages are also saved as screenshots for a human look.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { type Client, demo, signIn } from '../server.js';
import {
  describeBrowser,
  desktop,
  launchBrowser,
  newPage,
  phone,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

const shots = process.env.ORDERS_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (!shots) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

const NOTE = '手机定位失败，已在 2 号楼门口见到王大爷，可电话核实';

/** A free request of 北门外 for next Saturday 10:00, dispatched to and accepted by the demo volunteer. */
async function acceptedOrder(app: WebApp) {
  const [resident, keeper, volunteer] = await Promise.all([
    signIn(app.app, demo.resident),
    signIn(app.app, demo.keeper),
    signIn(app.app, demo.volunteer),
  ]);
  const saturday = new Date();
  saturday.setUTCHours(2, 0, 0, 0);
  do saturday.setUTCDate(saturday.getUTCDate() + 1);
  while (saturday.getUTCDay() !== 6);
  const placed = await resident.post('/api/v1/orders', {
    categoryCode: 'convenience',
    title: '帮忙搬米',
    regionCode: '371002002005',
    address: '北门外社区 2 号楼',
    lng: 122.1205,
    lat: 37.5102,
    windowStart: saturday.toISOString(),
    windowEnd: new Date(saturday.getTime() + 3600_000).toISOString(),
  });
  const id = placed.json().id as string;
  const volunteerId = (await volunteer.get('/api/v1/me/volunteer')).json().id;
  for (const [client, action, body] of [
    [keeper, 'review'],
    [keeper, 'dispatch', { target: { kind: 'volunteer', volunteerId } }],
    [volunteer, 'accept'],
  ] as [Client, string, Record<string, unknown>?][]) {
    const res = await client.post(`/api/v1/orders/${id}/${action}`, body);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
  return id;
}

describeBrowser('checking in to an order without a position', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('offers 无法定位？填写说明签到, and the step shows 无定位 with the note to the resident and the keeper', async () => {
    const id = await acceptedOrder(app);
    // No geolocation permission: the browser refuses the position.
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/tasks/${id}`);
    await volunteer.page.getByRole('button', { name: '签到开始服务' }).click();
    const offer = volunteer.page.locator('.adm-dialog').getByRole('button', { name: '填写说明签到', exact: true });
    await offer.waitFor();
    await shot(volunteer.page, 'phone-check-in-no-location-offer');
    await offer.click();
    // The page keeps offering it after the dialog.
    await volunteer.page.getByRole('button', { name: '无法定位？填写说明签到' }).waitFor();
    await volunteer.page.getByText('无定位签到说明').waitFor();
    // Empty note: refused on the page.
    await volunteer.page.getByRole('button', { name: '确定' }).click();
    await volunteer.page.getByRole('alert').getByText('请填写签到说明').waitFor();
    await volunteer.page.getByPlaceholder(/请说明您在哪里/).fill(NOTE);
    await shot(volunteer.page, 'phone-check-in-note');
    await volunteer.page.getByRole('button', { name: '确定' }).click();
    await volunteer.page.locator('.lf-order-state').filter({ hasText: '服务中' }).waitFor();
    await volunteer.page.locator('.lf-step-flag').filter({ hasText: '无定位' }).waitFor();

    const resident = await newPage(browser, phone);
    await signInAs(resident.page, app.url, demo.resident);
    await resident.page.goto(`${app.url}/h5/orders/${id}`);
    const step = resident.page.locator('.adm-step').filter({ hasText: '签到开始服务' });
    await step.locator('.lf-step-flag').filter({ hasText: '无定位' }).waitFor();
    await step.getByText(NOTE).waitFor();
    await shot(resident.page, 'phone-order-no-location');

    const keeper = await newPage(browser, desktop);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/orders/${id}`);
    const drawer = keeper.page.locator('.ant-drawer');
    await drawer.locator('.ant-tag').filter({ hasText: '无定位' }).first().waitFor();
    await drawer.getByText(NOTE).first().waitFor();
    await shot(keeper.page, 'desktop-order-drawer-no-location');

    // Once served, the resident may block the volunteer (屏蔽) and undo it.
    const done = await (await signIn(app.app, demo.volunteer)).post(`/api/v1/orders/${id}/complete`, {
      summary: '米已搬上楼',
    });
    if (done.statusCode !== 200) throw new Error(done.body);
    await resident.page.reload();
    await resident.page.getByText('为您服务的志愿者：李志愿').waitFor();
    await shot(resident.page, 'phone-order-block-offer');
    await resident.page.getByRole('button', { name: '屏蔽', exact: true }).click();
    await resident.page
      .locator('.adm-dialog')
      .getByRole('button', { name: /确定|确认/ })
      .click();
    await resident.page.getByText('已屏蔽 李志愿').waitFor();
    await shot(resident.page, 'phone-order-blocked');
    await resident.page.getByRole('button', { name: '撤销屏蔽' }).click();
    await resident.page.getByText('为您服务的志愿者：李志愿').waitFor();
  });
});
