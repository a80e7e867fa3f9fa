/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/demo.js';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * A department head's people and schedules at 1366×768: it creates an account manager in its department; a
 * territory that has meanwhile gone to another department is "not found" to the API and the page says so; it
 * sets a territory's order day.
 */
describe('console: a department head’s people and schedules', () => {
  let t: ConsoleApp;
  let admin: Record<string, string>;

  /** Picks an option of an antd select opened by its label. */
  async function choose(page: Page, label: string, option: string) {
    await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
    // antd keeps a closed select's list in the page, hidden: the open one is the visible list.
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  const userRows = async (username: string) =>
    (
      await t.db.query(
        `SELECT u.role, o.code AS unit, u.status FROM users u JOIN org_units o ON o.id = u.org_unit_id
          WHERE u.username = $1`,
        [username],
      )
    ).rows;

  beforeAll(async () => {
    t = await startConsoleApp();
    admin = bearer(await t.token('admin'));
    // Two territories without an account manager: T004 (the head's own) and T009 (about to leave it).
    for (const username of ['am04', 'am09'])
      await t.http
        .patch(`/api/users/${await t.userId(username)}`)
        .set(admin)
        .send({ status: 'disabled' })
        .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates an account manager in its department; a territory of another department is refused', async () => {
    const page = await t.deskAs('head');
    await page.getByRole('menuitem', { name: '人员管理' }).click();
    await page.waitForURL('**/desk/staff');
    await page.getByRole('table', { name: '人员' }).getByText('am01').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const { rows: units } = await t.db.query(
      `SELECT code, name FROM org_units WHERE code IN ('T004', 'T009') ORDER BY code`,
    );
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('am13');
    await dialog.getByLabel('姓名').fill('新任客户经理');
    await choose(page, '角色', '客户经理');
    await choose(page, '所在单位', `${units[0].name}（T004）`);
    await dialog.getByLabel('初始密码').fill('First@Login2026');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '29-desk-staff-create');
    await dialog.getByRole('button', { name: '建账号' }).click();
    await page.getByText('已建账号 am13（新任客户经理）').waitFor();
    await page.getByRole('table', { name: '人员' }).getByText('am13').waitFor();
    expect(await userRows('am13')).toEqual([{ role: 'account_manager', unit: 'T004', status: 'active' }]);

    // While the page is open, admin moves center SC3 (with T009) into a second department.
    const d02 = await t.http
      .post('/api/org-units')
      .set(admin)
      .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') })
      .expect(201);
    await t.http
      .patch(`/api/org-units/${await t.unitId('SC3')}`)
      .set(admin)
      .send({ parentId: d02.body.id })
      .expect(200);
    const newcomer = {
      username: 'am14',
      displayName: '跨部客户经理',
      role: 'account_manager',
      orgUnitId: await t.unitId('T009'),
      password: 'First@Login2026',
    };
    const api = await t.http
      .post('/api/users')
      .set(bearer(await t.token('head')))
      .send(newcomer);
    expect([api.status, api.body.code]).toEqual([404, 'NOT_FOUND']);

    await page.getByRole('button', { name: '新建账号' }).click();
    await dialog.getByLabel('用户名').fill(newcomer.username);
    await dialog.getByLabel('姓名').fill(newcomer.displayName);
    await choose(page, '角色', '客户经理');
    await choose(page, '所在单位', `${units[1].name}（T009）`);
    await dialog.getByLabel('初始密码').fill(newcomer.password);
    await dialog.getByRole('button', { name: '建账号' }).click();
    await dialog
      .getByRole('alert')
      .getByText('所选单位不在本部门（或已不存在）：只能在本部门内建账号和调动人员。')
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '30-desk-staff-other-department');
    expect(await userRows('am14')).toEqual([]);
  });

  it('sets a territory’s order day', async () => {
    const page = await t.deskAs('head');
    await page.getByRole('menuitem', { name: '订货日设置' }).click();
    await page.waitForURL('**/desk/order-days');
    const { rows } = await t.db.query(`SELECT id, name FROM org_units WHERE code = 'T005'`);
    await page.getByRole('button', { name: `设置${rows[0].name}的订货日` }).click();
    const dialog = page.getByRole('dialog', { name: `设置${rows[0].name}的订货日` });
    await choose(page, '订货日', '周四');
    await dialog.getByLabel('截单时间').fill('15:30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`${rows[0].name}改为每周四订货`).waitFor();
    await page.getByRole('row', { name: new RegExp(`${rows[0].name}.*周四`) }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '31-desk-order-days');
    const saved = await t.db.query(
      `SELECT order_weekday, cutoff_time FROM territory_order_schedules WHERE territory_id = $1`,
      [rows[0].id],
    );
    expect(saved.rows).toEqual([{ order_weekday: 4, cutoff_time: '15:30' }]);
  });
});
