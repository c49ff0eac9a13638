/**
 * 覆盖分析 in the browser: a centre admin opens the page from the menu and reads the district's
 * share (the API report's figure, not a fixed one), sees the map drawn with the uncovered cells and
 * the sites, raises the walking speed and watches the share grow to the recomputed report's, and
 * downloads the xlsx (read back with exceljs: the same figures). A community keeper sees only
 * their own community and may not change the settings.
 *
 * With LEIFENG_SHOTS=<folder> the pages are saved as screenshots for a human look.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, demo, signIn } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  poll,
  shot,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

interface Report {
  synthetic: boolean;
  population: number;
  covered: number;
  share: number;
  settings: { speedMPerMin: number; reachM: number };
  communities: { regionCode: string; name: string }[];
  uncoveredCells: unknown[];
  sites: unknown[];
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

describeBrowser('覆盖分析: the 15-minute service circle in the console', () => {
  let app: WebApp;
  let browser: Browser;
  let centre: Client;
  let keeper: Client;
  const report = async (client: Client): Promise<Report> => {
    const res = await client.get('/api/v1/coverage/report');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    [centre, keeper] = await Promise.all([signIn(app.app, demo.centreAdmin), signIn(app.app, demo.keeper)]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const share = (page: Page) => page.locator('.lf-coverage-share .ant-statistic-content').textContent();

  it('shows the API’s share, grows it with a faster walk, and exports the same figures', async () => {
    const before = await report(centre);
    expect(before.synthetic).toBe(true);
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.centreAdmin);
    await page.goto(`${app.url}/console`);
    await page.getByRole('menuitem', { name: '覆盖分析' }).click();
    await page.waitForURL(/\/console\/coverage$/);
    await poll(() => share(page)).toBe(percent(before.share));
    await expect(page.locator('.lf-coverage-covered-people .ant-statistic-content').textContent()).resolves.toBe(
      before.covered.toLocaleString('zh-CN'),
    );
    // labelled synthetic: by the title, the figures, the community table and a note
    await page.getByText('合成数据').first().waitFor();
    expect(await page.getByText('合成数据').count()).toBeGreaterThanOrEqual(3);
    // the map: every listed uncovered cell and every site is drawn
    await poll(() => page.locator('path.lf-coverage-uncovered').count()).toBe(before.uncoveredCells.length);
    expect(await page.locator('path.lf-coverage-site').count()).toBe(before.sites.length);
    expect(await page.locator('path.lf-coverage-covered').count()).toBe(1);
    // No tiles here: the communities are drawn as approximate areas under the cells.
    expect(await page.locator('path.lf-community-area').count()).toBeGreaterThan(10);
    await shot(page, 'coverage-desktop');

    // A faster walk reaches further: the page shows the recomputed share, higher than before.
    const speed = page.getByLabel('步行速度（米/分）');
    await speed.fill('110');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('服务圈设置已保存').first().waitFor();
    const after = await report(centre);
    expect(after.settings.speedMPerMin).toBe(110);
    expect(after.share).toBeGreaterThan(before.share);
    await poll(() => share(page)).toBe(percent(after.share));
    await expect(page.locator('.lf-coverage-reach .ant-statistic-content').textContent()).resolves.toContain(
      String(Math.round(after.settings.reachM)),
    );

    // The export holds the figures on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows = new Map(
      (book.getWorksheet('概况')?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((r) => [String((r as unknown[])[1]), (r as unknown[])[2]]),
    );
    expect(rows.get('人口数据')).toMatch(/合成/);
    expect(rows.get('步行速度（米/分钟）')).toBe(110);
    expect(rows.get('覆盖人口')).toBe(after.covered);
    expect(percent(Number(rows.get('覆盖率（%）')) / 100)).toBe(percent(after.share));

    // Siting: three proposed posts are drawn and raise the share; kept, they are the next planned batch.
    await page.getByLabel('新增点位数').fill('3');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/coverage/siting') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /生成建议/ }).click(),
    ]);
    const proposal = (await answer.json()) as { before: { share: number }; after: { share: number }; picks: unknown[] };
    expect(proposal.picks).toHaveLength(3);
    expect(proposal.before.share).toBe(after.share);
    expect(proposal.after.share).toBeGreaterThan(after.share);
    await page.getByText(`覆盖率 ${percent(proposal.before.share)} → ${percent(proposal.after.share)}`).waitFor();
    await poll(() => page.locator('path.lf-coverage-pick').count()).toBe(3);
    await page.locator('.lf-coverage-map').scrollIntoViewIfNeeded();
    await shot(page, 'coverage-proposal');
    await page.getByRole('button', { name: /保存为规划批次/ }).click();
    await page
      .getByText(/已保存为第 \d+ 批（规划）/)
      .first()
      .waitFor();
    const planned = (await report(centre)) as Report & { byBatch: { planned: boolean; share: number }[] };
    const last = planned.byBatch.at(-1);
    expect(last?.planned).toBe(true);
    expect(last?.share).toBeGreaterThan(after.share);
    const batches = page.locator('.lf-coverage-batches');
    await poll(() => batches.locator('tbody tr').last().textContent()).toContain('规划');
    expect(await batches.locator('tbody tr').last().textContent()).toContain(percent(last?.share ?? 0));

    // Narrow screen: the same page stacked.
    await page.setViewportSize(phone);
    await page.locator('.lf-coverage-map').scrollIntoViewIfNeeded();
    await shot(page, 'coverage-narrow');
    await context.close();
    // Many steps through a real browser on a shared 2-core machine: more than the default minute.
  }, 240_000);

  it('a community keeper sees only their scope and reads the settings without changing them', async () => {
    const own = await report(keeper);
    const all = await report(centre);
    const ownCodes = new Set(own.communities.map((c) => c.regionCode));
    const others = all.communities.filter((c) => !ownCodes.has(c.regionCode));
    expect(own.communities.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/coverage`);
    await poll(() => share(page)).toBe(percent(own.share));
    const table = page.locator('.lf-coverage-communities');
    for (const c of own.communities) await table.getByText(c.name, { exact: true }).waitFor();
    for (const c of others.slice(0, 5)) expect(await table.getByText(c.name, { exact: true }).count()).toBe(0);
    await page.getByText('只有中心管理员可以修改服务圈设置').waitFor();
    expect(await page.getByLabel('步行速度（米/分）').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /保存设置/ }).count()).toBe(0);
    await shot(page, 'coverage-keeper');
    await context.close();
  });

  it('reads in English: every heading, label, column and button of the page is translated', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.centreAdmin);
    await page.evaluate(() => localStorage.setItem('leifeng.lang', 'en'));
    await page.goto(`${app.url}/console/coverage`);
    await page.getByText('Share covered').first().waitFor();
    await poll(() => page.locator('path.lf-coverage-uncovered').count()).toBeGreaterThan(0);
    // Names of places and sites are data and stay Chinese; the page's own words must not.
    const chrome = await page
      .locator(
        '.lf-coverage :is(h1, h2, h3, h4, .ant-card-head-title, th, button, label, .ant-statistic-title, .ant-form-item-extra, .ant-typography, .ant-tag, .lf-coverage-legend)',
      )
      .allTextContents();
    expect(chrome.length).toBeGreaterThan(10);
    const han = /[\u4e00-\u9fff]/;
    expect(chrome.filter((text) => han.test(text))).toEqual([]);
    await shot(page, 'coverage-english');
    await context.close();
  });
});
