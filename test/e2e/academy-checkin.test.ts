/**
 * Training-session check-in in the browser: the centre edits the session in the console (its
 * check-in point survives the edit), the keeper of 北门外社区 opens the session's check-in screen, and
 * 李志愿's phone (its position set to the training place) checks in with the QR code read off that
 * screen and out with the 6-digit code typed from it. A phone 5 km away is told how far it is. The minutes land as training, never as
 * service hours.
 */
import { and, eq } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { academyEnrolments, academySessions } from '../../src/server/modules/academy/index.js';
import { defaultExport } from '../../src/web/shared/interop.js';
import { userIdOf } from '../people.js';
import { anonymous, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp } from './browser.js';

const BEIMENWAI = '371002002005';
const PLACE = '北门外社区新时代文明实践站 · 培训签到演练';
const POINT = { lng: 122.1205, lat: 37.5102, radiusM: 150 };
const AT_POINT = { longitude: 122.1206, latitude: 37.5103, accuracy: 15 };
const FAR = { longitude: 122.1205, latitude: 37.5102 + 5000 / 111_320, accuracy: 15 };
const MINUTE = 60_000;
const shots = '/tmp/shots/academy-checkin';
const jsQR = defaultExport<typeof jsQRModule.default>(jsQRModule);

/** The link in the QR code on the screen, read from its pixels as a phone camera would. */
async function readScreenQr(screen: Page): Promise<string> {
  const img = screen.getByTestId('checkin-qr');
  await img.waitFor();
  const pixels = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.drawImage(el, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  });
  const qr = jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height);
  if (!qr) throw new Error('no QR code on the screen');
  return qr.data;
}

describeBrowser('training check-in in the browser', () => {
  it('the keeper shows the session screen; the phone at the place checks in and out; minutes count as training', async () => {
    const [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    try {
      const centre = await signIn(app.app, demo.centreAdmin);
      const volunteerApi = await signIn(app.app, demo.volunteer);
      const userId = await userIdOf(app.database, demo.volunteer);
      const courses = (await anonymous(app.app).get('/api/v1/academy/courses?limit=200')).json().items;
      const course = courses.find((c: { title: string }) => c.title === '急救技能培训');
      const startsAt = Date.now() + 10 * MINUTE;
      const created = await centre.post(`/api/v1/academy/courses/${course.id}/sessions`, {
        regionCode: BEIMENWAI,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 4 * 60 * MINUTE).toISOString(),
        place: PLACE,
        capacity: 20,
        checkinPoint: POINT,
      });
      expect(created.statusCode, created.body).toBe(201);
      const sessionId = created.json().id as string;
      expect((await volunteerApi.post(`/api/v1/academy/sessions/${sessionId}/enrolments`)).statusCode).toBe(201);
      const pointOf = async () =>
        (await centre.get(`/api/v1/academy/courses/${course.id}`))
          .json()
          .sessions.find((s: { id: string }) => s.id === sessionId);

      // The centre edits the session's capacity in the console: the check-in point stays.
      const desk = await newPage(browser);
      await signInAs(desk.page, app.url, demo.centreAdmin);
      await desk.page.goto(`${app.url}/console/academy`);
      await desk.page.getByRole('button', { name: '急救技能培训' }).first().click();
      const row = desk.page.locator('.ant-drawer .ant-table-row').filter({ hasText: PLACE });
      await row.getByRole('button', { name: '编辑场次' }).click();
      const modal = desk.page.locator('.ant-modal').filter({ hasText: '编辑场次' });
      await expect.poll(() => modal.getByLabel('经度').inputValue()).toBe(String(POINT.lng));
      // The community the session belongs to shows by its name, never its raw code.
      const region = modal.locator('.ant-form-item').filter({ hasText: '主办区域' }).locator('.ant-select');
      await region.getByText('北门外社区').waitFor();
      expect(await region.textContent()).not.toContain(BEIMENWAI);
      await modal.getByLabel('名额').fill('25');
      await desk.page.screenshot({ path: `${shots}/edit-session.png` });
      await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
      await modal.waitFor({ state: 'hidden' });
      expect(await pointOf()).toMatchObject({ capacity: 25, checkinPoint: POINT });
      await desk.context.close();

      // The keeper of 北门外社区 opens the session's check-in screen from the course.
      const screen = await newPage(browser);
      await signInAs(screen.page, app.url, demo.keeper);
      await screen.page.goto(`${app.url}/console/academy`);
      await screen.page.getByRole('button', { name: '急救技能培训' }).first().click();
      await screen.page
        .locator('.ant-drawer .ant-table-row')
        .filter({ hasText: PLACE })
        .getByRole('button', { name: '签到大屏' })
        .click();
      await screen.page.waitForURL(`**/console/academy/sessions/${sessionId}/screen`);
      await screen.page.getByText('已签到 0 人 · 已签退 0 人').waitFor();
      await screen.page.screenshot({ path: `${shots}/screen.png`, fullPage: true });

      // 李志愿's phone, 5 km away at first.
      const context = await browser.newContext({
        viewport: phone,
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
        geolocation: FAR,
        permissions: ['geolocation'],
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signInAs(page, app.url, demo.volunteer);
      const link = await readScreenQr(screen.page);
      expect(new URL(link).pathname).toBe('/h5/academy/checkin');
      // Typed rather than scanned here: the page is open before the code is read, so a slow machine
      // cannot outlast the code's 30 seconds.
      await page.goto(`${app.url}/h5/academy/checkin`);
      const codeBox = page.getByRole('textbox', { name: '6位签到码' });
      await codeBox.fill((await screen.page.getByTestId('checkin-code').textContent())?.trim() ?? '');
      await page.getByRole('button', { name: /签\s*到/ }).click();
      await page.getByRole('alert').waitFor();
      // A loaded machine may take longer than the QR code's life: then the alert says so, not the distance.
      expect(await page.getByRole('alert').textContent()).toMatch(/您距培训地点约? ?5\.0 公里/);
      await page.screenshot({ path: `${shots}/too-far.png`, fullPage: true });

      // At the place, a fresh scan checks in.
      await context.setGeolocation(AT_POINT);
      await page.goto(await readScreenQr(screen.page));
      await page.getByRole('button', { name: /签\s*到/ }).click();
      await page.getByText('培训签到成功').waitFor();
      await page.screenshot({ path: `${shots}/checked-in.png`, fullPage: true });
      await screen.page.getByText('已签到 1 人 · 已签退 0 人').waitFor({ timeout: 20_000 });

      // As if the training had run two hours: it started then, and 李志愿 checked in five minutes before.
      await app.database.db
        .update(academySessions)
        .set({ startsAt: new Date(Date.now() - 120 * MINUTE), endsAt: new Date(Date.now() + 60 * MINUTE) })
        .where(eq(academySessions.id, sessionId));
      await app.database.db
        .update(academyEnrolments)
        .set({ checkedInAt: new Date(Date.now() - 125 * MINUTE) })
        .where(and(eq(academyEnrolments.sessionId, sessionId), eq(academyEnrolments.userId, userId)));
      const hoursBefore = (await volunteerApi.get('/api/v1/me/hours')).json();
      const trainingBefore = (await volunteerApi.get('/api/v1/me/academy')).json().totalMinutes as number;

      // Check-out by typing the 6-digit code shown under the QR code.
      await page.goto(`${app.url}/h5/academy/checkin`);
      const typed = (await screen.page.getByTestId('checkin-code').textContent())?.trim() ?? '';
      expect(typed).toMatch(/^\d{6}$/);
      await codeBox.fill(typed);
      await page.screenshot({ path: `${shots}/typed-code.png`, fullPage: true });
      await page.getByRole('button', { name: /签\s*退/ }).click();
      await page.getByText('培训签退成功').waitFor();
      await page.getByText('120 分钟（2 小时）').waitFor();
      await page.getByText('计入培训时长，不计入志愿服务时长和积分').waitFor();
      await page.screenshot({ path: `${shots}/checked-out.png`, fullPage: true });
      await screen.page.getByText('已签到 1 人 · 已签退 1 人').waitFor({ timeout: 20_000 });
      await screen.page.screenshot({ path: `${shots}/screen-after.png`, fullPage: true });

      // Training, not service: 我的培训 adds two hours; service hours stay as they were.
      expect((await volunteerApi.get('/api/v1/me/academy')).json().totalMinutes).toBe(trainingBefore + 120);
      expect((await volunteerApi.get('/api/v1/me/hours')).json()).toEqual(hoursBefore);
      await page.getByRole('button', { name: '查看我的培训' }).click();
      await page.getByText('累计培训时长').waitFor();
      await page.screenshot({ path: `${shots}/my-training.png`, fullPage: true });
      await context.close();
      await screen.context.close();
    } finally {
      await browser.close();
      await app.close();
    }
  }, 240_000);
});
