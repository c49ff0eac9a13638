/**
 * An outside qualification in the console: the keeper of 北门外社区 records 李志愿's Red Cross
 * first-aid certificate with a scan of it; a 鲸园街道 admin sees the scan in the verification queue and
 * approves it; the 急救保障 order then lists 李志愿 as a candidate (not before). A second record,
 * rejected with a reason, stays out of dispatch and the reason reaches the volunteer.
 */
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { demo, signIn } from '../server.js';
import { describeBrowser, launchBrowser, newPage, poll, signInAs, startWebApp } from './browser.js';
import { reviewedFirstAidOrder } from './first-aid-order.js';

const shots = '/tmp/shots/academy';

/** A certificate-like scan: a PNG with a title line, as a phone photo of the card would be. */
async function scan(path: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#fdf6e3" stroke="#b22" stroke-width="12"/><text x="320" y="150" font-size="44" text-anchor="middle" fill="#b22">CERTIFICATE</text><text x="320" y="230" font-size="30" text-anchor="middle">First aid · HSH-2026-118</text></svg>`;
  await writeFile(path, await sharp(Buffer.from(svg)).png().toBuffer());
}

describeBrowser('an outside qualification recorded with its scan and verified by someone else', () => {
  it('the keeper records it, a 鲸园街道 admin approves it after seeing the scan: 李志愿 becomes a candidate', async () => {
    const [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    try {
      const keeper = await signIn(app.app, demo.keeper);
      const resident = await signIn(app.app, demo.resident);
      const volunteer = await signIn(app.app, demo.volunteer);
      const { volunteerId, candidates } = await reviewedFirstAidOrder(app, resident, keeper);
      expect(await candidates()).not.toContain(volunteerId);

      // The keeper records it in the console, with the scan.
      const proofPath = '/tmp/academy3-proof.png';
      await scan(proofPath);
      const desk = await newPage(browser);
      await signInAs(desk.page, app.url, demo.keeper);
      const record = async (issuer: string, number: string) => {
        const form = desk.page.getByTestId('record-qualification');
        await form.getByLabel('志愿者').click();
        await desk.page.keyboard.type('李志愿');
        await desk.page.locator('.ant-select-item-option').filter({ hasText: '李志愿' }).first().click();
        await form.getByLabel('资质', { exact: true }).click();
        await desk.page
          .locator('.ant-select-item-option')
          .filter({ hasText: /^急救$/ })
          .first()
          .click();
        await form.getByLabel('发证机构').fill(issuer);
        await form.getByLabel('证书编号').fill(number);
        await form.getByLabel('发证日期').fill('2026-06-01');
        await form.locator('input[type=file]').setInputFiles(proofPath);
        await form.getByTestId('proof-name').waitFor();
        await form.getByRole('button', { name: /录入，待核验/ }).click();
        await desk.page.getByTestId('verify-queue').getByText(number).waitFor();
      };
      await desk.page.goto(`${app.url}/console/academy`);
      await desk.page.getByRole('tab', { name: '资质核验' }).click();
      // Bad input stays on the form: no proof yet, an expiry before the issue date.
      const form = desk.page.getByTestId('record-qualification');
      await form.getByLabel('发证日期').fill('2026-06-01');
      await form.getByLabel('有效期至（长期有效可不填）').fill('2026-05-01');
      await form.getByRole('button', { name: /录入，待核验/ }).click();
      await form.getByText('有效期须晚于发证日期').waitFor();
      expect(await form.locator('.ant-form-item-explain-error').count()).toBeGreaterThanOrEqual(3);
      await form.getByLabel('有效期至（长期有效可不填）').fill('');
      await record('中国红十字会威海分会', 'HSH-2026-118');
      await desk.page.getByText('已录入，等待其他工作人员核验').first().waitFor();
      await desk.page.screenshot({ path: `${shots}/external-recorded.png`, fullPage: true });
      await record('某培训机构', 'XX-0001');
      // The recorder cannot verify their own record.
      const queue = desk.page.getByTestId('verify-queue');
      await queue.getByText('HSH-2026-118').waitFor();
      const own = queue.locator('tr').filter({ hasText: 'HSH-2026-118' });
      await own.getByRole('button', { name: /通\s*过/ }).click();
      await desk.page.getByText('资质须由录入人以外的工作人员核验').waitFor();
      await desk.context.close();
      expect(await candidates()).not.toContain(volunteerId);

      // A 鲸园街道 admin sees the scan and approves the first, rejects the second with a reason.
      const verifier = await newPage(browser);
      await signInAs(verifier.page, app.url, demo.instituteAdmin);
      await verifier.page.goto(`${app.url}/console/academy`);
      await verifier.page.getByRole('tab', { name: '资质核验' }).click();
      const rows = verifier.page.getByTestId('verify-queue');
      const good = rows.locator('tr').filter({ hasText: 'HSH-2026-118' });
      const image = good.locator('img');
      await image.waitFor();
      await poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(640);
      await verifier.page.screenshot({ path: `${shots}/external-queue.png`, fullPage: true });
      await good.getByRole('button', { name: /通\s*过/ }).click();
      await verifier.page.getByText('已核验通过').waitFor();
      await poll(() => good.count()).toBe(0);

      const bad = rows.locator('tr').filter({ hasText: 'XX-0001' });
      await bad.getByRole('button', { name: /驳\s*回/ }).click();
      const dialog = verifier.page.getByRole('dialog');
      await dialog.getByRole('button', { name: /驳\s*回/ }).click();
      await dialog.getByText('请填写驳回原因（至少2个字）').waitFor();
      await dialog.getByLabel('驳回原因（会告知志愿者）').fill('发证机构无急救培训资质');
      await dialog.getByRole('button', { name: /驳\s*回/ }).click();
      await verifier.page.getByText('已驳回').first().waitFor();
      await poll(() => bad.count()).toBe(0);
      await verifier.page.screenshot({ path: `${shots}/external-verified.png`, fullPage: true });
      await verifier.context.close();

      // 李志愿 now holds a valid 急救 from 中国红十字会威海分会, and is a candidate for 急救保障.
      const held = (await volunteer.get('/api/v1/me/qualifications')).json().items;
      expect(held).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'first_aid',
            issuer: '中国红十字会威海分会',
            status: 'valid',
            expired: false,
          }),
          expect.objectContaining({ issuer: '某培训机构', status: 'rejected', rejectReason: '发证机构无急救培训资质' }),
        ]),
      );
      await poll(candidates).toContain(volunteerId);
    } finally {
      await browser.close();
      await app.close();
    }
  }, 240_000);
});
