import { describe, expect, it } from '@jest/globals';
import { accuracyReport } from './accuracy-report.js';

/**
 * Two territories of department 1 (T10, T20) and one of department 2 (T30). Brand 1 is a national top-20
 * key brand; brand 2 is department 1's equivalent key brand; brand 3 is not a key brand.
 *
 * T10: brand 1 A=100 F=80  → accurate 80,  accuracy 0.8     (under-forecast)
 *      brand 2 A=50  F=70  → accurate 30,  accuracy 0.6     (over-forecast)
 *      brand 3 A=0   F=10  → accurate 0,   accuracy 0       (forecast, nothing ordered)
 *      overall 110 / 150 = 0.7333…; key brands (1, 2) 110 / 150 as well
 * T20: brand 1 A=40  not forecast → F=0, accurate 0, accuracy 0
 *      brand 3 A=60  F=60  → accurate 60, accuracy 1
 *      overall 60 / 100 = 0.6; key brands (1, 2): 0 / 40 = 0
 * T30: brand 2 A=0   F=0   → accuracy 1 (nothing either way); brand 2 is not key in department 2
 *      overall Σ A = 0 and Σ F = 0 → 1; key brands: nothing at all → 1
 * Roll-up: accurate 110 + 60 + 0 = 170 over actual 150 + 100 + 0 = 250 → 0.68;
 *          key brands 110 + 0 + 0 = 110 over 150 + 40 + 0 = 190 → 0.578947…
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
    { territoryId: 10, brandId: 1, cartons: 100 },
    { territoryId: 10, brandId: 2, cartons: 50 },
    { territoryId: 20, brandId: 1, cartons: 40 },
    { territoryId: 20, brandId: 3, cartons: 60 },
  ],
  keyBrands: [
    { brandId: 1, kind: 'national_top20' as const, departmentId: null },
    { brandId: 2, kind: 'equivalent' as const, departmentId: 1 },
  ],
};

describe('accuracyReport', () => {
  const report = accuracyReport(input);

  it('scores every spec of a territory, ordered or forecast', () => {
    expect(report.territories[0].specs).toEqual([
      {
        brandId: 1,
        actualCartons: 100,
        forecastCartons: 80,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 0.8,
      },
      {
        brandId: 2,
        actualCartons: 50,
        forecastCartons: 70,
        forecastMissing: false,
        isKeyBrand: true,
        accuracy: 0.6,
      },
      {
        brandId: 3,
        actualCartons: 0,
        forecastCartons: 10,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: 0,
      },
    ]);
    expect(report.territories[1].specs[0]).toEqual({
      brandId: 1,
      actualCartons: 40,
      forecastCartons: 0,
      forecastMissing: true,
      isKeyBrand: true,
      accuracy: 0,
    });
  });

  it('weights each territory by actual volume, key brands separately', () => {
    expect(report.territories[0].overall).toEqual({
      actualCartons: 150,
      forecastCartons: 160,
      accurateCartons: 110,
      accuracy: 110 / 150,
    });
    expect(report.territories[1].overall.accuracy).toBe(0.6);
    expect(report.territories[1].keyBrands).toEqual({
      actualCartons: 40,
      forecastCartons: 0,
      accurateCartons: 0,
      accuracy: 0,
    });
  });

  it('takes equivalent key brands from the territory’s own department only', () => {
    expect(report.territories[2].specs).toEqual([
      {
        brandId: 2,
        actualCartons: 0,
        forecastCartons: 0,
        forecastMissing: false,
        isKeyBrand: false,
        accuracy: 1,
      },
    ]);
    expect(report.territories[2].overall.accuracy).toBe(1);
    expect(report.territories[2].keyBrands.accuracy).toBe(1);
  });

  it('rolls up by adding tallies, not by averaging accuracies', () => {
    expect(report.overall).toEqual({
      actualCartons: 250,
      forecastCartons: 220,
      accurateCartons: 170,
      accuracy: 0.68,
    });
    expect(report.keyBrands).toMatchObject({ actualCartons: 190, accurateCartons: 110 });
    expect(report.keyBrands.accuracy).toBeCloseTo(110 / 190, 12);
  });

  it('refuses actuals for a territory it did not ask for (a provider bug, not data)', () => {
    expect(() =>
      accuracyReport({ ...input, actuals: [...input.actuals, { territoryId: 99, brandId: 1, cartons: 5 }] }),
    ).toThrow(/territory 99/);
  });
});
