/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (no browser download), the real
 * app serving the web build on a free port, and signing in through the real login page.
 *
 * Without /usr/bin/chromium the browser suites are skipped (the reason is in their name), unless
 * LEIFENG_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { createTestApp, type TestContext } from '../server.js';

export const CHROMIUM = '/usr/bin/chromium';

const missing = existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)`;
if (missing && process.env.LEIFENG_REQUIRE_BROWSER === '1') {
  throw new Error(`Browser tests required (LEIFENG_REQUIRE_BROWSER=1) but ${missing}`);
}

/** Why the browser suites cannot run here, or null when they can. */
export const browserMissing = missing;

/**
 * `describe` for browser suites: skipped, with the reason in its name, when there is no browser.
 * A page flow takes seconds, more when the whole suite runs at once, so tests get a minute each.
 */
export function describeBrowser(name: string, fn: () => void) {
  return describe.skipIf(Boolean(missing))(missing ? `${name} (skipped: ${missing})` : name, { timeout: 60_000 }, fn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** The app with its seeded database, serving the web build, listening on a free local port. */
export interface WebApp extends TestContext {
  url: string;
}

export async function startWebApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<WebApp> {
  const t = await createTestApp({ ...options, web: true });
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, url };
}

/**
 * A fresh browser context (own cookies and storage) and page, Chinese by default; `timezoneId` puts
 * the browser in another zone (the machine's zone otherwise).
 */
export async function newPage(
  browser: Browser,
  viewport = desktop,
  options: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: options.timezoneId,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Signs in through the login page and waits until the app has left it. */
export async function signInAs(page: Page, baseUrl: string, phoneNumber: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/手机号|Mobile number/).fill(phoneNumber);
  await page.getByLabel(/^(密码|Password)\*?$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Text of every element a locator matches, once at least one is visible. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  await page.locator(selector).first().waitFor();
  return (await page.locator(selector).allTextContents()).map((s) => s.trim());
}

/** `expect.poll` with the patience of a page under load (the default second is too short). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** Saves a screenshot for a human look when LEIFENG_SHOTS names a folder. */
export async function shot(page: Page, name: string) {
  if (process.env.LEIFENG_SHOTS) await page.screenshot({ path: `${process.env.LEIFENG_SHOTS}/${name}.png` });
}

/**
 * Chooses `text` in the antd select of the form item labelled `label` inside `scope`. A click on the
 * list can miss while a busy page is still rendering it, so it picks again until the box shows it.
 */
export async function pickOption(scope: Locator, label: string, option: string, text: string | RegExp) {
  const page = scope.page();
  const shown = scope.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').getByText(text);
  const item = page.locator(option).filter({ hasText: text }).first();
  for (let attempt = 0; attempt < 3 && !(await shown.isVisible()); attempt++) {
    // A click on the box of an open list would close it again.
    if (!(await item.isVisible())) await scope.getByLabel(label).click();
    await item.click();
    await shown.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await shown.waitFor();
}
