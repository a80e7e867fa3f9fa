/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertRetailers } from '../support/fixtures.js';
import { insertStops } from '../delivery-fixture.js';
import {
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
} from './support/browser.js';

/**
 * Tuesday 2026-12-15, 09:10 in Shanghai. Two retailers of T001: r1 has a stop of route R1-1 today in the window
 * 09:00–10:00, r2 has none today (its stop is tomorrow).
 */
const NOW = '2026-12-15T09:10:00+08:00';
const lic = (n: number) => `48000000000${n}`;

describe('console: the retailer’s delivery of today on its phone', () => {
  let t: ConsoleApp;
  let stop: number;

  beforeAll(async () => {
    t = await startConsoleApp({ today: '2026-12-01', now: NOW });
    const [r1, r2] = await insertRetailers(
      t,
      [1, 2].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 10, withUser: true })),
    );
    [stop] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-12-15',
      orderDate: '2026-12-14',
      windowStart: '2026-12-15T09:00:00+08:00',
      windowEnd: '2026-12-15T10:00:00+08:00',
      retailers: [r1],
    });
    await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-12-16',
      orderDate: '2026-12-15',
      windowStart: '2026-12-16T09:00:00+08:00',
      windowEnd: '2026-12-16T10:00:00+08:00',
      retailers: [r2],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows today’s delivery with the door code, and confirms receipt at the server’s time', async () => {
    const page = await t.phoneAs(lic(1), '/shop/receipt');
    const card = page.getByLabel('今日送货');
    await card.waitFor();
    expect(await card.textContent()).toContain('待送货');
    expect(await card.textContent()).toContain('09:00–10:00');
    const code = (await page.getByLabel('到户确认码', { exact: true }).textContent())!.trim();
    const { body } = await t.http
      .get(`/api/deliveries/${stop}/door-code`)
      .set({ authorization: `Bearer ${await t.token(lic(1))}` })
      .expect(200);
    expect(code).toBe(body.code);
    expect(
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '收货' }).count(),
    ).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '30-shop-receipt');

    await page.getByRole('button', { name: '确认收货' }).click();
    await page.getByText('已确认收货。').waitFor();
    await page.getByRole('status').filter({ hasText: '已于 12月15日 09:10 确认收货' }).waitFor();
    expect(await card.textContent()).toContain('零售户已确认收货');
    expect(await page.getByRole('button', { name: '确认收货' }).count()).toBe(0);
    const { rows } = await t.db.query('SELECT status, confirmed_at FROM deliveries WHERE id = $1', [stop]);
    expect(rows).toEqual([{ status: 'received', confirmed_at: new Date(NOW) }]);
  });

  it('says so when there is no delivery today', async () => {
    const page = await t.phoneAs(lic(2), '/shop/receipt');
    await page.getByText('2026年12月15日没有给您的送货。').waitFor();
    expect(await page.getByLabel('今日送货').count()).toBe(0);
  });
});
