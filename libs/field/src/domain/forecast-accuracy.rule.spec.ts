import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addForecastTallies,
  forecastAccuracy,
  forecastAccuracyReport,
  forecastTally,
  type ForecastTally,
} from './forecast-accuracy.rule.js';

describe('forecast accuracy of one spec', () => {
  it.each([
    // [actual A, forecast F, cartons forecast right max(0, A − |A − F|), accuracy]
    [100, 100, 100, 1], // exact
    [100, 120, 80, 0.8], // over by 20: 1 − 20/100
    [100, 80, 80, 0.8], // under by 20: same distance, same accuracy
    [40, 50, 30, 0.75], // over by 10: 1 − 10/40
    [3, 1, 1, 1 / 3], // under by 2: 1 − 2/3
    [100, 200, 0, 0], // over by 100 %: nothing right
    [100, 250, 0, 0], // 1 − 150/100 would be −0.5: floored at 0
    [100, 0, 0, 0], // not forecast (or forecast 0)
    [0, 0, 0, 1], // nothing ordered, nothing forecast
    [0, 5, 0, 0], // nothing ordered, something forecast
  ])('A = %d, F = %d → %d cartons right, accuracy %p', (actual, forecast, accurate, accuracy) => {
    const tally = forecastTally(actual, forecast);
    expect(tally).toEqual({ actualCartons: actual, forecastCartons: forecast, accurateCartons: accurate });
    expect(forecastAccuracy(tally)).toBe(accuracy);
  });

  it.each([
    [-1, 0],
    [0, -1],
    [1.5, 2],
    [2, Number.NaN],
  ])('refuses A = %p, F = %p', (actual, forecast) => {
    expect(() => forecastTally(actual, forecast)).toThrow(RangeError);
  });

  const cartons = fc.nat(100_000);

  it('stays within [0, 1] and is 1 exactly when the forecast was right', () => {
    fc.assert(
      fc.property(cartons, cartons, (actual, forecast) => {
        const accuracy = forecastAccuracy(forecastTally(actual, forecast));
        expect(accuracy).toBeGreaterThanOrEqual(0);
        expect(accuracy).toBeLessThanOrEqual(1);
        expect(accuracy === 1).toBe(actual === forecast);
      }),
    );
  });

  it('punishes over- and under-forecasting by the same amount alike', () => {
    fc.assert(
      fc.property(cartons, cartons, (actual, miss) => {
        const d = Math.min(miss, actual);
        expect(forecastAccuracy(forecastTally(actual, actual + d))).toBe(
          forecastAccuracy(forecastTally(actual, actual - d)),
        );
      }),
    );
  });
});

describe('forecastAccuracyReport', () => {
  const report = forecastAccuracyReport({
    actuals: [
      { brandId: 5, cartons: 20 },
      { brandId: 1, cartons: 100 },
      { brandId: 2, cartons: 50 },
      { brandId: 3, cartons: 30 },
    ],
    forecasts: [
      { brandId: 1, cartons: 120 },
      { brandId: 2, cartons: 50 },
      { brandId: 4, cartons: 20 },
      { brandId: 5, cartons: 5 },
    ],
    keyBrandIds: new Set([1, 2, 9]),
  });

  it('lists every spec ordered or forecast, a missing forecast counting as 0', () => {
    expect(report.specs).toEqual([
      {
        brandId: 1,
        actualCartons: 100,
        forecastCartons: 120,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 0.8,
      },
      {
        brandId: 2,
        actualCartons: 50,
        forecastCartons: 50,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 1,
      },
      {
        brandId: 3,
        actualCartons: 30,
        forecastCartons: 0,
        forecastMissing: true,
        isKeyBrand: false,
        accuracy: 0,
      },
      {
        brandId: 4,
        actualCartons: 0,
        forecastCartons: 20,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: 0,
      },
      {
        brandId: 5,
        actualCartons: 20,
        forecastCartons: 5,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: 0.25,
      },
    ]);
  });

  it('weights by actual volume', () => {
    // Right: 80 + 50 + 0 + 0 + 5 = 135 (brands 1–5) of Σ A = 100 + 50 + 30 + 0 + 20 = 200.
    // Σ F = 120 + 50 + 0 + 20 + 5 = 195. The plain mean of the five accuracies would be 0.41.
    expect(report.overall).toEqual({
      tally: { actualCartons: 200, forecastCartons: 195, accurateCartons: 135 },
      accuracy: 0.675,
    });
  });

  it('reports the key brands on their own', () => {
    // Brand 1: 80 + brand 2: 50 = 130 right of 150 ordered; key brand 9 was neither ordered nor forecast.
    expect(report.keyBrands).toEqual({
      tally: { actualCartons: 150, forecastCartons: 170, accurateCartons: 130 },
      accuracy: 130 / 150,
    });
  });

  it.each([
    ['nothing ordered or forecast', [], [], 1],
    ['only zero lines', [{ brandId: 1, cartons: 0 }], [{ brandId: 1, cartons: 0 }], 1],
    ['forecast for a month without orders', [], [{ brandId: 1, cartons: 10 }], 0],
  ])('gives Σ A = 0 the per-spec rule: %s → %p', (_case, actuals, forecasts, accuracy) => {
    const result = forecastAccuracyReport({ actuals, forecasts, keyBrandIds: new Set([1]) });
    expect(result.overall.accuracy).toBe(accuracy);
    expect(result.keyBrands.accuracy).toBe(accuracy);
  });

  it('refuses a spec listed twice', () => {
    const twice = [
      { brandId: 1, cartons: 1 },
      { brandId: 1, cartons: 2 },
    ];
    expect(() => forecastAccuracyReport({ actuals: twice, forecasts: [], keyBrandIds: new Set() })).toThrow(
      RangeError,
    );
    expect(() => forecastAccuracyReport({ actuals: [], forecasts: twice, keyBrandIds: new Set() })).toThrow(
      RangeError,
    );
  });

  const line = fc.tuple(fc.nat(10_000), fc.nat(10_000)).map(([a, f]) => forecastTally(a, f));

  it('lies between the worst and best spec that was ordered', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1 }), (lines) => {
        const ordered = lines.filter((tally) => tally.actualCartons > 0);
        fc.pre(ordered.length > 0);
        const accuracies = ordered.map(forecastAccuracy);
        const overall = forecastAccuracy(addForecastTallies(lines));
        expect(overall).toBeGreaterThanOrEqual(Math.min(...accuracies));
        expect(overall).toBeLessThanOrEqual(Math.max(...accuracies));
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
