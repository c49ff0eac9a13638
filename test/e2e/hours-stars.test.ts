/** The star level where volunteers and staff look: H5 我的, 我的服务时长, and the console's volunteer drawer. */
import { eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '../../src/server/modules/accounts/index.js';
import { recordService } from '../../src/server/modules/hours/index.js';
import { demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('star levels in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const db = app.database.db;
    // Small thresholds (1, 3, 6, 10, 15 h) so that two confirmed records reach a star.
    await db.execute(
      sql`insert into hours_settings (tenant_id, star_thresholds_hours) values ('371002', '{1,3,6,10,15}')`,
    );
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.phone, demo.volunteer));
    const ids: string[] = [];
    for (const [i, minutes] of [90, 60, 45].entries()) {
      const { record } = await recordService(db, {
        tenantId: '371002',
        volunteerUserId: me?.id as string,
        source: { type: 'manual', id: `stars-${i}` },
        regionCode: '371002002005',
        content: `蓝色周六·海滨清洁 第${i + 1}次`,
        minutes,
      });
      ids.push(record.id);
    }
    const keeper = await signIn(app.app, demo.keeper);
    const confirmed = await keeper.post('/api/v1/service-records/confirm', { ids: ids.slice(0, 2) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the volunteer sees 2.5 hours and one star on 我的 and on 我的服务时长; the station sees them in the drawer', async () => {
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/mine`);
    const hoursOnMine = volunteer.page.getByTestId('mine-hours');
    await hoursOnMine.waitFor({ timeout: 30_000 });
    await expect.poll(() => hoursOnMine.textContent()).toBe('2.5 小时');
    const stars = volunteer.page.getByTestId('mine-stars');
    await expect.poll(() => stars.textContent()).toContain('1 星志愿者');
    expect(await stars.getAttribute('data-level')).toBe('1');
    await volunteer.page.getByText('我的服务时长').click();
    await volunteer.page.getByTestId('hours-total').waitFor();
    await expect.poll(() => volunteer.page.getByTestId('hours-total').textContent()).toBe('2.5 小时');
    await volunteer.page.getByText('待确认 0.8 小时').waitFor();
    await volunteer.page.getByText('距 2 星还差 0.5 小时').waitFor();
    await volunteer.context.close();

    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/volunteers`);
    await page.getByRole('button', { name: '李志愿' }).click();
    const drawer = page.getByTestId('volunteer-hours');
    await drawer.waitFor();
    await expect.poll(() => drawer.textContent()).toMatch(/^2\.5 小时 · ★ 1 星志愿者 · 待确认 0\.8 小时$/);
    await page.getByText('服务时长与星级').waitFor();
    await context.close();
  });
});
