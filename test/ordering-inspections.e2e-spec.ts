import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers } from './support/fixtures.js';

/**
 * Four Monday cycles of T001 (2026-11-16, 11-23, 11-30, 12-07). Retailer r1 orders spec A: 10, 10, 10, then 23 —
 * 23 > 2.2 × 10 is an anomaly; r2 orders 10, 10, 10, then 22 — exactly 2.2×, not one. Six retailers submit the
 * same single line in the last cycle (an identical-demand group of ≥ 5). Races of demand: races.e2e-spec.ts.
 */
describe('anomaly warnings and six-prohibitions patterns', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let retailers: number[];
  let brandA: number;
  let brandB: number;
  const lic = (n: number) => `33000000000${n}`;
  const dates = ['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'];
  const cycles: number[] = [];

  const runCycle = async (index: number, demands: Array<[number, number, number]>) => {
    const admin = bearer(await t.token('admin'));
    const date = dates[index];
    const opensAt = new Date(`${date}T00:00:00Z`);
    opensAt.setUTCDate(opensAt.getUTCDate() - 1);
    opensAt.setUTCHours(4);
    const cycle = await t.http
      .post('/api/order-cycles')
      .set(admin)
      .send({ territoryId: await t.unitId('T001'), orderDate: date, opensAt, cutoffAt: `${date}T08:00:00Z` })
      .expect(201);
    cycles.push(cycle.body.id);
    clock.mockReturnValue(new Date(`${date}T02:00:00Z`));
    for (const [retailer, brand, cartons] of demands) {
      const n = retailers.indexOf(retailer) + 1;
      await t.http
        .post('/api/demands')
        .set(bearer(await t.token(lic(n))))
        .send({ retailerId: retailer, channel: 'self', lines: [{ brandId: brand, cartons }] })
        .expect(201);
    }
    if (index < 3) {
      clock.mockReturnValue(new Date(`${date}T09:00:00Z`));
      await t.http.post(`/api/order-cycles/${cycle.body.id}/cutoff`).set(admin).expect(200);
      await t.http.post(`/api/order-cycles/${cycle.body.id}/consolidate`).set(admin).expect(200);
    }
  };

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-11-10T00:00:00Z'));
    retailers = await insertRetailers(
      t,
      Array.from({ length: 8 }, (_, i) => ({
        licenseNo: lic(i + 1),
        territory: 'T001',
        grade: 30,
        scale: 'large' as const,
        withUser: true,
      })),
    );
    [brandA, brandB] = await insertBrands(t, [{ code: 'A' }, { code: 'B' }]);
    const [r1, r2] = retailers;
    for (let i = 0; i < 3; i++)
      await runCycle(i, [
        [r1, brandA, 10],
        [r2, brandA, 10],
      ]);
    await runCycle(3, [
      [r1, brandA, 23],
      [r2, brandA, 22],
      ...retailers.slice(2).map((r) => [r, brandB, 4] as [number, number, number]),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('flags a spec ordered above 2.2× the average of the previous three cycles, for the squad', async () => {
    const res = await t.http
      .get(`/api/anomalies?cycleId=${cycles[3]}`)
      .set(bearer(await t.token('eo1')))
      .expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        retailerId: retailers[0],
        brandId: brandA,
        cartons: 23,
        priorCycleCartons: [10, 10, 10],
        ratio: 2.3,
      }),
    ]);
    expect(
      (await t.http.get(`/api/anomalies?cycleId=${cycles[3]}`).set(bearer(await t.token('eo3')))).status,
    ).toBe(404);
  });

  it('finds the same warning over a range of order dates, across cycles, named, for the caller’s scope only', async () => {
    const range = 'fromDate=2026-11-01&toDate=2026-12-31';
    const res = await t.http
      .get(`/api/anomalies?${range}`)
      .set(bearer(await t.token('insp1')))
      .expect(200);
    const { rows } = await t.db.query(
      `SELECT (SELECT name FROM org_units WHERE code = 'T001') AS territory,
              (SELECT shop_name FROM retailers WHERE id = $1) AS shop,
              (SELECT name FROM brands WHERE id = $2) AS brand`,
      [retailers[0], brandA],
    );
    // The first three cycles have no three prior cycles' baseline above 2.2× (r1 and r2 order evenly).
    expect(res.body).toEqual([
      {
        cycleId: cycles[3],
        territoryId: await t.unitId('T001'),
        territoryName: rows[0].territory,
        orderDate: '2026-12-07',
        demandId: expect.any(Number),
        retailerId: retailers[0],
        shopName: rows[0].shop,
        licenseNo: lic(1),
        brandId: brandA,
        brandCode: 'A',
        brandName: rows[0].brand,
        cartons: 23,
        priorCycleCartons: [10, 10, 10],
        ratio: 2.3,
      },
    ]);
    // A range that ends before the last cycle holds no warning; another squad's officer sees none.
    const before = await t.http
      .get('/api/anomalies?fromDate=2026-11-01&toDate=2026-12-06')
      .set(bearer(await t.token('insp1')))
      .expect(200);
    expect(before.body).toEqual([]);
    const eo3 = await t.http
      .get(`/api/anomalies?${range}`)
      .set(bearer(await t.token('eo3')))
      .expect(200);
    expect(eo3.body).toEqual([]);
  });

  it.each([
    ['no cycle and no range', '', 'VALIDATION_FAILED'],
    ['half a range', 'fromDate=2026-11-01', 'VALIDATION_FAILED'],
    ['a range ending before it starts', 'fromDate=2026-12-01&toDate=2026-11-01', 'REPORT_RANGE_INVALID'],
    ['more than 92 days', 'fromDate=2026-09-01&toDate=2026-12-07', 'REPORT_RANGE_INVALID'],
  ])('refuses %s with 400 %s', async (_, query, code) => {
    const res = await t.http.get(`/api/anomalies?${query}`).set(bearer(await t.token('insp1')));
    expect([res.status, res.body.code]).toEqual([400, code]);
  });

  it('shows inspectors identical demand groups and collected-demand shares', async () => {
    const res = await t.http
      .get('/api/inspections/prohibitions?month=2026-12')
      .set(bearer(await t.token('insp1')))
      .expect(200);
    expect(res.body.identicalGroups).toEqual([
      expect.objectContaining({
        cycleId: cycles[3],
        retailers: 6,
        retailerIds: retailers.slice(2),
        signature: `${brandB}:4`,
        collected: 0,
      }),
    ]);
    const { rows } = await t.db.query(`SELECT name FROM org_units WHERE code = 'T001'`);
    expect(res.body.identicalGroups[0]).toEqual(
      expect.objectContaining({ orderDate: '2026-12-07', territoryName: rows[0].name }),
    );
    expect(res.body.identicalGroups[0].members.map((m: { licenseNo: string }) => m.licenseNo)).toEqual(
      [3, 4, 5, 6, 7, 8].map(lic),
    );
    expect(res.body.collectedShare).toEqual([
      expect.objectContaining({ demands: 8, collected: 0, collectedShare: 0, territoryName: rows[0].name }),
    ]);
    expect(
      (await t.http.get('/api/inspections/prohibitions?month=2026-12').set(bearer(await t.token('am01'))))
        .status,
    ).toBe(403);
  });
});
