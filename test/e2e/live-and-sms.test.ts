/**
 * The runtime parts in the browser: a forgotten password reset end to end with the code read from
 * the demo phone in the console (the job runner delivers it, as in `npm start`), and the inbox
 * showing a new message as soon as it is written, without reloading.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '../../src/server/modules/notifications/index.js';
import { makeUser } from '../people.js';
import { demo } from '../server.js';
import {
  describeBrowser,
  desktop,
  launchBrowser,
  newPage,
  phone,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

/** Saves a screenshot for a human look when LEIFENG_SHOTS names a folder. */
const shot = async (page: import('playwright-core').Page, name: string) => {
  if (process.env.LEIFENG_SHOTS) await page.screenshot({ path: `${process.env.LEIFENG_SHOTS}/${name}.png` });
};

describeBrowser('live push and text messages in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startWebApp({ jobs: { work: true, pollingIntervalSeconds: 0.5 } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a resident resets a forgotten password with the code a keeper reads from the demo phone', async () => {
    const resident = await newPage(browser, phone);
    await resident.page.goto(`${app.url}/login`);
    await resident.page.getByText('忘记密码 / 首次设置密码').click();
    await resident.page.getByText('通过手机验证码设置新密码', { exact: false }).waitFor();
    await resident.page.getByLabel('手机号').fill(demo.resident);
    await resident.page.getByRole('button', { name: /获取验证码/ }).click();
    await resident.page.getByRole('button', { name: /秒后重发/ }).waitFor();

    const keeper = await newPage(browser, desktop);
    await signInAs(keeper.page, app.url, demo.keeper);
    await keeper.page.getByRole('menuitem', { name: /演示短信箱/ }).click();
    await keeper.page.getByText('演示功能').waitFor();
    await keeper.page.getByLabel('按手机号筛选').fill(demo.resident);
    const sms = keeper.page.getByText(/验证码为\d{6}/).first();
    await sms.waitFor({ timeout: 20_000 });
    await shot(keeper.page, 'console-demo-sms');
    const code = (await sms.textContent())?.match(/验证码为(\d{6})/)?.[1] as string;
    expect(code).toMatch(/^\d{6}$/);

    await resident.page.getByLabel('验证码').fill(code);
    await resident.page.getByLabel(/^新密码\*?$/).fill('Resident2026new');
    await resident.page.getByRole('button', { name: /设置新密码/ }).click();
    await resident.page.waitForURL((u) => u.pathname === '/login');
    await signInAs(resident.page, app.url, demo.resident, 'Resident2026new');
    await Promise.all([resident.context.close(), keeper.context.close()]);
  });

  it('shows a new inbox message as it is written, without reloading', async () => {
    const person = await makeUser(app.database);
    const { context, page } = await newPage(browser, phone);
    // Keep every EventSource the page opens, to know when the server holds its stream.
    await context.addInitScript(() => {
      const Native = window.EventSource;
      const opened: EventSource[] = [];
      (window as unknown as { __sources: EventSource[] }).__sources = opened;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          opened.push(this);
        }
      };
    });
    await signInAs(page, app.url, person.phone);
    await page.goto(`${app.url}/h5/inbox`);
    await page.getByRole('heading', { name: '消息' }).waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { __sources: EventSource[] }).__sources.some((s) => s.readyState === EventSource.OPEN),
    );
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    await app.database.db.transaction((tx) =>
      notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.live', title: '活动时间调整为周六上午' }),
    );
    await page.getByText('活动时间调整为周六上午').waitFor({ timeout: 10_000 });
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await shot(page, 'h5-inbox-live');
    await context.close();
  });
});
