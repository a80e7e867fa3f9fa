import { describe, expect, it } from '@jest/globals';
import { accuracyReport } from './accuracy-report.js';

/**
 * Two territories of department 1 (T10, T20) and one of department 2 (T30). Brand 1 is a national top-20
 * key brand; brand 2 is department 1's equivalent key brand; brand 3 is not a key brand.
 *
 * A is the demand before rationing; brand 1 in T10 was rationed from 100 to 90 (shown, not judged).
 *
 * T10: brand 1 A=100 F=80  → error 20, accuracy 0.8     (under-forecast)
 *      brand 2 A=50  F=70  → error 20, accuracy 0.6     (over-forecast)
 *      brand 3 A=0   F=10  → error 10, no accuracy of its own (forecast, nothing demanded)
 *      overall 1 − 50 / 150 = 2/3; key brands (1, 2) 1 − 40 / 150 = 11/15
 * T20: brand 1 A=40  not forecast → F=0, error 40, accuracy 0
 *      brand 3 A=60  F=60  → error 0, accuracy 1
 *      overall 1 − 40 / 100 = 0.6; key brands (1, 2): 1 − 40 / 40 = 0
 * T30: brand 2 A=0   F=0   → nothing either way; brand 2 is not key in department 2
 *      overall Σ A = 0 → no data (null), key brands too
 * Roll-up: error 50 + 40 + 0 = 90 over demand 150 + 100 + 0 = 250 → 0.64;
 *          key brands 40 + 40 = 80 over 150 + 40 = 190 → 11/19
 */
const input = {
  month: '2026-10',
  territories: [
    { territoryId: 10, departmentId: 1, accountManagerId: 101 },
    { territoryId: 20, departmentId: 1, accountManagerId: 102 },
    { territoryId: 30, departmentId: 2, accountManagerId: null },
  ],
  forecasts: [
    { territoryId: 10, brandId: 1, cartons: 80 },
    { territoryId: 10, brandId: 2, cartons: 70 },
    { territoryId: 10, brandId: 3, cartons: 10 },
    { territoryId: 20, brandId: 3, cartons: 60 },
    { territoryId: 30, brandId: 2, cartons: 0 },
  ],
  actuals: [
    { territoryId: 10, brandId: 1, demandCartons: 100, orderedCartons: 90 },
    { territoryId: 10, brandId: 2, demandCartons: 50, orderedCartons: 50 },
    { territoryId: 20, brandId: 1, demandCartons: 40, orderedCartons: 40 },
    { territoryId: 20, brandId: 3, demandCartons: 60, orderedCartons: 60 },
  ],
  keyBrands: [
    { brandId: 1, kind: 'national_top20' as const, departmentId: null },
    { brandId: 2, kind: 'equivalent' as const, departmentId: 1 },
  ],
};

describe('accuracyReport', () => {
  const report = accuracyReport(input);
  const spec = (
    brandId: number,
    demandCartons: number,
    forecastCartons: number,
    orderedCartons: number,
    accuracy: number | null,
    flags: { forecastMissing?: boolean; isKeyBrand?: boolean } = {},
  ) => ({
    brandId,
    demandCartons,
    forecastCartons,
    errorCartons: Math.abs(demandCartons - forecastCartons),
    orderedCartons,
    forecastMissing: flags.forecastMissing ?? false,
    isKeyBrand: flags.isKeyBrand ?? false,
    accuracy,
  });

  it('scores every spec of a territory, demanded or forecast', () => {
    expect(report.territories[0].specs).toEqual([
      spec(1, 100, 80, 90, 0.8, { isKeyBrand: true }),
      spec(2, 50, 70, 50, 0.6, { isKeyBrand: true }),
      spec(3, 0, 10, 0, null),
    ]);
    expect(report.territories[1].specs[0]).toEqual(
      spec(1, 40, 0, 40, 0, { forecastMissing: true, isKeyBrand: true }),
    );
  });

  it('weights each territory by demanded volume, key brands separately', () => {
    expect(report.territories[0].overall).toEqual({
      demandCartons: 150,
      forecastCartons: 160,
      errorCartons: 50,
      orderedCartons: 140,
      accuracy: 1 - 50 / 150,
    });
    expect(report.territories[0].keyBrands.accuracy).toBeCloseTo(11 / 15, 12);
    expect(report.territories[1].overall.accuracy).toBe(0.6);
    expect(report.territories[1].keyBrands).toEqual({
      demandCartons: 40,
      forecastCartons: 0,
      errorCartons: 40,
      orderedCartons: 40,
      accuracy: 0,
    });
  });

  it('takes equivalent key brands from the territory’s own department only; nothing demanded is no data', () => {
    expect(report.territories[2].specs).toEqual([spec(2, 0, 0, 0, null)]);
    expect(report.territories[2].overall.accuracy).toBeNull();
    expect(report.territories[2].keyBrands.accuracy).toBeNull();
  });

  it('rolls up by adding tallies, not by averaging accuracies', () => {
    expect(report.overall).toEqual({
      demandCartons: 250,
      forecastCartons: 220,
      errorCartons: 90,
      orderedCartons: 240,
      accuracy: 0.64,
    });
    expect(report.keyBrands).toMatchObject({ demandCartons: 190, errorCartons: 80 });
    expect(report.keyBrands.accuracy).toBeCloseTo(11 / 19, 12);
  });

  it('refuses actuals for a territory it did not ask for (a provider bug, not data)', () => {
    expect(() =>
      accuracyReport({
        ...input,
        actuals: [...input.actuals, { territoryId: 99, brandId: 1, demandCartons: 5, orderedCartons: 5 }],
      }),
    ).toThrow(/territory 99/);
  });
});
