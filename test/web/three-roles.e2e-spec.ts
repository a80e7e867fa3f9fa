/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from '../support/demo.js';
import { insertRetailers } from '../support/fixtures.js';
import {
  cspViolations,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * Monday 2026-11-23, 10:00 in Shanghai. The retailer is in T001: account manager am01, center SC1 (market
 * manager mm1), squad SQ1 (eo1); eo3 is an officer of SQ2, which does not cover T001. Problems are answered
 * within 48 hours by default.
 */
const NOW = '2026-11-23T10:00:00+08:00';
const LICENSE = '470000000101';

describe('console: problems between the three roles, and the three-role timeline', () => {
  let t: ConsoleApp;
  let shop: number;
  const as = async (username: string) => bearer(await t.token(username));

  beforeAll(async () => {
    t = await startConsoleApp({ today: '2026-11-23', now: NOW });
    [shop] = await insertRetailers(t, [{ licenseNo: LICENSE, territory: 'T001', grade: 10 }]);
    // A visit of the account manager last week, written as the field context records one.
    await t.db.query(
      `INSERT INTO visits (retailer_id, territory_id, department_id, account_manager_id, kind, visited_at, visited_on, notes)
       SELECT r.id, r.territory_id, r.department_id, u.id, 'routine', '2026-11-16T02:00:00Z', '2026-11-16', '检查陈列'
         FROM retailers r, users u WHERE r.id = $1 AND u.username = 'am01'`,
      [shop],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an account manager raises a problem about a late delivery from the retailer card', async () => {
    const page = await t.phoneAs('am01', `/retailers/${shop}`);
    await page.getByRole('link', { name: '反映问题' }).click();
    await page.waitForURL(`**/problems/new?retailerId=${shop}`);
    await page.getByRole('heading', { name: '反映问题' }).waitFor();
    // An account manager does not raise a problem about account managers' visits.
    expect(await page.getByText('客户经理走访不到位').count()).toBe(0);
    await page.getByRole('button', { name: '提交问题' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('请选择问题类型。');
    await page.getByText('送货不及时', { exact: true }).click();
    await page.getByPlaceholder('什么时间、发生了什么').fill('上周五的货下午五点才送到，比约定晚了四个小时');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '60-am-problem-new');
    await page.getByRole('button', { name: '提交问题' }).click();
    await page.waitForURL('**/problems');
    const mine = page.getByRole('region', { name: '我反映的问题' });
    await mine.getByText('送货不及时（涉及送货员）：上周五的货下午五点才送到', { exact: false }).waitFor();
    expect(await mine.textContent()).toContain('待答复');
    expect(await mine.textContent()).toContain('答复期限 11月25日 10:00');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, '61-am-problems');
  });

  it('the market manager of the center sees it in the console and answers it', async () => {
    const page = await t.deskAs('mm1');
    // On every desk page, the header counts the problems waiting for the market manager's answer.
    await page.getByRole('button', { name: '待答复问题 1 条' }).waitFor();
    await page.getByRole('menuitem', { name: '三员互动问题' }).click();
    await page.waitForURL('**/desk/problems');
    const row = page.getByRole('row', { name: /上周五的货下午五点才送到/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('送货不及时（涉及送货员）');
    expect(await row.textContent()).toContain(`测试商店${LICENSE}`);
    expect(await row.textContent()).toContain('待答复');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '62-desk-problems');
    await row.getByRole('button', { name: '答复' }).click();
    await page.getByLabel('答复内容').fill('已与送货员核实，本周起该线路提前发车');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('没有待答复的问题。').waitFor();
    await page.getByRole('button', { name: '待答复问题 0 条' }).waitFor();

    // Another center's market manager sees nothing of it.
    const other = await t.deskAs('mm2', '/desk/problems');
    await other.getByText('没有待答复的问题。').waitFor();
  });

  it('shows the retailer’s timeline to an officer of its squad, and "not found" to another squad', async () => {
    const { body } = await t.http
      .get(`/api/retailers/${shop}/timeline`)
      .set(await as('eo1'))
      .expect(200);
    const titles = body.items.map((event: { title: string }) => event.title);
    expect(titles).toEqual([
      '答复问题：送货不及时（涉及送货员）',
      '提出问题：送货不及时（涉及送货员）',
      '日常拜访',
    ]);

    const page = await t.phoneAs('eo1', `/retailers/${shop}/timeline`);
    const list = page.getByRole('list', { name: '互动记录' });
    await list.waitFor();
    expect(
      await list
        .getByRole('listitem')
        .evaluateAll((items) => items.map((i) => i.querySelector('strong')?.textContent)),
    ).toEqual(titles);
    expect(await page.getByText(`测试商店${LICENSE}`, { exact: false }).count()).toBe(1);
    expect(await list.textContent()).toContain('已与送货员核实，本周起该线路提前发车');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '63-officer-timeline');

    const foreign = await t.phoneAs('eo3', `/retailers/${shop}/timeline`);
    await foreign.getByText('未找到该零售户').waitFor();
    expect(await foreign.getByRole('list', { name: '互动记录' }).count()).toBe(0);
  });

  it('opens the same timeline from the desk’s retailer list', async () => {
    const page = await t.deskAs('mm1', `/desk/retailers/${shop}/timeline`);
    const list = page.getByRole('list', { name: '互动记录' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
