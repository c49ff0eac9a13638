/**
 * The seed's promise, end to end: "若有想提供服务的志愿者，来此登记注册即可". A keeper at 北门外
 * registers a walk-in at the desk; the new volunteer signs in on a phone, sets a password, asks to
 * join 鲸园蓝志愿服务队; the leader approves; the volunteer, the leader and the keeper all see it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber } from '../factories.js';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

const tablet = { width: 1024, height: 768 };

describeBrowser('from the desk to a team', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a walk-in registered at 北门外 joins 鲸园蓝 after the leader approves, and everyone sees it', async () => {
    const keeper = await newPage(browser, tablet);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/volunteers/new`);
    await keeper.page.getByLabel('姓名').fill('赵来站');
    await keeper.page.getByLabel('手机号').fill('13900007001');
    await keeper.page.getByLabel('身份证号').fill(idNumber('19850312', 736));
    await keeper.page.getByText('志愿者已签署《志愿者服务承诺书》').click();
    await keeper.page.getByRole('button', { name: /登\s*记/ }).click();
    await keeper.page.getByText('登记成功').waitFor();
    const number = ((await keeper.page.getByTestId('volunteer-number').textContent()) ?? '').trim();
    const password = ((await keeper.page.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(number).toMatch(/^HC\d{10}$/);

    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, '13900007001', password);
    await volunteer.page.waitForURL((u) => u.pathname === '/h5/mine/password');
    await volunteer.page.getByLabel(/^当前密码\*?$/).fill(password);
    await volunteer.page.getByLabel(/^新密码\*?$/).fill('Zhao2026abc');
    await volunteer.page.getByLabel(/^确认新密码\*?$/).fill('Zhao2026abc');
    await volunteer.page.getByRole('button', { name: /确认修改/ }).click();
    await volunteer.page.waitForURL((u) => u.pathname === '/h5/mine');

    await volunteer.page.locator('.adm-tab-bar-item').filter({ hasText: '队伍' }).click();
    await volunteer.page.getByText('鲸园蓝志愿服务队').first().click();
    await volunteer.page.waitForURL((u) => /^\/h5\/teams\/[0-9a-f-]{36}$/.test(u.pathname));
    await volunteer.page.getByRole('button', { name: /申请加入/ }).click();
    await volunteer.page.getByText('提交申请').click();
    await volunteer.page.getByText('申请已提交，请等待队长审核').waitFor();

    const leader = await newPage(browser, phone);
    await signInAs(leader.page, app.url, demo.orgAdmin);
    await leader.page.locator('.adm-tab-bar-item').filter({ hasText: '消息' }).click();
    await leader.page.getByText('赵来站 申请加入「鲸园蓝志愿服务队」').click();
    await leader.page.waitForURL((u) => u.pathname.endsWith('/requests'));
    await leader.page.getByRole('button', { name: /通\s*过/ }).click();
    await leader.page.getByText('暂无待审核的申请').waitFor();

    // The volunteer is told, and is a member.
    await volunteer.page.goto(`${app.url}/h5/inbox`);
    await volunteer.page.getByText('加入「鲸园蓝志愿服务队」的申请已通过').waitFor();
    await volunteer.page.goto(`${app.url}/h5/teams`);
    await volunteer.page.locator('.adm-list').filter({ hasText: '我的队伍' }).getByText('鲸园蓝志愿服务队').waitFor();

    // The keeper sees the new volunteer in 北门外's list.
    await keeper.page.goto(`${app.url}/console/volunteers`);
    await keeper.page.getByText(number).waitFor();
    await keeper.page.getByText('赵来站').first().waitFor();

    await Promise.all([keeper.context.close(), volunteer.context.close(), leader.context.close()]);
  });
});
