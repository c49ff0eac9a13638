import { expect, it } from 'vitest';
import { FIRST_AID_QUESTIONS } from '../../src/server/demo/seed-demo-academy.js';
import { anonymous, demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, poll, signInAs, startWebApp } from './browser.js';
import { BEIMENWAI, reviewedFirstAidOrder } from './first-aid-order.js';

const PLACE = '北门外社区新时代文明实践站 · 急救实训室';
const shots = '/tmp/shots/academy';

describeBrowser('the training academy in the browser', () => {
  it('enrol in 急救技能培训, attend, pass the quiz: the 急救 qualification makes 李志愿 a candidate for 急救保障', async () => {
    const [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    try {
      const centre = await signIn(app.app, demo.centreAdmin);
      const keeper = await signIn(app.app, demo.keeper);
      const resident = await signIn(app.app, demo.resident);
      const { volunteerId, userId, candidates } = await reviewedFirstAidOrder(app, resident, keeper);
      expect(await candidates()).not.toContain(volunteerId);

      // The district runs a 急救技能培训 session in 北门外社区 starting soon.
      const courses = (await anonymous(app.app).get('/api/v1/academy/courses?limit=200')).json().items;
      const course = courses.find((c: { title: string }) => c.title === '急救技能培训');
      expect(course).toBeTruthy();
      const startsAt = Date.now() + 10 * 60_000;
      const session = await centre.post(`/api/v1/academy/courses/${course.id}/sessions`, {
        regionCode: BEIMENWAI,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 4 * 3600_000).toISOString(),
        place: PLACE,
        capacity: 20,
      });
      expect(session.statusCode, session.body).toBe(201);

      // 李志愿 enrols on H5.
      const { context, page } = await newPage(browser, phone);
      await signInAs(page, app.url, demo.volunteer);
      await page.goto(`${app.url}/h5/academy/courses/${course.id}`);
      await page.getByText('急救技能培训').first().waitFor();
      const row = page.locator('.adm-list-item').filter({ hasText: PLACE });
      await row.getByRole('button', { name: '报名' }).click();
      await row.getByText('已报名').waitFor();
      await page.getByText('参加场次并登记出勤后才能参加考核').waitFor();
      await page.screenshot({ path: `${shots}/enrolled.png`, fullPage: true });

      // The keeper of 北门外社区 marks the attendance (the API of the console's attendance list).
      const list = (await keeper.get(`/api/v1/academy/sessions/${session.json().id}/enrolments`)).json().items;
      const enrolment = list.find((e: { userId: string }) => e.userId === userId);
      const marked = await keeper.post(`/api/v1/academy/sessions/${session.json().id}/attendance`, {
        enrolmentIds: [enrolment.id],
      });
      expect(marked.json()).toMatchObject({ marked: 1, minutesEach: 240 });

      // The quiz: every question answered right.
      await page.reload();
      await row.getByText('已出勤').waitFor();
      await page.getByRole('button', { name: '参加考核' }).click();
      const questions = page.locator('.lf-academy-question');
      await questions.first().waitFor();
      const count = await questions.count();
      expect(count).toBe(5);
      for (let i = 0; i < count; i++) {
        const q = questions.nth(i);
        const text = (await q.textContent()) ?? '';
        const known = FIRST_AID_QUESTIONS.find(([prompt]) => text.includes(prompt));
        expect(known, text).toBeTruthy();
        const [, options, answer] = known as (typeof FIRST_AID_QUESTIONS)[number];
        await q.getByText(options[answer], { exact: true }).click();
      }
      await page.screenshot({ path: `${shots}/quiz.png`, fullPage: true });
      await page.getByRole('button', { name: '交卷' }).click();
      await page.getByText('恭喜通过考核').waitFor();
      await page.getByText('已获得资质：急救').waitFor();
      await page.screenshot({ path: `${shots}/passed.png`, fullPage: true });
      await page.getByRole('button', { name: '查看我的资质' }).click();
      await page.getByText('急救', { exact: true }).first().waitFor();
      await page.screenshot({ path: `${shots}/qualifications.png`, fullPage: true });
      await context.close();

      // Now the 急救保障 order lists 李志愿 as a candidate.
      await poll(candidates).toContain(volunteerId);
    } finally {
      await browser.close();
      await app.close();
    }
  });

  it('the console and the H5 catalogue load more courses page by page', async () => {
    const [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    try {
      const centre = await signIn(app.app, demo.centreAdmin);
      for (let i = 1; i <= 52; i++) {
        const res = await centre.post('/api/v1/academy/courses', {
          regionCode: '371002',
          category: 'skills',
          title: `翻页课程 ${String(i).padStart(2, '0')}`,
          trainingMinutes: 60,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const all = (await anonymous(app.app).get('/api/v1/academy/courses?limit=200')).json().items as {
        title: string;
      }[];
      expect(all.length).toBeGreaterThan(52);

      const desk = await newPage(browser);
      await signInAs(desk.page, app.url, demo.centreAdmin);
      await desk.page.goto(`${app.url}/console/academy`);
      const rows = desk.page.locator('.ant-table-tbody .ant-table-row');
      await poll(() => rows.count()).toBe(50);
      await desk.page.screenshot({ path: `${shots}/console-courses-first-page.png`, fullPage: true });
      await desk.page.getByRole('button', { name: '加载更多' }).click();
      await poll(() => rows.count()).toBe(all.length);
      await poll(() => desk.page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
      await desk.page.screenshot({ path: `${shots}/console-courses.png`, fullPage: true });
      await desk.context.close();

      const h5 = await newPage(browser, phone);
      await signInAs(h5.page, app.url, demo.volunteer);
      await h5.page.goto(`${app.url}/h5/academy`);
      const titles = h5.page.locator('.lf-academy-title');
      await poll(() => titles.count()).toBe(20);
      const more = h5.page.getByRole('button', { name: '加载更多' });
      while ((await titles.count()) < all.length) {
        const before = await titles.count();
        await more.click();
        await poll(() => titles.count()).toBeGreaterThan(before);
      }
      await poll(() => more.count()).toBe(0);
      expect(await titles.allTextContents()).toEqual(all.map((c) => c.title));
      await h5.page.screenshot({ path: `${shots}/h5-courses.png`, fullPage: true });
      await h5.context.close();
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
