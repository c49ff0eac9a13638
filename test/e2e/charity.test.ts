/**
 * A charity sale end to end in the browser: the organiser opens the sale in the console, a stall
 * keeper records sales on the phone, the organiser closes it with reconciliation (counted cash
 * differs, so a note is needed) and publishes it; a disbursement is approved by the keeper,
 * countersigned by the institute and paid with a reference; the public report on a phone shows
 * the ledger's figures, and the PDF downloaded from it says the same (read back with pdftotext).
 *
 * With LEIFENG_SHOTS=<folder> the pages are saved as screenshots for a human look.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

const TITLE = '雷锋巷爱心义卖（端到端）';

describeBrowser('a charity sale from the stall to the public report', () => {
  let app: WebApp;
  let browser: Browser;
  let eventId = '';
  let beneficiaryId = '';
  let fundId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    const keeper = await signIn(app.app, demo.keeper);
    // A community fund: the community's keeper and the subdistrict's institute both see its disbursements.
    fundId = (await keeper.post('/api/v1/charity/funds', { name: '端到端爱心基金', regionCode: '371002002005' })).json()
      .id;
    eventId = (
      await keeper.post('/api/v1/charity/events', {
        title: TITLE,
        heldOn: '2026-03-05',
        regionCode: '371002002005',
        address: '雷锋巷',
        fundId,
      })
    ).json().id;
    const stall = await keeper.post(`/api/v1/charity/events/${eventId}/stalls`, {
      name: '王家图书角',
      holderKind: 'family',
      holderName: '王家志愿之家',
      category: 'books',
      keeperPhone: demo.volunteer,
    });
    expect(stall.statusCode, stall.body).toBe(201);
    const person = await keeper.post('/api/v1/charity/beneficiaries', {
      name: '张秀英',
      regionCode: '371002002005',
      situation: '独居老人',
      consent: true,
    });
    beneficiaryId = person.json().id;
    // Under a busy machine the web build and the demo database take minutes.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const consoleAs = async (phoneNumber: string, path: string) => {
    const { context, page } = await newPage(browser);
    await signInAs(page, app.url, phoneNumber);
    await page.goto(`${app.url}${path}`);
    return { context, page };
  };
  const modal = (page: Page) => page.getByRole('dialog');

  it('open → sell on the phone → reconcile and close → publish → pay a family → the public report and its PDF', async () => {
    // The organiser opens the sale.
    const organiser = await consoleAs(demo.keeper, `/console/charity/events/${eventId}`);
    await organiser.page.getByRole('button', { name: '开始义卖' }).click();
    await organiser.page.getByText('进行中').first().waitFor();

    // The keeper sells two books on the phone.
    const seller = await newPage(browser, phone);
    await signInAs(seller.page, app.url, demo.volunteer);
    await seller.page.goto(`${app.url}/h5/charity`);
    for (const amount of ['120', '80.5']) {
      await seller.page.getByPlaceholder('例如 25 或 12.5').fill(amount);
      await seller.page.getByRole('button', { name: '记一笔' }).click();
      await seller.page
        .getByTestId('stall-total')
        .filter({ hasText: amount === '120' ? '¥120.00' : '¥200.50' })
        .waitFor();
    }
    await shot(seller.page, 'charity-h5-stall');
    await seller.context.close();

    // Close with reconciliation: 200 yuan counted against 200.50 recorded needs a note.
    await organiser.page.reload();
    await organiser.page.getByTestId('event-total').filter({ hasText: '¥200.50' }).waitFor();
    await organiser.page.getByRole('button', { name: '结账对账' }).click();
    await organiser.page.getByLabel('清点现金（元）').fill('200');
    await modal(organiser.page)
      .getByRole('button', { name: /^结\s*账$/ })
      .click();
    await modal(organiser.page).getByText('清点与记录不一致，请写明原因').waitFor();
    await organiser.page.getByLabel('差额说明').fill('找零少了五角');
    await shot(organiser.page, 'charity-console-reconcile');
    await modal(organiser.page)
      .getByRole('button', { name: /^结\s*账$/ })
      .click();
    await organiser.page.getByText('已结账').first().waitFor();
    await organiser.page.getByText(/记录 ¥200\.50 · 找零少了五角/).waitFor();
    await organiser.page.getByRole('button', { name: /^公\s*示$/ }).click();
    await organiser.page.getByText('已公示').first().waitFor();
    await shot(organiser.page, 'charity-console-event');

    // A disbursement of 150 yuan: asked and approved by the keeper, countersigned by the institute, paid.
    const keeper = await signIn(app.app, demo.keeper);
    const asked = await keeper.post('/api/v1/charity/disbursements', {
      fundId,
      beneficiaryId,
      amountFen: 15_000,
      purpose: 'living',
      eventId,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await organiser.page.goto(`${app.url}/console/charity/disbursements`);
    const row = (page: Page) => page.locator('tr').filter({ hasText: '¥150.00' });
    await row(organiser.page)
      .getByRole('button', { name: /^审\s*批$/ })
      .click();
    await row(organiser.page).getByText('待复核').waitFor();
    expect(
      await row(organiser.page)
        .getByRole('button', { name: /^复\s*核$/ })
        .count(),
    ).toBe(0);
    await organiser.context.close();

    const institute = await consoleAs(demo.instituteAdmin, '/console/charity/disbursements');
    await row(institute.page)
      .getByRole('button', { name: /^复\s*核$/ })
      .click();
    await row(institute.page).getByText('待支付').waitFor();
    await row(institute.page).getByRole('button', { name: '确认支付' }).click();
    await modal(institute.page).getByRole('textbox').fill('BANK-2026-0305');
    await modal(institute.page)
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await row(institute.page).getByText('已支付').waitFor();
    await shot(institute.page, 'charity-console-disbursements');
    await institute.context.close();

    // Anyone, on a phone, without signing in.
    const { context, page } = await newPage(browser, phone);
    await page.goto(`${app.url}/charity/report`);
    await page.getByText(TITLE).click();
    await page.waitForURL((u) => u.pathname === `/charity/report/${eventId}`);
    await poll(() => page.getByTestId('report-income').textContent()).toBe('¥200.50');
    expect(await page.getByTestId('report-outgoings').textContent()).toBe('¥150.00');
    expect(await page.getByTestId('report-balance').textContent()).toBe('¥50.50');
    expect(await page.getByTestId('report-families').textContent()).toBe('1 户');
    await page.getByText('张**').waitFor();
    expect(await page.getByText('张秀英').count()).toBe(0);
    await shot(page, 'charity-public-report');

    const href = await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${app.url}${href}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
    expect(text).toContain(TITLE);
    for (const figure of ['200.50', '150.00', '50.50']) expect(text).toContain(figure);
    expect(text).not.toContain('张秀英');
    await context.close();
  }, 240_000);
});
