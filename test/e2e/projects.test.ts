/**
 * 项目申报 in the browser: the manager of 鲸园蓝志愿服务队 drafts a project on the phone for an open call
 * and is told what is missing; the subdistrict returns it with a comment in the console; the manager
 * reads the comment, revises and resubmits; the subdistrict passes it up, the district approves it
 * into the library; anyone finds it in the public library on a phone, with its results.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { organisations } from '../../src/server/modules/organisations/index.js';
import { demo, signIn } from '../server.js';
import {
  describeBrowser,
  desktop,
  launchBrowser,
  newPage,
  phone,
  poll,
  shot,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

const DAY = 86_400_000;
const NAME = `蓝色周六·海岸守护${Date.now().toString(36).slice(-4)}`;
const CALL = '2026年度环翠区志愿服务项目征集（浏览器测试）';

describeBrowser('project submission and review in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  let teamId = '';
  let projectPath = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const [team] = await app.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '鲸园蓝志愿服务队'));
    teamId = team?.id as string;
    const centre = await signIn(app.app, demo.centreAdmin);
    const res = await centre.post('/api/v1/project-calls', {
      title: CALL,
      level: 'district',
      regionCode: '371002',
      year: 2026,
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      requiredFields: ['objectives', 'budget'],
      requiredAttachments: ['项目申报书'],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const field = (page: Page, label: string) => page.locator('.adm-form-item').filter({ hasText: label });
  const look = async (page: Page, name: string) => {
    await page.screenshot({ path: `/tmp/leifeng-projects-${name}.png`, fullPage: true });
    await shot(page, `projects-${name}`);
  };

  /** Staff open the project from their review queue and take a decision. */
  async function decide(phoneNumber: string, button: RegExp, comment?: string) {
    const { context, page } = await newPage(browser, desktop);
    await signInAs(page, app.url, phoneNumber);
    await page.goto(`${app.url}/console/projects`);
    await page.getByPlaceholder('按项目名称搜索').fill(NAME);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: NAME }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(CALL).waitFor();
    if (comment) await drawer.getByLabel('审核意见').fill(comment);
    await drawer.getByRole('button', { name: button }).click();
    await page.getByText('已处理').waitFor();
    return { context, page, drawer };
  }

  it('the manager drafts on the phone, is told what is missing, and submits', async () => {
    // The manager, on the phone, from the team page.
    const manager = await newPage(browser, phone);
    const m = manager.page;
    await signInAs(m, app.url, demo.orgAdmin);
    await m.goto(`${app.url}/h5/teams/${teamId}`);
    await m.getByText('项目申报').click();
    await m.waitForURL((u) => u.pathname === '/h5/projects');
    await m
      .locator('.adm-list-item')
      .filter({ hasText: CALL })
      .getByRole('button', { name: /申\s*报/ })
      .click();
    await m.waitForURL((u) => u.pathname === '/h5/projects/new');
    await m.getByText('需报送的附件：项目申报书').waitFor();
    await field(m, '项目名称').locator('input').fill(NAME);
    await field(m, '项目目标').locator('textarea').fill('每月一次海岸线垃圾清理，守护蓝色海湾');
    await field(m, '预期成效').locator('textarea').fill('全年清理海岸 12 次');
    await look(m, 'h5-form');
    // The call requires a budget: the server says so, on the field.
    await m.getByRole('button', { name: '提交申报' }).click();
    await m.getByRole('alert').filter({ hasText: '申报信息不完整' }).waitFor();
    await field(m, '项目预算').getByText('请填写项目预算').waitFor();
    await look(m, 'h5-incomplete');
    await field(m, '项目预算').locator('input').fill('5000');
    await m.getByRole('button', { name: '提交申报' }).click();
    await m.waitForURL((u) => /^\/h5\/projects\/[0-9a-f-]{36}$/.test(u.pathname));
    await poll(() => m.getByTestId('project-state').textContent()).toBe('审核中');
    await m.getByText('当前由鲸园街道审核').waitFor();
    projectPath = new URL(m.url()).pathname;
    await manager.context.close();
  });

  it('returned with a comment → resubmit → approved at two levels → in the public library', async () => {
    const manager = await newPage(browser, phone);
    const m = manager.page;
    await signInAs(m, app.url, demo.orgAdmin);

    // The subdistrict returns it with a comment.
    const institute = await decide(demo.instituteAdmin, /退回修改/, '请细化实施计划，写明每次活动的时间和地点');
    await institute.drawer.getByTestId('review-history').getByText('请细化实施计划', { exact: false }).waitFor();
    await look(institute.page, 'console-returned');
    await institute.context.close();

    // The manager reads the comment, revises and resubmits.
    await m.goto(`${app.url}${projectPath}`);
    await poll(() => m.getByTestId('project-state').textContent()).toBe('退回修改');
    await m.getByText('意见：请细化实施计划，写明每次活动的时间和地点').waitFor();
    await look(m, 'h5-returned');
    await m.getByRole('button', { name: '修改' }).click();
    await m.waitForURL((u) => u.pathname.endsWith('/edit'));
    await field(m, '实施计划').locator('textarea').fill('每月第一个周六上午 9:00，金线顶至环翠楼海岸');
    await m.getByRole('button', { name: '重新提交' }).click();
    await m.waitForURL((u) => u.pathname === projectPath);
    await poll(() => m.getByTestId('project-state').textContent()).toBe('审核中');

    // The subdistrict passes it up; the district approves it into the library.
    (await decide(demo.instituteAdmin, /通过，报上级/, '同意，报区级')).context.close();
    const centre = await decide(demo.centreAdmin, /通过，入库/);
    await centre.drawer.getByText('已入库').first().waitFor();
    await look(centre.page, 'console-approved');
    await centre.context.close();

    await m.reload();
    await poll(() => m.getByTestId('project-state').textContent()).toBe('已入库');
    const history = await m.getByTestId('review-history').locator('li strong').allTextContents();
    expect(history).toEqual(['提交申报', '退回修改', '重新提交', '审核通过，报上级', '审核通过，入库']);
    await manager.context.close();

    // Anyone, without signing in, finds it in the library.
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/library`);
    await page.getByTestId('library-list').locator('li').first().waitFor();
    await look(page, 'library');
    await page.getByRole('searchbox').fill(NAME.slice(0, 8));
    await page.keyboard.press('Enter');
    await page.getByTestId('library-list').getByText(NAME).click();
    await page.waitForURL((u) => u.pathname.startsWith('/library/projects/'));
    await page.getByRole('heading', { name: NAME }).waitFor();
    await poll(() => page.getByTestId('result-hours').textContent()).toContain('0 小时');
    await look(page, 'library-project');
    await context.close();
  }, 240_000); // four people in turn on a shared machine
});
