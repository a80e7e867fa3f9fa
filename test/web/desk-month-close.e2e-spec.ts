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
 * Month close at the desk (1366×768), 18 November 2026: October not closed yet shows what the month-close job
 * waits for; once closed (admin forces it), the department head asks for a correction with its reason and an
 * inspector approves it, which makes October's second version.
 */
describe('console: month close, its waits and a correction', () => {
  let t: ConsoleApp;
  const month = '2026-10';

  /** A desk signed in as `username`, on the 月结 page. */
  async function monthCloseOf(username: string): Promise<Page> {
    const page = await t.deskAs(username);
    await page.getByRole('menuitem', { name: '月结' }).click();
    await page.waitForURL('**/desk/month-close');
    return page;
  }

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows an open month, what its close waits for and the cycle not consolidated', async () => {
    // A cycle of T001 on Monday 26 October that was cut off but never consolidated.
    const { rows: units } = await t.db.query(
      `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
       SELECT t.id, c.id, c.parent_id, '2026-10-26', '2026-10-23T12:00:00+08:00', '2026-10-26T16:00:00+08:00', 'cut_off'
         FROM org_units t JOIN org_units c ON c.id = t.parent_id WHERE t.code = 'T001'
       RETURNING (SELECT name FROM org_units WHERE code = 'T001') AS name`,
    );
    const page = await monthCloseOf('head');
    await page.getByText('尚未结账：工作簿为实时计算').waitFor();
    const job = (
      await t.http
        .get('/api/jobs')
        .set(bearer(await t.token('head')))
        .expect(200)
    ).body.find((entry: { name: string }) => entry.name === 'reports.month-close');
    await page.getByText(job.schedule.when).waitFor();
    const waits = page.locator('.ant-card', { hasText: '月结条件' });
    await waits.getByText('2026-10 还有 1 个订货周期未汇总（最后订货日 2026-10-26）').waitFor();
    expect(await waits.getByRole('listitem').count()).toBe(1); // October's grace period is over
    await page
      .getByRole('table', { name: '尚未汇总的订货周期' })
      .getByRole('row', { name: new RegExp(`${units[0].name}.*10月26日.*已截单，待汇总`) })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '37-desk-month-close-waiting');
  });

  it('a head asks for a correction of the closed month; an inspector approves it: version 2', async () => {
    await t.http
      .post(`/api/kpi/months/${month}/close`)
      .set(bearer(await t.token('admin')))
      .send({ force: true, reason: '浏览器测试：关闭十月' })
      .expect(200);
    const head = await monthCloseOf('head');
    await head.getByText(/已结账，第 1 版/).waitFor();
    await head.getByLabel('更正原因').fill('城关一组 10 月查实的线索在月结后才录入，查实率少计一条');
    await head.getByRole('button', { name: '申请更正' }).click();
    await head.getByText('已提交更正申请，待督察组审批').waitFor();
    await head.getByRole('table', { name: '更正记录' }).getByText('待审批').waitFor();
    expect(await seriousAccessibilityViolations(head)).toEqual([]);
    await screenshot(head, '38-desk-month-close-correction');
    const { rows: opened } = await t.db.query(
      `SELECT status, opened_by FROM kpi_month_corrections WHERE month = $1`,
      [`${month}-01`],
    );
    expect(opened).toEqual([{ status: 'open', opened_by: await t.userId('head') }]);

    const inspector = await monthCloseOf('insp1');
    await inspector.getByLabel('审批意见').fill('已核实补录记录');
    await inspector.getByRole('button', { name: '批准更正' }).click();
    await inspector.getByText('已批准，本月已按更正重算').waitFor();
    await inspector.getByText(/已结账，第 2 版/).waitFor();
    expect(await seriousAccessibilityViolations(inspector)).toEqual([]);
    const { rows: closes } = await t.db.query(
      `SELECT version FROM kpi_month_closes WHERE month = $1 ORDER BY version`,
      [`${month}-01`],
    );
    expect(closes).toEqual([{ version: 1 }, { version: 2 }]);
  });
});
