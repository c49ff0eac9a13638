/**
 * What a reader sees, whatever their browser: times in the tenant's zone (China time) even in a
 * browser set to New York; long unbroken text that wraps instead of widening a phone page; never a
 * blank screen between signing in and the first page.
 */

import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { notify } from '../../src/server/modules/notifications/index.js';
import { makeUser } from '../people.js';
import { anonymous, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, shot, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('reading pages in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the inbox shows China time in a browser set to New York', async () => {
    const person = await makeUser(app.database);
    // 16:30 UTC on 10 March 2026 is 00:30 on the 11th in Shanghai and 12:30 on the 10th in New York.
    const id = await app.database.db.transaction((tx) =>
      notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.time', title: '时间测试' }),
    );
    await app.database.db.execute(sql`update notifications set created_at = '2026-03-10T16:30:00Z' where id = ${id}`);

    const { context, page } = await newPage(browser, phone, { timezoneId: 'America/New_York' });
    await signInAs(page, app.url, person.phone);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await page.goto(`${app.url}/h5/inbox`);
    const item = page.locator('.adm-list-item', { hasText: '时间测试' });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('2026/3/11 00:30');
    expect(text).not.toContain('3/10');
    await context.close();
  });

  it('a 2,000-character unbroken description, name and address wrap on a phone', async () => {
    const map = await fetch(`${app.url}/api/v1/public/sites/map`).then((r) => r.json());
    const site = map.items.find((p: { name: string }) => p.name === '大世界雷锋岗');
    // Written straight to the table, as data from before the limits (or an import) could be.
    await app.database.db.execute(
      sql`update sites set description = ${'W'.repeat(2000)}, address = ${'A'.repeat(200)}, name = ${'N'.repeat(100)} where id = ${site.id}`,
    );
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/sites/${site.id}`);
    await page.getByText('WWWWWWWWWW', { exact: false }).first().waitFor();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
    await shot(page, 'site-long-text');
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

    // An id that cannot exist and one that does not: both say 未找到, neither "提交的内容有误".
    for (const id of ['not-a-site', '00000000-0000-4000-8000-000000000000']) {
      await page.goto(`${app.url}/sites/${id}`);
      await page.getByText('未找到', { exact: true }).waitFor();
      expect(await page.getByText('提交的内容有误').count()).toBe(0);
    }
    await context.close();
  });

  it('after signing in, something is on screen at every frame until the home page', async () => {
    for (const who of [demo.volunteer, demo.keeper]) {
      const { context, page } = await newPage(browser, who === demo.volunteer ? phone : undefined);
      await page.goto(`${app.url}/login`);
      await page.getByLabel(/手机号|Mobile number/).fill(who);
      await page.getByLabel(/^(密码|Password)\*?$/).fill(DEMO_PASSWORD);
      // Every animation frame from the click on: is the page showing nothing at all?
      await page.evaluate(() => {
        const w = window as unknown as { __blank: number[] };
        w.__blank = [];
        // Rendered text on purpose: text hidden by CSS is not on screen.
        const visible = () =>
          // biome-ignore lint/performance/useDomNodeTextContent: what is on screen, not in the DOM
          (document.body.innerText.trim().length > 0 && !!document.querySelector('#root *')) ||
          !!document.querySelector('.lf-spinner, .ant-spin, .ant-skeleton, .adm-skeleton, .adm-spin-loading');
        const tick = (at: number) => {
          if (!visible()) w.__blank.push(at);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.waitForLoadState('networkidle');
      const blank = await page.evaluate(() => (window as unknown as { __blank: number[] }).__blank);
      expect(blank, `${who}: blank frames at ${blank.join(', ')} ms`).toEqual([]);
      await context.close();
    }
  });

  it('an English reader sees a team decision in English, from the code and parameters stored with it', async () => {
    const person = await makeUser(app.database);
    const team = (
      await anonymous(app.app).get(`/api/v1/organisations?q=${encodeURIComponent('鲸园蓝志愿服务队')}`)
    ).json().items[0];
    const asker = await signIn(app.app, person.phone);
    expect((await asker.post(`/api/v1/organisations/${team.id}/join`, {})).json().outcome).toBe('requested');
    const leader = await signIn(app.app, demo.orgAdmin);
    const request = (await leader.get(`/api/v1/organisations/${team.id}/join-requests`))
      .json()
      .items.find((r: { user: { id: string } }) => r.user.id === person.id);
    const decided = await leader.post(`/api/v1/organisations/${team.id}/join-requests/${request.id}/approve`);
    expect(decided.statusCode, decided.body).toBe(200);

    const { context, page } = await newPage(browser, phone);
    await context.addInitScript(() => localStorage.setItem('leifeng.lang', 'en'));
    await signInAs(page, app.url, person.phone);
    await page.goto(`${app.url}/h5/inbox`);
    await page.getByText('Your request to join 鲸园蓝志愿服务队 was approved').waitFor();
    await page.getByText('Welcome to 鲸园蓝志愿服务队!').waitFor();
    expect(await page.getByText('申请已通过').count()).toBe(0);
    await context.close();
  });
});
