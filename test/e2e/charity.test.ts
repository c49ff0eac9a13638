/**
 * A charity sale end to end in the browser: the organiser opens the sale in the console, two stall
 * keepers record sales on their phones at the same time, the organiser reverses a mistaken entry
 * with a reason, closes it with reconciliation (counted cash
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
    const second = await keeper.post(`/api/v1/charity/events/${eventId}/stalls`, {
      name: '李家小吃',
      holderKind: 'family',
      holderName: '李家志愿之家',
      category: 'food',
      keeperPhone: demo.resident,
    });
    expect(second.statusCode, second.body).toBe(201);
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

  it('open → two keepers sell on phones → reverse a mistake → reconcile and close → publish → pay a family (two approvers) → the public report equals the ledger, in Chinese and English', async () => {
    // The organiser opens the sale.
    const organiser = await consoleAs(demo.keeper, `/console/charity/events/${eventId}`);
    await organiser.page.getByRole('button', { name: '开始义卖' }).click();
    await organiser.page.getByText('进行中').first().waitFor();

    // Two keepers sell on their phones at once: books 120 + 80.5, snacks 30 and a mistaken 300.
    const sellOn = async (phoneNumber: string, amounts: string[], totals: string[]) => {
      const seller = await newPage(browser, phone);
      await signInAs(seller.page, app.url, phoneNumber);
      await seller.page.goto(`${app.url}/h5/charity`);
      for (const [i, amount] of amounts.entries()) {
        await seller.page.getByPlaceholder('例如 25 或 12.5').fill(amount);
        await seller.page.getByRole('button', { name: '记一笔' }).click();
        await seller.page
          .getByTestId('stall-total')
          .filter({ hasText: totals[i] as string })
          .waitFor();
      }
      return seller;
    };
    const [books, snacks] = await Promise.all([
      sellOn(demo.volunteer, ['120', '80.5'], ['¥120.00', '¥200.50']),
      sellOn(demo.resident, ['30', '300'], ['¥30.00', '¥330.00']),
    ]);
    await shot(books.page, 'charity-h5-stall');
    await books.context.close();
    await snacks.context.close();

    // The 300 was meant to be 3: the organiser reverses it with a reason (the entry stays, marked).
    await organiser.page.reload();
    await organiser.page.getByTestId('event-total').filter({ hasText: '¥530.50' }).waitFor();
    const wrong = organiser.page.locator('tr').filter({ hasText: '¥300.00' });
    await wrong.getByRole('button', { name: /^冲\s*正$/ }).click();
    await modal(organiser.page).getByRole('textbox').fill('多按了两个零，应为 3 元');
    await modal(organiser.page)
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await wrong.getByText('已冲正：多按了两个零，应为 3 元').waitFor();
    await organiser.page.getByTestId('event-total').filter({ hasText: '¥230.50' }).waitFor();

    // Close with reconciliation: 230 yuan counted against 230.50 recorded needs a note.
    await organiser.page.getByRole('button', { name: '结账对账' }).click();
    await organiser.page.getByLabel('清点现金（元）').fill('230');
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
    await organiser.page.getByText(/记录 ¥230\.50 · 找零少了五角/).waitFor();
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
    // Every figure equals the fund's ledger balances (income, paid, balance) and the unreversed sales.
    const fund = (await keeper.get('/api/v1/charity/funds')).json().items.find((f: { id: string }) => f.id === fundId);
    const sales = (await keeper.get(`/api/v1/charity/events/${eventId}/sales`)).json().items as {
      amountFen: number;
      reversal: unknown;
    }[];
    const kept = sales.filter((x) => !x.reversal).reduce((sum, x) => sum + x.amountFen, 0);
    expect(sales).toHaveLength(4);
    expect(fund.incomeFen).toBe(kept);
    const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
    await poll(() => page.getByTestId('report-income').textContent()).toBe(yuan(fund.incomeFen));
    expect(await page.getByTestId('report-outgoings').textContent()).toBe(yuan(fund.paidFen));
    expect(await page.getByTestId('report-balance').textContent()).toBe(yuan(fund.balanceFen));
    expect(fund.balanceFen).toBe(fund.incomeFen - fund.paidFen);
    expect(await page.getByTestId('report-families').textContent()).toBe('1 户');
    await page.getByText('张**').waitFor();
    expect(await page.getByText('张秀英').count()).toBe(0);
    await shot(page, 'charity-public-report');

    const href = await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${app.url}${href}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
    expect(text).toContain(TITLE);
    for (const fen of [fund.incomeFen, fund.paidFen, fund.balanceFen]) expect(text).toContain((fen / 100).toFixed(2));
    expect(text).not.toContain('张秀英');

    // The same report in English.
    await page.evaluate(() => localStorage.setItem('leifeng.lang', 'en'));
    await page.reload();
    await page.getByText('Charity sales: where the money went').first().waitFor();
    await poll(() => page.getByTestId('report-income').textContent()).toBe(yuan(fund.incomeFen));
    await shot(page, 'charity-public-report-en');
    await context.close();

    // A console page in English: the donations tab of the institute.
    const english = await consoleAs(demo.instituteAdmin, '/console/charity/donations');
    await english.page.evaluate(() => localStorage.setItem('leifeng.lang', 'en'));
    await english.page.reload();
    await english.page.getByRole('tab', { name: 'Donations' }).waitFor();
    await english.page.getByRole('button', { name: 'Record a donation' }).waitFor();
    await english.page.getByRole('tab', { name: 'Disbursements' }).waitFor();
    expect(await english.page.getByText('善款支出').count()).toBe(0);
    await shot(english.page, 'charity-console-donations-en');
    await english.context.close();
  }, 360_000);
});
