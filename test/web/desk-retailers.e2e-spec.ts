/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { TEST_DEMO_RETAILERS } from '../support/demo.js';
import { readXlsx } from '../support/xlsx.js';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * The retailers page at 1366×768: a market manager (mm1, center SC1) filters its center's retailers and exports
 * what it sees (only its center, Chinese headers), creates a retailer, suspends it, overrules its big-account
 * flag and issues a one-time password; a department head decides a retailer's grade for the next period.
 */
describe('console: retailers at the desk', () => {
  let t: ConsoleApp;
  const LICENSE = '360000000777';

  /** Picks an option of an antd select found by its label (in `scope`: the page or a dialog). */
  async function choose(page: Page, label: string, option: string, scope = page.locator('body')) {
    await scope.getByRole('combobox', { name: label }).click();
    // antd keeps a closed select's list in the page, hidden: the open one is the visible list.
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  const retailerRow = async (licenseNo: string) =>
    (
      await t.db.query(
        `SELECT r.shop_name, u.code AS territory, r.grade, r.status, r.status_reason, r.big_account,
                r.big_account_override, r.big_account_override_reason
           FROM retailers r JOIN org_units u ON u.id = r.territory_id WHERE r.license_no = $1`,
        [licenseNo],
      )
    ).rows;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: TEST_DEMO_RETAILERS });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('filters the center’s retailers and exports the filtered list, its center only', async () => {
    const page = await t.deskAs('mm1');
    await page.getByRole('menuitem', { name: '零售户' }).click();
    await page.waitForURL('**/desk/retailers');
    const table = page.getByRole('table', { name: '零售户' });
    await table.getByRole('row').nth(3).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '43-desk-retailers');

    const { rows: t002 } = await t.db.query(
      `SELECT r.license_no, u.name FROM retailers r JOIN org_units u ON u.id = r.territory_id
        WHERE u.code = 'T002' AND r.status = 'active' ORDER BY r.license_no`,
    );
    expect(t002.length).toBeGreaterThan(0);
    await choose(page, '片区', t002[0].name);
    await choose(page, '状态', '正常营业');
    await page.getByText(`共 ${t002.length} 户`).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出当前筛选结果' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^零售户-\d{8}\.xlsx$/);
    const sheet = (await readXlsx(readFileSync((await download.path())!))).rows('零售户');
    expect(sheet[0]).toEqual(expect.arrayContaining(['专卖许可证号', '店铺名称', '负责人']));
    const licence = sheet[0].indexOf('专卖许可证号');
    expect(sheet.slice(1).map((row) => String(row[licence]))).toEqual(t002.map((r) => r.license_no));
  });

  it('creates a retailer, suspends it, overrules its big-account flag and issues a one-time password', async () => {
    const page = await t.deskAs('mm1', '/desk/retailers');
    const { rows: units } = await t.db.query(`SELECT name FROM org_units WHERE code = 'T003'`);
    await page.getByRole('button', { name: '新建零售户' }).click();
    const create = page.getByRole('dialog', { name: '新建零售户' });
    await create.getByLabel('许可证号').fill(LICENSE);
    await create.getByLabel('店名', { exact: true }).fill('东门便民店');
    await create.getByLabel('经营者', { exact: true }).fill('李东');
    await create.getByLabel('经营地址').fill('示范县城关镇东门路8号');
    await choose(page, '所属片区', units[0].name, create);
    await choose(page, '业态', '便利', create);
    await choose(page, '市场类型', '城镇', create);
    await choose(page, '经营规模', '小', create);
    await create.getByLabel('初始档位').fill('12');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await create.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已建档：东门便民店（${LICENSE}）`).waitFor();
    expect(await retailerRow(LICENSE)).toEqual([
      expect.objectContaining({ shop_name: '东门便民店', territory: 'T003', grade: 12, status: 'active' }),
    ]);

    await page.getByRole('searchbox', { name: '搜索店名、许可证号、经营者或电话' }).fill(LICENSE);
    await page.keyboard.press('Enter');
    await page.getByText('共 1 户').waitFor();

    await page.getByRole('button', { name: '状态：东门便民店' }).click();
    const status = page.getByRole('dialog', { name: '变更东门便民店的经营状态' });
    await choose(page, '新状态', '暂停营业', status);
    await status.getByLabel('原因').fill('店主申请暂停营业（装修）');
    await status.getByRole('button', { name: '变更' }).click();
    await page.getByText('东门便民店已改为暂停营业').waitFor();

    await page.getByRole('button', { name: '大户：东门便民店' }).click();
    const big = page.getByRole('dialog', { name: '东门便民店的大户认定' });
    await choose(page, '认定', '认定为大户', big);
    await big.getByLabel('原因').fill('批发兼营，实际经营量远超档位');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await big.getByRole('button', { name: '保存' }).click();
    await page.getByText('已更新东门便民店的大户认定').waitFor();
    expect(await retailerRow(LICENSE)).toEqual([
      expect.objectContaining({
        status: 'suspended',
        status_reason: '店主申请暂停营业（装修）',
        big_account: true,
        big_account_override: true,
        big_account_override_reason: '批发兼营，实际经营量远超档位',
      }),
    ]);

    await page.getByRole('button', { name: '一次性密码：东门便民店' }).click();
    const activation = page.getByRole('dialog', { name: '东门便民店的一次性密码' });
    await activation.getByRole('button', { name: '生成' }).click();
    await activation.getByText(LICENSE).waitFor();
    await screenshot(page, '44-desk-retailer-activation');
    const { rows: account } = await t.db.query(`SELECT must_change_password FROM users WHERE username = $1`, [
      LICENSE,
    ]);
    expect(account).toEqual([{ must_change_password: true }]);
  });

  it('lets a department head decide a retailer’s grade for the next period', async () => {
    const { rows } = await t.db.query(
      `SELECT r.id, r.shop_name, r.license_no, r.grade FROM retailers r JOIN org_units u ON u.id = r.territory_id
        WHERE u.code = 'T005' ORDER BY r.license_no LIMIT 1`,
    );
    const [shop] = rows;
    const grade = shop.grade === 30 ? 29 : shop.grade + 1;
    const page = await t.deskAs('head', '/desk/retailers');
    await page.getByRole('searchbox', { name: '搜索店名、许可证号、经营者或电话' }).fill(shop.license_no);
    await page.keyboard.press('Enter');
    await page.getByText('共 1 户').waitFor();
    await page.getByRole('button', { name: `档位：${shop.shop_name}` }).click();
    const dialog = page.getByRole('dialog', { name: `${shop.shop_name}的档位` });
    await dialog.getByLabel('下期档位').fill(String(grade));
    await dialog.getByLabel('原因').fill('季度评档结果');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '确定下期档位' }).click();
    await page.getByText(new RegExp(`${shop.shop_name}自.*起为 ${grade} 档`)).waitFor();
    const { rows: decided } = await t.db.query(
      `SELECT grade, source, reason FROM retailer_grades WHERE retailer_id = $1 AND source = 'change'`,
      [shop.id],
    );
    expect(decided).toEqual([{ grade, source: 'change', reason: '季度评档结果' }]);
  });
});
