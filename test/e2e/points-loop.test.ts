import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pointsBalance } from '../../src/server/modules/points/index.js';
import { userIdOf } from '../people.js';
import { demo, signIn } from '../server.js';
import { anHourLater, publishedBlueSaturday, screenCode, signUpOnPhone } from './activity-phone.js';
import { describeBrowser, launchBrowser, newPage, poll, shot, signInAs, startWebApp, type WebApp } from './browser.js';

const _MINUTE = 60_000;

interface Line {
  entryId: number;
  kind: string;
  reason: string | null;
  amount: number;
  balanceAfter: number;
  redemptionStatus: string | null;
}

describeBrowser('points from an activity to the pioneer store, in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('activity → check in and out → confirmed → points credited → 洗衣液 redeemed → handed over → statement', async () => {
    const db = app.database.db;
    const keeperApi = await signIn(app.app, demo.keeper);
    const volunteerApi = await signIn(app.app, demo.volunteer);
    const adminApi = await signIn(app.app, demo.centreAdmin);
    const volunteerId = await userIdOf(app.database, demo.volunteer);
    const sites = (await keeperApi.get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id as string;
    const shop = (await volunteerApi.get(`/api/v1/store/stores/${siteId}`)).json();
    const soap = shop.goods.find((g: { name: string }) => g.name === '洗衣液');
    expect(soap, JSON.stringify(shop.goods.map((g: { name: string }) => g.name))).toBeTruthy();
    // The tenant's rule: one hour of service buys one 洗衣液.
    const rules = (await adminApi.get('/api/v1/points/settings')).json();
    const set = await adminApi.request({
      method: 'PUT',
      url: '/api/v1/points/settings',
      payload: { ...rules, pointsPerHour: soap.pricePoints },
    });
    expect(set.statusCode, set.body).toBe(200);
    const settings = set.json();

    const title = '蓝色周六 · 积分闭环（浏览器测试）';
    const { activity, sessionId } = await publishedBlueSaturday(app, keeperApi, siteId, title);
    const before = (await volunteerApi.get('/api/v1/me/points')).json();
    const lastEntry = (before.items[0]?.entryId as number | undefined) ?? 0;

    // Sign-up on the phone.
    const { context, page: v } = await signUpOnPhone(browser, app.url, activity.id, sessionId);

    // Check in with the code on the station's screen; an hour later (the window moved back), check out.
    const keeper = await newPage(browser);
    const k = keeper.page;
    await signInAs(k, app.url, demo.keeper);
    await k.goto(`${app.url}/console/activities/display?session=${sessionId}`);
    await k.getByRole('img', { name: '签到大屏' }).waitFor({ timeout: 30_000 });
    await v.goto(`${app.url}/h5/checkin`);
    await v.getByRole('textbox', { name: '6位签到码' }).fill(await screenCode(k));
    await v.getByRole('button', { name: /^签\s*到$/ }).click();
    await v.getByText('签到成功').waitFor();
    await anHourLater(app, sessionId);
    await v.getByRole('button', { name: '活动签到' }).click();
    await v.getByRole('textbox', { name: '6位签到码' }).fill(await screenCode(k));
    await v.getByRole('button', { name: /^签\s*退$/ }).click();
    await v.getByText('签退成功，服务时长待组织者确认').waitFor();

    // The keeper confirms the pending hour in the console.
    await k.goto(`${app.url}/console/hours`);
    const row = k.locator('tr').filter({ hasText: `蓝色周六·${title}` });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await k.getByRole('button', { name: /确认选中的 1 条/ }).click();
    await k.getByText('已确认 1 条').waitFor();
    const records = (await volunteerApi.get('/api/v1/me/service-records')).json().items;
    const record = records.find((r: { content: string }) => r.content.includes(title));
    expect(record).toMatchObject({ status: 'confirmed' });

    // The earning job credits it, by the tenant's rules; a second run credits nothing more.
    await app.app.jobs.send('points.earn');
    await app.app.jobs.runDue();
    await app.app.jobs.send('points.earn');
    await app.app.jobs.runDue();
    const earned = (await volunteerApi.get('/api/v1/me/points')).json();
    const newLines = (earned.items as Line[]).filter((l) => l.entryId > lastEntry);
    const hoursPoints = Math.round((record.minutes * settings.pointsPerHour) / 60);
    expect(newLines.filter((l) => l.kind === 'points.earn.hours').map((l) => l.amount)).toEqual([hoursPoints]);
    expect(newLines.filter((l) => l.kind === 'points.earn.activity').map((l) => l.amount)).toEqual(
      settings.activityCompletionPoints > 0 ? [settings.activityCompletionPoints] : [],
    );
    const credited = newLines.reduce((sum, l) => sum + l.amount, 0);
    expect(earned.balance).toBe(before.balance + credited);
    expect(earned.balance).toBe(await pointsBalance(db, '371002', volunteerId));
    expect(earned.balance).toBeGreaterThanOrEqual(soap.pricePoints);

    // The volunteer redeems 洗衣液 at 大世界雷锋岗 on H5.
    await v.goto(`${app.url}/h5/mine`);
    await v.getByText('积分兑换先锋超市').click({ timeout: 30_000 });
    await v.getByText('大世界雷锋岗').first().click();
    await v.getByTestId('store-balance').getByText(`${earned.balance} 分`).waitFor();
    const card = v.getByTestId('store-goods').filter({ hasText: '洗衣液' });
    await card.getByRole('button', { name: /兑\s*换/ }).click();
    await v
      .getByTestId('balance-after')
      .getByText(`${earned.balance - soap.pricePoints} 分`)
      .waitFor();
    await v.getByRole('button', { name: /确认兑换/ }).click();
    await v.waitForURL((u) => u.pathname === '/h5/store/redemptions');
    const mine = v.getByTestId('redemption').filter({ hasText: '洗衣液' }).first();
    await mine.getByText('待领取').waitFor();
    const digits = (await mine.getByTestId('pickup-code').textContent())?.replace(/\D/g, '') ?? '';
    expect(digits).toMatch(/^\d{8}$/);

    // Before pickup the statement shows the hold as 待领取.
    await v.goto(`${app.url}/h5/mine/points`);
    const holdLine = v.getByTestId('points-line').filter({ hasText: '先锋超市兑换' }).first();
    await holdLine.getByTestId('points-redemption-status').getByText('待领取').waitFor();

    // The keeper hands it over at the desk by the code.
    await k.goto(`${app.url}/console/store`);
    await k.getByRole('menuitem', { name: /先锋超市/ }).waitFor({ timeout: 30_000 });
    await k.getByLabel('取货码').fill(digits);
    await k.getByRole('button', { name: /查\s*询/ }).click();
    const found = k.getByTestId('desk-redemption');
    await found.getByText('洗衣液 × 1').waitFor();
    await k.getByRole('button', { name: /确认发放/ }).click();
    await found.getByTestId('desk-status').getByText('已领取').waitFor();
    await keeper.context.close();

    // 我的积分: every entry of this run, newest first, as the ledger has it.
    const after = (await volunteerApi.get('/api/v1/me/points')).json();
    const lines = (after.items as Line[]).filter((l) => l.entryId > lastEntry);
    expect(lines.map((l) => l.kind)).toEqual([
      'points.redeem.hold',
      ...newLines.map((l) => l.kind), // the earnings, in the order the job posted them
    ]);
    expect(lines[0]).toMatchObject({ amount: -soap.pricePoints, redemptionStatus: 'fulfilled' });
    expect(after.balance).toBe(earned.balance - soap.pricePoints);
    expect(after.balance).toBe(await pointsBalance(db, '371002', volunteerId));
    // Running balance: each line's balance is the one below it plus its amount.
    let running = before.balance;
    for (const l of [...lines].reverse()) {
      running += l.amount;
      expect(l.balanceAfter).toBe(running);
    }

    await v.reload();
    await poll(async () => (await v.getByTestId('points-balance').textContent())?.trim()).toBe(String(after.balance));
    const shown = v.getByTestId('points-line');
    await poll(async () => (await holdLine.getByTestId('points-redemption-status').textContent())?.trim()).toBe(
      '已领取',
    );
    const kindNames: Record<string, string> = {
      'points.redeem.hold': '先锋超市兑换',
      'points.earn.hours': '服务时长积分',
      'points.earn.activity': '完成活动积分',
    };
    for (const [i, l] of lines.entries()) {
      const item = shown.nth(i);
      expect(await item.getAttribute('data-entry')).toBe(String(l.entryId));
      expect(await item.textContent()).toContain(kindNames[l.kind]);
      expect((await item.getByTestId('points-amount').textContent())?.trim()).toBe(
        l.amount > 0 ? `+${l.amount}` : String(l.amount),
      );
      expect((await item.getByTestId('points-after').textContent())?.trim()).toBe(`余额 ${l.balanceAfter}`);
      if (l.reason) expect((await item.getByTestId('points-reason').textContent())?.trim()).toBe(l.reason);
      else expect(await item.getByTestId('points-reason').count()).toBe(0);
      expect(await item.getByTestId('points-redemption-status').count()).toBe(l.redemptionStatus ? 1 : 0);
    }
    expect(lines[0]?.reason).toContain('洗衣液');
    expect(lines[0]?.reason).toContain('大世界雷锋岗');
    await shot(v, 'points-statement');
    await context.close();
  }, 300_000);
});
