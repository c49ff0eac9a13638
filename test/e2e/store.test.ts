/**
 * The pioneer store in the browser: a volunteer with points redeems 洗衣液 at 大世界雷锋岗 on H5 and
 * sees the pickup code; the keeper types the code at the console desk and hands it over; the
 * volunteer then sees the redemption as 已领取.
 */

import { mkdirSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { organisations } from '../../src/server/modules/organisations/index.js';
import {
  openIssuanceAccount,
  openVolunteerPointsAccount,
  pointsBalance,
} from '../../src/server/modules/points/index.js';
import { postTransaction } from '../../src/server/platform/ledger.js';
import { makeUser, userIdOf } from '../people.js';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('pioneer store in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  /** The demo volunteer's balance with the 1000 points given here (the demo seeds a few awards too). */
  let start = 0;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const db = app.database.db;
    const userId = await userIdOf(app.database, demo.volunteer);
    const tenantId = '371002';
    const issuance = await openIssuanceAccount(db, tenantId);
    const volunteer = await openVolunteerPointsAccount(db, tenantId, userId);
    await postTransaction(db, tenantId, {
      kind: 'points.test',
      entries: [
        { accountId: issuance.id, amount: -1000 },
        { accountId: volunteer.id, amount: 1000 },
      ],
      memo: '浏览器测试发放',
    });
    start = await pointsBalance(db, tenantId, userId);
    expect(start).toBeGreaterThanOrEqual(1000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('redeems 洗衣液 on H5, the keeper hands it over by code, the volunteer sees 已领取', async () => {
    const volunteer = await newPage(browser, phone);
    const v = volunteer.page;
    await signInAs(v, app.url, demo.volunteer);
    await v.goto(`${app.url}/h5/mine`);
    await v.getByText('积分兑换先锋超市').click({ timeout: 30_000 });
    await v.getByText('大世界雷锋岗').first().click();
    await v.getByTestId('store-balance').getByText(`${start} 分`).waitFor();
    const card = v.getByTestId('store-goods').filter({ hasText: '洗衣液' });
    await card.getByRole('button', { name: /兑\s*换/ }).click();
    await v
      .getByTestId('balance-after')
      .getByText(`${start - 200} 分`)
      .waitFor();
    await v.getByRole('button', { name: /确认兑换/ }).click();
    await v.waitForURL((u) => u.pathname === '/h5/store/redemptions');
    const mine = v.getByTestId('redemption').filter({ hasText: '洗衣液' });
    await mine.getByText('待领取').waitFor();
    await mine.getByRole('img', { name: '取货码' }).waitFor();
    const digits = (await mine.getByTestId('pickup-code').textContent())?.replace(/\D/g, '') ?? '';
    expect(digits).toMatch(/^\d{8}$/);

    const keeper = await newPage(browser);
    const k = keeper.page;
    await signInAs(k, app.url, demo.keeper);
    await k.goto(`${app.url}/console/store`);
    await k.getByRole('menuitem', { name: /先锋超市/ }).waitFor({ timeout: 30_000 });
    await k.getByLabel('取货码').fill(digits);
    await k.getByRole('button', { name: /查\s*询/ }).click();
    const found = k.getByTestId('desk-redemption');
    await found.getByText('李志愿').waitFor();
    await found.getByText('洗衣液 × 1').waitFor();
    await k.getByRole('button', { name: /确认发放/ }).click();
    await found.getByTestId('desk-status').getByText('已领取').waitFor();
    await k.getByRole('tab', { name: '今日领取' }).click();
    await k.getByRole('cell', { name: '洗衣液 × 1' }).waitFor();
    await keeper.context.close();

    await v.reload();
    await poll(async () => (await mine.getByTestId('redemption-status').textContent())?.trim()).toBe('已领取');
    await poll(() => mine.getByTestId('pickup-code').count()).toBe(0);
    await volunteer.context.close();
  }, 240_000);

  it('shows a caring merchant’s manager the goods it donated and how many were redeemed', async () => {
    const [merchant] = await app.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'caring_merchant'), eq(organisations.name, '鲸园暖心便民超市')));
    const manager = await makeUser(app.database, { grants: [{ role: 'org_admin', organisationId: merchant?.id }] });
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, manager.phone);
    await page.goto(`${app.url}/h5/store`);
    await page.getByRole('button', { name: '我的爱心商户' }).click({ timeout: 30_000 });
    const card = page.getByTestId('merchant').filter({ hasText: '鲸园暖心便民超市' });
    await card.waitFor();
    await card.getByTestId('merchant-goods').filter({ hasText: '洗衣液' }).waitFor();
    expect(await page.getByTestId('merchant').count()).toBe(1);
    mkdirSync('/tmp/shots/store', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/store/merchant-donations.png', fullPage: true });
    await context.close();
  }, 240_000);
});
