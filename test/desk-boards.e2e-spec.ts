import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * The desk's read models: the week's cycle board with who still needs a call, and a territory's quotas of a
 * month. Fixture: T001 (SC1) and T005 (SC2) with a cycle on Monday 2026-12-14, the clock at Monday 10:00
 * Shanghai. In T001: r1 ordered itself, r2 was collected (not confirmed), r3 collected and confirmed, r4 nothing.
 */
describe('cycle board and territory quotas', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let mm1: Record<string, string>;
  let r1: number, r2: number, r3: number, r4: number, foreign: number;
  let cycle: number;
  let t001: number;
  const lic = (n: number) => `24000000000${n}`;

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-12-10T02:00:00Z'));
    const admin = bearer(await t.token('admin'));
    const head = bearer(await t.token('head'));
    [r1, r2, r3, r4, foreign] = await insertRetailers(t, [
      { licenseNo: lic(1), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(2), territory: 'T001', grade: 10, withUser: true },
      { licenseNo: lic(3), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(4), territory: 'T001', grade: 5, withUser: true },
      { licenseNo: lic(5), territory: 'T005', grade: 20, withUser: true },
    ]);
    const [brand] = await insertBrands(t, [{ code: 'A01', priceClass: 1, wholesalePriceFen: 25000 }]);
    await t.http.put('/api/quota-policies').set(head).send(ROUND_QUOTA_POLICY).expect(200);
    await t.http.post('/api/quotas/compute').set(head).send({ month: '2026-12' }).expect(200);
    t001 = await t.unitId('T001');
    for (const code of ['T001', 'T005']) {
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
      if (code === 'T001') cycle = res.body.id;
    }
    clock.mockReturnValue(new Date('2026-12-14T02:00:00Z'));
    const lines = [{ brandId: brand, cartons: 2 }];
    await t.http
      .post('/api/demands')
      .set(bearer(await t.token(lic(1))))
      .send({ retailerId: r1, channel: 'self', lines })
      .expect(201);
    const am = bearer(await t.token('am01'));
    await t.http
      .post('/api/demands')
      .set(am)
      .send({ retailerId: r2, channel: 'collected', lines })
      .expect(201);
    const collected = await t.http
      .post('/api/demands')
      .set(am)
      .send({ retailerId: r3, channel: 'collected', lines })
      .expect(201);
    await t.http
      .post(`/api/demands/${collected.body.id}/confirm`)
      .set(bearer(await t.token(lic(3))))
      .expect(200);
    mm1 = bearer(await t.token('mm1'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the week’s cycles of the center, each retailer counted once where it stands', async () => {
    const res = await t.http.get('/api/order-cycles/board?date=2026-12-17').set(mm1).expect(200);
    expect(res.body.weekStart).toBe('2026-12-14');
    expect(res.body.cycles).toEqual([
      {
        cycleId: cycle,
        territoryId: t001,
        territoryName: expect.any(String),
        accountManagerId: await t.userId('am01'),
        accountManagerName: expect.any(String),
        orderDate: '2026-12-14',
        opensAt: '2026-12-13T04:00:00.000Z',
        cutoffAt: '2026-12-14T08:00:00.000Z',
        status: expect.stringMatching(/^(scheduled|open)$/),
        retailers: 4,
        submitted: 1,
        pendingConfirmation: 1,
        pendingApproval: 1,
        approved: 0,
        noDemand: 0,
        nothingYet: 1,
      },
    ]);
    // Another week has none; today's week is the default.
    const next = await t.http.get('/api/order-cycles/board?date=2026-12-21').set(mm1).expect(200);
    expect(next.body).toEqual({ weekStart: '2026-12-21', cycles: [] });
    const today = await t.http.get('/api/order-cycles/board').set(mm1).expect(200);
    expect(today.body.cycles.map((c: { cycleId: number }) => c.cycleId)).toEqual([cycle]);
    const bad = await t.http.get('/api/order-cycles/board?date=2026-13-01').set(mm1);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const am = await t.http.get('/api/order-cycles/board').set(bearer(await t.token('am01')));
    expect([am.status, am.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('lists who still needs a call, with the call made since the window opened', async () => {
    const before = await t.http.get(`/api/order-cycles/${cycle}/waiting-retailers`).set(mm1).expect(200);
    expect(before.body).toEqual([expect.objectContaining({ id: r4, licenseNo: lic(4), calledAt: null })]);
    await t.http
      .post('/api/calls')
      .set(bearer(await t.token('am01')))
      .send({ retailerId: r4, calledAt: '2026-12-14T09:30:00+08:00', reached: false })
      .expect(201);
    const after = await t.http.get(`/api/order-cycles/${cycle}/waiting-retailers`).set(mm1).expect(200);
    expect(after.body).toEqual([expect.objectContaining({ id: r4, calledAt: '2026-12-14T01:30:00.000Z' })]);
    const other = await t.http
      .get(`/api/order-cycles/${cycle}/waiting-retailers`)
      .set(bearer(await t.token('mm2')));
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('lists a territory’s quotas of a month with the total a rebalance keeps', async () => {
    const res = await t.http.get(`/api/quotas?territoryId=${t001}&month=2026-12`).set(mm1).expect(200);
    const { rows } = await t.db.query(
      `SELECT retailer_id, cap, used, reserved FROM retailer_quotas WHERE territory_id = $1 AND month = '2026-12-01'
        ORDER BY retailer_id`,
      [t001],
    );
    expect(rows.map((row: { retailer_id: number }) => row.retailer_id)).toEqual([r1, r2, r3, r4]);
    expect(res.body.totalCap).toBe(rows.reduce((sum: number, row: { cap: number }) => sum + row.cap, 0));
    const r1Row = res.body.retailers.find((row: { retailerId: number }) => row.retailerId === r1);
    expect(r1Row).toMatchObject({
      licenseNo: lic(1),
      grade: 20,
      cap: 230,
      used: 0,
      reserved: 2,
      remaining: 228,
      cycleAllowance: expect.any(Number),
    });
    expect(res.body.retailers).toHaveLength(4);
    const other = await t.http
      .get(`/api/quotas?territoryId=${t001}&month=2026-12`)
      .set(bearer(await t.token('mm2')));
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const missing = await t.http.get('/api/quotas?month=2026-12').set(mm1);
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(foreign).toBeGreaterThan(0);
  });
});
