/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { bearer } from '../support/demo.js';
import { readXlsx } from '../support/xlsx.js';
import {
  cspViolations,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * The desk pages at 1366×768. Monday 2026-11-23, 10:00 in Shanghai: T001 (SC1, am01, mm1) orders on Mondays and
 * its window is open. 50 of T001's retailers have a collected demand confirmed with their code, awaiting mm1.
 */
const TODAY = '2026-11-23';
const NOW = `${TODAY}T10:00:00+08:00`;
const COLLECTED = 50;

describe('console: desk pages', () => {
  let t: ConsoleApp;
  let collected: number[];

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 720, weeks: 2, today: TODAY, now: NOW });
    await t.db.query(
      `UPDATE retailers SET license_valid_to = '2030-12-31'
        WHERE territory_id = (SELECT id FROM org_units WHERE code = 'T001') AND status = 'active'`,
    );
    const { rows: retailers } = await t.db.query(
      `SELECT r.id, r.license_no FROM retailers r JOIN org_units u ON u.id = r.territory_id
        WHERE u.code = 'T001' AND r.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
                           WHERE d.retailer_id = r.id AND c.order_date = $1)
        ORDER BY r.id LIMIT $2`,
      [TODAY, COLLECTED],
    );
    expect(retailers).toHaveLength(COLLECTED);
    const brand = (await t.db.query(`SELECT id FROM brands WHERE active AND NOT scarce ORDER BY id LIMIT 1`))
      .rows[0].id;
    const am = bearer(await t.token('am01'));
    // Each retailer gives its account manager a one-time code; the account manager collects 1 carton with it
    // (ten retailers at a time: the logins' password hashing is what takes the time).
    collected = [];
    for (let start = 0; start < retailers.length; start += 10) {
      const batch = await Promise.all(
        retailers.slice(start, start + 10).map(async (retailer: { id: number; license_no: string }) => {
          const code = await t.http
            .post('/api/demands/confirmation-codes')
            .set(bearer(await t.token(retailer.license_no)))
            .expect(201);
          const demand = await t.http
            .post('/api/demands')
            .set(am)
            .send({
              retailerId: retailer.id,
              channel: 'collected',
              lines: [{ brandId: brand, cartons: 1 }],
              confirmationCode: code.body.code,
            });
          expect([demand.status, demand.body.status]).toEqual([201, 'pending_approval']);
          return demand.body.id as number;
        }),
      );
      collected.push(...batch);
    }
    // The demo county and 50 logins: longer than a hook's default minute on a loaded machine.
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows the market manager its home with the count awaiting approval in the header', async () => {
    const page = await t.deskAs('mm1');
    const pending = (
      await t.db.query(
        `SELECT count(*)::int AS n FROM demands d JOIN org_units u ON u.id = d.territory_id
          WHERE d.status = 'pending_approval' AND u.service_center_id = (SELECT id FROM org_units WHERE code = 'SC1')`,
      )
    ).rows[0].n;
    expect(pending).toBe(COLLECTED);
    await page.getByRole('button', { name: `待审批 ${COLLECTED} 条` }).waitFor();
    expect(await page.getByRole('navigation', { name: '桌面导航' }).textContent()).toContain('代收需求审批');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, '20-desk-market-manager-home');
  });

  it('approves 50 collected demands in one action: each result shown, 50 approvals and 50 audit rows', async () => {
    const page = await t.deskAs('mm1');
    await page.getByRole('button', { name: `待审批 ${COLLECTED} 条` }).click();
    await page.waitForURL('**/desk/approvals');
    const table = page.getByRole('table').first();
    await page
      .getByRole('checkbox', { name: /^选择 / })
      .first()
      .waitFor();
    expect(await page.getByRole('checkbox', { name: /^选择 / }).count()).toBe(COLLECTED);
    expect(await table.textContent()).toContain('确认码');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '21-desk-approval-inbox');

    await page.getByRole('checkbox', { name: '全选当页' }).check();
    await page.getByText(`已选 ${COLLECTED} 条`).waitFor();
    await page.getByRole('button', { name: '批量审批' }).click();
    await page
      .getByRole('dialog', { name: `审批选中的 ${COLLECTED} 条代收需求？` })
      .getByRole('button', { name: '审批' })
      .click();
    const results = page.getByRole('region', { name: '本次处理结果' });
    await results.getByText(`已审批 ${COLLECTED} 条`).waitFor();
    await page.getByText('没有待审批的代收需求').waitFor();
    await page.getByRole('button', { name: '待审批 0 条' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '22-desk-approval-results');

    const mm1 = await t.userId('mm1');
    const { rows } = await t.db.query(
      `SELECT count(*) FILTER (WHERE status = 'approved' AND approved_by = $2)::int AS approved, count(*)::int AS n
         FROM demands WHERE id = ANY($1)`,
      [collected, mm1],
    );
    expect(rows[0]).toEqual({ approved: COLLECTED, n: COLLECTED });
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'demand.approve' AND entity_type = 'demand' AND actor_id = $2 AND entity_id = ANY($1::text[])`,
      [collected.map(String), mm1],
    );
    expect(audit.rows[0].n).toBe(COLLECTED);
  });

  it('shows the week’s cycles with the cutoff countdown and who still needs a call', async () => {
    const page = await t.deskAs('mm1');
    await page.getByRole('menuitem', { name: '订货周期看板' }).click();
    await page.waitForURL('**/desk/cycles');
    const territory = (await t.db.query(`SELECT name FROM org_units WHERE code = 'T001'`)).rows[0].name;
    const row = page.getByRole('row', { name: new RegExp(territory) }).first();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('距截单 6 小时 0 分');
    // The 50 approved above, as collected and approved.
    expect(text).toContain(`0 / 0 / ${COLLECTED}`);
    await row.getByRole('button', { name: /^待联系 \d+ 户$/ }).click();
    await page.getByRole('table', { name: '待联系的零售户' }).getByRole('row').nth(1).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '26-desk-cycle-board');
  });

  it('rebalances caps in the table: the moved total kept at zero, the center’s total unchanged', async () => {
    const month = '2026-11-01';
    const centerTotal = async () =>
      (
        await t.db.query(
          `SELECT sum(q.cap)::int AS total FROM retailer_quotas q JOIN org_units t ON t.id = q.territory_id
            WHERE q.month = $1 AND t.service_center_id = (SELECT id FROM org_units WHERE code = 'SC1')`,
          [month],
        )
      ).rows[0].total;
    // Two retailers of T001's first page (by name) with 3 cartons of cap to spare.
    const { rows: pair } = await t.db.query(
      `SELECT * FROM (
         SELECT r.id, r.shop_name, r.license_no, q.cap, q.cap - q.used - q.reserved AS spare
           FROM retailer_quotas q JOIN retailers r ON r.id = q.retailer_id
          WHERE q.month = $1 AND q.territory_id = (SELECT id FROM org_units WHERE code = 'T001') AND r.status = 'active'
          ORDER BY r.shop_name, r.id LIMIT 50) first_page
        WHERE spare >= 3 LIMIT 2`,
      [month],
    );
    expect(pair).toHaveLength(2);
    const before = await centerTotal();
    const page = await t.deskAs('mm1');
    await page.getByRole('menuitem', { name: '额度调剂' }).click();
    await page.waitForURL('**/desk/quotas');
    const input = (retailer: { shop_name: string; license_no: string }) =>
      page.getByRole('spinbutton', { name: `调整${retailer.shop_name}（${retailer.license_no}）的上限` });
    await input(pair[0]).fill('3');
    const status = page.getByRole('status').filter({ hasText: '净变动' });
    await status.getByText('调出 0 条，调入 3 条，净变动 +3 条').waitFor();
    expect(await page.getByRole('button', { name: '预览调剂' }).isDisabled()).toBe(true);
    await input(pair[1]).fill('-3');
    await status.getByText('调出 3 条，调入 3 条，净变动 0 条').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '27-desk-quotas-rebalance');
    await page.getByRole('button', { name: '预览调剂' }).click();
    const preview = page.getByRole('dialog', { name: '预览额度调剂' });
    await preview.getByLabel('调剂原因').fill('城关一片区两户互调');
    await preview.getByRole('button', { name: '确认调剂' }).click();
    await page.getByText('已调剂 2 户的额度上限，合计不变').waitFor();

    const { rows: after } = await t.db.query(
      `SELECT retailer_id, cap FROM retailer_quotas WHERE month = $1 AND retailer_id = ANY($2) ORDER BY retailer_id`,
      [month, pair.map((r: { id: number }) => r.id)],
    );
    const capOf = new Map(after.map((r: { retailer_id: number; cap: number }) => [r.retailer_id, r.cap]));
    expect([capOf.get(pair[0].id), capOf.get(pair[1].id)]).toEqual([pair[0].cap + 3, pair[1].cap - 3]);
    expect(await centerTotal()).toBe(before);
  });

  it('shows the center’s KPIs and downloads the center’s workbook, which holds only its center', async () => {
    const page = await t.deskAs('mm1');
    await page.getByRole('menuitem', { name: '中心考核' }).click();
    await page.waitForURL('**/desk/kpis');
    await page.getByRole('table', { name: '客户经理考核指标' }).getByRole('row').nth(4).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '28-desk-center-kpis');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载本中心考核工作簿（Excel）' }).click(),
    ]);
    const center = (await t.db.query(`SELECT name FROM org_units WHERE code = 'SC1'`)).rows[0].name;
    expect(download.suggestedFilename()).toBe(`客户经理考核-${center}-2026-11.xlsx`);
    const book = await readXlsx(readFileSync((await download.path())!));
    const territories = book
      .rows('客户经理考核')
      .slice(1)
      .map((row) => String(row[1]));
    expect(territories.sort()).toEqual(['T001', 'T002', 'T003', 'T004']);
    expect(book.rows('客户服务部汇总').slice(1)).toEqual([expect.arrayContaining([center])]);
  });

  it.each([
    ['head', '营销部负责人', '23-desk-department-head-home'],
    ['clerk1', '支点订货员', '24-desk-supply-clerk-home'],
    ['insp1', '督察组', '25-desk-inspector-home'],
  ])('gives %s its desk home', async (username, role, shot) => {
    const page = await t.deskAs(username);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(role);
    expect(await page.getByRole('button', { name: /待审批/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, shot);
  });

  it('answers 未找到 for a desk page of another role', async () => {
    const page = await t.deskAs('head');
    // The address bar: the session cookie keeps the login across the reload.
    await page.goto('/desk/approvals');
    await page.getByText('未找到该页面').waitFor();
  });
});
