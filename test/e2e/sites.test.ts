/** The public site map, list and detail, and a keeper correcting a location and running the corners. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

/** Set to a folder to keep screenshots of the pages for a human look. */
const SHOTS = process.env.LEIFENG_SHOTS;

describeBrowser('sites in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  };

  it('the public map shows the 5 pilot 雷锋岗, the 218 stations, the centre and the 9 institutes without tiles', async () => {
    const { context, page } = await newPage(browser);
    // A visitor finds the map from the sign-in page.
    await page.goto(`${app.url}/login`);
    await page.getByRole('link', { name: /服务阵地/ }).click();
    await page.waitForURL((u) => u.pathname === '/sites/map');
    await page.getByTestId('map-count').getByText('共 233 个阵地，其中 233 个为近似位置').waitFor();
    // The 雷锋岗, the centre and the institutes one by one, in a pane above the stations.
    const featured = page.locator('.leaflet-lf-featured-sites-pane path.lf-site-marker');
    await expect.poll(() => featured.count()).toBe(15);
    expect(await page.locator('.leaflet-lf-featured-sites-pane path.lf-kind-leifeng_post').count()).toBe(5);
    expect(await page.locator('path.lf-kind-institute').count()).toBe(9);
    expect(await page.locator('path.lf-kind-centre').count()).toBe(1);
    // The 218 stations: single markers plus numbered groups where they would overlap.
    const stationsShown = async () => {
      const counts = (await page.locator('.lf-site-cluster').allTextContents()).map(Number);
      return {
        groups: counts.length,
        total: counts.reduce((a, b) => a + b, 0) + (await page.locator('path.lf-kind-station').count()),
      };
    };
    const before = await stationsShown();
    expect(before.total).toBe(218);
    expect(before.groups).toBeGreaterThan(0);
    expect(await page.locator('path.lf-approximate').count()).toBe(await page.locator('path.lf-site-marker').count());
    // No tiles configured (and no internet here): the communities are drawn as approximate areas
    // (one per located community inside the district), the subdistricts labelled.
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    const [regions, config] = await Promise.all([
      app.app.inject({ url: '/api/v1/public/regions' }).then((r) => r.json()),
      app.app.inject({ url: '/api/v1/public/map-config' }).then((r) => r.json()),
    ]);
    const b = config.bounds;
    const located = new Set(
      (regions.items as { level: string; lng: number | null; lat: number | null }[])
        .filter((r) => r.level === 'community' && r.lng !== null && r.lat !== null)
        .filter((r) => r.lng! >= b.minLng && r.lng! <= b.maxLng && r.lat! >= b.minLat && r.lat! <= b.maxLat)
        .map((r) => `${r.lng},${r.lat}`),
    );
    expect(located.size).toBeGreaterThan(10);
    expect(await page.locator('path.lf-community-area').count()).toBe(located.size);
    expect(await page.locator('.lf-region-label').allTextContents()).toEqual(
      expect.arrayContaining(['鲸园街道', '竹岛街道', '桥头镇']),
    );
    await page.getByText('虚线圈：近似位置').waitFor();
    await shot(page, 'sites-map');

    // A group opens when clicked: the map zooms in and more stations stand alone.
    const singlesBefore = await page.locator('path.lf-kind-station').count();
    await page.locator('.lf-site-cluster').first().click();
    await expect.poll(() => page.locator('path.lf-kind-station').count()).toBeGreaterThan(singlesBefore);
    await shot(page, 'sites-map-zoomed');

    // Filter by kind: only the 雷锋岗 remain.
    await page.getByLabel('类型').selectOption('leifeng_post');
    await expect.poll(() => page.locator('path.lf-site-marker').count()).toBe(5);
    await page.getByTestId('map-count').getByText('共 5 个阵地').waitFor();

    // A marker's popup leads to the site.
    await page.locator('path.lf-kind-leifeng_post').first().dispatchEvent('click');
    await page.locator('.lf-site-popup a').click();
    await page.getByText('可以在这里做什么').waitFor();
    await context.close();
  });

  it('the public list filters by kind and region and opens a site with its zones and corners, on a phone', async () => {
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/sites`);
    await page.getByLabel('类型').selectOption('leifeng_post');
    await page.getByText('已全部显示，共 5 个阵地').waitFor();
    await page.getByLabel('街道/镇').selectOption({ label: '鲸园街道' });
    await page.getByText('已全部显示，共 2 个阵地').waitFor();
    expect((await page.locator('.lf-site-name').allTextContents()).sort()).toEqual(['大世界雷锋岗', '统一路雷锋岗']);
    expect(await page.locator('.lf-site-list .lf-approx-flag').count()).toBe(2);
    await shot(page, 'sites-list-phone');

    await page.getByText('大世界雷锋岗').click();
    await page.getByRole('heading', { name: '大世界雷锋岗' }).waitFor();
    for (const text of ['图书漂流角', '爱心自助区', '借阅、归还、捐赠图书', '第1批试点', '北门外社区']) {
      await page.getByText(text).first().waitFor();
    }
    await page.getByTestId('book-drift').getByText('漂流图书 3 本，在架可借 3 本').waitFor();
    await page.getByText('爱心雨伞').waitFor();
    await page.locator('path.lf-site-marker.lf-approximate').waitFor();
    await shot(page, 'sites-detail-phone');
    await context.close();
  });

  it('a keeper corrects the location by typing coordinates, then lends a book and takes an item', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/sites`);
    await page.getByRole('link', { name: '大世界雷锋岗' }).click();
    await page.getByRole('tab', { name: '位置校正' }).click();
    await page.getByText('当前位置为系统估算的近似位置').waitFor();
    await page.locator('.lf-map-pin').waitFor();
    await shot(page, 'console-location');

    // Dragging the pin east and north fills in the new coordinates.
    const lngBefore = Number(await page.getByLabel('经度').inputValue());
    const latBefore = Number(await page.getByLabel('纬度').inputValue());
    const box = await page.locator('.lf-map-pin').boundingBox();
    if (!box) throw new Error('no pin');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 - 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Number(await page.getByLabel('经度').inputValue())).toBeGreaterThan(lngBefore);
    expect(Number(await page.getByLabel('纬度').inputValue())).toBeGreaterThan(latBefore);

    // Typing exact coordinates wins.
    await page.getByLabel('经度').fill('122.12345');
    await page.getByLabel('纬度').fill('37.51234');
    await page.getByRole('button', { name: /保存位置/ }).click();
    await page.getByText('位置已校正。').waitFor();

    // The public map no longer flags it.
    const pub = await page.request.get(`${app.url}/api/v1/public/sites/map?kind=leifeng_post`);
    const post = (await pub.json()).items.find((p: { name: string }) => p.name === '大世界雷锋岗');
    expect(post).toMatchObject({ lng: 122.12345, lat: 37.51234, approximate: false });

    await page.getByRole('tab', { name: '图书漂流' }).click();
    const row = page.locator('.lf-books-table tr', { hasText: '雷锋日记' });
    await row.getByRole('button', { name: /借\s*出/ }).click();
    await page.getByLabel('借阅人手机号').fill(demo.volunteer);
    await page.getByLabel('借阅人姓名').fill('李志愿');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /借\s*出/ })
      .click();
    await row.getByText('李志愿').waitFor();
    await shot(page, 'console-books');

    await page.getByRole('tab', { name: '爱心自助区' }).click();
    const umbrellas = page.locator('.lf-items-table tr', { hasText: '爱心雨伞' });
    await umbrellas.getByText('12 把').waitFor();
    await umbrellas.getByRole('button', { name: /取\s*用/ }).click();
    await umbrellas.getByText('11 把').waitFor();
    await shot(page, 'console-self-help');
    await context.close();
  });
});
