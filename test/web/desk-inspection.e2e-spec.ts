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
 * An inspector's six-prohibitions report 六不准 and lead escalations 线索督办 at 1366×768, on the demo county with
 * two weeks of orders (18 November 2026): the month's collected-demand share per territory; an escalated lead
 * opens its retailer and is sent back to the squad with a due time.
 */
describe('console: an inspector’s 六不准 and lead escalations', () => {
  let t: ConsoleApp;
  let lead: { id: number; retailer_id: number };

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2 });
    // An account manager's important lead, left without a result past its deadline: the daily job escalated it.
    const { rows: shops } = await t.db.query(
      `SELECT r.id FROM retailers r JOIN org_units u ON u.id = r.territory_id WHERE u.code = 'T001' ORDER BY r.id LIMIT 1`,
    );
    const reported = await t.http
      .post('/api/leads')
      .set(bearer(await t.token('am01')))
      .send({
        kind: 'counterfeit',
        importance: 'important',
        retailerId: shops[0].id,
        description: '店内柜台发现疑似假冒卷烟',
      })
      .expect(201);
    const { rows } = await t.db.query(
      `UPDATE leads SET status = 'escalated', escalated_at = now(), escalation_count = 1 WHERE id = $1
        RETURNING id, retailer_id`,
      [reported.body.id],
    );
    [lead] = rows;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows the month’s collected-demand share per territory', async () => {
    const page = await t.deskAs('insp1');
    await page.getByRole('menuitem', { name: '六不准' }).click();
    await page.waitForURL('**/desk/prohibitions');
    const { rows } = await t.db.query(
      `SELECT min(u.name) AS name, count(*)::int AS demands FROM demands d
         JOIN order_cycles c ON c.id = d.cycle_id JOIN org_units u ON u.id = d.territory_id
        WHERE c.order_date >= '2026-11-01' AND c.order_date < '2026-12-01' AND d.status <> 'cancelled'
        GROUP BY d.territory_id
        ORDER BY round(count(*) FILTER (WHERE d.channel = 'collected')::numeric / count(*), 4) DESC, d.territory_id
        LIMIT 1`, // the report's first row
    );
    expect(rows).toHaveLength(1);
    await page
      .getByRole('table', { name: '代收占比' })
      .getByRole('row', { name: new RegExp(`${rows[0].name} ${rows[0].demands} `) })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '45-desk-prohibitions');
  });

  it('opens an escalated lead’s retailer and sends the lead back to the squad', async () => {
    const page = await t.deskAs('insp1');
    await page.getByRole('menuitem', { name: '线索督办' }).click();
    await page.waitForURL('**/desk/lead-escalations');
    const table = page.getByRole('table', { name: '已升级的线索' });
    await table.getByRole('button', { name: `督办线索 ${lead.id}` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '46-desk-lead-escalations');

    const { rows: shop } = await t.db.query(`SELECT shop_name FROM retailers WHERE id = $1`, [
      lead.retailer_id,
    ]);
    await table
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `督办线索 ${lead.id}` }) })
      .getByRole('button', { name: '查看零售户' })
      .click();
    const drawer = page.getByRole('dialog', { name: shop[0].shop_name });
    expect(await drawer.getByRole('link', { name: '三员时间线' }).getAttribute('href')).toBe(
      `/desk/retailers/${lead.retailer_id}/timeline`,
    );
    await page.keyboard.press('Escape');

    await table.getByRole('button', { name: `督办线索 ${lead.id}` }).click();
    const dialog = page.getByRole('dialog', { name: `督办线索 ${lead.id}` });
    await dialog.getByLabel('督办意见').fill('请中队三日内上门核查并上传结果');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText(/已督办，状态：/).waitFor();
    const { rows: after } = await t.db.query(
      `SELECT status <> 'escalated' AS sent_back, action_due_at IS NOT NULL AS due FROM leads WHERE id = $1`,
      [lead.id],
    );
    expect(after).toEqual([{ sent_back: true, due: true }]);
  });
});
