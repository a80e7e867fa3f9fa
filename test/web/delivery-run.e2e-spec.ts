/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertBrands, insertRetailers } from '../support/fixtures.js';
import { insertStops } from '../delivery-fixture.js';
import {
  drawSignature,
  screenshot,
  seriousAccessibilityViolations,
  startConsoleApp,
  untilServiceWorkerControls,
  type ConsoleApp,
} from './support/browser.js';

/**
 * Tuesday 2026-12-15, 09:10 in Shanghai. Route R1-1 (ds1) has five stops today, in this order: r1 … r5 of
 * T001, each in the window 09:00–10:00, with 3 cartons of 规格DA and 2 of 规格DB.
 */
const NOW = '2026-12-15T09:10:00+08:00';
const lic = (n: number) => `48100000000${n}`;

describe('console: the delivery driver’s run on its phone', () => {
  let t: ConsoleApp;
  let stops: number[];
  let retailers: number[];

  const stopRow = async (id: number) =>
    (
      await t.db.query(
        `SELECT status, receiver, receiver_name, receiver_relation, proxy_reason, time_source, arrived_at, door_code_at, completed_at
           FROM deliveries WHERE id = $1`,
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await startConsoleApp({ today: '2026-12-01', now: NOW });
    retailers = await insertRetailers(
      t,
      [1, 2, 3, 4, 5].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 10, withUser: true })),
    );
    await t.db.query(
      `UPDATE retailers SET phone = '1390000000' || id % 10, address = '城关镇解放路 ' || id || ' 号' WHERE id = ANY($1)`,
      [retailers],
    );
    const [a, b] = await insertBrands(t, [{ code: 'DA' }, { code: 'DB' }]);
    stops = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-12-15',
      orderDate: '2026-12-14',
      windowStart: '2026-12-15T09:00:00+08:00',
      windowEnd: '2026-12-15T10:00:00+08:00',
      retailers,
    });
    await t.db.query(`UPDATE deliveries SET cartons = 5, lines = $2 WHERE id = ANY($1)`, [
      stops,
      JSON.stringify([
        { brandId: a, cartons: 3 },
        { brandId: b, cartons: 2 },
      ]),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows today’s stops in route order with cartons by spec, call and map buttons, and the progress', async () => {
    const page = await t.phoneAs('ds1', '/dv/run');
    const list = page.getByRole('region', { name: '送货站点' });
    await list.waitFor();
    const first = page.getByLabel(/^第 1 站/);
    expect(await first.textContent()).toContain('规格DA 3 条，规格DB 2 条');
    expect(await first.textContent()).toContain('09:00–10:00');
    const { rows } = await t.db.query('SELECT shop_name, phone, address FROM retailers WHERE id = $1', [
      retailers[0],
    ]);
    expect(
      await page
        .getByRole('link', { name: `拨打电话 ${rows[0].shop_name} ${rows[0].phone}` })
        .getAttribute('href'),
    ).toBe(`tel:${rows[0].phone}`);
    expect(await page.getByRole('link', { name: `地图导航 ${rows[0].shop_name}` }).getAttribute('href')).toBe(
      `geo:0,0?q=${encodeURIComponent(rows[0].address)}`,
    );
    const order = await list.getByRole('link', { name: /^测试商店/ }).allTextContents();
    expect(order).toEqual([1, 2, 3, 4, 5].map((n) => `测试商店${lic(n)}（店主）`));
    const progress = page.getByRole('progressbar', { name: '送货进度' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');
    expect(await page.getByText('已完成 0/5').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '50-driver-run');
  });

  it('completes a stop with the retailer’s one-time code', async () => {
    const page = await t.phoneAs('ds1', '/dv/run');
    await page.getByRole('link', { name: `测试商店${lic(1)}（店主）` }).click();
    await page.getByRole('heading', { name: `第 1 站 · 测试商店${lic(1)}` }).waitFor();
    await page.getByRole('button', { name: '到达' }).click();
    await page.getByText('已于 09:10 到达').waitFor();
    const { body } = await t.http
      .get(`/api/deliveries/${stops[0]}/door-code`)
      .set({ authorization: `Bearer ${await t.token(lic(1))}` })
      .expect(200);
    await page.getByRole('textbox', { name: '到户确认码' }).fill(body.code);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '51-driver-door-code');
    await page.getByRole('button', { name: '确认交货' }).click();
    await page.waitForURL('**/dv/run');
    await page.getByText('已完成 1/5').waitFor();
    expect(await stopRow(stops[0])).toEqual({
      status: 'delivered',
      receiver: 'retailer',
      receiver_name: null,
      receiver_relation: null,
      proxy_reason: null,
      time_source: 'doorCode',
      arrived_at: new Date(NOW),
      door_code_at: new Date(NOW),
      completed_at: new Date(NOW),
    });
  });

  it('refuses a proxy receipt without a reason, naming the missing field in Chinese', async () => {
    const page = await t.phoneAs('ds1', `/dv/stops/${stops[1]}`);
    await page.getByRole('button', { name: '到达' }).click();
    await page.getByText('代接货', { exact: true }).click();
    await page.getByRole('textbox', { name: '代收人姓名' }).fill('王小明');
    await page.getByRole('button', { name: '确认交货' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('代接货必须填写原因');
    expect((await stopRow(stops[1])).status).toBe('planned');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '52-driver-proxy-refused');

    await page.getByPlaceholder('填写代接货原因').fill('店主去医院，由其子代收');
    await page.getByRole('textbox', { name: '与店主关系' }).fill('店主之子');
    await page.getByRole('button', { name: '确认交货' }).click();
    await page.waitForURL('**/dv/run');
    await page.getByText('已完成 2/5').waitFor();
    expect(await page.getByLabel(/^第 2 站/).textContent()).toContain('代接货：王小明（店主之子）');
    expect(await stopRow(stops[1])).toMatchObject({
      status: 'delivered',
      receiver: 'proxy',
      receiver_name: '王小明',
      receiver_relation: '店主之子',
      proxy_reason: '店主去医院，由其子代收',
      time_source: 'server',
    });
  });

  it('queues the door steps made without a signal and sends each once when it returns', async () => {
    const page = await t.phoneAs('ds1', '/dv/run');
    await page.getByText('已完成 2/5').waitFor();
    // The app shell is cached by the service worker once it controls the page (the first visit installs it).
    await untilServiceWorkerControls(page);
    const { body } = await t.http
      .get(`/api/deliveries/${stops[2]}/door-code`)
      .set({ authorization: `Bearer ${await t.token(lic(3))}` })
      .expect(200);
    await page.context().setOffline(true);

    await page.getByRole('link', { name: `测试商店${lic(3)}（店主）` }).click();
    await page.getByRole('button', { name: '到达' }).click();
    await page.getByRole('textbox', { name: '到户确认码' }).fill(body.code);
    await page.getByRole('button', { name: '确认交货' }).click();
    await page.waitForURL('**/dv/run');
    await page.getByRole('link', { name: `测试商店${lic(4)}（店主）` }).click();
    await page.getByRole('button', { name: '到达' }).click();
    await page.getByPlaceholder('填写未能送达的原因').fill('店铺关门，电话无人接听');
    await page.getByRole('button', { name: '未能送达，货品带回' }).click();
    await page.waitForURL('**/dv/run');
    await page.getByText('2 项提交等待网络恢复后发送').waitFor();
    expect(await page.getByLabel(/^第 3 站/).textContent()).toContain('待发送');
    expect(await page.getByLabel(/^第 4 站/).textContent()).toContain('待发送');
    await page.getByText('已完成 4/5').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '53-driver-run-offline');
    expect((await stopRow(stops[2])).status).toBe('planned');
    expect((await stopRow(stops[3])).status).toBe('planned');

    await page.context().setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page
      .getByLabel(/^第 4 站/)
      .getByText('未送达')
      .waitFor();
    await page
      .getByLabel(/^第 3 站/)
      .getByText('已送达')
      .waitFor();
    // A second "online" (a flaky signal) sends nothing more: the same Idempotency-Key, and sent stays sent.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(await stopRow(stops[2])).toMatchObject({
      status: 'delivered',
      time_source: 'doorCode',
      arrived_at: new Date(NOW),
      door_code_at: new Date(NOW),
    });
    expect((await stopRow(stops[3])).status).toBe('failed');
    const { rows } = await t.db.query(
      `SELECT entity_id, action, count(*)::int AS n FROM audit_log
        WHERE entity_type = 'delivery' AND entity_id = ANY($1) GROUP BY entity_id, action ORDER BY entity_id`,
      [stops.slice(2, 4).map(String)],
    );
    expect(rows).toEqual([
      { entity_id: String(stops[2]), action: 'delivery.complete', n: 1 },
      { entity_id: String(stops[3]), action: 'delivery.fail', n: 1 },
    ]);
  });

  it('records damaged goods at the door; the retailer sees it and raises its own problem', async () => {
    const page = await t.phoneAs('ds1', `/dv/stops/${stops[0]}`);
    const form = page.getByRole('form', { name: '货品问题' });
    await form.getByText('包装破损', { exact: true }).click();
    await form.getByPlaceholder('填写货品问题说明，如少了哪个规格几条').fill('规格DA一条外包装压坏');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '54-driver-door-feedback');
    await form.getByRole('button', { name: '记录货品问题' }).click();
    await page.getByText('已记录货品问题，客户经理和支点订货员可以看到。').waitFor();

    const shop = await t.phoneAs(lic(1), '/shop/receipt');
    const record = shop.getByRole('region', { name: '送货记录' });
    await record.getByText('包装破损：规格DA一条外包装压坏（待答复）').waitFor();
    const raise = shop.getByRole('form', { name: '反馈送货问题' });
    await raise.getByText('少送数量', { exact: true }).click();
    await raise.getByPlaceholder('填写问题说明').fill('规格DB少了一条');
    await shop.getByRole('button', { name: '提交反馈' }).click();
    await shop.getByText('已提交反馈，客户经理和支点会处理。').waitFor();
    await record.getByText('少送数量：规格DB少了一条（待答复）').waitFor();
    expect(await seriousAccessibilityViolations(shop)).toEqual([]);
    await screenshot(shop, '55-shop-deliveries-feedback');

    const { rows } = await t.db.query(
      `SELECT kind, raiser_role FROM delivery_feedback WHERE delivery_id = $1 ORDER BY id`,
      [stops[0]],
    );
    expect(rows).toEqual([
      { kind: 'damaged', raiser_role: 'delivery_staff' },
      { kind: 'short', raiser_role: 'retailer' },
    ]);
    for (const reader of ['am01', 'clerk1']) {
      const { body } = await t.http
        .get('/api/delivery-feedback?open=true')
        .set({ authorization: `Bearer ${await t.token(reader)}` })
        .expect(200);
      expect(body.items.map((f: { kind: string }) => f.kind)).toEqual(['damaged', 'short']);
    }
  });
  it('completes a stop with the retailer’s signature on the driver’s phone; the run’s summary', async () => {
    const page = await t.phoneAs('ds1', `/dv/stops/${stops[4]}`);
    await page.getByRole('button', { name: '到达' }).click();
    await page.getByText('手写签名', { exact: true }).click();
    expect(await page.getByRole('button', { name: '确认交货' }).isDisabled()).toBe(true);
    await drawSignature(page, '零售户签名区');
    await page.getByRole('button', { name: '确认交货' }).click();
    await page.waitForURL('**/dv/run');
    await page.getByText('已完成 5/5').waitFor();
    const summary = page.getByRole('region', { name: '收车小结' });
    expect(await summary.getByLabel('已送达 4 站').textContent()).toBe('20 条');
    expect(await summary.getByLabel('未送达带回 1 站').textContent()).toBe('5 条');
    expect(await summary.getByLabel('代接货（已标记）').textContent()).toBe('1 站');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '56-driver-run-summary');
    expect((await stopRow(stops[4])).status).toBe('delivered');
    const { rows } = await t.db.query(
      `SELECT kind, media_type FROM attachments WHERE owner_kind = 'delivery' AND owner_id = $1`,
      [stops[4]],
    );
    expect(rows).toEqual([{ kind: 'signature', media_type: 'image/png' }]);
  });
});
