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
describe('console: visits due by cadence on Today', () => {
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
});
