/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from '../support/demo.js';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * An inspector's desk at 1366×768 on the demo county with four weeks of order history: purchase anomalies over a
 * range of dates across cycles (one made here: a retailer's line raised to three times its last three cycles'
 * total, so 9× their average), opening the retailer; and the audit trail with a change's before and after.
 */
describe('console: an inspector’s anomalies and audit trail', () => {
  let t: ConsoleApp;

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 4 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists a purchase anomaly of the last four weeks and opens its retailer', async () => {
    // T001's latest cycle with demand, and a line of it whose spec the retailer had in its three prior cycles.
    const { rows } = await t.db.query(
      `WITH latest AS (
         SELECT c.id, c.order_date FROM order_cycles c
          WHERE c.territory_id = (SELECT id FROM org_units WHERE code = 'T001')
            AND EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id)
          ORDER BY c.order_date DESC LIMIT 1),
       prior AS (
         SELECT p.id FROM order_cycles p, latest
          WHERE p.territory_id = (SELECT id FROM org_units WHERE code = 'T001') AND p.status <> 'cancelled'
            AND p.order_date < latest.order_date
          ORDER BY p.order_date DESC LIMIT 3)
       SELECT l.demand_id, l.brand_id, d.retailer_id, r.shop_name, r.license_no,
              (SELECT count(*) FROM prior)::int AS prior_cycles,
              (SELECT sum(ol.ordered) FROM order_lines ol
                WHERE ol.cycle_id IN (SELECT id FROM prior) AND ol.retailer_id = d.retailer_id AND ol.brand_id = l.brand_id)::int AS prior_total
         FROM latest JOIN demands d ON d.cycle_id = latest.id JOIN demand_lines l ON l.demand_id = d.id
         JOIN retailers r ON r.id = d.retailer_id
        WHERE d.status NOT IN ('cancelled', 'rejected', 'expired')
        ORDER BY prior_total DESC NULLS LAST, l.demand_id, l.brand_id LIMIT 1`,
    );
    const line = rows[0];
    expect(line.prior_cycles).toBe(3);
    expect(line.prior_total).toBeGreaterThan(0);
    await t.db.query(`UPDATE demand_lines SET cartons = $3 WHERE demand_id = $1 AND brand_id = $2`, [
      line.demand_id,
      line.brand_id,
      3 * line.prior_total,
    ]);

    const page = await t.deskAs('insp1');
    await page.getByRole('menuitem', { name: '异常采购' }).click();
    await page.waitForURL('**/desk/anomalies');
    const row = page.getByRole('row', { name: new RegExp(line.license_no) });
    await row.waitFor();
    expect(await row.textContent()).toContain('9.00 倍');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '32-desk-anomalies');

    await row.getByRole('button', { name: `${line.shop_name}（${line.license_no}）` }).click();
    const drawer = page.getByRole('dialog', { name: line.shop_name });
    await drawer.getByText('涉及该户的线索').waitFor();
    await drawer.getByText(line.license_no, { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('finds a change in the audit trail and shows its before and after side by side', async () => {
    const am06 = await t.userId('am06');
    await t.http
      .patch(`/api/users/${am06}`)
      .set(bearer(await t.token('head')))
      .send({ status: 'disabled' })
      .expect(200);
    const page = await t.deskAs('insp1');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/desk/audit');
    await page.getByRole('textbox', { name: '操作', exact: true }).fill('user.disable');
    await page.getByRole('textbox', { name: '对象编号' }).fill(String(am06));
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByRole('table', { name: '审计记录' });
    await table.getByRole('row', { name: /user\.disable/ }).waitFor();
    // Exactly the one entry, by the head.
    expect(await table.getByRole('row', { name: /user\.disable/ }).count()).toBe(1);
    expect(await table.textContent()).toContain('（head）');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '33-desk-audit');

    await table.getByRole('button', { name: /的修改前后$/ }).click();
    const compare = page.getByRole('table', { name: '修改前后对比' });
    const status = compare.getByRole('row', { name: /^status/ });
    await status.waitFor();
    expect(await status.getByRole('cell').allTextContents()).toEqual([
      'status（已变更）',
      'active',
      'disabled',
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '34-desk-audit-before-after');
  });
});
