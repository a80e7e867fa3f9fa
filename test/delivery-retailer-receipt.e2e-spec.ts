import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers } from './support/fixtures.js';
import { insertStops } from './delivery-fixture.js';

/**
 * The retailer confirms receipt on its own phone 到户确认. Stops of route R1-1 (ds1) on Tuesday 2026-12-15 in
 * the window 09:00–10:00 Shanghai (01:00Z–02:00Z), for retailers r1–r4 of T001; r5's stop is on the 16th.
 *
 * s1 — r1 confirms at 09:10 (and again at 09:20: nothing changes); ds1's phone is offline and completes at 14:00,
 *      typing 09:05: recorded 09:10 from the retailer's confirmation, on time, not 补录.
 * s2 — r2 confirms at 10:30, ds1 completes at 10:31 typing 10:30: recorded 10:30, late.
 * s3 — ds1 completes at 09:30 on the server; r3 confirms afterwards at 09:45: the server's 09:30 stands, on time.
 * s4 — r4 never confirms, and tries on the 16th: refused. ds1 never completes it: 未完成 once the 15th is over.
 * s5 — (the 16th, a run of its own) r5 confirms at 09:30, ds1 never completes it: once the 16th is over it is
 *      未完成, on time by the retailer's confirmation, and counts for the route's delivery staff, ds1.
 *
 * ds1 for December on the 16th: 4 deliveries (s1–s4), on time 2 (s1, s3), late 1 (s2), 未完成 1 (s4); once the
 * 16th is over, 5: on time 3 (s5 too), 未完成 2.
 */
jest.setTimeout(60_000);

describe('the retailer confirms receipt on its phone', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let s1: number, s2: number, s3: number, s4: number, s5: number;
  const lic = (n: number) => `47000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const confirm = async (n: number, stop: number) =>
    t.http.post(`/api/deliveries/${stop}/confirm`).set(await as(lic(n)));
  const today = async (n: number) =>
    (
      await t.http
        .get('/api/deliveries/today')
        .set(await as(lic(n)))
        .expect(200)
    ).body;
  const complete = async (id: number, body: object) =>
    t.http
      .post(`/api/deliveries/${id}/complete`)
      .set(await as('ds1'))
      .send(body);
  const confirmations = async (stop: number) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery.confirm' AND entity_id = $1`,
        [String(stop)],
      )
    ).rows[0].n;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-11-01' });
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-15T00:30:00Z');
    const retailers = await insertRetailers(
      t,
      [1, 2, 3, 4, 5].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 10, withUser: true })),
    );
    const window = { windowStart: '2026-12-15T01:00:00Z', windowEnd: '2026-12-15T02:00:00Z' };
    [s1, s2, s3, s4] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-12-15',
      orderDate: '2026-12-14',
      ...window,
      retailers: retailers.slice(0, 4),
    });
    [s5] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-12-16',
      orderDate: '2026-12-15',
      windowStart: '2026-12-16T01:00:00Z',
      windowEnd: '2026-12-16T02:00:00Z',
      retailers: [retailers[4]],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the retailer its stops of today, each with the door code for the driver', async () => {
    const r1 = await today(1);
    expect(r1).toEqual({
      date: '2026-12-15',
      items: [
        expect.objectContaining({
          id: s1,
          status: 'planned',
          statusLabel: '待送货',
          cartons: 2,
          windowStart: '2026-12-15T01:00:00.000Z',
          doorCode: {
            deliveryId: s1,
            deliveryDate: '2026-12-15',
            code: expect.stringMatching(/^\d{6}$/),
            unavailable: null,
          },
        }),
      ],
    });
    // The same code as the door-code route gives.
    const code = await t.http
      .get(`/api/deliveries/${s1}/door-code`)
      .set(await as(lic(1)))
      .expect(200);
    expect(code.body.code).toBe(r1.items[0].doorCode.code);
    // r5's stop is tomorrow: nothing today.
    expect(await today(5)).toEqual({ date: '2026-12-15', items: [] });
    expect((await t.http.get('/api/deliveries/today').set(await as('ds1'))).status).toBe(403);
    expect((await t.http.get('/api/deliveries/today').set(await as('am01'))).status).toBe(403);
  });

  it('records the server’s time of the retailer’s confirmation, once (s1)', async () => {
    at('2026-12-15T01:10:00Z');
    const res = await confirm(1, s1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: s1,
      status: 'received',
      statusLabel: '零售户已确认收货',
      confirmedAt: '2026-12-15T01:10:00.000Z',
      confirmedBy: await t.userId(lic(1)),
      recordedAt: null,
      completedBy: null,
    });
    // A phone retrying: the first confirmation stands, nothing is written again.
    at('2026-12-15T01:20:00Z');
    const again = await confirm(1, s1);
    expect([again.status, again.body.confirmedAt]).toEqual([200, '2026-12-15T01:10:00.000Z']);
    expect(await confirmations(s1)).toBe(1);
    // Not counted for anyone until the driver completes it.
    const punctuality = await t.http
      .get('/api/deliveries/punctuality?month=2026-12')
      .set(await as('head'))
      .expect(200);
    expect(punctuality.body.items).toEqual([]);
  });

  it('answers 404 for another retailer’s stop and refuses other roles, writing nothing', async () => {
    const before = (await t.db.query('SELECT * FROM deliveries ORDER BY id')).rows;
    const audit = await countRows(t.db, 'audit_log');
    const other = await confirm(2, s1);
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await confirm(1, s2)).status).toBe(404);
    for (const username of ['ds1', 'am01', 'head']) {
      const res = await t.http.post(`/api/deliveries/${s2}/confirm`).set(await as(username));
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await t.http.post(`/api/deliveries/${s2}/confirm`)).status).toBe(401);
    expect((await t.http.post('/api/deliveries/abc/confirm').set(await as(lic(2)))).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.http.post('/api/deliveries/0/confirm').set(await as(lic(2)))).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.http.post('/api/deliveries/99999999/confirm').set(await as(lic(2)))).status).toBe(404);
    expect((await t.db.query('SELECT * FROM deliveries ORDER BY id')).rows).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('refuses a confirmation before the delivery date (s5, tomorrow’s)', async () => {
    const res = await confirm(5, s5);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'DELIVERY_CONFIRM_NOT_DELIVERY_DATE',
      details: { deliveryDate: '2026-12-16' },
    });
    expect(await confirmations(s5)).toBe(0);
  });

  it('a received stop cannot fail; the driver’s completion takes the retailer’s time (s1)', async () => {
    at('2026-12-15T05:00:00Z');
    const fail = await t.http
      .post(`/api/deliveries/${s1}/fail`)
      .set(await as('ds1'))
      .send({ reason: '店铺关门' });
    expect([fail.status, fail.body.code]).toEqual([409, 'DELIVERY_TRANSITION_FORBIDDEN']);
    // The phone was offline: the completion reaches the server at 14:00, the driver having typed 09:05.
    at('2026-12-15T06:00:00Z');
    const res = await complete(s1, { arrivedAt: '2026-12-15T01:05:00Z', receiver: 'retailer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      arrivedAt: '2026-12-15T01:05:00.000Z',
      recordedAt: '2026-12-15T01:10:00.000Z',
      timeSource: 'retailerPhone',
      timeSourceLabel: '零售户手机确认收货',
      completedAt: '2026-12-15T06:00:00.000Z',
      confirmedAt: '2026-12-15T01:10:00.000Z',
      timing: 'onTime',
      lateEntry: false,
    });
    expect((await today(1)).items[0].doorCode).toMatchObject({ code: null, unavailable: 'completed' });
  });

  it('a confirmation after the window counts late (s2)', async () => {
    at('2026-12-15T02:30:00Z');
    expect((await confirm(2, s2)).body.status).toBe('received');
    at('2026-12-15T02:31:00Z');
    const res = await complete(s2, { arrivedAt: '2026-12-15T02:30:00Z', receiver: 'retailer' });
    expect(res.body).toMatchObject({
      recordedAt: '2026-12-15T02:30:00.000Z',
      timeSource: 'retailerPhone',
      timing: 'late',
      lateEntry: false,
    });
  });

  it('a confirmation after the driver’s completion leaves the recorded time as it was (s3)', async () => {
    at('2026-12-15T01:30:00Z');
    await complete(s3, { arrivedAt: '2026-12-15T01:30:00Z', receiver: 'retailer' }).then((r) =>
      expect(r.body).toMatchObject({ status: 'delivered', timeSource: 'server' }),
    );
    at('2026-12-15T01:45:00Z');
    const res = await confirm(3, s3);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      confirmedAt: '2026-12-15T01:45:00.000Z',
      recordedAt: '2026-12-15T01:30:00.000Z',
      timeSource: 'server',
      timing: 'onTime',
    });
    expect((await confirm(3, s3)).status).toBe(200);
    expect(await confirmations(s3)).toBe(1);
  });

  it('refuses the retailer’s confirmation the day after (s4)', async () => {
    at('2026-12-16T01:00:00Z');
    expect((await confirm(4, s4)).body.code).toBe('DELIVERY_CONFIRM_NOT_DELIVERY_DATE');
    expect((await today(4)).items).toEqual([]);
  });

  const ds1December = async () =>
    (
      await t.http
        .get('/api/deliveries/punctuality?month=2026-12')
        .set(await as('head'))
        .expect(200)
    ).body.items;

  it('counts ds1’s December from the recorded times, s4 left open: 2 on time of 4', async () => {
    expect(await ds1December()).toEqual([
      {
        deliveryStaffId: await t.userId('ds1'),
        deliveries: 4,
        onTime: 2,
        early: 0,
        late: 1,
        failed: 0,
        unfinished: 1,
        proxyReceipts: 0,
        lateEntries: 0,
        punctuality: { numerator: 2, denominator: 4, ratio: 0.5 },
      },
    ]);
    const runs = await t.http
      .get('/api/delivery-runs?date=2026-12-15')
      .set(await as('clerk1'))
      .expect(200);
    // s4 is still to be completed.
    expect(runs.body).toEqual([
      expect.objectContaining({ stops: 4, planned: 1, delivered: 3, confirmed: 3 }),
    ]);
  });

  it('counts a stop the retailer confirmed but the driver never completed once its day is over (s5)', async () => {
    at('2026-12-16T01:30:00Z');
    expect((await confirm(5, s5)).body).toMatchObject({ status: 'received' });
    // The last moment of the 16th in Shanghai: not counted yet.
    at('2026-12-16T15:59:59.999Z');
    expect(await ds1December()).toEqual([expect.objectContaining({ deliveries: 4, unfinished: 1 })]);
    // The 17th: 未完成, and on time by the retailer's 09:30 in the 09:00–10:00 window.
    at('2026-12-16T16:00:00Z');
    expect(await ds1December()).toEqual([
      expect.objectContaining({
        deliveryStaffId: await t.userId('ds1'),
        deliveries: 5,
        onTime: 3,
        late: 1,
        unfinished: 2,
        proxyReceipts: 0,
        lateEntries: 0,
        punctuality: { numerator: 3, denominator: 5, ratio: 0.6 },
      }),
    ]);
  });
});
