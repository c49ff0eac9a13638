/**
 * Teams, the inbox and families in the browser: a volunteer applies to 鲸园蓝 on the phone, the leader
 * approves from the inbox, the volunteer reads "已通过"; staff manage organisations in the console.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  pickOption,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

describeBrowser('teams, inbox and family in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('apply on the phone → the leader approves from the inbox → the volunteer is told 已通过', async () => {
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.locator('.adm-tab-bar-item').filter({ hasText: '队伍' }).click();
    await volunteer.page.getByText('鲸园蓝志愿服务队').first().click();
    await volunteer.page.waitForURL((u) => /^\/h5\/teams\/[0-9a-f-]{36}$/.test(u.pathname));
    await volunteer.page.getByRole('button', { name: /申请加入/ }).click();
    await volunteer.page.getByLabel('给队长留言（选填）').fill('周六有空，想参加');
    await volunteer.page.getByText('提交申请').click();
    await volunteer.page.getByText('申请已提交，请等待队长审核').waitFor();
    await volunteer.page.getByRole('button', { name: /申请审核中/ }).waitFor();

    const leader = await newPage(browser, phone);
    await signInAs(leader.page, app.url, demo.orgAdmin);
    await leader.page.locator('.adm-tab-bar-item').filter({ hasText: '消息' }).click();
    await leader.page.getByText('李志愿 申请加入「鲸园蓝志愿服务队」').click();
    await leader.page.waitForURL((u) => u.pathname.endsWith('/requests'));
    await leader.page.getByText('留言：周六有空，想参加').waitFor();
    await leader.page.getByRole('button', { name: /通\s*过/ }).click();
    await leader.page.getByText('暂无待审核的申请').waitFor();

    await volunteer.page.goto(`${app.url}/h5/inbox`);
    await volunteer.page.getByText('加入「鲸园蓝志愿服务队」的申请已通过').waitFor();
    await volunteer.page.getByText('1 条未读').waitFor();
    await volunteer.page.getByRole('button', { name: /全部标为已读/ }).click();
    await volunteer.page.getByText('全部已读').waitFor();
    await volunteer.page.goto(`${app.url}/h5/teams`);
    await volunteer.page.locator('.adm-list').filter({ hasText: '我的队伍' }).getByText('队员').waitFor();
    await volunteer.context.close();
    await leader.context.close();
  });

  it('我的家庭 shows the family and its members', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.volunteer);
    await page.goto(`${app.url}/h5/mine`);
    await page.getByText('我的家庭').click();
    await page.getByRole('heading', { name: '李志愿家庭' }).waitFor();
    await page.getByText('王大爷').waitFor();
    await page
      .locator('.adm-tag')
      .filter({ hasText: /^父母$/ })
      .waitFor();
    await page.getByText('邀请家庭成员').waitFor();
    await context.close();
  });

  it('the console lists organisations in scope; a keeper creates one and sees its members tab', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.instituteAdmin);
    await page.getByRole('menuitem', { name: '队伍与组织' }).click();
    await page.getByRole('link', { name: '鲸园暖心便民超市' }).waitFor();
    await page.getByRole('link', { name: '威海银行鲸园支行' }).waitFor();
    await page.getByRole('link', { name: '鲸园蓝志愿服务队' }).click();
    await page.getByRole('tab', { name: '成员', exact: true }).click();
    await page.getByText('鲸园蓝队长').waitFor();
    await context.close();

    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/organisations`);
    await keeper.page.getByRole('button', { name: /新建组织/ }).click();
    const dialog = keeper.page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('北门外助老服务队');
    await dialog.getByLabel('所在区域').click();
    await keeper.page.locator('.ant-select-tree-title').filter({ hasText: '北门外社区' }).click();
    await keeper.page.getByRole('button', { name: /保\s*存/ }).click();
    await keeper.page.waitForURL((u) => /^\/console\/organisations\/[0-9a-f-]{36}$/.test(u.pathname));
    await keeper.page.getByRole('heading', { name: '北门外助老服务队' }).waitFor();
    expect(await keeper.page.getByRole('tab', { name: '入队申请' }).count()).toBe(1);
    await keeper.context.close();
  });

  it('a keeper sees the families of 北门外社区 and invites a member at the desk; the family waits for the answer', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.getByRole('menuitem', { name: '志愿服务家庭' }).click();
    await page.getByRole('button', { name: '李志愿家庭' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('王大爷').waitFor();
    await drawer.getByLabel('手机号').fill(demo.judge);
    await pickOption(drawer, '与户主关系', '.ant-select-item-option', /^其他$/);
    await drawer.getByRole('button', { name: /添\s*加/ }).click();
    await page.getByText('邀请已发送，对方接受后加入').waitFor();
    await drawer.locator('.ant-list-item').filter({ hasText: '待接受' }).waitFor();
    expect(await drawer.locator('.ant-list-item').count()).toBe(3);
    await expect
      .poll(() => page.locator('.lf-families-table tbody tr.ant-table-row td:last-child').textContent())
      .toBe('2');
    await context.close();
  });
});
