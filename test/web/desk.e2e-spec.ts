/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, DEMO_PASSWORD } from '../support/demo.js';
import {
  cspViolations,
  logIn,
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

  /** A desk screen logged in as `username`, landed on its home. */
  async function deskOf(username: string): Promise<Page> {
    const page = await (await t.desk()).newPage();
    await page.goto('/');
    await logIn(page, username, DEMO_PASSWORD);
    await page.waitForURL('**/desk');
    return page;
  }

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
    const page = await deskOf('mm1');
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
    const page = await deskOf('mm1');
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

  it.each([
    ['head', '营销部负责人', '23-desk-department-head-home'],
    ['clerk1', '支点订货员', '24-desk-supply-clerk-home'],
    ['insp1', '督察组', '25-desk-inspector-home'],
  ])('gives %s its desk home', async (username, role, shot) => {
    const page = await deskOf(username);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(role);
    expect(await page.getByRole('button', { name: /待审批/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, shot);
  });

  it('answers 未找到 for a desk page of another role', async () => {
    const page = await deskOf('head');
    // The address bar: the session cookie keeps the login across the reload.
    await page.goto('/desk/approvals');
    await page.getByText('未找到该页面').waitFor();
  });
});
