/** Staff see exactly their part of the district in the console: region tree, overview and sites. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo, signIn } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  poll,
  signInAs,
  startWebApp,
  texts,
  type WebApp,
} from './browser.js';

/** How many sites the API lists for a user (all pages): what the console must show, no more, no less. */
async function siteCount(app: WebApp, phoneNumber: string): Promise<number> {
  const client = await signIn(app.app, phoneNumber);
  let total = 0;
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/v1/sites?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    const body = res.json() as { items: unknown[]; nextCursor: string | null };
    total += body.items.length;
    cursor = body.nextCursor;
  } while (cursor);
  return total;
}

describeBrowser('console scope in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a station keeper of 北门外 sees only 北门外社区 and the sites in it', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    expect(new URL(page.url()).pathname).toBe('/console');
    await poll(() => page.locator('.lf-console-scope').textContent()).toBe('北门外社区');

    await page.getByRole('menuitem', { name: '区域' }).click();
    expect(await texts(page, '.lf-region-tree .lf-region-name')).toEqual(['北门外社区']);
    const tree = (await page.locator('.lf-region-tree').textContent()) ?? '';
    expect(tree).toContain('371002002005');
    for (const other of ['环翠楼街道', '东北村社区', '鲸园街道', '环翠区']) expect(tree).not.toContain(other);

    // The community's station and the 雷锋岗 inside 北门外, nothing from elsewhere.
    await page.getByRole('menuitem', { name: '阵地' }).click();
    const expected = await siteCount(app, demo.keeper);
    await page.getByText(`已全部显示，共 ${expected} 个阵地`).waitFor();
    const names = await texts(page, '.lf-sites-table tbody tr.ant-table-row td:first-child');
    expect(names).toHaveLength(expected);
    expect(names).toContain('北门外社区新时代文明实践站');
    expect(names.filter((n) => n.endsWith('新时代文明实践站'))).toEqual(['北门外社区新时代文明实践站']);
    expect(names.some((n) => /所$|中心$/.test(n))).toBe(false);
    expect(names).not.toContain('统一路雷锋岗'); // a post of 鲸园街道 itself, above the keeper's community
    const regionsShown = await texts(page, '.lf-sites-table tbody tr.ant-table-row td:nth-child(3)');
    expect(new Set(regionsShown)).toEqual(new Set(['北门外社区']));
    await context.close();
  });

  it('the centre admin sees all 9 subdistricts, the whole district in numbers, and pages through sites', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.centreAdmin);
    await expect
      .poll(() => page.getByTestId('stat-subdistricts').locator('.ant-statistic-content').textContent())
      .toBe('9');
    expect(await page.getByTestId('stat-communities').locator('.ant-statistic-content').textContent()).toBe('218');
    const total = await siteCount(app, demo.centreAdmin);
    expect(total).toBeGreaterThanOrEqual(228); // 1 centre, 9 institutes, 218 stations, and posts
    expect(await page.getByTestId('stat-sites').locator('.ant-statistic-content').textContent()).toBe(String(total));

    await page.goto(`${app.url}/console/regions`);
    const subdistricts = await texts(page, '.lf-region-tree [data-level="subdistrict"] .lf-region-name');
    expect(subdistricts).toHaveLength(9);
    expect(subdistricts).toEqual(expect.arrayContaining(['环翠楼街道', '鲸园街道', '竹岛街道']));
    expect(await texts(page, '.lf-region-tree [data-level="district"] .lf-region-name')).toEqual(['环翠区']);

    await page.goto(`${app.url}/console/sites`);
    await page.getByText('已显示 50 个阵地').waitFor();
    expect(await page.locator('.lf-sites-table tbody tr.ant-table-row').count()).toBe(50);
    await page.getByRole('button', { name: /加载更多/ }).click();
    await page.getByText('已显示 100 个阵地').waitFor();
    expect(await page.locator('.lf-sites-table tbody tr.ant-table-row').count()).toBe(100);

    // Filter by kind: the 9 institutes (所), all on one page.
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新时代文明实践所' }).click();
    await page.getByText('已全部显示，共 9 个阵地').waitFor();
    const names = await texts(page, '.lf-sites-table tbody tr.ant-table-row td:first-child');
    expect(names).toHaveLength(9);
    for (const n of names) expect(n).toMatch(/新时代文明实践所$/);
    await context.close();
  });

  it('the institute admin of 鲸园街道 sees 鲸园街道 and its 16 communities, not 竹岛街道', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.instituteAdmin);
    await page.goto(`${app.url}/console/regions`);
    expect(await texts(page, '.lf-region-tree [data-level="subdistrict"] .lf-region-name')).toEqual(['鲸园街道']);
    const communities = await texts(page, '.lf-region-tree [data-level="community"] .lf-region-name');
    expect(communities).toHaveLength(16);
    expect(communities).toContain('北门外社区');
    const tree = (await page.locator('.lf-region-tree').textContent()) ?? '';
    expect(tree).not.toContain('竹岛街道');
    expect(tree).not.toContain('环翠区');

    // Searching narrows the tree to the match and its parent.
    await page.getByRole('searchbox').fill('北门外');
    await poll(() => texts(page, '.lf-region-tree .lf-region-name')).toEqual(['鲸园街道', '北门外社区']);

    // The sites list holds the institute, the 16 stations and the posts in 鲸园, nothing else.
    await page.goto(`${app.url}/console/sites`);
    const expected = await siteCount(app, demo.instituteAdmin);
    expect(expected).toBeGreaterThanOrEqual(17);
    await page.getByText(`已全部显示，共 ${expected} 个阵地`).waitFor();
    const names = await texts(page, '.lf-sites-table tbody tr.ant-table-row td:first-child');
    expect(names.filter((n) => n.endsWith('新时代文明实践所'))).toEqual(['鲸园街道新时代文明实践所']);
    expect(names.filter((n) => n.endsWith('新时代文明实践站'))).toHaveLength(16);
    expect(names).not.toContain('竹岛街道新时代文明实践所');
    await context.close();
  });

  it('on a phone the console menu folds into a drawer that still reaches every page', async () => {
    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, demo.keeper);
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '阵地' }).click();
    await page.waitForURL((u) => u.pathname === '/console/sites');
    await page.getByText('北门外社区新时代文明实践站').waitFor();
    await context.close();
  });
});
