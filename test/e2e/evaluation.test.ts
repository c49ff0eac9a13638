/**
 * 评选 in the browser: the centre admin sets up a round in the console (criteria and weights, one of
 * them the platform's service hours) and assigns three judges to three library projects; the judges
 * score on their phones, and the one who has since joined a project's team is refused on that project;
 * the admin closes scoring, reads the ranking beside the platform figures, is refused an award over
 * the budget, gives awards within it and publishes; anyone finds the results from the library on a
 * phone and downloads the xlsx, which reads back with the same ranking and awards.
 */
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '../../src/server/modules/accounts/index.js';
import { organisationMembers, organisations } from '../../src/server/modules/organisations/index.js';
import { projectCalls, projects } from '../../src/server/modules/projects/index.js';
import { makeUser, userIdOf } from '../people.js';
import { demo } from '../server.js';
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

const SUFFIX = Date.now().toString(36).slice(-4);
const TITLE = `年度优秀志愿服务项目评选（浏览器测试${SUFFIX}）`;
const BUDGET_YUAN = 10_000;
type Entry = { id: string; name: string; organisationId: string };
type Judge = { phone: string; name: string };

describeBrowser('an evaluation round in the browser', () => {
  let app: WebApp;
  let browser: Browser;
  let entries: Entry[] = [];
  let judges: Judge[] = [];
  let roundId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    // Three library projects of this year's district level, of three different organisations.
    const db = app.database.db;
    const year = new Date().getFullYear();
    const teams = await db.select().from(organisations).orderBy(asc(organisations.name)).limit(3);
    const [creator] = await db.select({ id: users.id }).from(users).where(eq(users.phone, demo.centreAdmin));
    const [call] = await db
      .insert(projectCalls)
      .values({
        tenantId: teams[0]?.tenantId as string,
        title: `${year}年度项目征集（评选浏览器测试）`,
        level: 'district',
        regionCode: '371002',
        year,
        opensAt: new Date(Date.UTC(year, 0, 15)),
        closesAt: new Date(Date.UTC(year, 2, 31)),
      })
      .returning();
    const names = ['海岸守护行动', '银龄助餐驿站', '四点半课堂'];
    entries = await Promise.all(
      teams.map(async (team, i) => {
        const [row] = await db
          .insert(projects)
          .values({
            tenantId: team.tenantId,
            callId: call?.id as string,
            state: 'approved',
            name: `${names[i]}${SUFFIX}`,
            category: 'environment',
            organisationId: team.id,
            contactName: '联系人',
            contactPhone: '13800000004',
            year,
            level: 'district',
            regionCode: team.regionCode,
            createdBy: creator?.id as string,
          })
          .returning();
        return { id: row?.id as string, name: row?.name as string, organisationId: team.id };
      }),
    );
    expect(entries).toHaveLength(3);
    // The demo's 评审专家 and two more people who hold nothing but a judge grant.
    const others = [];
    for (const name of ['李评审', '王评审']) {
      const u = await makeUser(app.database, { displayName: name, grants: [{ role: 'judge', regionCode: '371002' }] });
      others.push({ phone: u.phone, name });
    }
    judges = [{ phone: demo.judge, name: '张评审' }, ...others];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const look = async (page: Page, name: string) => {
    await page.screenshot({ path: `/tmp/leifeng-evaluation-${name}.png`, fullPage: true });
    await shot(page, `evaluation-${name}`);
  };

  async function consolePanel() {
    const { context, page } = await newPage(browser, desktop);
    await signInAs(page, app.url, demo.centreAdmin);
    await page.goto(`${app.url}/console/projects?tab=evaluation`);
    return { context, page };
  }

  async function assign(page: Page, entry: Entry, judge: Judge) {
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: '分配评委' }) });
    await form.getByLabel('项目', { exact: true }).fill(entry.name);
    await page.locator('.ant-select-item-option').filter({ hasText: entry.name }).first().click();
    await form.getByLabel('评委手机号').fill(judge.phone);
    await form.getByRole('button', { name: '分配评委' }).click();
    await page.getByRole('row').filter({ hasText: entry.name }).getByText(`${judge.name} · 未打分`).waitFor();
  }

  it('the admin sets up the round with weights, a platform metric and three judges', async () => {
    const { context, page } = await consolePanel();
    await page.getByRole('button', { name: '创建评选' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('评选名称').fill(TITLE);
    await modal.getByLabel('奖励预算（元）').fill(String(BUDGET_YUAN));
    // The default criteria: 创新性 40, 实效 40, and 服务时长 20 taken from the platform's records.
    await modal.getByText('权重合计 100（须为 100）').waitFor();
    await look(page, 'console-create');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText(`${TITLE} · 筹备中`).waitFor();
    await page.getByText('服务时长 20%（服务时长）', { exact: false }).waitFor();

    for (const entry of entries) for (const judge of judges) await assign(page, entry, judge);
    await page.getByRole('button', { name: '开始评分' }).click();
    await page.getByText(`${TITLE} · 评分中`).waitFor();
    await look(page, 'console-assigned');
    await context.close();
  }, 180_000);

  /** A judge opens 我的评审 from the phone's home page and scores each assigned project. */
  async function scoreOnPhone(judge: Judge, marks: (entry: Entry) => [number, number]) {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, judge.phone);
    await page.getByRole('button', { name: '我的评审（评选打分）' }).click();
    await page.getByText(TITLE).click();
    await page.waitForURL((u) => /^\/h5\/projects\/evaluations\/[0-9a-f-]{36}$/.test(u.pathname));
    roundId = new URL(page.url()).pathname.split('/').pop() as string;
    for (const entry of entries) {
      const [innovation, effect] = marks(entry);
      await page.getByRole('spinbutton', { name: `${entry.name} 创新性` }).fill(String(innovation));
      await page.getByRole('spinbutton', { name: `${entry.name} 实效` }).fill(String(effect));
      const card = page.locator('.adm-card').filter({ hasText: entry.name });
      await card.getByRole('button', { name: '提交评分' }).click();
      await card.getByRole('button', { name: '修改评分' }).or(card.getByRole('alert')).waitFor();
    }
    return { context, page };
  }

  // The first project is the strongest, the last the weakest, whatever the hours say (20%).
  const marks = (entry: Entry): [number, number] =>
    entry === entries[0] ? [10, 9] : entry === entries[1] ? [6, 6] : [2, 3];

  it('three judges score on their phones; the one of a project’s own team is refused', async () => {
    for (const judge of judges.slice(0, 2)) {
      const { context, page } = await scoreOnPhone(judge, marks);
      expect(await page.getByRole('button', { name: '修改评分' }).count()).toBe(3);
      await context.close();
    }
    // The third judge has joined the team of the last project since being assigned.
    const last = entries[2] as Entry;
    const third = judges[2] as Judge;
    const [demoTeam] = await app.database.db.select().from(projects).where(eq(projects.id, last.id));
    await app.database.db.insert(organisationMembers).values({
      tenantId: demoTeam?.tenantId as string,
      organisationId: last.organisationId,
      userId: await userIdOf(app.database, third.phone),
      role: 'member',
    });
    const { context, page } = await scoreOnPhone(third, marks);
    const refused = page.locator('.adm-card').filter({ hasText: last.name });
    await refused.getByRole('alert').getByText('评委与该项目同属一个组织或队伍，须回避').waitFor();
    expect(await refused.getByRole('button', { name: '提交评分' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '修改评分' }).count()).toBe(2);
    await look(page, 'h5-refused');
    await context.close();
  }, 240_000);

  it('closing shows the ranking beside the figures; awards within budget; published and exported', async () => {
    const { context, page } = await consolePanel();
    await page
      .getByRole('row')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: /查\s*看/ })
      .click();
    await page.getByRole('button', { name: '结束评分' }).click();
    const table = page.locator('form').filter({ hasText: '排名' }).locator('.ant-table');
    await table.getByRole('columnheader', { name: '服务时长（小时）' }).waitFor();
    await table.getByRole('columnheader', { name: '完成订单' }).waitFor();
    const ranked = async () =>
      (await table.locator('tbody tr.ant-table-row').allTextContents()).map(
        (row) => entries.findIndex((e) => row.includes(e.name)) + 1,
      );
    await poll(ranked).toEqual([1, 2, 3]);
    await look(page, 'console-ranking');

    const [first, second] = entries as [Entry, Entry];
    await page.getByLabel(`${first.name} 荣誉称号`).fill('十佳志愿服务项目');
    await page.getByLabel(`${first.name} 奖励资金（元）`).fill(String(BUDGET_YUAN + 1));
    await page.getByRole('button', { name: '保存奖励' }).click();
    await page.getByText('奖励资金合计超出本次评选的预算').waitFor();
    await page.getByLabel(`${first.name} 奖励资金（元）`).fill('6000');
    await page.getByLabel(`${second.name} 荣誉称号`).fill('优秀志愿服务项目');
    await page.getByLabel(`${second.name} 奖励资金（元）`).fill('3000');
    await page.getByRole('button', { name: '保存奖励' }).click();
    await page.getByText('已评定奖励（元） 9,000 / 10,000').waitFor();
    await page.getByRole('button', { name: '公布结果' }).click();
    await page.getByText(`${TITLE} · 已公布`).waitFor();
    await look(page, 'console-published');
    await context.close();

    // Anyone, on a phone, from the library.
    const visitor = await newPage(browser, phone);
    const v = visitor.page;
    await v.goto(`${app.url}/library`);
    await v.getByTestId('published-rounds').getByText(TITLE).click();
    await v.waitForURL((u) => u.pathname === `/library/evaluations/${roundId}`);
    await v.getByRole('heading', { name: TITLE }).waitFor();
    const items = v.locator('.adm-list-item').filter({ hasText: '服务时长' });
    await poll(async () =>
      (await items.allTextContents()).map((row) => entries.findIndex((e) => row.includes(e.name)) + 1),
    ).toEqual([1, 2, 3]);
    await items.filter({ hasText: first.name }).getByText('十佳志愿服务项目').waitFor();
    await look(v, 'public-results');

    const [download] = await Promise.all([v.waitForEvent('download'), v.getByText('导出 Excel').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows: string[] = [];
    book.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    const order = rows.map((row) => entries.findIndex((e) => row.includes(e.name)) + 1).filter((i) => i > 0);
    expect(order).toEqual([1, 2, 3]);
    expect(rows.find((row) => row.includes(first.name))).toContain('十佳志愿服务项目');
    expect(rows.find((row) => row.includes(second.name))).toContain('优秀志愿服务项目');
    await visitor.context.close();
  }, 240_000);
});
