/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { BrowserContext } from 'playwright-core';
import { Clock } from '#libs/shared';
import { bearer } from '../support/demo.js';
import {
  drawSignature,
  findSpec,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
  untilServiceWorkerControls,
} from './support/browser.js';

/**
 * Monday 2026-11-23, 10:00 in Shanghai: T001 (am01) orders today, its window is open until 16:00.
 * This week a scarce spec is limited to 2 cartons a cycle at every grade, and class V is supplied at 50 %.
 */
const TODAY = '2026-11-23';
const NOW = `${TODAY}T10:00:00+08:00`;

describe('console: this week’s supply on the phone, 无需求 on Today, a signature queued offline', () => {
  let t: ConsoleApp;
  let retailers: { id: number; license_no: string; shop_name: string; grade: number }[];
  let scarce: { id: number; name: string };
  let classFive: { id: number; name: string };

  /** Sets a phone's own clock (the browser's), apart from the API's. */
  const clockAt = (at: string) => (context: BrowserContext) => context.clock.setFixedTime(new Date(at));

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2, today: TODAY, now: NOW });
    await t.db.query(
      `UPDATE retailers SET license_valid_to = '2030-12-31'
        WHERE territory_id = (SELECT id FROM org_units WHERE code = 'T001') AND status = 'active'`,
    );
    retailers = (
      await t.db.query(
        `SELECT r.id, r.license_no, r.shop_name, r.grade FROM retailers r JOIN org_units u ON u.id = r.territory_id
          WHERE u.code = 'T001' AND r.status = 'active' ORDER BY r.id`,
      )
    ).rows;
    scarce = (await t.db.query(`SELECT id, name FROM brands WHERE scarce AND active ORDER BY id LIMIT 1`))
      .rows[0];
    classFive = (
      await t.db.query(
        `SELECT id, name FROM brands WHERE price_class = 5 AND active AND NOT scarce ORDER BY id LIMIT 1`,
      )
    ).rows[0];
    const head = bearer(await t.token('head'));
    await t.http
      .put('/api/scarce-limits')
      .set(head)
      .send({ brandId: scarce.id, weekStart: TODAY, limits: Array(30).fill(2) })
      .expect(200);
    await t.http
      .put('/api/supply-ratios')
      .set(head)
      .send({ ratios: [{ priceClass: 5, ratioBp: 5000 }] })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the retailer this week’s supply and catches a line over its limit, naming it', async () => {
    const retailer = retailers[0];
    const shop = await t.phoneAs(retailer.license_no, '/shop/order');
    const supply = shop.getByRole('region', { name: '本周供应信息' });
    await supply.waitFor();
    const text = await supply.textContent();
    expect(text).toContain(`紧俏卷烟限量（${retailer.grade} 档，每个订货周期）`);
    expect(text).toContain(`${scarce.name}：限 2 条`);
    expect(text).toContain('五类烟稍紧平衡，按需求的 50% 供应');
    expect(text).toContain(classFive.name);

    await findSpec(shop, scarce.name);
    const more = shop.getByRole('button', { name: `增加${scarce.name}数量（条）` });
    await more.click();
    await more.click();
    expect(await shop.getByRole('alert').count()).toBe(0);
    await more.click();
    const alert = shop.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `“${scarce.name}”超出紧俏限量：${retailer.grade} 档每周期限 2 条，当前 3 条。`,
    );
    expect(await shop.getByRole('button', { name: '提交需求' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(shop)).toEqual([]);
    await screenshot(shop, '17-shop-order-supply-over-limit');
  });

  it('lets the account manager record 无需求 for a retailer that has not submitted, beside the call button', async () => {
    const am = await t.phoneAs('am01', '/am/today');
    const waiting = am.getByRole('region', { name: '尚未提报的零售户' });
    const button = waiting.getByRole('button', { name: /无需求$/ }).first();
    await button.waitFor();
    const shopName = (await button.getAttribute('aria-label'))!.replace(/无需求$/, '');
    const retailer = retailers.find((r) => r.shop_name === shopName)!;
    expect(await seriousAccessibilityViolations(am)).toEqual([]);
    await screenshot(am, '18-am-today-waiting');
    await button.click();
    await am.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await am.getByText(`已登记“${shopName}”本周期无需求。`).waitFor();
    await waiting.getByRole('button', { name: `${shopName}无需求` }).waitFor({ state: 'detached' });
    const { rows } = await t.db.query(
      `SELECT n.retailer_id FROM no_demand_records n JOIN order_cycles c ON c.id = n.cycle_id
        WHERE c.order_date = $1`,
      [TODAY],
    );
    expect(rows).toEqual([{ retailer_id: retailer.id }]);
  });

  it('queues a signed collected demand made offline and sends both once when back online', async () => {
    const retailer = retailers[2];
    const am = await t.phoneAs('am01', `/am/collect/new?retailerId=${retailer.id}`);
    await findSpec(am, scarce.name);
    await am.getByRole('button', { name: `增加${scarce.name}数量（条）` }).click();
    await am.getByText('手写签名', { exact: true }).click();
    await drawSignature(am, '零售户签名区');
    await am.getByText('已签名', { exact: true }).waitFor();
    await untilServiceWorkerControls(am);
    await am.context().setOffline(true);
    await am.getByRole('button', { name: '提交代收需求' }).click();
    await am.waitForURL('**/outbox');
    const outbox = am.getByRole('region', { name: '待发送列表' });
    await outbox.getByText('待发送', { exact: true }).waitFor();
    expect(await outbox.textContent()).toContain('已签名');
    const inCycle = `SELECT d.id, d.status, d.confirmed_via FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
                      WHERE d.retailer_id = $1 AND c.order_date = $2`;
    expect((await t.db.query(inCycle, [retailer.id, TODAY])).rows).toEqual([]);

    await am.context().setOffline(false);
    await am.evaluate(() => window.dispatchEvent(new Event('online')));
    await outbox.getByText('已发送', { exact: true }).waitFor();
    // A second "online" (a flaky signal) sends nothing more: the same keys, and sent stays sent.
    await am.evaluate(() => window.dispatchEvent(new Event('online')));
    await am.waitForTimeout(500);
    const demands = (await t.db.query(inCycle, [retailer.id, TODAY])).rows;
    expect(demands).toEqual([
      { id: expect.any(Number), status: 'pending_approval', confirmed_via: 'signature' },
    ]);
    const signatures = await t.db.query(
      `SELECT kind, media_type FROM attachments WHERE owner_kind = 'demand' AND owner_id = $1`,
      [demands[0].id],
    );
    expect(signatures.rows).toEqual([{ kind: 'signature', media_type: 'image/png' }]);
    // Sent, the signature no longer stays on the phone.
    const kept = await am.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('console-outbox');
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => resolve(all.result.some((entry: { file?: Blob }) => entry.file));
          };
        }),
    );
    expect(kept).toBe(false);
  });

  it.each([
    ['am01', '/am/retailers', '40-am-retailers'],
    ['am01', '/am/forecasts', '41-am-forecasts'],
    ['am01', '/am/kpis', '42-am-kpis'],
    ['am01', '/outbox', '43-am-outbox'],
    ['retailer', '/shop/confirm', '44-shop-confirm'],
    ['retailer', '/shop/history', '45-shop-history'],
  ])('keeps %s’s %s free of serious accessibility violations', async (who, path, name) => {
    const page = await t.phoneAs(who === 'retailer' ? retailers[4].license_no : who, path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  });

  it('shows the retailer the outcome after the unified order: rationed, by how much and why', async () => {
    // Class V at 50 %: the retailer alone asks 3 cartons of the spec → ⌊3 × 0.5⌋ = 1 carton.
    const retailer = retailers[3];
    const shop = await t.phoneAs(retailer.license_no, '/shop/order');
    await findSpec(shop, classFive.name);
    const more = shop.getByRole('button', { name: `增加${classFive.name}数量（条）` });
    for (let i = 0; i < 3; i++) await more.click();
    await shop.getByRole('button', { name: '提交需求' }).click();
    await shop.getByText('已提交本周期需求。').waitFor();

    const cycle = (
      await t.db.query(
        `SELECT c.id FROM order_cycles c JOIN org_units u ON u.id = c.territory_id
          WHERE u.code = 'T001' AND c.order_date = $1`,
        [TODAY],
      )
    ).rows[0].id;
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date(`${TODAY}T16:30:00+08:00`));
    await t.http
      .post(`/api/order-cycles/${cycle}/cutoff`)
      .set(bearer(await t.token('admin')))
      .expect(200);
    clock.mockReturnValue(new Date('2026-11-24T06:30:00+08:00'));
    await t.http
      .post(`/api/order-cycles/${cycle}/consolidate`)
      .set(bearer(await t.token('clerk1')))
      .expect(200);

    const nextDay = await t.phoneAs(retailer.license_no, '/shop/order', clockAt('2026-11-24T09:00:00+08:00'));
    const outcome = nextDay.getByRole('region', { name: '上一订货日结果' });
    await outcome.waitFor();
    const text = await outcome.textContent();
    expect(text).toContain('2026年11月23日 周一');
    expect(text).toContain('提报 3 条，订购 1 条，少 2 条。');
    expect(text).toContain(`${classFive.name}：提报 3 条，稍紧平衡按 50% 比例供应，订购 1 条（少 2 条）`);
    expect(await seriousAccessibilityViolations(nextDay)).toEqual([]);
    await screenshot(nextDay, '19-shop-order-outcome');
  });
});
