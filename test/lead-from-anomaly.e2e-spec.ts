import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers } from './support/fixtures.js';

jest.setTimeout(60_000);

/**
 * Four Monday cycles of T001 (2026-11-16 … 12-07). r1 orders spec A 10, 10, 10, then 23: 23 > 2.2 × 10, an
 * anomaly warning (2.3×). r2 orders 10, 10, 10, then 22: exactly 2.2×, no warning.
 */
describe('a lead from an ordering anomaly', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let r1: number, r2: number;
  let brandA: number;
  let lastCycle: number;
  const lic = (n: number) => `46000000000${n}`;
  const as = async (username: string) => bearer(await t.token(username));
  const fromAnomaly = async (username: string, body: object) =>
    t.http
      .post('/api/leads/from-anomaly')
      .set(await as(username))
      .send({ cycleId: lastCycle, retailerId: r1, brandId: brandA, ...body });

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-11-10T00:00:00Z'));
    [r1, r2] = await insertRetailers(
      t,
      [1, 2].map((n) => ({
        licenseNo: lic(n),
        territory: 'T001',
        grade: 30,
        scale: 'large' as const,
        withUser: true,
      })),
    );
    [brandA] = await insertBrands(t, [{ code: 'AN', name: '测试规格A' }]);
    const admin = await as('admin');
    const dates = ['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'];
    for (const [index, date] of dates.entries()) {
      const opensAt = new Date(`${date}T04:00:00Z`);
      opensAt.setUTCDate(opensAt.getUTCDate() - 1);
      const cycle = await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({
          territoryId: await t.unitId('T001'),
          orderDate: date,
          opensAt,
          cutoffAt: `${date}T08:00:00Z`,
        })
        .expect(201);
      lastCycle = cycle.body.id;
      clock.mockReturnValue(new Date(`${date}T02:00:00Z`));
      for (const [n, retailerId, cartons] of [
        [1, r1, index < 3 ? 10 : 23],
        [2, r2, index < 3 ? 10 : 22],
      ]) {
        await t.http
          .post('/api/demands')
          .set(await as(lic(n)))
          .send({ retailerId, channel: 'self', lines: [{ brandId: brandA, cartons }] })
          .expect(201);
      }
      if (index < 3) {
        clock.mockReturnValue(new Date(`${date}T09:00:00Z`));
        await t.http.post(`/api/order-cycles/${cycle.body.id}/cutoff`).set(admin).expect(200);
        await t.http.post(`/api/order-cycles/${cycle.body.id}/consolidate`).set(admin).expect(200);
      }
    }
    clock.mockReturnValue(new Date('2026-12-07T06:00:00Z'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns the warning into an abnormal-purchase lead for the squad, in one call', async () => {
    const res = await fromAnomaly('eo1', { importance: 'important', note: '请核查是否套购' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'abnormalPurchase',
      kindLabel: '异常订购',
      importance: 'important',
      source: 'anomaly',
      status: 'new',
      retailerId: r1,
      squadId: await t.unitId('SQ1'),
      reporterRole: 'enforcement_officer',
      deadlineAt: '2026-12-10T06:00:00.000Z',
      description:
        '异常订购预警：2026-12-07 订货周期，测试规格A 订购 23 条，前 3 期平均 10 条（2.3 倍）。请核查是否套购',
      anomaly: expect.objectContaining({
        cycleId: lastCycle,
        brandId: brandA,
        cartons: 23,
        priorCycleCartons: [10, 10, 10],
        ratio: 2.3,
      }),
    });
  });

  it('makes one lead per warning (409 with the lead), and writes nothing the second time', async () => {
    const before = await countRows(t.db, 'leads');
    const again = await fromAnomaly('insp1', {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LEAD_ALREADY_REPORTED');
    expect(again.body.details.leadId).toEqual(expect.any(Number));
    expect(await countRows(t.db, 'leads')).toBe(before);
  });

  it('answers 404 when there is no such warning, or the retailer is out of scope', async () => {
    const before = await countRows(t.db, 'leads');
    const notAnomalous = await fromAnomaly('eo1', { retailerId: r2 });
    expect(notAnomalous.status).toBe(404);
    expect(notAnomalous.body.details).toMatchObject({ entity: 'anomaly' });
    expect((await fromAnomaly('eo1', { cycleId: 999999 })).status).toBe(404);
    expect((await fromAnomaly('eo3', {})).status).toBe(404);
    expect((await fromAnomaly('mm2', {})).status).toBe(404);
    expect((await fromAnomaly('am01', {})).status).toBe(403);
    expect(await countRows(t.db, 'leads')).toBe(before);
  });
});
