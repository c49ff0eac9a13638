/**
 * Takes screenshots of the main pages for a human look (not a test, not committed output):
 *   npx tsx test/e2e/screenshots.ts http://127.0.0.1:8080 /tmp/shots
 * against a running server with the demo district (npm start).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { desktop, launchBrowser, newPage, phone, signInAs } from './browser.js';

const [base = 'http://127.0.0.1:8080', out = '/tmp/leifeng-shots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const shots: { name: string; phone?: string; path: string; elder?: boolean; lang?: 'en' }[] = [
  { name: 'login', path: '/login' },
  { name: 'notfound', path: '/no-such-page' },
  { name: 'console-overview', phone: '13800000001', path: '/console' },
  { name: 'console-regions', phone: '13800000002', path: '/console/regions' },
  { name: 'console-sites', phone: '13800000001', path: '/console/sites' },
  { name: 'console-keeper-regions', phone: '13800000003', path: '/console/regions' },
  { name: 'console-elder', phone: '13800000003', path: '/console/sites', elder: true },
  { name: 'console-en', phone: '13800000002', path: '/console', lang: 'en' },
  { name: 'h5-home', phone: '13800000005', path: '/h5' },
  { name: 'h5-mine', phone: '13800000004', path: '/h5/mine' },
  { name: 'h5-password', phone: '13800000006', path: '/h5/mine/password' },
  { name: 'h5-elder', phone: '13800000006', path: '/h5/mine', elder: true },
  { name: 'h5-en', phone: '13800000007', path: '/h5', lang: 'en' },
];

const browser = await launchBrowser();
try {
  for (const [label, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    for (const shot of shots) {
      const { context, page } = await newPage(browser, viewport);
      await context.addInitScript(
        ({ elder, lang }) => {
          localStorage.setItem('leifeng.elder', elder ? '1' : '0');
          localStorage.setItem('leifeng.lang', lang ?? 'zh-CN');
        },
        { elder: shot.elder ?? false, lang: shot.lang },
      );
      if (shot.phone) await signInAs(page, base, shot.phone);
      await page.goto(`${base}${shot.path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const file = join(out, `${label}-${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
