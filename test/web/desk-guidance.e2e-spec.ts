/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * A market manager's guidance checks 经营指导检查 at 1366×768 (18 November 2026, the demo county with two weeks of
 * visits): the visits drawn for its check, the progress against the sample, and a check recorded as effective.
 */
describe('console: a market manager’s guidance checks', () => {
  let t: ConsoleApp;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('checks a sampled guidance visit and counts it in the progress', async () => {
    const page = await t.deskAs('mm1');
    await page.getByRole('menuitem', { name: '经营指导检查' }).click();
    await page.waitForURL('**/desk/guidance-checks');
    const table = page.getByRole('table', { name: '抽中的指导拜访' });
    const check = table.getByRole('button', { name: /^检查/ }).first();
    await check.waitFor();
    const progress = async () => {
      const text = (await page.getByText(/^已检查 \d+ \/ \d+$/).textContent()) ?? '';
      return text.match(/\d+/g)!.map(Number);
    };
    const [before, size] = await progress();
    expect(size).toBeGreaterThan(before);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '47-desk-guidance-checks');

    const checks = async () => (await t.db.query(`SELECT count(*)::int AS n FROM visit_checks`)).rows[0].n;
    const count = await checks();
    await check.click();
    const dialog = page.getByRole('dialog', { name: /^检查.*的指导拜访$/ });
    await dialog.getByRole('radio', { name: '有效' }).check();
    await dialog.getByLabel('检查说明').fill('重点品牌已调整到主陈列位');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '提交检查' }).click();
    await page.getByText('已记录检查结果').waitFor();
    await page.getByText(`已检查 ${before + 1} / ${size}`).waitFor();
    expect(await checks()).toBe(count + 1);
    const { rows } = await t.db.query(
      `SELECT c.effective, c.note, u.username FROM visit_checks c JOIN users u ON u.id = c.checked_by
        WHERE c.note = '重点品牌已调整到主陈列位'`,
    );
    expect(rows).toEqual([{ effective: true, note: '重点品牌已调整到主陈列位', username: 'mm1' }]);
  });
});
