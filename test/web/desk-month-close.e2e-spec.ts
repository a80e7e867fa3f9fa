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

  it('shows an open month and what the month-close job waits for', async () => {
    const page = await monthCloseOf('head');
    await page.getByText('尚未结账：工作簿为实时计算').waitFor();
    const board = await t.http
      .get('/api/jobs')
      .set(bearer(await t.token('head')))
      .expect(200);
    const job = board.body.find((entry: { name: string }) => entry.name === 'reports.month-close');
    const d01 = await t.unitId('D01');
    const waits: string[] = job.waitingFor
      .filter((w: { departmentId: number | null }) => w.departmentId === null || w.departmentId === d01)
      .map((w: { text: string }) => w.text);
    const card = page.getByText('正在等待').locator('..');
    await card.getByText(job.schedule.when).waitFor();
    for (const text of waits) await page.getByText(text).waitFor();
    if (!waits.length)
      await page
        .getByText(
          job.lastRuns.length
            ? '上次执行时没有需要等待的事项。'
            : '尚未执行：到执行时间时检查本月所需的输入是否齐全，齐全即结账。',
        )
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
