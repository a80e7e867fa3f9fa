import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import sharp from 'sharp';
import { Clock } from '#libs/shared';
import { DeliveryPlanningService, tallyDeliveries } from '#libs/delivery';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers } from './support/fixtures.js';

/**
 * Routes of the demo county: R1-1 serves T001 and T002 (delivery staff ds1), R1-2 serves T003 and T004 (ds2),
 * R2-1 serves T005 and T006 (ds3). Here T001 is also served by R1-2: its stops go on the lower-numbered R1-1.
 *
 * Order date Monday 2026-12-14 (cycles of T001, T002, T003, T005): r1 (T001) 10 × A; r2 (T001) 5 × A + 2 × B;
 * r3 (T002) 7 × A; r4 (T003) 3 × A; r5 (T005) 4 × A; r6 (T001) nothing. Delivery date 2026-12-15; windows of an
 * hour from 08:30 Shanghai, 15 stops each: every stop here is in 08:30–09:30 = 00:30Z–01:30Z.
 */
jest.setTimeout(60_000);

describe('deliveries', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let r1: number, r2: number, r3: number, r4: number, r5: number;
  let brandA: number, brandB: number;
  const stop: Record<string, number> = {};
  const lic = (n: number) => `45000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const complete = async (username: string, id: number, body: object) =>
    t.http
      .post(`/api/deliveries/${id}/complete`)
      .set(await as(username))
      .send(body);

  beforeAll(async () => {
    // The demo's cycles end three weeks after the day it is loaded on: load it well before this test's cycles.
    t = await startDemoApp({ today: '2026-11-01' });
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-10T02:00:00Z');
    [r1, r2, r3, r4, r5] = await insertRetailers(
      t,
      [
        ['T001', 1],
        ['T001', 2],
        ['T002', 3],
        ['T003', 4],
        ['T005', 5],
        ['T001', 6],
      ].map(([territory, n]) => ({
        licenseNo: lic(n as number),
        territory: territory as string,
        grade: 30,
        scale: 'large' as const,
        withUser: true,
      })),
    );
    [brandA, brandB] = await insertBrands(t, [{ code: 'DA' }, { code: 'DB' }]);
    await t.db.query('INSERT INTO territory_routes (territory_id, route_id) VALUES ($1, $2)', [
      await t.unitId('T001'),
      await t.unitId('R1-2'),
    ]);
    const admin = await as('admin');
    const cycles: number[] = [];
    for (const code of ['T001', 'T002', 'T003', 'T005']) {
      const res = await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({
          territoryId: await t.unitId(code),
          orderDate: '2026-12-14',
          opensAt: '2026-12-13T04:00:00Z',
          cutoffAt: '2026-12-14T08:00:00Z',
        })
        .expect(201);
      cycles.push(res.body.id);
    }
    at('2026-12-14T02:00:00Z');
    const demands: Array<[number, number, Array<[number, number]>]> = [
      [1, r1, [[brandA, 10]]],
      [
        2,
        r2,
        [
          [brandA, 5],
          [brandB, 2],
        ],
      ],
      [3, r3, [[brandA, 7]]],
      [4, r4, [[brandA, 3]]],
      [5, r5, [[brandA, 4]]],
    ];
    for (const [n, retailerId, lines] of demands) {
      await t.http
        .post('/api/demands')
        .set(await as(lic(n)))
        .send({
          retailerId,
          channel: 'self',
          lines: lines.map(([brandId, cartons]) => ({ brandId, cartons })),
        })
        .expect(201);
    }
    at('2026-12-14T09:00:00Z');
    for (const cycle of cycles) {
      await t.http.post(`/api/order-cycles/${cycle}/cutoff`).set(admin).expect(200);
      await t.http.post(`/api/order-cycles/${cycle}/consolidate`).set(admin).expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('planning from the unified order', () => {
    const stops = async () =>
      (
        await t.db.query(
          `SELECT r.code AS route, d.retailer_id, d.position, to_char(d.delivery_date, 'YYYY-MM-DD') AS delivery_date,
                  d.window_start, d.window_end, d.cartons, d.lines, d.status
             FROM deliveries d JOIN org_units r ON r.id = d.route_id ORDER BY r.code, d.position`,
        )
      ).rows;

    it('plans the supply point’s center: one stop per retailer with goods, sequenced with windows', async () => {
      at('2026-12-15T00:00:00Z'); // 08:00 in Shanghai, the morning after the order day
      const res = await t.http
        .post('/api/delivery-runs/plan')
        .set(await as('clerk1'))
        .send({ orderDate: '2026-12-14' })
        .expect(200);
      expect(res.body).toEqual({
        fromDate: '2026-12-14',
        toDate: '2026-12-14',
        planned: 4,
        runs: 2,
        unrouted: 0,
      });
      const window = {
        delivery_date: '2026-12-15',
        window_start: new Date('2026-12-15T00:30:00Z'),
        window_end: new Date('2026-12-15T01:30:00Z'),
        status: 'planned',
      };
      expect(await stops()).toEqual([
        {
          route: 'R1-1',
          retailer_id: r1,
          position: 1,
          cartons: 10,
          lines: [{ brandId: brandA, cartons: 10 }],
          ...window,
        },
        {
          route: 'R1-1',
          retailer_id: r2,
          position: 2,
          cartons: 7,
          lines: [
            { brandId: brandA, cartons: 5 },
            { brandId: brandB, cartons: 2 },
          ],
          ...window,
        },
        {
          route: 'R1-1',
          retailer_id: r3,
          position: 3,
          cartons: 7,
          lines: [{ brandId: brandA, cartons: 7 }],
          ...window,
        },
        {
          route: 'R1-2',
          retailer_id: r4,
          position: 1,
          cartons: 3,
          lines: [{ brandId: brandA, cartons: 3 }],
          ...window,
        },
      ]);
      const { rows } = await t.db.query(
        `SELECT DISTINCT d.retailer_id, d.id FROM deliveries d ORDER BY d.retailer_id`,
      );
      for (const row of rows) stop[row.retailer_id] = row.id;
    });

    it('plans nothing twice, and only past order dates', async () => {
      const before = await Promise.all(['deliveries', 'delivery_runs'].map((n) => countRows(t.db, n)));
      const again = await t.http
        .post('/api/delivery-runs/plan')
        .set(await as('clerk1'))
        .send({ orderDate: '2026-12-14' })
        .expect(200);
      expect(again.body).toMatchObject({ planned: 0, runs: 0 });
      expect(await Promise.all(['deliveries', 'delivery_runs'].map((n) => countRows(t.db, n)))).toEqual(
        before,
      );
      const today = await t.http
        .post('/api/delivery-runs/plan')
        .set(await as('clerk1'))
        .send({ orderDate: '2026-12-15' });
      expect(today.status).toBe(400);
      expect(today.body.code).toBe('DELIVERY_PLAN_RANGE_INVALID');
      expect(
        (
          await t.http
            .post('/api/delivery-runs/plan')
            .set(await as('mm1'))
            .send({ orderDate: '2026-12-14' })
        ).status,
      ).toBe(403);
    });

    it('the scheduled planning picks up the rest, and counts retailers no route serves', async () => {
      const t005 = await t.unitId('T005');
      const routes = await t.db.query(
        'DELETE FROM territory_routes WHERE territory_id = $1 RETURNING route_id',
        [t005],
      );
      at('2026-12-15T00:10:00Z');
      const planning = t.app.get(DeliveryPlanningService);
      expect(await planning.planDue()).toEqual({
        fromDate: '2026-12-08',
        toDate: '2026-12-14',
        planned: 0,
        runs: 0,
        unrouted: 1,
      });
      expect(await planning.planDue()).toBeNull(); // this half hour's run is done
      await t.db.query('INSERT INTO territory_routes (territory_id, route_id) SELECT $1, unnest($2::int[])', [
        t005,
        routes.rows.map((row) => row.route_id),
      ]);
      at('2026-12-15T00:35:00Z');
      expect(await planning.planDue()).toMatchObject({ planned: 1, runs: 1, unrouted: 0 });
      const [r5stop] = (await stops()).filter((s) => s.retailer_id === r5);
      expect(r5stop).toMatchObject({
        route: 'R2-1',
        position: 1,
        window_start: new Date('2026-12-15T00:30:00Z'),
      });
      stop[r5] = (await t.db.query('SELECT id FROM deliveries WHERE retailer_id = $1', [r5])).rows[0].id;
      const audit = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery_run.plan'`,
      );
      expect(audit.rows[0].n).toBe(3);
    });
  });

  describe('at the door', () => {
    beforeAll(() => {
      at('2026-12-15T02:00:00Z');
    });

    // Each completion reaches the server at the time typed: the recorded time is the server's.
    it('records a receipt by the retailer, on time', async () => {
      at('2026-12-15T01:00:00Z');
      const res = await complete('ds1', stop[r1], {
        arrivedAt: '2026-12-15T01:00:00Z',
        receiver: 'retailer',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'delivered',
        statusLabel: '已送达',
        timing: 'onTime',
        arrivedAt: '2026-12-15T01:00:00.000Z',
        recordedAt: '2026-12-15T01:00:00.000Z',
        timeSource: 'server',
        timeSourceLabel: '服务器完成时间',
        lateEntry: false,
        receiver: 'retailer',
        proxyReceipt: false,
        completedBy: await t.userId('ds1'),
        completedAt: '2026-12-15T01:00:00.000Z',
      });
    });

    it('refuses a proxy receipt without a reason or relation (400 with its code) and writes nothing', async () => {
      at('2026-12-15T01:45:00Z');
      const before = (await t.db.query('SELECT * FROM deliveries WHERE id = $1', [stop[r2]])).rows[0];
      const audit = await countRows(t.db, 'audit_log');
      const res = await complete('ds1', stop[r2], {
        arrivedAt: '2026-12-15T01:45:00Z',
        receiver: 'proxy',
        receiverName: '王芳',
        receiverRelation: '店主之女',
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'DELIVERY_PROXY_REASON_REQUIRED',
        message: 'Goods received by a proxy (代接货) need a reason',
        details: { errors: [{ code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' }] },
      });
      const blank = await complete('ds1', stop[r2], {
        arrivedAt: '2026-12-15T01:45:00Z',
        receiver: 'proxy',
        reason: '   ',
      });
      expect(blank.body.code).toBe('DELIVERY_PROXY_REASON_REQUIRED');
      expect(blank.body.details.errors).toHaveLength(3);
      const noName = await complete('ds1', stop[r2], {
        arrivedAt: '2026-12-15T01:45:00Z',
        receiver: 'proxy',
        receiverRelation: '店主之女',
        reason: '店主住院',
      });
      expect(noName.body.code).toBe('DELIVERY_PROXY_RECEIVER_NAME_REQUIRED');
      const noRelation = await complete('ds1', stop[r2], {
        arrivedAt: '2026-12-15T01:45:00Z',
        receiver: 'proxy',
        receiverName: '王芳',
        reason: '店主住院',
      });
      expect(noRelation.status).toBe(400);
      expect(noRelation.body).toMatchObject({
        code: 'DELIVERY_PROXY_RELATION_REQUIRED',
        details: { errors: [{ code: 'DELIVERY_PROXY_RELATION_REQUIRED', field: 'receiverRelation' }] },
      });
      expect((await t.db.query('SELECT * FROM deliveries WHERE id = $1', [stop[r2]])).rows[0]).toEqual(
        before,
      );
      expect(await countRows(t.db, 'audit_log')).toBe(audit);
    });

    it('records a proxy receipt with name, relation and reason, flagged; here late', async () => {
      at('2026-12-15T01:45:00Z');
      const res = await complete('ds1', stop[r2], {
        arrivedAt: '2026-12-15T01:45:00Z',
        receiver: 'proxy',
        receiverName: ' 王芳 ',
        receiverRelation: '店主之女',
        reason: '店主住院',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        timing: 'late',
        receiver: 'proxy',
        receiverLabel: '代接货',
        receiverName: '王芳',
        receiverRelation: '店主之女',
        proxyReason: '店主住院',
        proxyReceipt: true,
      });
      const audit = await t.db.query(
        `SELECT after FROM audit_log WHERE action = 'delivery.complete' AND entity_id = $1`,
        [String(stop[r2])],
      );
      expect(audit.rows[0].after).toMatchObject({
        proxyReceipt: true,
        receiver: 'proxy',
        proxyReason: '店主住院',
      });
    });

    it('fails a stop nobody can receive; records an early arrival on the other route', async () => {
      // Sent from the phone's outbox: a retry with the same Idempotency-Key replays the answer, not a 409.
      const fail = async () =>
        t.http
          .post(`/api/deliveries/${stop[r3]}/fail`)
          .set(await as('ds1'))
          .set('idempotency-key', 'door-r3-fail')
          .send({ reason: '店铺关门，联系不上店主' });
      const first = await fail();
      expect(first.status).toBe(200);
      const replay = await fail();
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const audit = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'delivery' AND entity_id = $1`,
        [String(stop[r3])],
      );
      expect(audit.rows[0].n).toBe(1);
      at('2026-12-15T00:20:00Z');
      const early = await complete('ds2', stop[r4], {
        arrivedAt: '2026-12-15T00:20:00Z',
        receiver: 'retailer',
      });
      expect(early.body).toMatchObject({ status: 'delivered', timing: 'early' });
    });

    it('lets only delivery staff of the route complete a stop, once, and not ahead of the clock', async () => {
      at('2026-12-15T02:00:00Z');
      expect(
        (await complete('ds2', stop[r1], { arrivedAt: '2026-12-15T01:00:00Z', receiver: 'retailer' })).status,
      ).toBe(404);
      expect(
        (await complete('am01', stop[r1], { arrivedAt: '2026-12-15T01:00:00Z', receiver: 'retailer' }))
          .status,
      ).toBe(403);
      const twice = await complete('ds1', stop[r1], {
        arrivedAt: '2026-12-15T01:00:00Z',
        receiver: 'retailer',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('DELIVERY_TRANSITION_FORBIDDEN');
      const future = await complete('ds3', stop[r5], {
        arrivedAt: '2026-12-15T03:00:00Z',
        receiver: 'retailer',
      });
      expect(future.body.code).toBe('DELIVERY_ARRIVED_IN_FUTURE');
      const neighbour = await complete('ds3', stop[r5], {
        arrivedAt: '2026-12-15T01:00:00Z',
        receiver: 'neighbour',
      });
      expect(neighbour.body.code).toBe('VALIDATION_FAILED');
      at('2026-12-15T01:20:00Z');
      await complete('ds3', stop[r5], { arrivedAt: '2026-12-15T01:20:00Z', receiver: 'retailer' }).then((r) =>
        expect(r.body.timing).toBe('onTime'),
      );
    });

    it('keeps the retailer’s signature drawn on the driver’s phone with a completed stop', async () => {
      const png = await sharp(
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 150 C 120 20, 220 180, 320 60" stroke="#111" stroke-width="6" fill="none"/></svg>',
        ),
      )
        .png()
        .toBuffer();
      const sign = async (username: string, id: number) =>
        t.http
          .post(`/api/deliveries/${id}/signature`)
          .set(await as(username))
          .attach('file', png, 'signature.png');
      const signed = await sign('ds1', stop[r1]);
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({ id: stop[r1], status: 'delivered', timeSource: 'server' });
      const attachment = signed.body.signatureAttachmentId;
      expect(attachment).toEqual(expect.any(Number));
      expect((await t.http.get(`/api/deliveries/${stop[r1]}`).set(await as('am01'))).body).toMatchObject({
        signatureAttachmentId: attachment,
      });
      // Seen by whoever may see the stop: its retailer, not another.
      expect((await t.http.get(`/api/attachments/${attachment}`).set(await as(lic(1)))).status).toBe(200);
      expect((await t.http.get(`/api/attachments/${attachment}`).set(await as(lic(2)))).status).toBe(404);
      // Another route's driver: not found; a failed stop: no signature.
      expect((await sign('ds2', stop[r1])).status).toBe(404);
      const failed = await sign('ds1', stop[r3]);
      expect(failed.status).toBe(409);
      expect(failed.body.code).toBe('DELIVERY_SIGNATURE_NOT_DELIVERED');
      const { rows } = await t.db.query(
        `SELECT owner_id, kind FROM attachments WHERE owner_kind = 'delivery' ORDER BY id`,
      );
      expect(rows).toEqual([{ owner_id: stop[r1], kind: 'signature' }]);
    });

    it('the retailer confirms receipt in its own account 到户确认', async () => {
      at('2026-12-15T02:00:00Z');
      const res = await t.http
        .post(`/api/deliveries/${stop[r1]}/confirm`)
        .set(await as(lic(1)))
        .expect(200);
      expect(res.body).toMatchObject({ status: 'confirmed', confirmedAt: '2026-12-15T02:00:00.000Z' });
      expect((await t.http.post(`/api/deliveries/${stop[r2]}/confirm`).set(await as(lic(1)))).status).toBe(
        404,
      );
      const failed = await t.http.post(`/api/deliveries/${stop[r3]}/confirm`).set(await as(lic(3)));
      expect(failed.body.code).toBe('DELIVERY_TRANSITION_FORBIDDEN');
      expect((await t.http.post(`/api/deliveries/${stop[r2]}/confirm`).set(await as('am01'))).status).toBe(
        403,
      );
    });
  });

  describe('scoping', () => {
    const retailers = async (username: string, query = '') => {
      const res = await t.http.get(`/api/deliveries?date=2026-12-15${query}`).set(await as(username));
      expect(res.status).toBe(200);
      return res.body.items
        .map((d: { retailerId: number }) => d.retailerId)
        .sort((a: number, b: number) => a - b);
    };

    it('delivery staff see their route; others their territories; a retailer itself', async () => {
      expect(await retailers('ds1')).toEqual([r1, r2, r3]);
      expect(await retailers('ds2')).toEqual([r4]);
      expect(await retailers('am01')).toEqual([r1, r2]);
      expect(await retailers('mm1')).toEqual([r1, r2, r3, r4]);
      expect(await retailers('clerk1')).toEqual([r1, r2, r3, r4]);
      expect(await retailers('mm2')).toEqual([r5]);
      expect(await retailers('head')).toEqual([r1, r2, r3, r4, r5]);
      expect(await retailers(lic(2))).toEqual([r2]);
      expect(await retailers('head', '&proxyReceipt=true')).toEqual([r2]);
      expect(await retailers('head', '&status=failed')).toEqual([r3]);
      expect(await retailers('head', `&routeId=${await t.unitId('R1-2')}`)).toEqual([r4]);
      expect((await t.http.get('/api/deliveries').set(await as('eo1'))).status).toBe(403);
    });

    it('a driver’s run of today: its route’s stops in route order, with the retailer’s phone and address', async () => {
      at('2026-12-15T03:00:00Z');
      const run = await t.http
        .get('/api/delivery-runs/today')
        .set(await as('ds1'))
        .expect(200);
      expect(run.body.date).toBe('2026-12-15');
      expect(
        run.body.items.map((d: { retailerId: number; position: number }) => [d.retailerId, d.position]),
      ).toEqual([
        [r1, 1],
        [r2, 2],
        [r3, 3],
      ]);
      const { rows } = await t.db.query(
        'SELECT shop_name, owner_name, phone, address FROM retailers WHERE id = $1',
        [r1],
      );
      expect(run.body.items[0].retailer).toEqual({
        shopName: rows[0].shop_name,
        ownerName: rows[0].owner_name,
        phone: rows[0].phone,
        address: rows[0].address,
      });
      const other = await t.http
        .get('/api/delivery-runs/today')
        .set(await as('ds2'))
        .expect(200);
      expect(other.body.items.map((d: { retailerId: number }) => d.retailerId)).toEqual([r4]);
      at('2026-12-16T03:00:00Z');
      expect((await t.http.get('/api/delivery-runs/today').set(await as('ds1'))).body).toEqual({
        date: '2026-12-16',
        items: [],
      });
    });

    it('answers 404 for a stop out of scope', async () => {
      expect((await t.http.get(`/api/deliveries/${stop[r3]}`).set(await as('am02'))).status).toBe(200);
      expect((await t.http.get(`/api/deliveries/${stop[r3]}`).set(await as('am01'))).status).toBe(404);
      expect((await t.http.get(`/api/deliveries/${stop[r3]}`).set(await as('ds2'))).status).toBe(404);
      expect((await t.http.get(`/api/deliveries/${stop[r3]}`).set(await as(lic(1)))).status).toBe(404);
      expect((await t.http.get(`/api/deliveries/${stop[r3]}`).set(await as('mm2'))).status).toBe(404);
    });

    it('shows a date’s runs with their stops by status', async () => {
      const res = await t.http
        .get('/api/delivery-runs?date=2026-12-15')
        .set(await as('clerk1'))
        .expect(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          routeId: await t.unitId('R1-1'),
          stops: 3,
          cartons: 24,
          delivered: 2,
          confirmed: 1,
          failed: 1,
          proxyReceipts: 1,
        }),
        expect.objectContaining({ routeId: await t.unitId('R1-2'), stops: 1, delivered: 1, planned: 0 }),
      ]);
      expect((await t.http.get('/api/delivery-runs?date=2026-12-15').set(await as('ds3'))).body).toHaveLength(
        1,
      );
    });
  });

  describe('punctuality 送货及时率', () => {
    /**
     * December 2026: ds1 — r1 on time, r2 late (proxy), r3 failed: 1 on time of 3, 1 proxy receipt;
     * ds2 — r4 early: 0 of 1; ds3 — r5 on time: 1 of 1.
     */
    it('counts per delivery staff member, by hand', async () => {
      const res = await t.http
        .get('/api/deliveries/punctuality?month=2026-12')
        .set(await as('head'))
        .expect(200);
      expect(res.body).toEqual({
        month: '2026-12',
        graceMinutes: 0,
        statementToleranceMinutes: 15,
        offlineBoundMinutes: 720,
        items: [
          {
            deliveryStaffId: await t.userId('ds1'),
            deliveries: 3,
            onTime: 1,
            early: 0,
            late: 1,
            failed: 1,
            unfinished: 0,
            proxyReceipts: 1,
            lateEntries: 0,
            punctuality: { numerator: 1, denominator: 3, ratio: 1 / 3 },
          },
          {
            deliveryStaffId: await t.userId('ds2'),
            deliveries: 1,
            onTime: 0,
            early: 1,
            late: 0,
            failed: 0,
            unfinished: 0,
            proxyReceipts: 0,
            lateEntries: 0,
            punctuality: { numerator: 0, denominator: 1, ratio: 0 },
          },
          expect.objectContaining({ deliveryStaffId: await t.userId('ds3'), deliveries: 1, onTime: 1 }),
        ],
      });
    });

    it('counts what the domain tally counts over the same stops', async () => {
      // ds1's route's December, open stops included (the domain decides which count).
      const { rows } = await t.db.query(
        `SELECT status, delivery_date::text, window_start, window_end, recorded_at, confirmed_at, late_entry,
                receiver
           FROM deliveries WHERE route_id = $1 AND delivery_date >= '2026-12-01'`,
        [await t.unitId('R1-1')],
      );
      const tally = tallyDeliveries(
        rows.map((row) => ({
          state: row.status,
          deliveryDate: row.delivery_date,
          window: { start: row.window_start, end: row.window_end },
          recordedAt: row.recorded_at,
          confirmedAt: row.confirmed_at,
          lateEntry: row.late_entry,
          receiver: row.receiver,
        })),
        { now: t.app.get(Clock).now(), timeZone: 'Asia/Shanghai' },
      );
      const res = await t.http
        .get('/api/deliveries/punctuality?month=2026-12')
        .set(await as('ds1'))
        .expect(200);
      expect(res.body.items).toHaveLength(1);
      const { deliveryStaffId: _, punctuality: _p, ...sql } = res.body.items[0];
      expect(sql).toEqual(tally);
    });

    it('is scoped: a market manager sees its center’s staff; an account manager none', async () => {
      const mm2 = await t.http
        .get('/api/deliveries/punctuality?month=2026-12')
        .set(await as('mm2'))
        .expect(200);
      expect(mm2.body.items.map((i: { deliveryStaffId: number }) => i.deliveryStaffId)).toEqual([
        await t.userId('ds3'),
      ]);
      expect(
        (await t.http.get('/api/deliveries/punctuality?month=2026-11').set(await as('head'))).body.items,
      ).toEqual([]);
      expect(
        (await t.http.get('/api/deliveries/punctuality?month=2026-12').set(await as('am01'))).status,
      ).toBe(403);
    });
  });

  describe('feedback between the account manager and the delivery side', () => {
    let item: number;

    it('an account manager raises a problem against a delivery of its territory', async () => {
      at('2026-12-15T03:00:00Z');
      const res = await t.http
        .post(`/api/deliveries/${stop[r2]}/feedback`)
        .set(await as('am01'))
        .set('idempotency-key', 'fb-r2-late')
        .send({ kind: 'late', description: '送货晚于约定时段，店主不在' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'open',
        kindLabel: '送货不及时',
        routeId: await t.unitId('R1-1'),
        ageHours: 0,
      });
      item = res.body.id;
      const replay = await t.http
        .post(`/api/deliveries/${stop[r2]}/feedback`)
        .set(await as('am01'))
        .set('idempotency-key', 'fb-r2-late')
        .send({ kind: 'late', description: '送货晚于约定时段，店主不在' });
      expect(replay.body.id).toBe(item);
      const other = await t.http
        .post(`/api/deliveries/${stop[r3]}/feedback`)
        .set(await as('am01'))
        .send({ kind: 'damaged', description: '包装破损' });
      expect(other.status).toBe(404);
      expect(await countRows(t.db, 'delivery_feedback')).toBe(1);
    });

    it('lists open items with their age; the route’s delivery staff answer', async () => {
      at('2026-12-16T05:30:00Z'); // 26.5 hours later
      const open = await t.http
        .get('/api/delivery-feedback?open=true')
        .set(await as('ds1'))
        .expect(200);
      expect(open.body.items).toEqual([expect.objectContaining({ id: item, status: 'open', ageHours: 26 })]);
      expect((await t.http.get('/api/delivery-feedback?open=true').set(await as('ds2'))).body.total).toBe(0);
      expect(
        (
          await t.http
            .post(`/api/delivery-feedback/${item}/answer`)
            .set(await as('ds2'))
            .send({ answer: '不是我的线路' })
        ).status,
      ).toBe(404);
      const answered = await t.http
        .post(`/api/delivery-feedback/${item}/answer`)
        .set(await as('ds1'))
        .send({ answer: '前一站卸货耽误，已调整线路顺序' })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'answered', answeredBy: await t.userId('ds1') });
      const again = await t.http
        .post(`/api/delivery-feedback/${item}/answer`)
        .set(await as('clerk1'))
        .send({ answer: '再次答复' });
      expect(again.body.code).toBe('FEEDBACK_TRANSITION_FORBIDDEN');
      // Answered is still open until the account manager accepts it.
      expect((await t.http.get('/api/delivery-feedback?open=true').set(await as('am01'))).body.total).toBe(1);
    });

    it('the account manager closes it', async () => {
      const closed = await t.http
        .post(`/api/delivery-feedback/${item}/close`)
        .set(await as('am01'))
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', ageHours: 26 });
      expect((await t.http.get('/api/delivery-feedback?open=true').set(await as('am01'))).body.total).toBe(0);
      expect((await t.http.get(`/api/deliveries/${stop[r2]}`).set(await as('mm1'))).body.feedback).toEqual([
        expect.objectContaining({ id: item, status: 'closed' }),
      ]);
      const audit = await t.db.query(
        `SELECT action FROM audit_log WHERE entity_type = 'delivery_feedback' AND entity_id = $1 ORDER BY id`,
        [String(item)],
      );
      expect(audit.rows.map((row) => row.action)).toEqual([
        'delivery_feedback.raise',
        'delivery_feedback.answer',
        'delivery_feedback.close',
      ]);
    });

    it('the route’s driver and the retailer raise problems too; the account manager and the clerk see them', async () => {
      at('2026-12-15T04:00:00Z');
      const byDriver = await t.http
        .post(`/api/deliveries/${stop[r1]}/feedback`)
        .set(await as('ds1'))
        .set('idempotency-key', 'fb-r1-damaged')
        .send({ kind: 'damaged', description: '一条规格DA外包装压坏' });
      expect(byDriver.status).toBe(201);
      expect(byDriver.body).toMatchObject({ raiserRole: 'delivery_staff', kindLabel: '包装破损' });
      const byRetailer = await t.http
        .post(`/api/deliveries/${stop[r1]}/feedback`)
        .set(await as(lic(1)))
        .send({ kind: 'refused', description: '拒收压坏的一条' });
      expect(byRetailer.status).toBe(201);
      expect(byRetailer.body).toMatchObject({ raiserRole: 'retailer', kindLabel: '零售户拒收' });
      // Out of scope: another route's driver, another retailer.
      for (const [who, id] of [
        ['ds2', stop[r1]],
        [lic(2), stop[r1]],
      ] as const) {
        const res = await t.http
          .post(`/api/deliveries/${id}/feedback`)
          .set(await as(who))
          .send({ kind: 'short', description: '越权反馈' });
        expect(res.status).toBe(404);
      }
      const ids = [byDriver.body.id, byRetailer.body.id].sort();
      const seen = async (username: string) =>
        (
          await t.http
            .get('/api/delivery-feedback?pageSize=50')
            .set(await as(username))
            .expect(200)
        ).body.items
          .filter((f: { deliveryId: number }) => f.deliveryId === stop[r1])
          .map((f: { id: number }) => f.id)
          .sort();
      expect(await seen('am01')).toEqual(ids);
      expect(await seen('clerk1')).toEqual(ids);
      expect(await seen(lic(1))).toEqual(ids);
      expect(await seen(lic(2))).toEqual([]);
      // Whoever raised it closes it; nobody else.
      const foreign = await t.http
        .post(`/api/delivery-feedback/${byRetailer.body.id}/close`)
        .set(await as('am01'));
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('FEEDBACK_NOT_RAISER');
      await t.http
        .post(`/api/delivery-feedback/${byRetailer.body.id}/close`)
        .set(await as(lic(1)))
        .expect(200);
    });
  });
});
