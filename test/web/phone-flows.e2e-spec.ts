/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from '../support/demo.js';
import {
  findSpec,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  type ConsoleApp,
  untilServiceWorkerControls,
} from './support/browser.js';

/**
 * Monday 2026-11-23, 10:00 in Shanghai: T001 (am01) orders on Mondays, its window is open (Sunday 12:00 →
 * today 16:00). The demo's retailers of T001 log in with their licence number and the demo password.
 */
const TODAY = '2026-11-23';
const NOW = `${TODAY}T10:00:00+08:00`;

describe('console: account manager and retailer on their phones', () => {
  let t: ConsoleApp;
  let retailers: { id: number; license_no: string; shop_name: string; grade: number }[];
  let scarce: { id: number; name: string };

  beforeAll(async () => {
    t = await startConsoleApp({ retailers: 60, weeks: 2, today: TODAY, now: NOW });
    // T001's shops, their licences valid (an expired one may not order: a rule of its own, tested elsewhere).
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
    // This week's limit of the scarce spec: 2 cartons a cycle at every grade.
    await t.http
      .put('/api/scarce-limits')
      .set(bearer(await t.token('head')))
      .send({ brandId: scarce.id, weekStart: TODAY, limits: Array(30).fill(2) })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the account manager its day: the cycle card with the cutoff countdown', async () => {
    const page = await t.phoneAs('am01');
    const card = page.getByLabel('本周订货周期');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('订货日 2026年11月23日 周一');
    expect(text).toContain('截单 11月23日 16:00');
    expect(text).toContain('距截单还有 6 小时 0 分');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '10-am-today');
  });

  it('catches a line over the scarce limit before sending, naming the limit', async () => {
    const page = await t.phoneAs('am01', `/am/collect/new?retailerId=${retailers[0].id}`);
    await findSpec(page, scarce.name);
    const more = page.getByRole('button', { name: `增加${scarce.name}数量（条）` });
    await more.click();
    await more.click();
    await more.click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `“${scarce.name}”超出紧俏限量：${retailers[0].grade} 档每周期限 2 条，当前 3 条。`,
    );
    expect(await page.getByRole('button', { name: '提交代收需求' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '11-am-collect-over-limit');
  });

  it('collects a demand confirmed with the retailer’s code; approved by the market manager, the AM sees it', async () => {
    const retailer = retailers[1];
    const shop = await t.phoneAs(retailer.license_no);
    await shop.getByRole('link', { name: '确认' }).click();
    await shop.getByRole('button', { name: '生成确认码' }).click();
    const code = (await shop.getByLabel('确认码', { exact: true }).textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(shop, '12-shop-confirmation-code');

    const am = await t.phoneAs('am01', `/am/collect/new?retailerId=${retailer.id}`);
    await findSpec(am, scarce.name);
    await am.getByRole('button', { name: `增加${scarce.name}数量（条）` }).click();
    await am.getByRole('textbox', { name: '零售户确认码' }).fill(code);
    await am.getByRole('button', { name: '提交代收需求' }).click();
    await Promise.race([
      am.waitForURL('**/am/collect'),
      // A refusal would show as an alert: fail with its words rather than a timeout.
      am
        .getByRole('alert')
        .waitFor()
        .then(async () => Promise.reject(new Error(`refused: ${await am.getByRole('alert').textContent()}`))),
    ]);
    const row = am.getByRole('region', { name: '代收需求列表' }).getByText(retailer.shop_name).first();
    await row.waitFor();

    const { rows } = await t.db.query(
      `SELECT d.id, d.status, d.channel FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
        WHERE d.retailer_id = $1 AND c.order_date = $2`,
      [retailer.id, TODAY],
    );
    expect(rows).toEqual([{ id: expect.any(Number), status: 'pending_approval', channel: 'collected' }]);
    await t.http
      .post(`/api/demands/${rows[0].id}/approve`)
      .set(bearer(await t.token('mm1')))
      .send({ comment: '同意' })
      .expect(200);

    await am.getByRole('link', { name: '今日' }).click();
    await am.getByRole('link', { name: '代收需求' }).click();
    const item = am.getByRole('region', { name: '代收需求列表' });
    await item.getByText('已审批').first().waitFor();
    expect(await seriousAccessibilityViolations(am)).toEqual([]);
    await screenshot(am, '13-am-collected-approved');
  });

  it('lets a retailer order, amend, and see its remaining quota change', async () => {
    const retailer = retailers[2];
    const { rows } = await t.db.query(
      `SELECT cap - used - reserved AS remaining FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-11-01'`,
      [retailer.id],
    );
    const before = Number(rows[0].remaining);
    const shop = await t.phoneAs(retailer.license_no);
    const remaining = shop.getByLabel('本月剩余');
    expect(await remaining.textContent()).toBe(`${before} 条`);
    await screenshot(shop, '14-shop-order');
    const brand = (
      await t.db.query(`SELECT name FROM brands WHERE active AND NOT scarce ORDER BY id LIMIT 1`)
    ).rows[0];
    const more = shop.getByRole('button', { name: `增加${brand.name}数量（条）` });
    await more.click();
    await more.click();
    await shop.getByRole('button', { name: '提交需求' }).click();
    await shop.getByText('已提交本周期需求。').waitFor();
    await shop
      .getByText(`${before - 2} 条`, { exact: true })
      .first()
      .waitFor();
    expect(await remaining.textContent()).toBe(`${before - 2} 条`);

    await shop.getByRole('button', { name: `减少${brand.name}数量（条）` }).click();
    await shop.getByRole('button', { name: '修改需求' }).click();
    await shop.getByText('已修改本周期需求。').waitFor();
    await shop.waitForFunction(
      (expected) => document.querySelector('[aria-label="本月剩余"]')?.textContent === expected,
      `${before - 1} 条`,
    );
    const demand = await t.db.query(
      `SELECT d.channel, l.cartons FROM demands d JOIN demand_lines l ON l.demand_id = d.id
         JOIN order_cycles c ON c.id = d.cycle_id
        WHERE d.retailer_id = $1 AND d.status <> 'cancelled' AND c.order_date = $2`,
      [retailer.id, TODAY],
    );
    expect(demand.rows).toEqual([{ channel: 'self', cartons: 1 }]);
    expect(await seriousAccessibilityViolations(shop)).toEqual([]);
  });

  it('queues a collected demand made offline and sends it once when the connection returns', async () => {
    const retailer = retailers[3];
    const am = await t.phoneAs('am01', `/am/collect/new?retailerId=${retailer.id}`);
    await findSpec(am, scarce.name);
    await am.getByRole('button', { name: `增加${scarce.name}数量（条）` }).click();
    // The app shell is cached by the service worker once it controls the page (the first visit installs it).
    await untilServiceWorkerControls(am);
    await am.context().setOffline(true);
    await am.getByRole('button', { name: '提交代收需求' }).click();
    await am.waitForURL('**/outbox');
    const outbox = am.getByRole('region', { name: '待发送列表' });
    await outbox.getByText('待发送', { exact: true }).waitFor();
    await screenshot(am, '15-am-outbox-offline');
    const inCycle = `SELECT d.channel, d.status FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
                      WHERE d.retailer_id = $1 AND c.order_date = $2`;
    expect((await t.db.query(inCycle, [retailer.id, TODAY])).rows).toEqual([]);

    await am.context().setOffline(false);
    await am.evaluate(() => window.dispatchEvent(new Event('online')));
    await outbox.getByText('已发送', { exact: true }).waitFor();
    // A second "online" (a flaky signal) sends nothing more: the same Idempotency-Key, and sent stays sent.
    await am.evaluate(() => window.dispatchEvent(new Event('online')));
    await am.waitForTimeout(500);
    const { rows } = await t.db.query(inCycle, [retailer.id, TODAY]);
    expect(rows).toEqual([{ channel: 'collected', status: 'pending_confirmation' }]);
  });

  it('shows a retailer its own card, and "not found" for another retailer’s (the API answered 404)', async () => {
    const [own, other] = [retailers[4], retailers[0]];
    const shop = await t.phoneAs(own.license_no, `/retailers/${own.id}`);
    await shop.getByRole('heading', { name: own.shop_name }).waitFor();
    expect(await seriousAccessibilityViolations(shop)).toEqual([]);
    await screenshot(shop, '16-retailer-card');

    // Changing the URL in the address bar (a reload: the session cookie keeps the login, the page asks the API).
    const answer = shop.waitForResponse((response) => response.url().endsWith(`/api/retailers/${other.id}`));
    await shop.goto(`/retailers/${other.id}`);
    expect((await answer).status()).toBe(404);
    await shop.getByText('未找到该零售户').waitFor();
    expect(await shop.getByText(other.shop_name).count()).toBe(0);
  });
});
