/** The volunteer's side of an activity in the browser tests: a phone at the station, signing up on H5. */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { activityAttendance, activitySessions } from '../../src/server/modules/activities/index.js';
import { organisations } from '../../src/server/modules/organisations/index.js';
import { type Client, demo, type TestContext } from '../server.js';
import { phone, signInAs } from './browser.js';

/** Where the demo activities' station stands; the phone reports it, inside the geofence. */
export const AT_SITE = { latitude: 37.5118, longitude: 122.1226, accuracy: 15 };

const MINUTE = 60_000;

/**
 * The keeper publishes a one-occurrence 蓝色周六 activity of 鲸园蓝志愿服务队 at `siteId`, starting in
 * 20 minutes for two hours; answers the published activity and its occurrence.
 */
export async function publishedBlueSaturday(app: TestContext, keeper: Client, siteId: string, title: string) {
  const [team] = await app.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '鲸园蓝志愿服务队'));
  const startsAt = new Date(Date.now() + 20 * MINUTE);
  const created = await keeper.post('/api/v1/activities', {
    title,
    categoryCode: 'environment',
    organisationId: team?.id,
    series: '蓝色周六',
    siteId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 60 * MINUTE).toISOString(),
    quota: 10,
  });
  expect(created.statusCode, created.body).toBe(201);
  const activity = (await keeper.post(`/api/v1/activities/${created.json().id}/publish`)).json();
  return { activity, sessionId: activity.sessions[0].id as string };
}

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

/** The code the check-in screen shows now. */
export async function screenCode(screen: Page) {
  await screen.reload();
  const text = await screen.getByTestId('checkin-code').textContent();
  expect(text).toMatch(/^\d{6}$/);
  return text as string;
}

/** An hour passes without waiting: the occurrence's window and the check-in move an hour back. */
export async function anHourLater(app: TestContext, sessionId: string) {
  await app.database.db
    .update(activitySessions)
    .set({ startsAt: new Date(Date.now() - 60 * MINUTE), endsAt: new Date(Date.now() + 60 * MINUTE) })
    .where(eq(activitySessions.id, sessionId));
  await app.database.db
    .update(activityAttendance)
    .set({ checkInAt: new Date(Date.now() - 61 * MINUTE) })
    .where(eq(activityAttendance.sessionId, sessionId));
}
