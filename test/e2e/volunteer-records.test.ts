/**
 * Volunteer records in the browser: the H5 profile tells a volunteer to ask their station to correct
 * their name or ID number, and the station has that path (更正信息 in the console's volunteer drawer).
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { idNumber } from '../factories.js';
import { demo } from '../server.js';
import { describeBrowser, launchBrowser, newPage, phone, signInAs, startWebApp, type WebApp } from './browser.js';

describeBrowser('volunteer records in the browser', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the station corrects the name and ID number the H5 profile sends the volunteer to them for', async () => {
    const volunteer = await newPage(browser, phone);
    await signInAs(volunteer.page, app.url, demo.volunteer);
    await volunteer.page.goto(`${app.url}/h5/mine/volunteer`);
    // The first H5 page of a fresh browser can take long on a loaded machine.
    await volunteer.page.getByText('姓名和身份证号如需更正，请联系所属社区站点').waitFor({ timeout: 30_000 });
    await volunteer.page.getByText('李志愿').waitFor();

    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, demo.keeper);
    await page.goto(`${app.url}/console/volunteers`);
    await page.getByRole('button', { name: '李志愿' }).click();
    await page.getByRole('button', { name: /更正信息/ }).click();
    const dialog = page.getByRole('dialog', { name: '更正志愿者信息' });
    await dialog.getByLabel('姓名').fill('李志远');
    const id = idNumber('19860707', 715);
    await dialog.getByLabel('身份证号（不更正请留空）').fill(id);
    await dialog.getByRole('button', { name: /确认更正/ }).click();
    await dialog.getByText('请填写更正原因').waitFor();
    await dialog.getByLabel('更正原因').fill('登记时姓名录错，已核对本人身份证');
    await dialog.getByRole('button', { name: /确认更正/ }).click();
    await page.getByText('已更正').waitFor();
    // The list row and the drawer both show the corrected number, masked.
    await page
      .getByText(`${id.slice(0, 4)}**********${id.slice(-4)}`)
      .first()
      .waitFor();
    await context.close();

    await volunteer.page.reload();
    await volunteer.page.getByText('李志远').waitFor();
    await volunteer.page.getByRole('button', { name: /显示完整号码/ }).click();
    await volunteer.page.getByText(id).waitFor();
    await volunteer.context.close();
  });
});
