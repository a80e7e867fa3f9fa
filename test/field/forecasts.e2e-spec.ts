import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { fieldCounts, insertBrand } from './field-fixtures.js';
import { pinClock } from '../support/test-clock.js';
import { insertRetailers } from '../support/fixtures.js';

// jest.config's e2e `testTimeout` is not applied (a global option inside `projects`): set it here.
jest.setTimeout(60_000);

/**
 * Per-spec forecasts: submitted and revised until the month starts (Beijing time), then locked. The API's
 * clock is moved across the boundary between 2026-11-30 and 2026-12-01.
 *
 * Accuracy is measured against the ordering context's consolidated orders of the month: the last test runs a
 * December cycle through submission, cutoff and consolidation.
 */
describe('forecasts', () => {
  let t: DemoApp;
  let am01: Record<string, string>;
  let b1: number;
  let b2: number;

  beforeAll(async () => {
    t = await startDemoApp();
    am01 = bearer(await t.token('am01'));
    b1 = await insertBrand(t.db, { code: 'FC001', packFen: 2000, cartonFen: 20000 });
    b2 = await insertBrand(t.db, { code: 'FC002', packFen: 1000, cartonFen: 10000 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an account manager submits its territory’s forecast before the month, audited', async () => {
    pinClock(t, '2026-11-30T23:59:59+08:00');
    const before = await fieldCounts(t.db);
    const res = await t.http
      .put('/api/forecasts/2026-12')
      .set(am01)
      .send({
        lines: [
          { brandId: b2, cartons: 0 },
          { brandId: b1, cartons: 120 },
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      territoryId: await t.unitId('T001'),
      departmentId: await t.unitId('D01'),
      month: '2026-12',
      submittedBy: await t.userId('am01'),
      totalCartons: 120,
      lines: [
        { brandId: b1, cartons: 120 },
        { brandId: b2, cartons: 0 },
      ],
    });
    expect(await fieldCounts(t.db)).toEqual({
      ...before,
      forecasts: before.forecasts + 1,
      forecastLines: before.forecastLines + 2,
      audit: before.audit + 1,
    });
  });

  it('a resubmission replaces the lines, and the audit log keeps what was there', async () => {
    const res = await t.http
      .put('/api/forecasts/2026-12')
      .set(am01)
      .send({ lines: [{ brandId: b1, cartons: 100 }] })
      .expect(200);
    expect(res.body.lines).toEqual([{ brandId: b1, cartons: 100 }]);
    const audit = await t.db.query(
      `SELECT before->'lines' AS before, after->'lines' AS after FROM audit_log WHERE action = 'forecast.submit' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      {
        before: null,
        after: [
          { brandId: b1, cartons: 120 },
          { brandId: b2, cartons: 0 },
        ],
      },
      {
        before: [
          { brandId: b1, cartons: 120 },
          { brandId: b2, cartons: 0 },
        ],
        after: [{ brandId: b1, cartons: 100 }],
      },
    ]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM forecasts')).rows[0].n).toBe(1);
  });

  it.each<[string, string, unknown, number, string]>([
    ['no lines', '2026-12', { lines: [] }, 400, 'VALIDATION_FAILED'],
    [
      'a brand twice',
      '2026-12',
      {
        lines: [
          { brandId: 1, cartons: 1 },
          { brandId: 1, cartons: 2 },
        ],
      },
      400,
      'VALIDATION_FAILED',
    ],
    ['negative cartons', '2026-12', { lines: [{ brandId: 1, cartons: -1 }] }, 400, 'VALIDATION_FAILED'],
    ['fractional cartons', '2026-12', { lines: [{ brandId: 1, cartons: 1.5 }] }, 400, 'VALIDATION_FAILED'],
    [
      'a per-spec minimum',
      '2026-12',
      { lines: [{ brandId: 1, cartons: 1, minimumCartons: 1 }] },
      400,
      'VALIDATION_FAILED',
    ],
    ['a malformed month', '2026-1', { lines: [{ brandId: 1, cartons: 1 }] }, 400, 'VALIDATION_FAILED'],
    [
      'an unknown brand',
      '2026-12',
      { lines: [{ brandId: 99999999, cartons: 1 }] },
      400,
      'FIELD_BRAND_UNKNOWN',
    ],
    [
      'a month too far ahead',
      '2028-01',
      { lines: [{ brandId: 1, cartons: 1 }] },
      400,
      'FORECAST_MONTH_TOO_FAR',
    ],
    ['a month that has started', '2026-11', { lines: [{ brandId: 1, cartons: 1 }] }, 409, 'FORECAST_LOCKED'],
  ])('refuses %s, writing nothing', async (_, month, body, status, code) => {
    const before = await fieldCounts(t.db);
    const lines = (body as { lines: Array<{ brandId: number }> }).lines.map((line) => ({
      ...line,
      brandId: line.brandId === 1 ? b1 : line.brandId,
    }));
    const res = await t.http
      .put(`/api/forecasts/${month}`)
      .set(am01)
      .send({ ...(body as object), lines });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await fieldCounts(t.db)).toEqual(before);
  });

  it('locks the forecast when the month starts, midnight Beijing time', async () => {
    pinClock(t, '2026-12-01T00:00:00+08:00');
    const before = await fieldCounts(t.db);
    const res = await t.http
      .put('/api/forecasts/2026-12')
      .set(am01)
      .send({ lines: [{ brandId: b1, cartons: 999 }] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'FORECAST_LOCKED',
      details: { month: '2026-12', lockedSince: '2026-12-01' },
    });
    expect(await fieldCounts(t.db)).toEqual(before);
    const read = await t.http.get('/api/forecasts/2026-12').set(am01).expect(200);
    expect(read.body.locked).toBe(true);
    expect(read.body.items[0].lines).toEqual([{ brandId: b1, cartons: 100 }]);
  });

  it('only account managers submit', async () => {
    for (const username of ['mm1', 'head', 'admin']) {
      const res = await t.http
        .put('/api/forecasts/2027-01')
        .set(bearer(await t.token(username)))
        .send({ lines: [{ brandId: b1, cartons: 1 }] });
      expect(res.status).toBe(403);
    }
  });

  it('lists a month’s forecasts by scope, with the territories still missing one', async () => {
    const mm1 = await t.http
      .get('/api/forecasts/2026-12')
      .set(bearer(await t.token('mm1')))
      .expect(200);
    expect(
      mm1.body.items.map((f: { territoryId: number; accountManagerId: number }) => [
        f.territoryId,
        f.accountManagerId,
      ]),
    ).toEqual([[await t.unitId('T001'), await t.userId('am01')]]);
    expect(mm1.body.missingTerritoryIds).toEqual([
      await t.unitId('T002'),
      await t.unitId('T003'),
      await t.unitId('T004'),
    ]);
    const mm2 = await t.http
      .get('/api/forecasts/2026-12')
      .set(bearer(await t.token('mm2')))
      .expect(200);
    expect(mm2.body.items).toEqual([]);
    expect(mm2.body.missingTerritoryIds).toHaveLength(4);
    const other = await t.http
      .get(`/api/forecasts/2026-12?accountManagerId=${await t.userId('am05')}`)
      .set(am01);
    expect(other.status).toBe(404);
    expect((await t.http.get('/api/forecasts/2026-12').set(bearer(await t.token('ds1')))).status).toBe(403);
  });

  it('measures accuracy only after the month, against the month’s consolidated orders', async () => {
    // T001's forecast ends as b1 100 (revised above). December's only cycle asks for b1 80 and b3 20 (not
    // forecast). Per spec: b1 1 − |80 − 100| ÷ 80 = 0.75; b3 A = 20, F = 0 → 0.
    // Territory: 1 − (20 + 20) ÷ (80 + 20) = 0.6.
    const b3 = await insertBrand(t.db, { code: 'FC003', packFen: 1500, cartonFen: 15000 });
    const [retailer] = await insertRetailers(t, [
      { licenseNo: '440000000001', territory: 'T001', grade: 30, scale: 'large', withUser: true },
    ]);
    const admin = bearer(await t.token('admin'));
    pinClock(t, '2026-12-06T12:00:00+08:00');
    const cycle = await t.http
      .post('/api/order-cycles')
      .set(admin)
      .send({
        territoryId: await t.unitId('T001'),
        orderDate: '2026-12-07',
        opensAt: '2026-12-06T04:00:00Z',
        cutoffAt: '2026-12-07T08:00:00Z',
      })
      .expect(201);
    await t.http
      .post('/api/demands')
      .set(bearer(await t.token('440000000001')))
      .send({
        retailerId: retailer,
        channel: 'self',
        lines: [
          { brandId: b1, cartons: 80 },
          { brandId: b3, cartons: 20 },
        ],
      })
      .expect(201);
    pinClock(t, '2026-12-07T17:00:00+08:00');
    await t.http.post(`/api/order-cycles/${cycle.body.id}/cutoff`).set(admin).expect(200);
    await t.http.post(`/api/order-cycles/${cycle.body.id}/consolidate`).set(admin).expect(200);

    pinClock(t, '2026-12-31T23:59:00+08:00');
    const early = await t.http.get('/api/forecasts/2026-12/accuracy').set(am01);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('FORECAST_MONTH_NOT_OVER');
    pinClock(t, '2027-01-01T00:00:00+08:00');
    const res = await t.http
      .get('/api/forecasts/2026-12/accuracy')
      .set(bearer(await t.token('mm1')))
      .expect(200);
    const t001 = res.body.territories.find(
      (x: { territoryId: number }) => x.territoryId === res.body.territories[0].territoryId,
    );
    expect(t001.specs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          brandId: b1,
          demandCartons: 80,
          orderedCartons: 80,
          forecastCartons: 100,
          errorCartons: 20,
          accuracy: 0.75,
        }),
        expect.objectContaining({
          brandId: b3,
          demandCartons: 20,
          forecastCartons: 0,
          forecastMissing: true,
          accuracy: 0,
        }),
      ]),
    );
    expect(t001.overall).toMatchObject({ demandCartons: 100, errorCartons: 40 });
    expect(t001.overall.accuracy).toBeCloseTo(0.6, 10);
  });
});
