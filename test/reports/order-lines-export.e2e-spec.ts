import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { insertRetailers } from '../support/fixtures.js';
import { pinClock } from '../support/test-clock.js';

jest.setTimeout(120_000);

/**
 * The streamed order-line export against the query it must match: 60 retailers (T001 30, T002 20, T005 10)
 * ordering 50 specs on each Monday of November 2026 — 60 × 4 × 50 = 12,000 lines, read in three cursor
 * batches — plus a cycle on 26 October and one on 7 December that must not appear.
 */
describe('order-line export', () => {
  let t: DemoApp;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    pinClock(t, '2026-12-10T10:00:00+08:00');
    await insertRetailers(
      t,
      Array.from({ length: 60 }, (_, i) => ({
        licenseNo: `35${String(i + 1).padStart(10, '0')}`,
        territory: i < 30 ? 'T001' : i < 50 ? 'T002' : 'T005',
        grade: 10,
      })),
    );
    await t.db.query(
      `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class)
       SELECT 'X' || lpad(n::text, 3, '0'), '导出规格' || n, '测试卷烟厂', 10000 + n * 123, 15000, 1500, 1
         FROM generate_series(1, 50) n`,
    );
    // Consolidated history written directly: cycles, own demand, its lines and the order lines.
    await t.db.query(
      `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
       SELECT t.id, t.service_center_id, t.department_id, d::date, d - interval '20 hours', d + interval '8 hours', 'consolidated'
         FROM org_units t, unnest(ARRAY['2026-10-26','2026-11-02','2026-11-09','2026-11-16','2026-11-23','2026-12-07']::timestamptz[]) d
        WHERE t.code IN ('T001', 'T002', 'T005')`,
    );
    await t.db.query(
      `INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status, total_cartons,
                            submitted_by, submitted_by_role)
       SELECT c.id, r.id, r.territory_id, r.service_center_id, r.department_id, 'self', 'ordered', 50 * 3,
              (SELECT id FROM users WHERE username = 'admin'), 'admin'
         FROM order_cycles c JOIN retailers r ON r.territory_id = c.territory_id`,
    );
    await t.db.query(
      `INSERT INTO demand_lines (demand_id, brand_id, cartons)
       SELECT d.id, b.id, 1 + (d.id + b.id) % 5 FROM demands d CROSS JOIN brands b WHERE b.code LIKE 'X%'`,
    );
    await t.db.query(
      `INSERT INTO order_lines (cycle_id, demand_id, retailer_id, territory_id, service_center_id, department_id, supply_point_id,
                                brand_id, order_date, requested, ordered, price_fen, amount_fen)
       SELECT d.cycle_id, d.id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id, sp.id, l.brand_id, c.order_date,
              l.cartons, l.cartons - (l.brand_id % 2), b.wholesale_price_fen, (l.cartons - (l.brand_id % 2))::bigint * b.wholesale_price_fen
         FROM demands d JOIN order_cycles c ON c.id = d.cycle_id JOIN demand_lines l ON l.demand_id = d.id
         JOIN brands b ON b.id = l.brand_id
         JOIN org_units sp ON sp.type = 'supply_point' AND sp.service_center_id = d.service_center_id`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /** What the export must contain, straight from the tables, in order-day then line order. */
  const expected = async (territoryCodes: string[]) =>
    (
      await t.db.query(
        `SELECT to_char(ol.order_date, 'YYYY-MM-DD') AS day, sc.name AS center, tr.name AS territory, sp.name AS point,
                r.license_no, r.shop_name, b.code, b.name, ol.requested, ol.ordered, ol.price_fen, ol.amount_fen::int
           FROM order_lines ol JOIN org_units sc ON sc.id = ol.service_center_id JOIN org_units tr ON tr.id = ol.territory_id
           JOIN org_units sp ON sp.id = ol.supply_point_id JOIN retailers r ON r.id = ol.retailer_id JOIN brands b ON b.id = ol.brand_id
          WHERE ol.order_date BETWEEN '2026-11-01' AND '2026-11-30' AND tr.code = ANY($1)
          ORDER BY ol.order_date, ol.id`,
        [territoryCodes],
      )
    ).rows.map((r) => [
      r.day,
      r.center,
      r.territory,
      r.point,
      r.license_no,
      r.shop_name,
      r.code,
      r.name,
      r.requested,
      r.ordered,
      r.price_fen / 100,
      r.amount_fen / 100,
    ]);

  const download = (path: string, token: string) =>
    t.http
      .get(path)
      .set(bearer(token))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('streams every line of the month in the department as .xlsx, exactly as the tables hold them', async () => {
    const res = await download('/api/reports/order-lines?month=2026-11', await t.token('head'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="order-lines-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('订单明细-示范县营销部-2026-11.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['订单明细']);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '订货日期',
      '客户服务部',
      '片区',
      '支点',
      '许可证号',
      '零售户',
      '规格编码',
      '规格名称',
      '需求量（条）',
      '订货量（条）',
      '批发价（元/条）',
      '金额（元）',
    ]);
    const want = await expected(['T001', 'T002', 'T005']);
    expect(want).toHaveLength(12_000);
    expect(rows.slice(1)).toEqual(want);
  });

  it('offers the same lines as CSV (UTF-8 with a byte-order mark) and scopes a market manager to its center', async () => {
    const res = await download('/api/reports/order-lines?month=2026-11&format=csv', await t.token('mm1'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff订货日期,客户服务部,')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    const want = await expected(['T001', 'T002']);
    expect(lines).toHaveLength(want.length + 1);
    expect(lines.slice(1)).toEqual(want.map((row) => row.join(',')));
  });

  it('answers a month not started and other roles with their codes', async () => {
    const future = await t.http
      .get('/api/reports/order-lines?month=2027-01')
      .set(bearer(await t.token('head')));
    expect([future.status, future.body.code]).toEqual([400, 'KPI_MONTH_NOT_STARTED']);
    const bad = await t.http
      .get('/api/reports/order-lines?month=2026-11&format=pdf')
      .set(bearer(await t.token('head')));
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(
      (await t.http.get('/api/reports/order-lines?month=2026-11').set(bearer(await t.token('am01')))).status,
    ).toBe(403);
  });
});
