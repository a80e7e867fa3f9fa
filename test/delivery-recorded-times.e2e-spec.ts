import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers } from './support/fixtures.js';
import { insertStops } from './delivery-fixture.js';

/**
 * Punctuality from recorded times. Five stops of route R1-1 (delivery staff ds1) on Tuesday 2026-12-15, all in
 * the window 09:00–10:00 Shanghai (01:00Z–02:00Z), written with SQL (planning has its own tests):
 *
 * s1 — the retailer gives its door code at 09:10; ds1's phone is offline and sends the completion at 14:00:
 *      recorded 09:10 from the code (5 hours < the 12-hour bound), on time.
 * s2 — a wrong code and a code entered the day before are refused; then the right code online at 09:20: on time.
 * s3 — completed on the server at 11:30, the driver typing 09:30: two hours apart → 补录, late.
 * s4 — a code entered at 09:00 reaches the server at 22:00, past the bound: the server's time, late, 补录.
 * s5 — a proxy receipt 代接货 at 09:40, within the window: flagged and not on time.
 *
 * ds1 for December: 5 deliveries, on time 2 (s1, s2), late 2 (s3, s4), proxy receipts 1, 补录 2 → 2 ÷ 5.
 */
jest.setTimeout(60_000);

describe('delivery punctuality from recorded times', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  const stop: number[] = [];
  const lic = (n: number) => `46000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const complete = async (id: number, body: object) =>
    t.http
      .post(`/api/deliveries/${id}/complete`)
      .set(await as('ds1'))
      .send(body);
  const doorCode = async (n: number) =>
    t.http.get(`/api/deliveries/${stop[n - 1]}/door-code`).set(await as(lic(n)));

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-11-01' });
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-15T00:30:00Z');
    const retailers = await insertRetailers(
      t,
      [1, 2, 3, 4, 5].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 10, withUser: true })),
    );
    stop.push(
      ...(await insertStops(t, {
        route: 'R1-1',
        deliveryDate: '2026-12-15',
        orderDate: '2026-12-14',
        windowStart: '2026-12-15T01:00:00Z',
        windowEnd: '2026-12-15T02:00:00Z',
        retailers,
      })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the door code 到户确认码', () => {
    it('is given to the retailer of the stop on its delivery date only', async () => {
      const res = await doorCode(1);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        deliveryId: stop[0],
        deliveryDate: '2026-12-15',
        code: expect.stringMatching(/^\d{6}$/),
        unavailable: null,
      });
      // Another retailer's stop is out of its scope; delivery staff never see a code.
      expect((await t.http.get(`/api/deliveries/${stop[0]}/door-code`).set(await as(lic(2)))).status).toBe(
        404,
      );
      expect((await t.http.get(`/api/deliveries/${stop[0]}/door-code`).set(await as('ds1'))).status).toBe(
        403,
      );
      expect((await t.http.get(`/api/deliveries/${stop[0]}`).set(await as('ds1'))).body).not.toHaveProperty(
        'code',
      );
      at('2026-12-14T10:00:00Z');
      expect((await doorCode(1)).body).toEqual({
        deliveryId: stop[0],
        deliveryDate: '2026-12-15',
        code: null,
        unavailable: 'notDeliveryDate',
      });
    });

    it('keeps the phone’s time of a code queued offline within the bound (s1)', async () => {
      at('2026-12-15T01:10:00Z');
      const { code } = (await doorCode(1)).body;
      at('2026-12-15T06:00:00Z');
      const res = await complete(stop[0], {
        arrivedAt: '2026-12-15T01:10:00Z',
        receiver: 'retailer',
        doorCode: code,
        doorCodeEnteredAt: '2026-12-15T01:10:00Z',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        arrivedAt: '2026-12-15T01:10:00.000Z',
        recordedAt: '2026-12-15T01:10:00.000Z',
        timeSource: 'doorCode',
        timeSourceLabel: '零售户到户确认码',
        doorCodeAt: '2026-12-15T01:10:00.000Z',
        completedAt: '2026-12-15T06:00:00.000Z',
        timing: 'onTime',
        lateEntry: false,
      });
      // Used once: the stop is completed.
      const again = await complete(stop[0], {
        arrivedAt: '2026-12-15T01:10:00Z',
        receiver: 'retailer',
        doorCode: code,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DELIVERY_TRANSITION_FORBIDDEN');
      expect((await doorCode(1)).body).toMatchObject({ code: null, unavailable: 'completed' });
    });

    it('refuses a wrong code, another stop’s code and a code entered on another day, writing nothing (s2)', async () => {
      at('2026-12-15T01:20:00Z');
      const own = (await doorCode(2)).body.code as string;
      const other = (await doorCode(3)).body.code as string;
      const before = (await t.db.query('SELECT * FROM deliveries WHERE id = $1', [stop[1]])).rows[0];
      const audit = await countRows(t.db, 'audit_log');
      const wrong = String((Number(own) + 1) % 1_000_000).padStart(6, '0');
      for (const [body, reason] of [
        [{ doorCode: wrong }, 'wrong'],
        [{ doorCode: other }, 'wrong'],
        [{ doorCode: own, doorCodeEnteredAt: '2026-12-14T15:59:00Z' }, 'notDeliveryDate'],
        [{ doorCode: own, doorCodeEnteredAt: '2026-12-15T01:26:00Z' }, 'inFuture'],
        [{ doorCodeEnteredAt: '2026-12-15T01:20:00Z' }, 'missing'],
      ] as const) {
        const res = await complete(stop[1], {
          arrivedAt: '2026-12-15T01:20:00Z',
          receiver: 'retailer',
          ...body,
        });
        expect({ status: res.status, body: res.body }).toEqual({
          status: 400,
          body: {
            statusCode: 400,
            code: 'DELIVERY_DOOR_CODE_INVALID',
            message: 'The door code is not this stop’s, or was not entered on its delivery date',
            details: { reason },
          },
        });
      }
      const malformed = await complete(stop[1], {
        arrivedAt: '2026-12-15T01:20:00Z',
        receiver: 'retailer',
        doorCode: '12345',
      });
      expect(malformed.body.code).toBe('VALIDATION_FAILED');
      expect((await t.db.query('SELECT * FROM deliveries WHERE id = $1', [stop[1]])).rows[0]).toEqual(before);
      expect(await countRows(t.db, 'audit_log')).toBe(audit);

      const res = await complete(stop[1], {
        arrivedAt: '2026-12-15T01:20:00Z',
        receiver: 'retailer',
        doorCode: own,
      });
      expect(res.body).toMatchObject({
        recordedAt: '2026-12-15T01:20:00.000Z',
        timeSource: 'doorCode',
        timing: 'onTime',
        lateEntry: false,
      });
    });
  });

  describe('the typed arrival is a statement', () => {
    it('flags 补录 a typed arrival two hours before the recorded completion (s3)', async () => {
      at('2026-12-15T03:30:00Z');
      const res = await complete(stop[2], { arrivedAt: '2026-12-15T01:30:00Z', receiver: 'retailer' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        arrivedAt: '2026-12-15T01:30:00.000Z',
        recordedAt: '2026-12-15T03:30:00.000Z',
        timeSource: 'server',
        timing: 'late',
        lateEntry: true,
      });
      const audit = await t.db.query(
        `SELECT after FROM audit_log WHERE action = 'delivery.complete' AND entity_id = $1`,
        [String(stop[2])],
      );
      expect(audit.rows[0].after).toMatchObject({ lateEntry: true, timeSource: 'server' });
    });

    it('takes the server’s time when a queued code arrives past the bound (s4)', async () => {
      at('2026-12-15T01:00:00Z');
      const { code } = (await doorCode(4)).body;
      at('2026-12-15T14:00:00Z');
      const res = await complete(stop[3], {
        arrivedAt: '2026-12-15T01:00:00Z',
        receiver: 'retailer',
        doorCode: code,
        doorCodeEnteredAt: '2026-12-15T01:00:00Z',
      });
      expect(res.body).toMatchObject({
        recordedAt: '2026-12-15T14:00:00.000Z',
        timeSource: 'server',
        doorCodeAt: '2026-12-15T01:00:00.000Z',
        timing: 'late',
        lateEntry: true,
      });
    });

    it('keeps a proxy receipt within the window flagged (s5)', async () => {
      at('2026-12-15T01:40:00Z');
      const res = await complete(stop[4], {
        arrivedAt: '2026-12-15T01:40:00Z',
        receiver: 'proxy',
        receiverName: '李强',
        receiverRelation: '隔壁店主',
        reason: '店主外出',
      });
      expect(res.body).toMatchObject({ timing: 'onTime', proxyReceipt: true, lateEntry: false });
    });
  });

  it('counts on time only the recorded times within the window, neither 补录 nor proxy', async () => {
    at('2026-12-16T02:00:00Z');
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
          deliveries: 5,
          onTime: 2,
          early: 0,
          late: 2,
          failed: 0,
          unfinished: 0,
          proxyReceipts: 1,
          lateEntries: 2,
          punctuality: { numerator: 2, denominator: 5, ratio: 0.4 },
        },
      ],
    });
    const kpi = await t.http
      .get('/api/kpi/delivery?month=2026-12')
      .set(await as('head'))
      .expect(200);
    const ds1 = kpi.body.items.find((row: { subject: { code: string } }) => row.subject.code === 'ds1');
    expect(ds1.kpis.deliveryPunctuality).toEqual(
      expect.objectContaining({
        value: 0.4,
        numerator: 2,
        denominator: 5,
        details: { early: 0, late: 2, failed: 0, unfinished: 0, lateEntries: 2 },
      }),
    );
    expect(ds1.kpis.proxyReceipts).toMatchObject({ value: 1, status: 'below' });
  });
});
