import { bearer, type DemoApp } from '../support/demo.js';
import { insertBrands, insertRetailers } from '../support/fixtures.js';
import { pinClock } from '../support/test-clock.js';
import { insertStops } from '../delivery-fixture.js';

/**
 * November 2026 of a small county, built through the API where it is cheap (visits, checks, calls,
 * forecasts, a real order cycle with own, collected and cancelled demand) and with SQL where it is not (last
 * year's sales, retailer reachability flags, key brands). Every expected value in the KPI tests is worked out
 * by hand from what is written here.
 *
 * T001 (am01, 城关 center SC1): r1–r5 active (r1, r2 reachable), r6 closed.
 * T002 (am02, SC1): r7–r9 active (r7 reachable).
 * Specs: K1 (¥200/carton wholesale, national top 20), K2 (¥100, the department's equivalent), N1 (¥50).
 *
 * Visits (am01, 20–21 Nov): v1 r1 guidance + shelf [K1 K2 N1]; v2 r2 guidance + shelf [K1]; v3 r1 guidance;
 *   v4 r3 routine, aware of both, shelf [], prices K1 carton ¥260 (the guide) pack ¥27 (guide ¥26), K2 carton
 *   ¥120 (guide ¥130); v5 r4 routine, aware of neither, prices K1 carton ¥280, pack ¥26; v6 r4 routine (next
 *   day), aware of both; v7 r5 routine, aware of floating quotas only; v8 r2 routine + shelf [K1 K2].
 *   am02: v9 r7, v10 r8, v11 r9 guidance.
 * Checks (mm1): v1 effective, v2 not (v3 never checked), v9, v10 and v11 effective. The department's check
 *   sample is 5 visits per account manager, so every guidance visit here is in it. Calls (am01): r1 twice on the 20th, r2 on the 21st.
 * Forecast of T001 for November (made in October): K1 12, K2 6, N1 0.
 * Cycle T001 on Monday 23 Nov: r1 own K1 10 + N1 5; r2 own K1 4; r4 own K1 1, cancelled; r3 collected by
 *   am01 (confirmed, approved by mm1) K2 6. Last year (Nov 2025): r1 K1 20 cartons at ¥180.
 * Deliveries by ds1 (route R1-1, serving T001 and T002):
 *   Tue 24 Nov, planned from the 23rd's order, window 08:30–09:30: r1 completed on the server at 09:00 (on time);
 *   r2 received by a proxy at 10:00 (late, 代接货); r3 failed at 12:00.
 *   Wed 25 Nov, stops written directly, window 09:00–10:00, each recorded another way: r4 its door code entered
 *   online at 09:15 (on time); r5 its code entered at 09:20 on a phone offline until 15:00, within the 12-hour
 *   bound (recorded 09:20, on time); r7 confirms receipt on its own phone at 09:30, the driver completing at
 *   09:35 typing 09:30 (recorded 09:30, on time); r9 received by a proxy at 09:50 (within the window, yet not
 *   on time); r8 completed on the server at 11:40, the driver typing 09:40 (2 h apart: 补录, late). r2's stop of
 *   the same run is never completed nor failed: still planned when the 25th ends, it is 未完成 and counts for
 *   the run's driver, ds1, as not on time.
 *   ds1's November: 9 stops, on time 4 (r1, r4, r5, r7), late 2 (r2, r8), failed 1, 未完成 1 (r2 of the 25th),
 *   proxy 2, 补录 1.
 */
export interface KpiFixture {
  territory: { t001: number; t002: number; t003: number; t004: number };
  center: { sc1: number; sc2: number };
  departmentId: number;
  retailers: number[];
  brands: { k1: number; k2: number; n1: number };
  visits: number[];
}

const lic = (n: number) => `33000000000${String(n).padStart(2, '0')}`;

export async function buildKpiFixture(t: DemoApp): Promise<KpiFixture> {
  const [t001, t002, t003, t004, sc1, sc2, departmentId] = await Promise.all(
    ['T001', 'T002', 'T003', 'T004', 'SC1', 'SC2', 'D01'].map((code) => t.unitId(code)),
  );
  const retailers = await insertRetailers(t, [
    ...[1, 2, 3, 4, 5].map((n) => ({
      licenseNo: lic(n),
      territory: 'T001',
      grade: 30,
      scale: 'large' as const,
      withUser: true,
    })),
    { licenseNo: lic(6), territory: 'T001', grade: 30, status: 'closed' as const },
    ...[7, 8, 9].map((n) => ({
      licenseNo: lic(n),
      territory: 'T002',
      grade: 30,
      scale: 'large' as const,
      withUser: true,
    })),
  ]);
  const [r1, r2, r3, r4, r5, , r7, r8, r9] = retailers;
  await t.db.query(`UPDATE retailers SET reachable_sms = true WHERE id = ANY($1)`, [[r1, r2, r7]]);
  const [k1, k2, n1] = await insertBrands(t, [
    { code: 'K1', wholesalePriceFen: 20000, priceClass: 1 },
    { code: 'K2', wholesalePriceFen: 10000, priceClass: 1 },
    { code: 'N1', wholesalePriceFen: 5000, priceClass: 2 },
  ]);
  // The year's key brands are K1 and K2 alone (the demo catalogue's list is set aside).
  await t.db.query('DELETE FROM key_brands WHERE year = 2026');
  await t.db.query(
    `INSERT INTO key_brands (year, brand_id, kind, department_id) VALUES (2026, $1, 'national_top20', NULL), (2026, $2, 'equivalent', $3)`,
    [k1, k2, departmentId],
  );

  const am01 = bearer(await t.token('am01'));
  const am02 = bearer(await t.token('am02'));
  const mm1 = bearer(await t.token('mm1'));
  const admin = bearer(await t.token('admin'));

  // The forecast, before November starts.
  pinClock(t, '2026-10-20T10:00:00+08:00');
  await t.http
    .put('/api/forecasts/2026-11')
    .set(am01)
    .send({
      lines: [
        { brandId: k1, cartons: 12 },
        { brandId: k2, cartons: 6 },
        { brandId: n1, cartons: 0 },
      ],
    })
    .expect(200);

  // Field work of 20–21 November, recorded on the evening of the 21st.
  pinClock(t, '2026-11-21T20:00:00+08:00');
  const visit = async (headers: Record<string, string>, body: object) =>
    (await t.http.post('/api/visits').set(headers).send(body).expect(201)).body.id as number;
  const guidance = { topics: ['display'], advice: '重点品牌调整到柜台中间层' };
  const visits = [
    await visit(am01, {
      retailerId: r1,
      kind: 'guidance',
      visitedAt: '2026-11-20T10:00:00+08:00',
      guidance,
      shelfCheck: { brandIds: [k1, k2, n1] },
    }),
    await visit(am01, {
      retailerId: r2,
      kind: 'guidance',
      visitedAt: '2026-11-20T11:00:00+08:00',
      guidance: { topics: ['pricing', 'stock'], advice: '按指导价明码标价' },
      shelfCheck: { brandIds: [k1] },
    }),
    await visit(am01, { retailerId: r1, kind: 'guidance', visitedAt: '2026-11-21T10:00:00+08:00', guidance }),
    await visit(am01, {
      retailerId: r3,
      kind: 'routine',
      visitedAt: '2026-11-20T14:00:00+08:00',
      awareness: { floatingQuota: true, selfReporting: true },
      shelfCheck: { brandIds: [] },
      priceChecks: [
        { brandId: k1, observedCartonFen: 26_000, observedPackFen: 2_700 },
        { brandId: k2, observedCartonFen: 12_000 },
      ],
    }),
    await visit(am01, {
      retailerId: r4,
      kind: 'routine',
      visitedAt: '2026-11-20T15:00:00+08:00',
      awareness: { floatingQuota: false, selfReporting: false },
      priceChecks: [{ brandId: k1, observedCartonFen: 28_000, observedPackFen: 2_600 }],
    }),
    await visit(am01, {
      retailerId: r4,
      kind: 'routine',
      visitedAt: '2026-11-21T11:00:00+08:00',
      awareness: { floatingQuota: true, selfReporting: true },
    }),
    await visit(am01, {
      retailerId: r5,
      kind: 'routine',
      visitedAt: '2026-11-21T12:00:00+08:00',
      awareness: { floatingQuota: true, selfReporting: false },
    }),
    await visit(am01, {
      retailerId: r2,
      kind: 'routine',
      visitedAt: '2026-11-21T13:00:00+08:00',
      shelfCheck: { brandIds: [k1, k2] },
    }),
    await visit(am02, { retailerId: r7, kind: 'guidance', visitedAt: '2026-11-20T10:00:00+08:00', guidance }),
    await visit(am02, { retailerId: r8, kind: 'guidance', visitedAt: '2026-11-20T11:00:00+08:00', guidance }),
    await visit(am02, { retailerId: r9, kind: 'guidance', visitedAt: '2026-11-21T10:00:00+08:00', guidance }),
  ];
  const check = async (visitId: number, effective: boolean) =>
    t.http
      .post(`/api/visits/${visitId}/check`)
      .set(mm1)
      .send({ effective, note: effective ? '陈列已调整' : '未见调整' })
      .expect(201);
  await check(visits[0], true);
  await check(visits[1], false);
  await check(visits[8], true);
  await check(visits[9], true);
  await check(visits[10], true);
  for (const [retailerId, calledAt] of [
    [r1, '2026-11-20T09:00:00+08:00'],
    [r1, '2026-11-20T16:00:00+08:00'],
    [r2, '2026-11-21T09:00:00+08:00'],
  ] as const) {
    await t.http.post('/api/calls').set(am01).send({ retailerId, calledAt, reached: true }).expect(201);
  }

  // The order cycle of Monday 23 November.
  const cycle = await t.http
    .post('/api/order-cycles')
    .set(admin)
    .send({
      territoryId: t001,
      orderDate: '2026-11-23',
      opensAt: '2026-11-22T04:00:00Z',
      cutoffAt: '2026-11-23T08:00:00Z',
    })
    .expect(201);
  pinClock(t, '2026-11-23T10:00:00+08:00');
  const own = async (n: number, retailerId: number, lines: object[]) =>
    t.http
      .post('/api/demands')
      .set(bearer(await t.token(lic(n))))
      .send({ retailerId, channel: 'self', lines })
      .expect(201);
  await own(1, r1, [
    { brandId: k1, cartons: 10 },
    { brandId: n1, cartons: 5 },
  ]);
  await own(2, r2, [{ brandId: k1, cartons: 4 }]);
  const cancelled = await own(4, r4, [{ brandId: k1, cartons: 1 }]);
  await t.http
    .post(`/api/demands/${cancelled.body.id}/cancel`)
    .set(bearer(await t.token(lic(4))))
    .expect(200);
  const collected = await t.http
    .post('/api/demands')
    .set(am01)
    .send({ retailerId: r3, channel: 'collected', lines: [{ brandId: k2, cartons: 6 }] })
    .expect(201);
  await t.http
    .post(`/api/demands/${collected.body.id}/confirm`)
    .set(bearer(await t.token(lic(3))))
    .expect(200);
  await t.http.post(`/api/demands/${collected.body.id}/approve`).set(mm1).send({}).expect(200);
  pinClock(t, '2026-11-23T17:00:00+08:00');
  await t.http.post(`/api/order-cycles/${cycle.body.id}/cutoff`).set(admin).expect(200);
  await t.http.post(`/api/order-cycles/${cycle.body.id}/consolidate`).set(admin).expect(200);

  // Deliveries of the 23rd's unified order, the next morning.
  pinClock(t, '2026-11-24T08:00:00+08:00');
  await t.http
    .post('/api/delivery-runs/plan')
    .set(bearer(await t.token('clerk1')))
    .send({ orderDate: '2026-11-23' })
    .expect(200);
  const stops = new Map<number, number>(
    (await t.db.query('SELECT id, retailer_id FROM deliveries')).rows.map((r) => [r.retailer_id, r.id]),
  );
  const ds1 = bearer(await t.token('ds1'));
  // Each completion reaches the server when it happens: the recorded time is the typed one.
  pinClock(t, '2026-11-24T09:00:00+08:00');
  await t.http
    .post(`/api/deliveries/${stops.get(r1)}/complete`)
    .set(ds1)
    .send({ arrivedAt: '2026-11-24T09:00:00+08:00', receiver: 'retailer' })
    .expect(200);
  pinClock(t, '2026-11-24T10:00:00+08:00');
  await t.http
    .post(`/api/deliveries/${stops.get(r2)}/complete`)
    .set(ds1)
    .send({
      arrivedAt: '2026-11-24T10:00:00+08:00',
      receiver: 'proxy',
      receiverName: '小李',
      receiverRelation: '店员',
      reason: '店主外出进货',
    })
    .expect(200);
  pinClock(t, '2026-11-24T12:00:00+08:00');
  await t.http
    .post(`/api/deliveries/${stops.get(r3)}/fail`)
    .set(ds1)
    .send({ reason: '店铺关门' })
    .expect(200);

  // Deliveries of the 25th, recorded by door code, offline door code, the retailer's phone, proxy and server.
  const [s4, s5, s7, s8, s9] = await insertStops(t, {
    route: 'R1-1',
    deliveryDate: '2026-11-25',
    orderDate: '2026-11-24',
    windowStart: '2026-11-25T09:00:00+08:00',
    windowEnd: '2026-11-25T10:00:00+08:00',
    // r2's stop, last, is left open.
    retailers: [r4, r5, r7, r8, r9, r2],
  });
  const doorCodeOf = async (n: number, stop: number) =>
    (
      await t.http
        .get(`/api/deliveries/${stop}/door-code`)
        .set(bearer(await t.token(lic(n))))
        .expect(200)
    ).body.code as string;
  const complete = (stop: number, body: object) =>
    t.http.post(`/api/deliveries/${stop}/complete`).set(ds1).send(body).expect(200);
  pinClock(t, '2026-11-25T09:15:00+08:00');
  await complete(s4, {
    arrivedAt: '2026-11-25T09:15:00+08:00',
    receiver: 'retailer',
    doorCode: await doorCodeOf(4, s4),
  });
  pinClock(t, '2026-11-25T09:20:00+08:00');
  const offlineCode = await doorCodeOf(5, s5);
  pinClock(t, '2026-11-25T09:30:00+08:00');
  await t.http
    .post(`/api/deliveries/${s7}/confirm`)
    .set(bearer(await t.token(lic(7))))
    .expect(200);
  pinClock(t, '2026-11-25T09:35:00+08:00');
  await complete(s7, { arrivedAt: '2026-11-25T09:30:00+08:00', receiver: 'retailer' });
  pinClock(t, '2026-11-25T09:50:00+08:00');
  await complete(s9, {
    arrivedAt: '2026-11-25T09:50:00+08:00',
    receiver: 'proxy',
    receiverName: '小王',
    receiverRelation: '店员',
    reason: '店主去银行',
  });
  pinClock(t, '2026-11-25T11:40:00+08:00');
  await complete(s8, { arrivedAt: '2026-11-25T09:40:00+08:00', receiver: 'retailer' });
  pinClock(t, '2026-11-25T15:00:00+08:00');
  await complete(s5, {
    arrivedAt: '2026-11-25T09:20:00+08:00',
    receiver: 'retailer',
    doorCode: offlineCode,
    doorCodeEnteredAt: '2026-11-25T09:20:00+08:00',
  });

  // Leads of 10 November and their results.
  pinClock(t, '2026-11-10T10:00:00+08:00');
  const lead = async (headers: Record<string, string>, retailerId: number) =>
    (
      await t.http
        .post('/api/leads')
        .set(headers)
        .send({ kind: 'counterfeit', importance: 'normal', description: '店内发现疑似假烟', retailerId })
        .expect(201)
    ).body.id as number;
  const [l1, l2] = [await lead(am01, r1), await lead(am01, r2)];
  await lead(am01, r3);
  const [l4, l5] = [await lead(am02, r7), await lead(ds1, r4)];
  const eo1 = bearer(await t.token('eo1'));
  const verify = (id: number, result: string) =>
    t.http.post(`/api/leads/${id}/verify`).set(eo1).send({ result, note: '现场核查' }).expect(200);
  pinClock(t, '2026-11-12T10:00:00+08:00');
  for (const id of [l1, l4, l5]) await verify(id, 'confirmed');
  pinClock(t, '2026-11-20T10:00:00+08:00');
  await verify(l2, 'unfounded');

  await insertLastYearSale(t, {
    territoryId: t001,
    retailerId: r1,
    brandId: k1,
    cartons: 20,
    priceFen: 18000,
  });
  return {
    territory: { t001, t002, t003, t004 },
    center: { sc1, sc2 },
    departmentId,
    retailers,
    brands: { k1, k2, n1 },
    visits,
  };
}

/** A consolidated order of 24 November 2025, written directly: history from before the system. */
async function insertLastYearSale(
  t: DemoApp,
  sale: { territoryId: number; retailerId: number; brandId: number; cartons: number; priceFen: number },
): Promise<void> {
  const { rows } = await t.db.query(
    `WITH territory AS (SELECT id, service_center_id, department_id FROM org_units WHERE id = $1),
          cycle AS (
            INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
            SELECT id, service_center_id, department_id, '2025-11-24', '2025-11-23T04:00:00Z', '2025-11-24T08:00:00Z', 'consolidated'
              FROM territory RETURNING id),
          demand AS (
            INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status,
                                 total_cartons, submitted_by, submitted_by_role)
            SELECT cycle.id, $2, territory.id, territory.service_center_id, territory.department_id, 'self', 'ordered', $3,
                   (SELECT id FROM users WHERE retailer_id = $2), 'retailer'
              FROM cycle, territory RETURNING id, cycle_id)
     SELECT demand.id AS demand_id, demand.cycle_id FROM demand`,
    [sale.territoryId, sale.retailerId, sale.cartons],
  );
  const { demand_id: demandId, cycle_id: cycleId } = rows[0];
  await t.db.query(`INSERT INTO demand_lines (demand_id, brand_id, cartons) VALUES ($1, $2, $3)`, [
    demandId,
    sale.brandId,
    sale.cartons,
  ]);
  await t.db.query(
    `INSERT INTO order_lines (cycle_id, demand_id, retailer_id, territory_id, service_center_id, department_id, supply_point_id,
                              brand_id, order_date, requested, ordered, price_fen, amount_fen)
     SELECT $1, $2, $3, t.id, t.service_center_id, t.department_id, sp.id, $4, '2025-11-24', $5::int, $5::int, $6::int, $5::bigint * $6::int
       FROM org_units t JOIN org_units sp ON sp.type = 'supply_point' AND sp.service_center_id = t.service_center_id
      WHERE t.id = $7`,
    [cycleId, demandId, sale.retailerId, sale.brandId, sale.cartons, sale.priceFen, sale.territoryId],
  );
}
