/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { bearer } from '../support/demo.js';
import { insertRetailer, insertVisit } from '../field/field-fixtures.js';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

jest.setTimeout(180_000);

/**
 * Wednesday 2026-11-18 in Shanghai (the console's default day). Three shops of am01's territory T001 with a
 * visit history of their own (default cadence: big accounts every 7 days, the others every 14):
 *   overdue   visited 10-29, due 11-12 → 6 days overdue
 *   dueToday  visited 11-04, due 11-18 → due today (the last day on time)
 *   bigSoon   big account, visited 11-13, due 11-20 → 2 days left
 */
describe('console: visits due by cadence on Today, each week’s outcome in the retailer’s history', () => {
  let t: ConsoleApp;
  const shops = {} as Record<'overdue' | 'dueToday' | 'bigSoon', number>;
  const name = (license: string) => `测试烟酒店${license}`;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2 });
    shops.overdue = await insertRetailer(t, { license: '350100900001', territory: 'T001' });
    shops.dueToday = await insertRetailer(t, { license: '350100900002', territory: 'T001' });
    shops.bigSoon = await insertRetailer(t, { license: '350100900003', territory: 'T001', bigAccount: true });
    await insertVisit(t, { retailerId: shops.overdue, accountManager: 'am01', on: '2026-10-29' });
    await insertVisit(t, { retailerId: shops.dueToday, accountManager: 'am01', on: '2026-11-04' });
    await insertVisit(t, { retailerId: shops.bigSoon, accountManager: 'am01', on: '2026-11-13' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows 即将到期 beside 已逾期, each with its count and the days left or late', async () => {
    const am01 = bearer(await t.token('am01'));
    const overdue = (await t.http.get('/api/visits/overdue').set(am01).expect(200)).body;
    const dueSoon = (await t.http.get('/api/visits/due-soon?withinDays=7').set(am01).expect(200)).body;
    expect(dueSoon.items.map((i: { retailerId: number }) => i.retailerId)).toEqual(
      expect.arrayContaining([shops.dueToday, shops.bigSoon]),
    );

    const page = await t.phoneAs('am01');
    const visits = page.getByRole('region', { name: '按周期待拜访' });
    const lateTab = visits.getByRole('tab', { name: `已逾期（${overdue.total}）` });
    const soonTab = visits.getByRole('tab', { name: `即将到期（${dueSoon.total}）` });
    await lateTab.waitFor();
    expect(await lateTab.getAttribute('aria-selected')).toBe('true');
    const late = visits.getByLabel('已逾期', { exact: true });
    expect(await late.getByText(name('350100900001')).count()).toBe(1);
    expect(await late.textContent()).toContain('应于 2026年11月12日 周四 前拜访，已逾期 6 天');

    await soonTab.click();
    const soon = visits.getByLabel('即将到期', { exact: true });
    await soon.getByText(name('350100900002')).waitFor();
    const text = await soon.textContent();
    expect(text).toContain(`${name('350100900002')}应于 2026年11月18日 周三 前拜访，今天到期`);
    expect(text).toContain(`${name('350100900003')}应于 2026年11月20日 周五 前拜访，还有 2 天 · 大户`);
    expect(text).not.toContain(name('350100900001'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '19-am-today-visits-due-soon');

    await soon.getByText(name('350100900003')).click();
    await page.waitForURL(`**/am/visits/new?retailerId=${shops.bigSoon}`);
  });

  it('shows the retailer each ordered week’s outcome: ordered against asked, what was rationed, by how much and why', async () => {
    // A T001 retailer's latest ordered week, with its biggest line cut to half as a 稍紧平衡 class at 50 % would be.
    const { rows } = await t.db.query(
      `UPDATE order_lines l SET ordered = l.requested / 2, amount_fen = (l.requested / 2) * l.price_fen, supply_ratio_bp = 5000
        WHERE l.id = (SELECT l2.id FROM order_lines l2 JOIN org_units u ON u.id = l2.territory_id
                       WHERE u.code = 'T001' AND l2.requested >= 2
                       ORDER BY l2.order_date DESC, l2.requested DESC, l2.id LIMIT 1)
        RETURNING l.retailer_id AS "retailerId", l.order_date::text AS "orderDate", l.requested, l.ordered,
                  (SELECT name FROM brands b WHERE b.id = l.brand_id) AS brand,
                  (SELECT license_no FROM retailers r WHERE r.id = l.retailer_id) AS license`,
    );
    const cut = rows[0];
    const totals = (
      await t.db.query(
        `SELECT sum(requested)::int AS asked, sum(ordered)::int AS ordered FROM order_lines
          WHERE retailer_id = $1 AND order_date = $2`,
        [cut.retailerId, cut.orderDate],
      )
    ).rows[0];
    const [year, month, day] = cut.orderDate.split('-').map(Number);

    const page = await t.phoneAs(cut.license, '/shop/history');
    const history = page.getByRole('region', { name: '订货历史' });
    const outcome = history.getByRole('note', { name: `${year}年${month}月${day}日订购结果` });
    await outcome.waitFor();
    const text = await outcome.textContent();
    expect(text).toContain(
      `提报 ${totals.asked} 条，订购 ${totals.ordered} 条，少 ${totals.asked - totals.ordered} 条。`,
    );
    expect(text).toContain(
      `${cut.brand}：提报 ${cut.requested} 条，稍紧平衡按 50% 比例供应，订购 ${cut.ordered} 条（少 ${cut.requested - cut.ordered} 条）`,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '23-shop-history-outcome');
  });
});
