/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { bearer, DEMO_PASSWORD } from '../support/demo.js';
import {
  logIn,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * A supply clerk's day at 1366×768. Monday 2026-11-23, 10:00: T001 (SC1, supply point SP1) orders on Mondays.
 * Three of its retailers ask 10, 5 and 3 cartons of a class V spec nobody else asks for; class V is supplied at
 * 70 %. Admin cuts the cycle off; clerk1 makes the unified order from its page and reads the rationing:
 * ⌊18 × 0.7⌋ = 12 cartons, exact shares 6.67, 3.33 and 2, so floors 6, 3, 2 and the one carton left over to the
 * largest remainder (the 10): 7, 3, 2.
 */
const TODAY = '2026-11-23';

describe('console: a supply clerk’s unified order and rationing', () => {
  let t: ConsoleApp;
  let cycleId: number;
  let shops: Array<{ id: number; shop_name: string; license_no: string }>;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2, today: TODAY, now: `${TODAY}T10:00:00+08:00` });
    const t001 = await t.unitId('T001');
    cycleId = (
      await t.db.query(`SELECT id FROM order_cycles WHERE territory_id = $1 AND order_date = $2`, [
        t001,
        TODAY,
      ])
    ).rows[0].id;
    const { rows: brands } = await t.db.query(
      `SELECT b.id FROM brands b WHERE b.active AND NOT b.scarce AND b.price_class = 5
          AND NOT EXISTS (SELECT 1 FROM demand_lines l JOIN demands d ON d.id = l.demand_id
                           JOIN order_cycles c ON c.id = d.cycle_id WHERE l.brand_id = b.id AND c.order_date = $1)
        ORDER BY b.id LIMIT 1`,
      [TODAY],
    );
    // Three active retailers of T001 without demand in this cycle, largest caps first.
    ({ rows: shops } = await t.db.query(
      `SELECT r.id, r.shop_name, r.license_no FROM retailers r
        WHERE r.territory_id = $1 AND r.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM demands d WHERE d.retailer_id = r.id AND d.cycle_id = $2)
        ORDER BY r.grade DESC, r.id LIMIT 3`,
      [t001, cycleId],
    ));
    await t.db.query(`UPDATE retailers SET license_valid_to = '2030-12-31' WHERE id = ANY($1)`, [
      shops.map((s) => s.id),
    ]);
    await t.http
      .put('/api/supply-ratios')
      .set(bearer(await t.token('head')))
      .send({ ratios: [{ priceClass: 5, ratioBp: 7000 }] })
      .expect(200);
    for (const [index, asked] of [10, 5, 3].entries()) {
      const res = await t.http
        .post('/api/demands')
        .set(bearer(await t.token(shops[index].license_no)))
        .send({
          retailerId: shops[index].id,
          channel: 'self',
          lines: [{ brandId: brands[0].id, cartons: asked }],
        });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    }
    await t.http
      .post(`/api/order-cycles/${cycleId}/cutoff`)
      .set(bearer(await t.token('admin')))
      .expect(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('makes the waiting unified order and shows class V rationed retailer by retailer, exportable', async () => {
    const context = await t.desk();
    const page = await context.newPage();
    await page.goto('/');
    await logIn(page, 'clerk1', DEMO_PASSWORD);
    await page.waitForURL('**/desk');
    await page.getByRole('menuitem', { name: '统一订购' }).click();
    await page.waitForURL('**/desk/supply');
    const waiting = page.getByRole('table', { name: '待汇总的订货周期' });
    const { rows } = await t.db.query(`SELECT name FROM org_units WHERE code = 'T001'`);
    await waiting.getByRole('row', { name: new RegExp(rows[0].name) }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '35-desk-supply-waiting');

    await waiting.getByRole('button', { name: `汇总${rows[0].name}${TODAY}的订货` }).click();
    await page.getByText(/已汇总：订购明细 \d+ 行/).waitFor();
    await waiting.getByText('没有待汇总的订货周期').waitFor();
    const { rows: cycle } = await t.db.query(`SELECT status FROM order_cycles WHERE id = $1`, [cycleId]);
    expect(cycle[0].status).toBe('consolidated');

    const groups = page.getByRole('table', { name: '按比例供应的规格' });
    const group = groups.getByRole('row', { name: /Ⅴ类/ });
    await group.waitFor();
    expect(await group.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['18 条', '12 条', '66.7%', '1 条', '3 户']),
    );
    await group.getByRole('button').first().click();
    const detail = page.getByRole('table', { name: /的各户分配$/ });
    const cells = async (shop: (typeof shops)[number]) =>
      (
        await detail
          .getByRole('row', { name: new RegExp(shop.license_no) })
          .getByRole('cell')
          .allTextContents()
      ).slice(2);
    // asked, floor share, remainder, left-over carton, allotted
    expect(await cells(shops[0])).toEqual(['10 条', '6 条', '0.6667', '分得', '7 条']);
    expect(await cells(shops[1])).toEqual(['5 条', '3 条', '0.3333', '—', '3 条']);
    expect(await cells(shops[2])).toEqual(['3 条', '2 条', '0.0000', '—', '2 条']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '36-desk-supply-rationing');
    const { rows: lines } = await t.db.query(
      `SELECT retailer_id, requested, ordered FROM order_lines WHERE retailer_id = ANY($1) AND cycle_id = $2 ORDER BY requested DESC`,
      [shops.map((s) => s.id), cycleId],
    );
    expect(lines).toEqual([
      { retailer_id: shops[0].id, requested: 10, ordered: 7 },
      { retailer_id: shops[1].id, requested: 5, ordered: 3 },
      { retailer_id: shops[2].id, requested: 3, ordered: 2 },
    ]);

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`稍紧平衡-${TODAY}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.startsWith('\ufeff"供货点"')).toBe(true);
    expect(csv).toContain(`"${shops[0].license_no}","${rows[0].name}","10","6","0.6667","是","7"`);
  });
});
