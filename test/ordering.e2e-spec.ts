import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { OrderCyclesService, OrderingFacts } from '#libs/ordering';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * Fixture: T001 orders on Mondays. Cycles on 2026-12-14 and 2026-12-21 (window: Sunday 12:00 → Monday 16:00
 * Shanghai, i.e. 04:00Z Sunday → 08:00Z Monday). Policy base = 10 × grade; small retailers float 15 %.
 *   r1 (grade 20, small): cap ⌊200 × 1.15⌋ = 230; on 12-14 two cycles remain → allowance min(230, ⌈230 ÷ 2 × 1.5⌉) = 173
 */
describe('order-based supply', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let admin: Record<string, string>;
  let r1: number, r2: number, r3: number, r4: number, r5: number, foreign: number;
  let brandA: number, brandB: number, brandInactive: number, brandV: number;
  let cycle: number;
  const lic = (n: number) => `22000000000${n}`;
  const quota = async (id: number) =>
    (
      await t.db.query(
        `SELECT cap, used, reserved FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-12-01'`,
        [id],
      )
    ).rows[0];
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-10T02:00:00Z');
    admin = bearer(await t.token('admin'));
    [r1, r2, r3, r4, r5, foreign] = await insertRetailers(t, [
      { licenseNo: lic(1), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(2), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(3), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(4), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(5), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(6), territory: 'T005', grade: 20, withUser: true },
    ]);
    [brandA, brandB, brandInactive, brandV] = await insertBrands(t, [
      { code: 'A01', priceClass: 1, wholesalePriceFen: 25000 },
      { code: 'B01', priceClass: 3, wholesalePriceFen: 4000 },
      { code: 'X01', active: false },
      { code: 'V01', priceClass: 5, wholesalePriceFen: 1200 },
    ]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    const territory = await t.unitId('T001');
    const first = await t.http
      .post('/api/order-cycles')
      .set(admin)
      .send({
        territoryId: territory,
        orderDate: '2026-12-14',
        opensAt: '2026-12-13T04:00:00Z',
        cutoffAt: '2026-12-14T08:00:00Z',
      })
      .expect(201);
    cycle = first.body.id;
    await t.http
      .post('/api/order-cycles')
      .set(admin)
      .send({
        territoryId: territory,
        orderDate: '2026-12-21',
        opensAt: '2026-12-20T04:00:00Z',
        cutoffAt: '2026-12-21T08:00:00Z',
      })
      .expect(201);
    at('2026-12-14T02:00:00Z'); // Monday 10:00 in Shanghai: the window is open
  });
  afterAll(async () => {
    await t.close();
  });

  const submit = async (username: string, body: object, headers: Record<string, string> = {}) =>
    t.http
      .post('/api/demands')
      .set(bearer(await t.token(username)))
      .set(headers)
      .send(body);

  describe('cycles', () => {
    it('refuses a window that closes before it opens or after its order day, and a second cycle in a week', async () => {
      const territory = await t.unitId('T001');
      const backwards = await t.http.post('/api/order-cycles').set(admin).send({
        territoryId: territory,
        orderDate: '2026-12-28',
        opensAt: '2026-12-28T08:00:00Z',
        cutoffAt: '2026-12-27T04:00:00Z',
      });
      expect(backwards.body.code).toBe('CYCLE_WINDOW_INVALID');
      const late = await t.http.post('/api/order-cycles').set(admin).send({
        territoryId: territory,
        orderDate: '2026-12-28',
        opensAt: '2026-12-27T04:00:00Z',
        cutoffAt: '2026-12-29T08:00:00Z',
      });
      expect(late.body.code).toBe('CYCLE_WINDOW_INVALID');
      const taken = await t.http.post('/api/order-cycles').set(admin).send({
        territoryId: territory,
        orderDate: '2026-12-21',
        opensAt: '2026-12-20T04:00:00Z',
        cutoffAt: '2026-12-21T08:00:00Z',
      });
      expect(taken.body.code).toBe('CYCLE_WEEK_TAKEN');
    });

    it('cannot move a cycle once it is open', async () => {
      const res = await t.http
        .patch(`/api/order-cycles/${cycle}`)
        .set(admin)
        .send({ cutoffAt: '2026-12-14T09:00:00Z' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CYCLE_INVALID_TRANSITION');
    });

    it('generates weekly cycles from a territory schedule (Tuesday, opening 12:00 the day before, cutoff 16:00)', async () => {
      const territory = await t.unitId('T002');
      // Putting the schedule generates at once, from Monday 14 December: four weeks reach 10 January, and so
      // the whole of January.
      await t.http.put(`/api/order-schedules/${territory}`).set(admin).send({ orderWeekday: 2 }).expect(200);
      const res = await t.http.get(`/api/order-cycles?territoryId=${territory}`).set(admin).expect(200);
      type Listed = { orderDate: string; orderWeek: string; opensAt: string; cutoffAt: string };
      expect(res.body.items.map((c: Listed) => [c.orderWeek, c.orderDate])).toEqual([
        ['2027-01-25', '2027-01-26'],
        ['2027-01-18', '2027-01-19'],
        ['2027-01-11', '2027-01-12'],
        ['2027-01-04', '2027-01-05'],
        ['2026-12-28', '2026-12-29'],
        ['2026-12-21', '2026-12-22'],
        ['2026-12-14', '2026-12-15'],
      ]);
      expect(res.body.items.slice(-2).map((c: Listed) => [c.orderDate, c.opensAt, c.cutoffAt])).toEqual([
        ['2026-12-22', '2026-12-21T04:00:00.000Z', '2026-12-22T08:00:00.000Z'],
        ['2026-12-15', '2026-12-14T04:00:00.000Z', '2026-12-15T08:00:00.000Z'],
      ]);
      // The nightly generation finds every week taken.
      await t.app.get(OrderCyclesService).generate('2026-12-14', 2);
      expect((await t.http.get(`/api/order-cycles?territoryId=${territory}`).set(admin)).body.total).toBe(7);
    });
  });

  describe('the retailer’s own demand', () => {
    it('refuses more than the cycle allowance (173) and writes nothing', async () => {
      const res = await submit(lic(1), {
        retailerId: r1,
        channel: 'self',
        lines: [{ brandId: brandA, cartons: 174 }],
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { remaining: 173, requested: 174 } });
      expect(await countRows(t.db, 'demands')).toBe(0);
      expect(await quota(r1)).toBeUndefined(); // not even the quota row computed on the way
    });

    it.each([
      [
        'a duplicate spec',
        () => [
          { brandId: brandA, cartons: 1 },
          { brandId: brandA, cartons: 2 },
        ],
        'VALIDATION_FAILED',
      ],
      ['zero cartons', () => [{ brandId: brandA, cartons: 0 }], 'VALIDATION_FAILED'],
      ['a fractional carton', () => [{ brandId: brandA, cartons: 1.5 }], 'VALIDATION_FAILED'],
      ['an inactive spec', () => [{ brandId: brandInactive, cartons: 1 }], 'BRAND_INACTIVE'],
      ['an unknown spec', () => [{ brandId: 999999, cartons: 1 }], 'BRAND_UNKNOWN'],
      ['no lines', () => [], 'VALIDATION_FAILED'],
    ])('refuses %s with %s', async (_what, lines, code) => {
      const res = await submit(lic(1), { retailerId: r1, channel: 'self', lines: lines() });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(await countRows(t.db, 'demands')).toBe(0);
    });

    it('submits, reserving quota; a second demand in the cycle is refused', async () => {
      const res = await submit(lic(1), {
        retailerId: r1,
        channel: 'self',
        lines: [
          { brandId: brandA, cartons: 60 },
          { brandId: brandB, cartons: 40 },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel: 'self',
        status: 'submitted',
        totalCartons: 100,
        cycleId: cycle,
        submittedByRole: 'retailer',
      });
      expect((await quota(r1)).reserved).toBe(100);
      const again = await submit(lic(1), {
        retailerId: r1,
        channel: 'self',
        lines: [{ brandId: brandA, cartons: 1 }],
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DEMAND_ALREADY_EXISTS');
    });

    it('no account manager may change it (403); the retailer amends it within its allowance', async () => {
      const [demand] = (await t.http.get(`/api/demands?retailerId=${r1}`).set(bearer(await t.token('am01'))))
        .body.items;
      const am = await t.http
        .patch(`/api/demands/${demand.id}`)
        .set(bearer(await t.token('am01')))
        .send({ lines: [{ brandId: brandA, cartons: 1 }] });
      expect(am.status).toBe(403);
      expect(am.body.code).toBe('DEMAND_NOT_EDITABLE');
      const amended = await t.http
        .patch(`/api/demands/${demand.id}`)
        .set(bearer(await t.token(lic(1))))
        .send({ lines: [{ brandId: brandA, cartons: 150 }] })
        .expect(200);
      expect(amended.body).toMatchObject({
        status: 'submitted',
        totalCartons: 150,
        lines: [{ brandId: brandA, cartons: 150 }],
      });
      expect((await quota(r1)).reserved).toBe(150);
    });

    it('only the retailer or a phone clerk submits on the self channel', async () => {
      const am = await submit('am01', {
        retailerId: r5,
        channel: 'self',
        lines: [{ brandId: brandA, cartons: 1 }],
      });
      expect(am.body.code).toBe('DEMAND_CHANNEL_NOT_ALLOWED');
      const other = await submit(lic(1), {
        retailerId: r5,
        channel: 'self',
        lines: [{ brandId: brandA, cartons: 1 }],
      });
      expect(other.status).toBe(404);
    });

    it('honours Idempotency-Key: a replay returns the first demand; another body is refused', async () => {
      const body = { retailerId: r3, channel: 'self', lines: [{ brandId: brandB, cartons: 5 }] };
      const first = await submit(lic(3), body, { 'idempotency-key': 'r3-2026-12-14' });
      expect(first.status).toBe(201);
      const replay = await submit(lic(3), body, { 'idempotency-key': 'r3-2026-12-14' });
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      const other = await submit(
        lic(3),
        { ...body, lines: [{ brandId: brandB, cartons: 6 }] },
        { 'idempotency-key': 'r3-2026-12-14' },
      );
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(
        (await t.db.query('SELECT count(*)::int AS n FROM demands WHERE retailer_id = $1', [r3])).rows[0].n,
      ).toBe(1);
      // The demand was cancelled afterwards by the retailer: its reservation comes back.
      await t.http
        .post(`/api/demands/${first.body.id}/cancel`)
        .set(bearer(await t.token(lic(3))))
        .expect(200);
      expect((await quota(r3)).reserved).toBe(0);
    });
  });

  describe('collected demand', () => {
    let pending: number;

    it('needs the retailer’s confirmation and a market manager’s signed approval', async () => {
      const res = await submit('am01', {
        retailerId: r2,
        channel: 'collected',
        lines: [
          { brandId: brandA, cartons: 20 },
          { brandId: brandV, cartons: 3 },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending_confirmation');
      pending = res.body.id;
      const early = await t.http
        .post(`/api/demands/${pending}/approve`)
        .set(bearer(await t.token('mm1')))
        .send({});
      expect(early.body.code).toBe('DEMAND_INVALID_TRANSITION');
      await t.http
        .post(`/api/demands/${pending}/confirm`)
        .set(bearer(await t.token(lic(2))))
        .expect(200);
      expect(
        (
          await t.http
            .post(`/api/demands/${pending}/approve`)
            .set(bearer(await t.token('am01')))
            .send({})
        ).status,
      ).toBe(403);
      expect(
        (
          await t.http
            .post(`/api/demands/${pending}/approve`)
            .set(bearer(await t.token('mm2')))
            .send({})
        ).status,
      ).toBe(404);
      const approved = await t.http
        .post(`/api/demands/${pending}/approve`)
        .set(bearer(await t.token('mm1')))
        .send({ comment: '已电话核实' })
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approvedBy: await t.userId('mm1'),
        approvalComment: '已电话核实',
      });
      expect(approved.body.approvedAt).toBe('2026-12-14T02:00:00.000Z');
    });

    it('is confirmed at once with a code the retailer gave; a wrong code writes nothing', async () => {
      const code = await t.http
        .post('/api/demands/confirmation-codes')
        .set(bearer(await t.token(lic(5))))
        .expect(201);
      const wrong = await submit('am01', {
        retailerId: r5,
        channel: 'collected',
        confirmationCode: code.body.code === '000000' ? '111111' : '000000',
        lines: [{ brandId: brandA, cartons: 5 }],
      });
      expect(wrong.body.code).toBe('CONFIRMATION_CODE_INVALID');
      expect(
        (await t.db.query('SELECT count(*)::int AS n FROM demands WHERE retailer_id = $1', [r5])).rows[0].n,
      ).toBe(0);
      const res = await submit('am01', {
        retailerId: r5,
        channel: 'collected',
        confirmationCode: code.body.code,
        lines: [{ brandId: brandA, cartons: 5 }],
      });
      expect(res.body).toMatchObject({ status: 'pending_approval', confirmedVia: 'code' });
      const reused = await submit('am01', {
        retailerId: r4,
        channel: 'collected',
        confirmationCode: code.body.code,
        lines: [{ brandId: brandA, cartons: 5 }],
      });
      expect(reused.body.code).toBe('CONFIRMATION_CODE_INVALID');
      // Rejected: the reservation is released.
      await t.http
        .post(`/api/demands/${res.body.id}/reject`)
        .set(bearer(await t.token('mm1')))
        .send({ reason: '零售户未确认数量' })
        .expect(200);
      expect((await quota(r5)).reserved).toBe(0);
    });

    it('an account manager collects only in its own territory', async () => {
      const res = await submit('am01', {
        retailerId: foreign,
        channel: 'collected',
        lines: [{ brandId: brandA, cartons: 5 }],
      });
      expect(res.status).toBe(404);
    });

    it('leaves one transition when ten market-manager calls race', async () => {
      const collected = await submit('am01', {
        retailerId: r4,
        channel: 'collected',
        lines: [{ brandId: brandA, cartons: 8 }],
      });
      await t.http
        .post(`/api/demands/${collected.body.id}/confirm`)
        .set(bearer(await t.token(lic(4))))
        .expect(200);
      const mm1 = bearer(await t.token('mm1'));
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? t.http.post(`/api/demands/${collected.body.id}/approve`).set(mm1).send({})
            : t.http.post(`/api/demands/${collected.body.id}/reject`).set(mm1).send({ reason: '并发' }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      // The other nine are refused by the lifecycle, not failed some other way.
      expect(results.filter((r) => r.status !== 200).map((r) => [r.status, r.body.code])).toEqual(
        Array(9).fill([409, 'DEMAND_INVALID_TRANSITION']),
      );
      const audit = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'demand' AND entity_id = $1 AND action IN ('demand.approve', 'demand.reject')`,
        [String(collected.body.id)],
      );
      expect(audit.rows[0].n).toBe(1);
      // Leave r4 with an unconfirmed collected demand for the cutoff.
      if ((await t.http.get(`/api/demands/${collected.body.id}`).set(mm1)).body.status === 'approved') {
        await t.http
          .post(`/api/demands/${collected.body.id}/cancel`)
          .set(bearer(await t.token('am01')))
          .expect(200);
      }
      await submit('am01', {
        retailerId: r4,
        channel: 'collected',
        lines: [{ brandId: brandA, cartons: 8 }],
      }).then((r) => expect(r.status).toBe(201));
    });
  });

  describe('cutoff and the unified order', () => {
    it('cutoff records retailers without live demand; collected demand awaiting approval stays until the unified order', async () => {
      at('2026-12-14T08:00:00Z');
      const late = await submit(lic(5), {
        retailerId: r5,
        channel: 'self',
        lines: [{ brandId: brandA, cartons: 1 }],
      });
      expect(late.body.code).toBe('CYCLE_CLOSED');
      const res = await t.http.post(`/api/order-cycles/${cycle}/cutoff`).set(admin).expect(200);
      // r3 cancelled, r5's was rejected: no demand; r4's collected demand may still be approved until the unified order.
      expect(res.body).toEqual({ cycleId: cycle, noDemand: 2 });
      expect((await quota(r4)).reserved).toBe(8);
      const noDemand = await t.http
        .get(`/api/no-demand?cycleId=${cycle}`)
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(
        noDemand.body.items
          .map((n: { retailerId: number }) => n.retailerId)
          .sort((a: number, b: number) => a - b),
      ).toEqual([r3, r5]);
      expect(
        (await t.http.get(`/api/no-demand?cycleId=${cycle}`).set(bearer(await t.token('am05')))).body.total,
      ).toBe(0);
    });

    it('consolidates per supply point and spec, rationing class V by largest remainder; a rerun changes nothing', async () => {
      // r1: A 150 (self); r2: A 20 + V 3 (approved). Class V at 90 %: ⌊3 × 0.9⌋ = 2 cartons, all to r2's 3.
      await t.http
        .put('/api/supply-ratios')
        .set(bearer(await t.token('head')))
        .send({ ratios: [{ priceClass: 5, ratioBp: 9000 }] })
        .expect(200);
      at('2026-12-15T00:00:00Z');
      const res = await t.http
        .post(`/api/order-cycles/${cycle}/consolidate`)
        .set(bearer(await t.token('clerk1')))
        .expect(200);
      // r4's collected demand was never approved: it expires here, its quota back, a no-demand record left.
      expect(res.body).toMatchObject({ cycleIds: [cycle], orderLines: 3, demands: 2, expired: 1 });
      expect((await quota(r4)).reserved).toBe(0);
      const noDemand = await t.db.query(
        'SELECT retailer_id FROM no_demand_records WHERE cycle_id = $1 ORDER BY retailer_id',
        [cycle],
      );
      expect(noDemand.rows.map((row: { retailer_id: number }) => row.retailer_id)).toEqual([r3, r4, r5]);
      const lines = await t.db.query(
        'SELECT retailer_id, brand_id, requested, ordered, price_fen, amount_fen FROM order_lines ORDER BY retailer_id, brand_id',
      );
      expect(lines.rows).toEqual([
        {
          retailer_id: r1,
          brand_id: brandA,
          requested: 150,
          ordered: 150,
          price_fen: 25000,
          amount_fen: String(150 * 25000),
        },
        {
          retailer_id: r2,
          brand_id: brandA,
          requested: 20,
          ordered: 20,
          price_fen: 25000,
          amount_fen: String(20 * 25000),
        },
        {
          retailer_id: r2,
          brand_id: brandV,
          requested: 3,
          ordered: 2,
          price_fen: 1200,
          amount_fen: String(2 * 1200),
        },
      ]);
      const supply = await t.http
        .get('/api/supply-orders?date=2026-12-14')
        .set(bearer(await t.token('clerk1')))
        .expect(200);
      expect(supply.body).toEqual([
        expect.objectContaining({
          supplyPointId: await t.unitId('SP1'),
          totalCartons: 172,
          lines: [
            { brandId: brandA, requested: 170, cartons: 170 },
            { brandId: brandV, requested: 3, cartons: 2 },
          ],
        }),
      ]);
      // The rationing explained: only the class V spec, r2 asked 3, got ⌊3 × 2 ÷ 3⌋ = 2, nothing left over.
      const rationing = await t.http
        .get('/api/supply-orders/rationing?date=2026-12-14')
        .set(bearer(await t.token('clerk1')))
        .expect(200);
      expect(rationing.body).toEqual([
        expect.objectContaining({
          supplyPointId: await t.unitId('SP1'),
          brandId: brandV,
          priceClass: 5,
          totalRequested: 3,
          totalOrdered: 2,
          ratio: 2 / 3,
          leftOver: 0,
          retailers: [
            expect.objectContaining({
              retailerId: r2,
              requested: 3,
              ordered: 2,
              floorShare: 2,
              remainder: 0,
              gotLeftOver: false,
            }),
          ],
        }),
      ]);
      expect(
        (
          await t.http
            .get('/api/supply-orders/rationing?date=2026-12-14')
            .set(bearer(await t.token('clerk2')))
        ).body,
      ).toEqual([]);
      expect(await quota(r1)).toMatchObject({ used: 150, reserved: 0 });
      expect(await quota(r2)).toMatchObject({ used: 22, reserved: 0 });
      const demands = await t.db.query(`SELECT status FROM demands WHERE retailer_id IN ($1, $2)`, [r1, r2]);
      expect(demands.rows.every((d) => d.status === 'ordered')).toBe(true);

      const counts = async () =>
        Promise.all(
          ['order_lines', 'supply_orders', 'supply_order_lines', 'audit_log'].map((table) =>
            countRows(t.db, table),
          ),
        );
      const before = await counts();
      await t.http.post(`/api/order-cycles/${cycle}/consolidate`).set(admin).expect(200);
      expect(await counts()).toEqual(before);
      expect(await quota(r1)).toMatchObject({ used: 150, reserved: 0 });
      expect(
        (await t.http.get('/api/supply-orders?date=2026-12-14').set(bearer(await t.token('clerk2')))).body,
      ).toEqual([]);
    });

    it('reports the month’s demand per territory and spec, and its sales, to other contexts', async () => {
      const facts = t.app.get(OrderingFacts);
      const territory = await t.unitId('T001');
      // The class V spec was asked for 3 and rationed to 2: forecast accuracy judges the 3.
      expect(await facts.actualCartonsByBrand([territory], '2026-12')).toEqual([
        { territoryId: territory, brandId: brandA, demandCartons: 170, orderedCartons: 170 },
        { territoryId: territory, brandId: brandV, demandCartons: 3, orderedCartons: 2 },
      ]);
      expect(await facts.actualCartonsByBrand([territory], '2026-11')).toEqual([]);
      // No order lines before this cycle: last month and last year are zero.
      const sales = await facts.salesByBrand('2026-12', [territory]);
      expect(sales).toHaveLength(2);
      expect(sales).toEqual(
        expect.arrayContaining([
          {
            territoryId: territory,
            brandId: brandA,
            requested: 170,
            requestedPreviousMonth: 0,
            cartons: 170,
            amountFen: 170 * 25000,
            cartonsPreviousMonth: 0,
            amountFenPreviousMonth: 0,
            cartonsLastYear: 0,
            amountFenLastYear: 0,
          },
          {
            territoryId: territory,
            brandId: brandV,
            requested: 3,
            requestedPreviousMonth: 0,
            cartons: 2,
            amountFen: 2 * 1200,
            cartonsPreviousMonth: 0,
            amountFenPreviousMonth: 0,
            cartonsLastYear: 0,
            amountFenLastYear: 0,
          },
        ]),
      );
    });
  });

  describe('scoping of demand', () => {
    it('each role reads only its own retailers’ demand', async () => {
      const am = await t.http
        .get('/api/demands?pageSize=100')
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(am.body.total).toBeGreaterThan(0);
      expect(
        am.body.items.every((d: { territoryId: number }) => d.territoryId === am.body.items[0].territoryId),
      ).toBe(true);
      expect((await t.http.get('/api/demands').set(bearer(await t.token('am05')))).body.total).toBe(0);
      expect((await t.http.get('/api/demands').set(bearer(await t.token('mm2')))).body.total).toBe(0);
      const own = await t.http
        .get('/api/demands')
        .set(bearer(await t.token(lic(1))))
        .expect(200);
      expect(own.body.total).toBeGreaterThan(0);
      expect(own.body.items.every((d: { retailerId: number }) => d.retailerId === r1)).toBe(true);
      const otherId = am.body.items.find((d: { retailerId: number }) => d.retailerId !== r1).id;
      expect((await t.http.get(`/api/demands/${otherId}`).set(bearer(await t.token(lic(1))))).status).toBe(
        404,
      );
    });
  });
});
