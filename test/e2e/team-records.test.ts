/**
 * 本队待确认时长 in the browser: a team leader (only a leader) finds the entry under 我的, confirms one
 * member's pending hours and rejects another's with a reason (required), until the list is empty.
 */

import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordService, serviceRecords } from '../../src/server/modules/hours/index.js';
import { organisationMembers } from '../../src/server/modules/organisations/index.js';
import { makeUser } from '../people.js';
import { demo, signIn } from '../server.js';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  phone,
  poll,
  shot,
  signInAs,
  startWebApp,
  type WebApp,
} from './browser.js';

const COMMUNITY = '371002002005';

describeBrowser('team leaders confirm their team’s hours on the phone', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the leader confirms one record and rejects another with a reason; a member sees no entry', async () => {
    const centre = await signIn(app.app, demo.centreAdmin);
    const made = await centre.post('/api/v1/organisations', {
      kind: 'team',
      name: '海滨清洁队（测试）',
      regionCode: COMMUNITY,
      joinMode: 'approval',
    });
    expect(made.statusCode, made.body).toBeLessThan(300);
    const teamId: string = made.json().id;
    const leader = await makeUser(app.database, { displayName: '王队长' });
    const first = await makeUser(app.database, { displayName: '赵一' });
    const second = await makeUser(app.database, { displayName: '钱二' });
    await app.database.db.insert(organisationMembers).values([
      { tenantId: '371002', organisationId: teamId, userId: leader.id, role: 'leader' },
      { tenantId: '371002', organisationId: teamId, userId: first.id, role: 'member' },
      { tenantId: '371002', organisationId: teamId, userId: second.id, role: 'member' },
    ]);
    const pending = async (userId: string, minutes: number) =>
      (
        await recordService(app.database.db, {
          tenantId: '371002',
          volunteerUserId: userId,
          source: { type: 'manual', id: `team-records-e2e-${userId}` },
          regionCode: COMMUNITY,
          organisationId: teamId,
          content: '蓝色周六·海滨清洁',
          minutes,
        })
      ).record.id;
    const ofFirst = await pending(first.id, 120);
    const ofSecond = await pending(second.id, 90);

    // A plain member: no entry under 我的.
    const member = await newPage(browser, phone);
    await signInAs(member.page, app.url, first.phone);
    await member.page.goto(`${app.url}/h5/mine`);
    await member.page.getByText('我的服务时长').waitFor({ timeout: 30_000 });
    expect(await member.page.getByTestId('team-records-entry').count()).toBe(0);
    await member.context.close();

    const { context, page } = await newPage(browser, phone);
    await signInAs(page, app.url, leader.phone);
    await page.goto(`${app.url}/h5/mine`);
    await page.getByTestId('team-records-entry').click({ timeout: 30_000 });
    await page.waitForURL(/\/h5\/mine\/team-records$/);
    await poll(() => page.getByTestId('team-record').count()).toBe(2);
    await page.getByText('120 分钟').waitFor();
    await shot(page, 'h5-team-records');

    await page.getByTestId('team-record').filter({ hasText: '赵一' }).getByRole('button', { name: '确认' }).click();
    await page.getByText('已确认 1 条').waitFor();
    await poll(() => page.getByTestId('team-record').count()).toBe(1);

    await page.getByTestId('team-record').filter({ hasText: '钱二' }).getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('驳回 钱二 的服务记录').waitFor();
    await dialog.getByRole('button', { name: '驳回' }).click();
    await page.getByText('请填写驳回理由（至少2个字）').waitFor();
    await shot(page, 'h5-team-records-reject');
    await dialog.getByLabel('驳回理由（志愿者会收到）').fill('当天未到岗');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await page.getByTestId('team-records-empty').waitFor();
    await page.getByText('没有待确认的服务记录').waitFor();
    await shot(page, 'h5-team-records-empty');
    await context.close();

    const status = async (id: string) =>
      (await app.database.db.select().from(serviceRecords).where(eq(serviceRecords.id, id)))[0];
    expect(await status(ofFirst)).toMatchObject({ status: 'confirmed', confirmedBy: leader.id });
    expect(await status(ofSecond)).toMatchObject({ status: 'rejected', rejectReason: '当天未到岗' });
  });
});
