/** The volunteer's side of an activity in the browser tests: a phone at the station, signing up on H5. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demo } from '../server.js';
import { phone, signInAs } from './browser.js';

/** Where the demo activities' station stands; the phone reports it, inside the geofence. */
export const AT_SITE = { latitude: 37.5118, longitude: 122.1226, accuracy: 15 };

/** The demo volunteer's phone, signed in, signs up for one occurrence and sees 报名成功. */
export async function signUpOnPhone(
  browser: Browser,
  baseUrl: string,
  activityId: string,
  sessionId: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: phone,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    geolocation: AT_SITE,
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInAs(page, baseUrl, demo.volunteer);
  await page.goto(`${baseUrl}/h5/activities/${activityId}?session=${sessionId}`);
  await page
    .getByRole('button', { name: /报\s*名/ })
    .first()
    .click();
  await page.getByText('报名成功').waitFor();
  return { context, page };
}
