import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrderCyclesService } from '#libs/ordering';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { pinClock, TEST_NOW } from './support/test-clock.js';

/**
 * A cycle is its territory's cycle of an order week: moving it, cancelling it or changing the territory's
 * weekday never leaves a week with two windows, and pacing counts the cycles that are really there.
 * The clock stands at Wednesday 2026-11-18 15:00 (Asia/Shanghai, UTC+8) unless a test moves it; no territory
 * has a schedule until a test puts one. Generation reaches four weeks ahead and on to that month's end: from
 * 18 November, four weeks reach 15 December, so cycles are made through 31 December.
 */
describe('order cycles keep their week', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  const generate = () => t.app.get(OrderCyclesService).generate();
  /** A territory's live cycles (not cancelled) by order date, with the Monday of the week each orders in. */
  const liveCycles = async (territory: number) =>
    (
      await t.db.query(
        `SELECT id, to_char(order_date, 'YYYY-MM-DD') AS "orderDate", status
           FROM order_cycles WHERE territory_id = $1 AND status <> 'cancelled' ORDER BY order_date`,
        [territory],
      )
    ).rows as Array<{ id: number; orderDate: string; status: string }>;
  /** Calendar weeks (of the cycles' order dates) holding more than one live cycle of the territory. */
  const weeksWithTwoWindows = async (territory: number) =>
    (
      await t.db.query(
        `SELECT to_char(date_trunc('week', order_date), 'YYYY-MM-DD') AS week, count(*)::int AS cycles
           FROM order_cycles WHERE territory_id = $1 AND status <> 'cancelled'
          GROUP BY 1 HAVING count(*) > 1 ORDER BY 1`,
        [territory],
      )
    ).rows;

  beforeAll(async () => {
    t = await startDemoApp();
    admin = bearer(await t.token('admin'));
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a cycle moved by hand (T001, Thursdays)', () => {
    let territory: number;
    const cycleOn = async (date: string) =>
      (await liveCycles(territory)).find((c) => c.orderDate === date)!.id;

    beforeAll(async () => {
      pinClock(t, TEST_NOW);
      territory = await t.unitId('T001');
      await t.http.put(`/api/order-schedules/${territory}`).set(admin).send({ orderWeekday: 4 }).expect(200);
      await generate(); // the nightly job
    });

    it('has one cycle a week, Thursdays 19 November to 31 December', async () => {
      expect((await liveCycles(territory)).map((c) => c.orderDate)).toEqual([
        '2026-11-19',
        '2026-11-26',
        '2026-12-03',
        '2026-12-10',
        '2026-12-17',
        '2026-12-24',
        '2026-12-31',
      ]);
    });

    it('moved from Thursday 10 to Wednesday 9 December, does not come back after generation', async () => {
      const moved = await t.http
        .patch(`/api/order-cycles/${await cycleOn('2026-12-10')}`)
        .set(admin)
        .send({ orderDate: '2026-12-09', opensAt: '2026-12-08T04:00:00Z', cutoffAt: '2026-12-09T08:00:00Z' })
        .expect(200);
      expect(moved.body).toMatchObject({
        orderDate: '2026-12-09',
        orderWeek: '2026-12-07',
        placedBy: 'hand',
      });
      await generate();
      await generate();
      const week = (await liveCycles(territory)).filter(
        (c) => c.orderDate >= '2026-12-07' && c.orderDate <= '2026-12-13',
      );
      expect(week.map((c) => c.orderDate)).toEqual(['2026-12-09']);
      expect(await weeksWithTwoWindows(territory)).toEqual([]);
    });

    it('moved by its order date alone, takes the window the schedule gives that day', async () => {
      const moved = await t.http
        .patch(`/api/order-cycles/${await cycleOn('2026-12-17')}`)
        .set(admin)
        .send({ orderDate: '2026-12-16' })
        .expect(200);
      // Opens Tuesday 15 December 12:00, cuts off Wednesday 16:00 (UTC+8).
      expect(moved.body).toMatchObject({
        orderDate: '2026-12-16',
        orderWeek: '2026-12-14',
        opensAt: '2026-12-15T04:00:00.000Z',
        cutoffAt: '2026-12-16T08:00:00.000Z',
      });
    });

    it('refuses a window opening before the previous cycle cuts off, and changes nothing', async () => {
      const id = await cycleOn('2026-12-24');
      const before = (await t.db.query('SELECT * FROM order_cycles WHERE id = $1', [id])).rows[0];
      // The previous cycle (moved to Wednesday 16 December) cuts off at 08:00Z.
      const res = await t.http
        .patch(`/api/order-cycles/${id}`)
        .set(admin)
        .send({ opensAt: '2026-12-16T07:00:00Z' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CYCLE_WINDOW_OVERLAP',
        details: { neighbour: 'previous', orderDate: '2026-12-16', cutoffAt: '2026-12-16T08:00:00.000Z' },
      });
      expect((await t.db.query('SELECT * FROM order_cycles WHERE id = $1', [id])).rows[0]).toEqual(before);
    });

    it('cancelled, keeps its week: generation adds none, a cycle added by hand takes the week back', async () => {
      const id = await cycleOn('2026-12-31');
      await t.http.patch(`/api/order-cycles/${id}`).set(admin).send({ status: 'cancelled' }).expect(200);
      await generate();
      expect((await liveCycles(territory)).map((c) => c.orderDate)).not.toContain('2026-12-31');
      const added = await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({
          territoryId: territory,
          orderDate: '2026-12-30',
          opensAt: '2026-12-29T04:00:00Z',
          cutoffAt: '2026-12-30T08:00:00Z',
        })
        .expect(201);
      expect(added.body).toMatchObject({
        id,
        orderDate: '2026-12-30',
        status: 'scheduled',
        placedBy: 'hand',
      });
      const second = await t.http.post('/api/order-cycles').set(admin).send({
        territoryId: territory,
        orderDate: '2026-12-31',
        opensAt: '2026-12-30T08:00:00Z',
        cutoffAt: '2026-12-31T08:00:00Z',
      });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        code: 'CYCLE_WEEK_TAKEN',
        details: { orderWeek: '2026-12-28', cycleId: id },
      });
    });
  });

  describe('a weekday change (T002, Mondays, then Thursdays from Sunday 22 November)', () => {
    let territory: number;

    beforeAll(async () => {
      pinClock(t, TEST_NOW);
      territory = await t.unitId('T002');
      await t.http.put(`/api/order-schedules/${territory}`).set(admin).send({ orderWeekday: 1 }).expect(200);
      await generate();
      // Sunday 13:00: Monday 23 November's window opened at 12:00.
      pinClock(t, '2026-11-22T13:00:00+08:00');
      await t.http.put(`/api/order-schedules/${territory}`).set(admin).send({ orderWeekday: 4 }).expect(200);
      await generate();
    });

    it('leaves one window a week: the open Monday cycle, then Thursdays', async () => {
      expect(await liveCycles(territory)).toEqual([
        { id: expect.any(Number), orderDate: '2026-11-23', status: 'scheduled' },
        ...['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31'].map((orderDate) => ({
          id: expect.any(Number),
          orderDate,
          status: 'scheduled',
        })),
      ]);
      expect(await weeksWithTwoWindows(territory)).toEqual([]);
    });

    it('replaced the Mondays that had not opened, in an audited change', async () => {
      const { rows } = await t.db.query(
        `SELECT before FROM audit_log WHERE action = 'order_cycle.replace' AND entity_id = $1 ORDER BY id`,
        [String(territory)],
      );
      expect(rows).toHaveLength(2);
      const removed = rows[1].before.cycles.map((c: { orderDate: string }) => c.orderDate).sort();
      expect(removed).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    });
  });

  describe('cycles left on Monday 30 November, a Tuesday territory (T003) and a cap of 100', () => {
    let retailer: number;
    let brand: number;
    const licenseNo = '330000000001';

    beforeAll(async () => {
      pinClock(t, TEST_NOW);
      [retailer] = await insertRetailers(t, [
        { licenseNo, territory: 'T003', grade: 10, scale: 'large', orderWeekday: 2, withUser: true },
      ]);
      [brand] = await insertBrands(t, [{ code: 'N30' }]);
      await t.http
        .put('/api/quota-policies')
        .set(bearer(await t.token('head')))
        .send(ROUND_QUOTA_POLICY)
        .expect(200);
      await t.http
        .put(`/api/order-schedules/${await t.unitId('T003')}`)
        .set(admin)
        .send({ orderWeekday: 2 })
        .expect(200);
      // Agreed 95, large (+5 %): cap ⌈99.75⌉ = 100.
      await t.http
        .put(`/api/retailers/${retailer}/agreed-total`)
        .set(bearer(await t.token('mm1')))
        .send({ month: '2026-12', cartons: 95 })
        .expect(200);
      // Monday 15:00: the window of Tuesday 1 December has been open since 12:00.
      pinClock(t, '2026-11-30T15:00:00+08:00');
      await generate();
    });

    it('the explanation and the reservation agree: five Tuesdays left, ⌈100 ÷ 5 × 1.5⌉ = 30', async () => {
      const own = bearer(await t.token(licenseNo));
      const view = await t.http.get(`/api/retailers/${retailer}/quota?month=2026-12`).set(own).expect(200);
      expect(view.body).toMatchObject({ cap: 100, remainingCycles: 5, cycleAllowance: 30 });
      const submit = (cartons: number) =>
        t.http
          .post('/api/demands')
          .set(own)
          .send({ retailerId: retailer, channel: 'self', lines: [{ brandId: brand, cartons }] });
      const over = await submit(31);
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { remaining: 30, requested: 31 } });
      expect(await submit(30).then((res) => res.status)).toBe(201);
    });
  });
});
