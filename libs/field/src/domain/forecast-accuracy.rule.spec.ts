import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addForecastTallies,
  forecastAccuracy,
  forecastAccuracyReport,
  forecastTally,
  type ForecastTally,
} from './forecast-accuracy.rule.js';

describe('forecast accuracy of one spec: max(0, 1 − |A − F| ÷ A)', () => {
  it.each([
    // [demand A, forecast F, error |A − F|, accuracy]
    [100, 100, 0, 1], // exact
    [100, 120, 20, 0.8], // over by 20: 1 − 20/100
    [100, 80, 20, 0.8], // under by 20: same distance, same accuracy
    [40, 50, 10, 0.75], // over by 10: 1 − 10/40
    [3, 1, 2, 1 / 3], // under by 2: 1 − 2/3
    [100, 200, 100, 0], // over by 100 %: nothing right
    [100, 250, 150, 0], // 1 − 150/100 would be −0.5: floored at 0
    [100, 0, 100, 0], // not forecast (or forecast 0)
    [0, 0, 0, null], // nothing demanded, nothing forecast: no data, not 100 %
    [0, 5, 5, null], // forecast, not demanded: no accuracy of its own, but 5 cartons of error
  ])('A = %d, F = %d → error %d, accuracy %p', (demand, forecast, error, accuracy) => {
    const tally = forecastTally(demand, forecast);
    expect(tally).toEqual({
      demandCartons: demand,
      forecastCartons: forecast,
      errorCartons: error,
      orderedCartons: demand,
    });
    if (accuracy === null) expect(forecastAccuracy(tally)).toBeNull();
    else expect(forecastAccuracy(tally)).toBeCloseTo(accuracy, 12);
  });

  it('judges the demand before rationing, keeping the rationed figure beside it', () => {
    // Retailers asked for 100; supply rationed it to 80. A forecast of 100 was right.
    const tally = forecastTally(100, 100, 80);
    expect(tally).toEqual({ demandCartons: 100, forecastCartons: 100, errorCartons: 0, orderedCartons: 80 });
    expect(forecastAccuracy(tally)).toBe(1);
  });

  it.each([
    [-1, 0, 0],
    [0, -1, 0],
    [1.5, 2, 1],
    [2, Number.NaN, 2],
    [5, 5, 6], // more supplied than asked for
    [5, 5, -1],
  ])('refuses A = %p, F = %p, ordered %p', (demand, forecast, ordered) => {
    expect(() => forecastTally(demand, forecast, ordered)).toThrow(RangeError);
  });

  const cartons = fc.nat(100_000);

  it('stays within [0, 1] when anything was demanded, and is 1 exactly when the forecast was right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), cartons, (demand, forecast) => {
        const accuracy = forecastAccuracy(forecastTally(demand, forecast));
        expect(accuracy).toBeGreaterThanOrEqual(0);
        expect(accuracy).toBeLessThanOrEqual(1);
        expect(accuracy === 1).toBe(demand === forecast);
      }),
    );
  });

  it('punishes over- and under-forecasting by the same amount alike', () => {
    fc.assert(
      fc.property(cartons, cartons, (demand, miss) => {
        const d = Math.min(miss, demand);
        expect(forecastAccuracy(forecastTally(demand, demand + d))).toBe(
          forecastAccuracy(forecastTally(demand, demand - d)),
        );
      }),
    );
  });
});

describe('forecastAccuracyReport', () => {
  const demand = (brandId: number, demandCartons: number, orderedCartons = demandCartons) => ({
    brandId,
    demandCartons,
    orderedCartons,
  });

  it('does not let a forecast of a spec nobody ordered go free (the issue’s example)', () => {
    // X: A = 100, F = 100; Y: A = 0, F = 1000. The old Σ max(0, A − |A − F|) ÷ Σ A gave 100 %.
    // Now: error 0 + 1000 over demand 100 → 1 − 10 < 0 → 0.
    const result = forecastAccuracyReport({
      demand: [demand(1, 100)],
      forecasts: [
        { brandId: 1, cartons: 100 },
        { brandId: 2, cartons: 1000 },
      ],
      keyBrandIds: new Set(),
    });
    expect(result.overall).toEqual({
      tally: { demandCartons: 100, forecastCartons: 1100, errorCartons: 1000, orderedCartons: 100 },
      accuracy: 0,
    });
    expect(result.specs[1]).toMatchObject({
      brandId: 2,
      demandCartons: 0,
      errorCartons: 1000,
      accuracy: null,
    });
  });

  it('counts a spec forecast but not ordered against the total', () => {
    // A 100 F 90 (error 10) and a spec forecast 15, not demanded (error 15): 1 − 25/100.
    const result = forecastAccuracyReport({
      demand: [demand(1, 100)],
      forecasts: [
        { brandId: 1, cartons: 90 },
        { brandId: 2, cartons: 15 },
      ],
      keyBrandIds: new Set(),
    });
    expect(result.overall.accuracy).toBe(0.75);
  });

  const report = forecastAccuracyReport({
    demand: [demand(5, 20), demand(1, 100, 90), demand(2, 50), demand(3, 30)],
    forecasts: [
      { brandId: 1, cartons: 120 },
      { brandId: 2, cartons: 50 },
      { brandId: 4, cartons: 20 },
      { brandId: 5, cartons: 5 },
    ],
    keyBrandIds: new Set([1, 2, 9]),
  });

  it('lists every spec demanded or forecast, a missing forecast counting as 0', () => {
    expect(report.specs).toEqual([
      {
        brandId: 1,
        demandCartons: 100,
        forecastCartons: 120,
        errorCartons: 20,
        orderedCartons: 90,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 0.8,
      },
      {
        brandId: 2,
        demandCartons: 50,
        forecastCartons: 50,
        errorCartons: 0,
        orderedCartons: 50,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 1,
      },
      {
        brandId: 3,
        demandCartons: 30,
        forecastCartons: 0,
        errorCartons: 30,
        orderedCartons: 30,
        forecastMissing: true,
        isKeyBrand: false,
        accuracy: 0,
      },
      {
        brandId: 4,
        demandCartons: 0,
        forecastCartons: 20,
        errorCartons: 20,
        orderedCartons: 0,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: null,
      },
      {
        brandId: 5,
        demandCartons: 20,
        forecastCartons: 5,
        errorCartons: 15,
        orderedCartons: 20,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: 0.25,
      },
    ]);
  });

  it('weights by demanded volume', () => {
    // Error 20 + 0 + 30 + 20 + 15 = 85 of Σ A = 100 + 50 + 30 + 0 + 20 = 200: 1 − 85/200 = 0.575.
    // Σ F = 120 + 50 + 0 + 20 + 5 = 195; supplied 90 + 50 + 30 + 0 + 20 = 190.
    expect(report.overall).toEqual({
      tally: { demandCartons: 200, forecastCartons: 195, errorCartons: 85, orderedCartons: 190 },
      accuracy: 0.575,
    });
  });

  it('reports the key brands on their own', () => {
    // Brand 1 error 20 + brand 2 error 0 over 150 demanded; key brand 9 was neither demanded nor forecast.
    expect(report.keyBrands).toEqual({
      tally: { demandCartons: 150, forecastCartons: 170, errorCartons: 20, orderedCartons: 140 },
      accuracy: 1 - 20 / 150,
    });
  });

  it.each([
    ['nothing demanded or forecast', [], []],
    ['only zero lines', [], [{ brandId: 1, cartons: 0 }]],
    ['forecast for a month without demand', [], [{ brandId: 1, cartons: 10 }]],
  ])('has no data when Σ A = 0 (%s), never 100 %%', (_case, lines, forecasts) => {
    const result = forecastAccuracyReport({ demand: lines, forecasts, keyBrandIds: new Set([1]) });
    expect(result.overall.accuracy).toBeNull();
    expect(result.keyBrands.accuracy).toBeNull();
  });

  it('refuses a spec listed twice', () => {
    expect(() =>
      forecastAccuracyReport({ demand: [demand(1, 1), demand(1, 2)], forecasts: [], keyBrandIds: new Set() }),
    ).toThrow(RangeError);
    const twice = [
      { brandId: 1, cartons: 1 },
      { brandId: 1, cartons: 2 },
    ];
    expect(() => forecastAccuracyReport({ demand: [], forecasts: twice, keyBrandIds: new Set() })).toThrow(
      RangeError,
    );
  });

  const line = fc.tuple(fc.nat(10_000), fc.nat(10_000)).map(([a, f]) => forecastTally(a, f));

  it('never rises when a spec nobody demanded is forecast', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1 }), fc.integer({ min: 1, max: 10_000 }), (lines, extra) => {
        const before = forecastAccuracy(addForecastTallies(lines));
        fc.pre(before !== null);
        const after = forecastAccuracy(addForecastTallies([...lines, forecastTally(0, extra)]));
        expect(after).toBeLessThanOrEqual(before!);
      }),
    );
  });

  it('is 1 only when every spec was forecast exactly', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1 }), (lines) => {
        const accuracy = forecastAccuracy(addForecastTallies(lines));
        fc.pre(accuracy !== null);
        expect(accuracy === 1).toBe(lines.every((t) => t.demandCartons === t.forecastCartons));
      }),
    );
  });

  it('rolls territories up to a center the same as all their lines at once', () => {
    fc.assert(
      fc.property(
        fc.array(line),
        fc.array(line),
        (territoryA: ForecastTally[], territoryB: ForecastTally[]) => {
          const center = addForecastTallies([addForecastTallies(territoryA), addForecastTallies(territoryB)]);
          expect(center).toEqual(addForecastTallies([...territoryA, ...territoryB]));
        },
      ),
    );
  });
});
