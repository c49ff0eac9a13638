/**
 * A micro-wish in the browser: a resident of 北门外社区 makes a wish on the phone, the keeper approves
 * it in the console, a volunteer finds it on the wall (name masked, address hidden), claims it and
 * marks it delivered, the keeper confirms delivery, and the resident thanks the giver, who sees the
 * thanks. Each step is checked in the page that shows it.
 *
 * With WISHES_SHOTS=<folder> the main pages are also saved as screenshots for a human look.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

const shots = process.env.WISHES_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (!shots) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

const TITLE = '一副老花镜（浏览器测试）';
const ADDRESS = '北门外社区 9 号楼 1 单元 302';
const THANKS = '谢谢李老师，戴上眼镜能看报纸了！';

describeBrowser('a micro-wish in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const stateIs = (page: Page, text: string) =>
    page.locator('[data-testid="wish-state"]').filter({ hasText: text }).waitFor();

  it('许愿 on the phone → 审核 in the console → 认领 and 送达 on the phone → 确认 → 致谢, each seen in the UI', async () => {
    // The resident opens 微心愿 from the home page and makes a wish.
    const resident = await newPage(browser, phone);
    await signInAs(resident.page, app.url, demo.resident);
    await resident.page.goto(`${app.url}/h5`);
    await resident.page.locator('.lf-h5-entry-open').filter({ hasText: '微心愿' }).click();
    await resident.page.waitForURL((u) => u.pathname === '/h5/wishes');
    await resident.page.getByRole('button', { name: '许个心愿' }).click();
    await resident.page.waitForURL((u) => u.pathname === '/h5/wishes/new');
    await resident.page.getByPlaceholder('例如：一副老花镜、一个新书包').fill(TITLE);
    await resident.page.getByText('困难老人').click();
    await resident.page.getByPlaceholder('选填，单位：元').fill('80');
    await resident.page.getByText('请选择您居住或工作的社区').click();
    await resident.page.getByPlaceholder('搜索社区或街道名称').fill('北门外');
    await resident.page.locator('.adm-check-list-item').filter({ hasText: '北门外社区' }).click();
    await resident.page.getByPlaceholder('小区、楼号、单元、门牌号（仅认领人可见）').fill(ADDRESS);
    await shot(resident.page, 'phone-place-wish');
    await resident.page.getByRole('button', { name: '提交心愿' }).click();
    await resident.page.waitForURL((u) => /^\/h5\/wishes\/[0-9a-f-]{36}$/.test(u.pathname));
    const wishUrl = resident.page.url();
    await stateIs(resident.page, '待审核');
    await resident.page.getByRole('button', { name: '撤回心愿' }).waitFor();

    // The keeper finds it in the review queue and approves it.
    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console`);
    await keeper.page.getByRole('menuitem', { name: /微心愿/ }).click();
    await keeper.page.waitForURL((u) => u.pathname === '/console/wishes');
    await keeper.page.getByRole('button', { name: TITLE }).waitFor();
    // The list's foot counts the rows the queue shows (the console's shared list frame).
    const queued = await keeper.page.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(queued).toBeGreaterThan(0);
    await keeper.page.getByText(new RegExp(`^已(全部显示，共|显示) ${queued} 条$`)).waitFor();
    await keeper.page.getByRole('button', { name: TITLE }).click();
    await stateIs(keeper.page, '待审核');
    await shot(keeper.page, 'console-review');
    await keeper.page.getByRole('button', { name: '审核通过' }).click();
    await stateIs(keeper.page, '待认领');
    expect(await keeper.page.getByRole('button', { name: '审核通过' }).count()).toBe(0);

    // A volunteer sees it on the wall with the name masked and no address, and claims it.
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/wishes`);
    const card = volunteer.page.locator('.adm-list-item').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.textContent()).toContain('王**');
    await shot(volunteer.page, 'phone-wall');
    await card.click();
    await stateIs(volunteer.page, '待认领');
    await volunteer.page.getByText('认领后可见').waitFor();
    expect(await volunteer.page.getByText(ADDRESS).count()).toBe(0);
    await volunteer.page.getByRole('button', { name: '我要认领' }).click();
    await volunteer.page.locator('.lf-wish-sheet').getByRole('button', { name: '我要认领' }).click();
    await stateIs(volunteer.page, '已认领');
    await volunteer.page.getByText(ADDRESS).waitFor();
    await shot(volunteer.page, 'phone-claimed');
    await volunteer.page.getByRole('button', { name: '标记已送达' }).click();
    await volunteer.page.getByPlaceholder('送达说明（选填）').fill('已送到王大爷家中');
    await volunteer.page
      .locator('.lf-wish-sheet')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await stateIs(volunteer.page, '已送达');

    // The keeper confirms delivery from the 待确认送达 queue.
    await keeper.page.goto(`${app.url}/console/wishes`);
    await keeper.page.getByText('待确认送达').click();
    await keeper.page.getByRole('button', { name: TITLE }).click();
    await stateIs(keeper.page, '已送达');
    await keeper.page.getByRole('button', { name: '确认送达' }).click();
    await stateIs(keeper.page, '已确认');

    // The resident sees the wish confirmed and thanks the giver.
    await resident.page.goto(wishUrl);
    await stateIs(resident.page, '已确认');
    await resident.page.getByRole('button', { name: '致谢爱心人士' }).click();
    await resident.page.getByPlaceholder('说一句感谢的话').fill(THANKS);
    await resident.page
      .locator('.lf-wish-sheet')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await stateIs(resident.page, '已致谢');
    await resident.page.locator('.lf-wish-thanks').filter({ hasText: THANKS }).waitFor();
    await shot(resident.page, 'phone-thanked');

    // The giver sees the thanks on the wish, under 我的认领.
    await volunteer.page.goto(`${app.url}/h5/wishes/claims`);
    await volunteer.page.locator('.adm-list-item').filter({ hasText: TITLE }).click();
    await stateIs(volunteer.page, '已致谢');
    await volunteer.page.locator('.lf-wish-thanks').filter({ hasText: THANKS }).waitFor();
  }, 240_000);
});
