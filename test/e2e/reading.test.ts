/**
 * What a reader sees, whatever their browser: times in the tenant's zone (China time) even in a
 * browser set to New York.
 */

import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '../../src/server/modules/notifications/index.js';
import { makeUser } from '../people.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

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
});
