/**
 * The order loop in the browser: a resident of 北门外社区 orders 助老服务 · 上门理发 on the phone, the
 * keeper reviews and dispatches it in the console, the volunteer accepts, checks in (with the
 * browser's position) and completes on the phone, the resident rates it 5 stars, and the station's
 * service-quality metrics show it.
 *
 * With ORDERS_SHOTS=<folder> the main pages are also saved as screenshots for a human look.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  pickOption,
  poll,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

const shots = process.env.ORDERS_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (!shots) return;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // let pop-ups finish closing
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

/** The coming Saturday (or today, if it is one) in Shanghai, as the day picker writes it: 12/5. */
function saturdayLabel() {
  let d = new Date(Date.now() + 8 * 3600_000); // its UTC fields read as Shanghai time
  while (d.getUTCDay() !== 6) d = new Date(d.getTime() + 86_400_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

// A few metres from 北门外社区's station, where the volunteer stands when checking in.
const AT_THE_DOOR = { latitude: 37.5103, longitude: 122.1206 };

describeBrowser('the order loop in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('点单 on the phone → 审单 and 派单 in the console → 接单 (arrived live), 签到, 完成 on the phone → 评单 5 stars', async () => {
    // The resident browses the menu near 北门外社区 and orders the haircut.
    const resident = await newPage(browser, phone);
    await signInAs(resident.page, app.url, demo.resident);
    await resident.page.getByText('服务点单').click();
    await resident.page.waitForURL((u) => u.pathname === '/h5/menu');
    await resident.page.getByText('请选择您居住或工作的社区').click();
    await resident.page.getByPlaceholder('搜索社区或街道名称').fill('北门外');
    await resident.page.locator('.adm-check-list-item').filter({ hasText: '北门外社区' }).click();
    await resident.page.getByText('附近：北门外社区').waitFor();
    await shot(resident.page, 'phone-menu');
    await resident.page.getByText('助老服务 · 上门理发').click();
    await resident.page.getByRole('button', { name: '我要点单' }).click();
    await resident.page.waitForURL((u) => u.pathname === '/h5/orders/new');
    await resident.page.getByText('北门外社区').first().waitFor();
    await resident.page
      .getByPlaceholder('请描述需要帮助的情况，方便志愿者准备')
      .fill('老伴腿脚不便，想请志愿者上门理发');
    await resident.page.getByPlaceholder('小区、楼号、单元、门牌号').fill('北门外社区 3 号楼 2 单元 101');
    // Saturday morning, when 李志愿 is available (the dispatch engine's hard constraint).
    const day = saturdayLabel();
    const saturday = resident.page.locator('.adm-selector-item').filter({ hasText: new RegExp(`(^|\\s)${day}$`) });
    if (!(await saturday.getAttribute('class'))?.includes('adm-selector-item-active')) await saturday.click();
    await shot(resident.page, 'phone-place-order');
    await resident.page.getByRole('button', { name: '提交订单' }).click();
    await resident.page.waitForURL((u) => /^\/h5\/orders\/[0-9a-f-]{36}$/.test(u.pathname));
    const orderId = new URL(resident.page.url()).pathname.split('/').at(-1) as string;
    await resident.page.locator('.lf-order-state').filter({ hasText: '待审核' }).waitFor();
    await resident.page.getByRole('button', { name: '取消订单' }).waitFor();
    expect(await resident.page.getByRole('button', { name: '评价服务' }).count()).toBe(0);

    // The keeper finds it in the queue, approves it and sends it to 李志愿.
    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.getByRole('menuitem', { name: /(^|\s)订单$/ }).click();
    await keeper.page.getByRole('button', { name: '助老服务 · 上门理发' }).first().click();
    await keeper.page.waitForURL((u) => u.pathname === `/console/orders/${orderId}`);
    const drawer = keeper.page.locator('.ant-drawer');
    await drawer.getByText('老伴腿脚不便，想请志愿者上门理发').waitFor();
    await shot(keeper.page, 'desktop-console-order');
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await drawer.locator('.ant-tag').filter({ hasText: '待派单' }).waitFor();
    const top = drawer.locator('.lf-orders-candidates .ant-list-item').first();
    await top.getByText('李志愿').waitFor();
    await top.getByText(/助老助残/).waitFor();
    await shot(keeper.page, 'desktop-console-candidates');
    // The volunteer has the task list open before the dispatch: the order must arrive there live, without a reload.
    const volunteerContext = await browser.newContext({
      viewport: phone,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      geolocation: AT_THE_DOOR,
      permissions: ['geolocation'],
    });
    const volunteer = await volunteerContext.newPage();
    volunteer.setDefaultTimeout(15_000);
    await signInAs(volunteer, app.url, demo.volunteer);
    await volunteer.getByText('服务任务').click();
    await volunteer.waitForURL((u) => u.pathname === '/h5/tasks');
    await volunteer
      .getByText(/暂时没有派给您的订单|前接单/)
      .first()
      .waitFor(); // the list has loaded
    expect(await volunteer.getByText('助老服务 · 上门理发').count()).toBe(0);
    await volunteer.evaluate(() => {
      (window as unknown as { lfSameDocument: boolean }).lfSameDocument = true;
    });
    await top.getByRole('button', { name: '派给TA' }).click();
    await drawer.locator('.ant-tag').filter({ hasText: '待接单' }).waitFor();
    await drawer.getByText('志愿者：李志愿').waitFor();

    // Then it accepts, checks in where the browser says, and completes.
    await volunteer.getByText('助老服务 · 上门理发').first().waitFor();
    expect(await volunteer.evaluate(() => (window as unknown as { lfSameDocument?: boolean }).lfSameDocument)).toBe(
      true,
    );
    await shot(volunteer, 'phone-tasks');
    await volunteer.getByText('助老服务 · 上门理发').first().click();
    await volunteer.waitForURL((u) => u.pathname === `/h5/tasks/${orderId}`);
    await volunteer.getByRole('button', { name: '接单' }).click();
    await volunteer.locator('.lf-order-state').filter({ hasText: '已接单' }).waitFor();
    await volunteer.getByRole('button', { name: '签到开始服务' }).click();
    await volunteer.locator('.lf-order-state').filter({ hasText: '服务中' }).waitFor();
    await volunteer.locator('.adm-list-item').filter({ hasText: /^签到/ }).waitFor();
    await volunteer.getByRole('button', { name: '完成服务' }).click();
    await volunteer.getByPlaceholder('简要记录服务内容和情况').fill('已为老人理发修面，老人很满意');
    await volunteer.getByRole('button', { name: '确定' }).click();
    await volunteer.locator('.lf-order-state').filter({ hasText: '待评价' }).waitFor();
    await shot(volunteer, 'phone-task-done');

    // The resident sees the whole timeline and rates 5 stars.
    await resident.page.reload();
    await resident.page.locator('.lf-order-state').filter({ hasText: '待评价' }).waitFor();
    for (const step of ['提交订单', '审核通过', '派单', '接单', '签到开始服务', '完成服务'])
      await resident.page
        .locator('.adm-step-title')
        .filter({ hasText: new RegExp(`^${step}$`) })
        .waitFor();
    await resident.page.getByRole('button', { name: '评价服务' }).click();
    await resident.page.getByRole('button', { name: '5 星' }).click();
    await resident.page.getByPlaceholder('说说您的感受（选填）').fill('小李手艺好，很耐心');
    await resident.page.getByRole('button', { name: '确定' }).click();
    await resident.page.locator('.lf-order-state').filter({ hasText: '已评价' }).waitFor();
    await resident.page.getByText('小李手艺好，很耐心').first().waitFor();
    await shot(resident.page, 'phone-order-rated');
    await resident.page.goto(`${app.url}/h5/orders`);
    await resident.page.locator('.lf-order-list').getByText('助老服务 · 上门理发').waitFor();
    await shot(resident.page, 'phone-my-orders');
    if (shots) {
      await resident.page.evaluate(() => localStorage.setItem('leifeng.elder', '1'));
      await resident.page.goto(`${app.url}/h5/orders/${orderId}`);
      await resident.page.locator('.lf-order-state').waitFor();
      await shot(resident.page, 'phone-order-elder');
      await resident.page.evaluate(() => localStorage.setItem('leifeng.lang', 'en'));
      await resident.page.goto(`${app.url}/h5/menu`);
      await resident.page.getByText('Service menu').first().waitFor();
      await shot(resident.page, 'phone-menu-elder-en');
    }

    // The console shows the rating and lets the keeper close it.
    await keeper.page.reload();
    await drawer.getByText('小李手艺好，很耐心').first().waitFor();
    await drawer.getByRole('button', { name: /^办\s*结$/ }).click();
    await drawer.locator('.ant-tag').filter({ hasText: '已办结' }).waitFor();
    const detail = (await (await keeper.page.request.get(`${app.url}/api/v1/orders/${orderId}`)).json()) as {
      rating: { stars: number };
      timeline: { event: string }[];
    };
    expect(detail.rating.stars).toBe(5);
    expect(detail.timeline.map((e) => e.event)).toEqual([
      'place',
      'review',
      'dispatch',
      'accept',
      'check_in',
      'complete',
      'rate',
      'close',
    ]);

    // 评单 feeds the station's service quality: one order, accepted, completed and rated 5 stars.
    await keeper.page.keyboard.press('Escape');
    await keeper.page.waitForURL((u) => u.pathname === '/console/orders');
    await keeper.page.getByRole('menuitem', { name: '服务质量' }).click();
    await keeper.page.waitForURL((u) => u.pathname === '/console/orders/metrics');
    const station = keeper.page.locator('.lf-metrics-table tr').filter({ hasText: '北门外社区' });
    await station.getByText('1 条评价').waitFor();
    expect(await station.locator('td').allInnerTexts()).toEqual([
      expect.stringContaining('北门外社区'),
      '1',
      expect.stringMatching(/^\d+ 分钟$/),
      '100%',
      '100%',
      '100% · 1 条评价',
    ]);
    await keeper.page.getByTestId('metrics-satisfaction').getByText('100%').waitFor();
    await keeper.page.locator('.lf-metrics-chart svg').waitFor();
    await shot(keeper.page, 'desktop-console-metrics');
    await resident.context.close();
    await keeper.context.close();
    await volunteerContext.close();
  }, 180_000); // three people, two screens each, on a shared machine

  it('a keeper places an order by phone for a resident; the volunteer declines it with a reason', async () => {
    const keeper = await newPage(browser);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.goto(`${app.url}/console/orders`);
    await keeper.page.getByRole('button', { name: /代居民下单/ }).click();
    const dialog = keeper.page.getByRole('dialog');
    await dialog.getByLabel('联系人').fill('刘奶奶');
    await dialog.getByLabel('联系电话').fill('13912340000');
    await pickOption(dialog, '服务类别', '.ant-select-item-option', '便民服务');
    await dialog.getByLabel('需求标题').fill('换灯泡');
    await pickOption(dialog, '所在社区', '.ant-select-tree-title', '北门外社区');
    await dialog.getByLabel('服务地址').fill('北门外社区 5 号楼');
    await shot(keeper.page, 'desktop-console-place');
    await dialog.getByRole('button', { name: '提交订单' }).click();
    // Saving waits on a busy shared machine; if it never opens the order, say what the form showed.
    await keeper.page
      .waitForURL((u) => /^\/console\/orders\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 45_000 })
      .catch(async (err: Error) => {
        const errors = await dialog.locator('.ant-form-item-explain-error').allTextContents();
        const messages = await keeper.page.locator('.ant-message').allTextContents();
        throw new Error(`${err.message}\nform errors: ${errors.join(' | ')}\nmessages: ${messages.join(' | ')}`);
      });
    const drawer = keeper.page.locator('.ant-drawer');
    await drawer.getByText('电话代下单').waitFor();
    await drawer.getByText('代下单（电话）').waitFor();
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await drawer.getByLabel('输入姓名、编号或手机号查找志愿者').fill('李志愿');
    await keeper.page.locator('.ant-select-item-option').filter({ hasText: '李志愿' }).first().click();
    await drawer.getByRole('button', { name: /^派\s*单$/ }).click();
    await drawer.locator('.ant-tag').filter({ hasText: '待接单' }).waitFor();
    const orderId = new URL(keeper.page.url()).pathname.split('/').at(-1) as string;

    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/tasks/${orderId}`);
    await volunteer.page.getByRole('button', { name: '拒单' }).click();
    await volunteer.page.getByRole('button', { name: '确定' }).click();
    await volunteer.page.getByText('请填写原因').waitFor();
    await volunteer.page.getByPlaceholder('如：时间冲突、不在附近').fill('这周出差');
    await volunteer.page.getByRole('button', { name: '确定' }).click();
    await volunteer.page
      .getByText('订单不存在，或您无权查看')
      .or(volunteer.page.locator('.lf-order-state'))
      .first()
      .waitFor();

    await keeper.page.reload();
    await drawer.locator('.ant-tag').filter({ hasText: '待派单' }).waitFor();
    await drawer.getByText('这周出差').first().waitFor();
    await poll(() => drawer.getByRole('button', { name: /^派\s*单$/ }).count()).toBe(1);
    await keeper.page.goto(`${app.url}/console/orders`);
    await keeper.page.getByRole('button', { name: '换灯泡' }).waitFor();
    await shot(keeper.page, 'desktop-console-queue');
    await keeper.context.close();
    await volunteer.context.close();
  }, 120_000); // two people on a shared machine

  it('staff withdraw a service from the menu and list it again; residents see the change', async () => {
    const admin = await newPage(browser);
    await signInAs(admin.page, app.url, demo.instituteAdmin);
    await admin.page.getByRole('menuitem', { name: '服务菜单' }).click();
    const row = admin.page.locator('tr').filter({ hasText: '助老服务 · 陪同就医' });
    await row.waitFor();
    await shot(admin.page, 'desktop-console-menu');
    await row.getByRole('switch').click();
    await admin.page.getByText('已下架').first().waitFor();
    const titles = async () =>
      (
        (await (await admin.page.request.get(`${app.url}/api/v1/public/menu-items?limit=100`)).json()) as {
          items: { title: string }[];
        }
      ).items.map((i) => i.title);
    expect(await titles()).not.toContain('助老服务 · 陪同就医');
    await row.getByRole('switch').click();
    await poll(titles).toContain('助老服务 · 陪同就医');

    const phoneAdmin = await newPage(browser, phone);
    await signInAs(phoneAdmin.page, app.url, demo.keeper);
    await phoneAdmin.page.goto(`${app.url}/console/orders`);
    await phoneAdmin.page.getByRole('heading', { name: '订单' }).waitFor();
    await shot(phoneAdmin.page, 'phone-console-queue');
    await admin.context.close();
    await phoneAdmin.context.close();
  });
});
