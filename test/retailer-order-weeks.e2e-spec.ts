import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

/**
 * A retailer's last order weeks (the card's chart): its territory's last 12 consolidated cycles, with what it
 * asked for and what the unified order gave it, per spec. The demo county with 14 weeks of orders; the
 * figures are checked against the order lines themselves.
 */
describe('GET /api/retailers/:id/order-weeks', () => {
  let t: DemoApp;
  let retailer: { id: number; license_no: string; territory_id: number };
  let idle: { id: number };

  beforeAll(async () => {
    t = await startDemoApp({ retailers: 60, weeks: 14 });
    const { rows } = await t.db.query(
      `SELECT r.id, r.license_no, r.territory_id FROM retailers r JOIN org_units u ON u.id = r.territory_id
        WHERE u.code = 'T001' AND EXISTS (SELECT FROM order_lines l WHERE l.retailer_id = r.id)
        ORDER BY r.id LIMIT 1`,
    );
    retailer = rows[0];
    // A retailer of the same territory that ordered nothing in the last weeks: its weeks are all zero.
    const { rows: created } = await t.db.query(
      `INSERT INTO retailers
       SELECT (jsonb_populate_record(NULL::retailers, to_jsonb(r) || jsonb_build_object(
                 'id', nextval(pg_get_serial_sequence('retailers', 'id')), 'license_no', '999999999999'))).*
         FROM retailers r WHERE r.id = $1 RETURNING id`,
      [retailer.id],
    );
    idle = created[0];
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the territory’s last 12 consolidated weeks, oldest first, with the retailer’s asks and orders', async () => {
    const res = await t.http
      .get(`/api/retailers/${retailer.id}/order-weeks`)
      .set(bearer(await t.token('am01')))
      .expect(200);
    const { rows: cycles } = await t.db.query(
      `SELECT order_date::text AS date FROM order_cycles
        WHERE territory_id = $1 AND status = 'consolidated' ORDER BY order_date DESC LIMIT 12`,
      [retailer.territory_id],
    );
    const dates = cycles.map((cycle) => cycle.date).reverse();
    expect(dates).toHaveLength(12);
    expect(res.body.retailerId).toBe(retailer.id);
    expect(res.body.weeks.map((week: { orderDate: string }) => week.orderDate)).toEqual(dates);
    const { rows: lines } = await t.db.query(
      `SELECT order_date::text AS date, brand_id AS "brandId", requested AS asked, ordered,
              supply_ratio_bp AS "supplyRatioBp"
         FROM order_lines WHERE retailer_id = $1 AND order_date = ANY($2::date[]) ORDER BY order_date, brand_id`,
      [retailer.id, dates],
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const week of res.body.weeks) {
      const mine = lines.filter((line) => line.date === week.orderDate);
      expect(week.lines).toEqual(
        mine.map(({ brandId, asked, ordered, supplyRatioBp }) => ({
          brandId,
          asked,
          ordered,
          supplyRatioBp,
        })),
      );
      expect(week.askedCartons).toBe(mine.reduce((sum, line) => sum + line.asked, 0));
      expect(week.orderedCartons).toBe(mine.reduce((sum, line) => sum + line.ordered, 0));
    }
  });

  it('says by how much and why a spec was rationed: the 稍紧平衡 ratio of its line', async () => {
    // The retailer's latest line, as a unified order at 50 % would have made it: 7 asked, 3 ordered.
    const { rows } = await t.db.query(
      `UPDATE order_lines SET requested = 7, ordered = 3, amount_fen = 3 * price_fen, supply_ratio_bp = 5000
        WHERE id = (SELECT id FROM order_lines WHERE retailer_id = $1 ORDER BY order_date DESC, brand_id LIMIT 1)
        RETURNING order_date::text AS date, brand_id AS "brandId"`,
      [retailer.id],
    );
    const res = await t.http
      .get(`/api/retailers/${retailer.id}/order-weeks`)
      .set(bearer(await t.token(retailer.license_no)))
      .expect(200);
    const week = res.body.weeks.find((w: { orderDate: string }) => w.orderDate === rows[0].date);
    expect(week.lines).toContainEqual({
      brandId: rows[0].brandId,
      asked: 7,
      ordered: 3,
      supplyRatioBp: 5000,
    });
  });

  it('shows a week the retailer did not order as zero', async () => {
    const res = await t.http
      .get(`/api/retailers/${idle.id}/order-weeks`)
      .set(bearer(await t.token('am01')))
      .expect(200);
    expect(res.body.weeks).toHaveLength(12);
    for (const week of res.body.weeks)
      expect(week).toMatchObject({ askedCartons: 0, orderedCartons: 0, lines: [] });
  });

  it('lets a retailer read its own and nobody read what is not theirs', async () => {
    const own = await t.http
      .get(`/api/retailers/${retailer.id}/order-weeks`)
      .set(bearer(await t.token(retailer.license_no)));
    expect(own.status).toBe(200);
    const other = await t.http
      .get(`/api/retailers/${idle.id}/order-weeks`)
      .set(bearer(await t.token(retailer.license_no)));
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const foreign = await t.http
      .get(`/api/retailers/${retailer.id}/order-weeks`)
      .set(bearer(await t.token('am02')));
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await t.http.get('/api/retailers/abc/order-weeks').set(bearer(await t.token('am01')));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
