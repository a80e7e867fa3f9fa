import { describe, expect, it } from '@jest/globals';
import { checkSpecPrice, compareWithGuidePrice, type PriceDeviation } from './guide-price.rule.js';

describe('compareWithGuidePrice, exact by default', () => {
  // Guide price 20 yuan a pack.
  it.each<[number, number, number, PriceDeviation, boolean]>([
    [2_000, 0, 0, 'atGuide', true],
    [2_200, 200, 10, 'above', false], // 2.00 over 20.00 = 10 %
    [1_900, -100, -5, 'below', false], // selling under the guide price is a deviation too
    [2_001, 1, 0.05, 'above', false],
  ])(
    'observed %d fen → %d fen, %p %, %s, compliant %p',
    (observed, difference, percent, deviation, compliant) => {
      expect(compareWithGuidePrice(observed, 2_000)).toEqual({
        observedFen: observed,
        guideFen: 2_000,
        differenceFen: difference,
        differencePercent: percent,
        deviation,
        compliant,
      });
    },
  );

  it('gives whole percentages exactly (70 over 1000 is 7 %, not 7.000000000000001)', () => {
    expect(compareWithGuidePrice(1_070, 1_000).differencePercent).toBe(7);
  });
});

describe('compareWithGuidePrice with a ±5 % band (500 bp)', () => {
  it.each([
    [2_100, true], // +5 %: the edge of the band is inside
    [2_101, false],
    [1_900, true], // −5 %
    [1_899, false],
  ])('observed %d fen against 2000 → compliant %p', (observed, compliant) => {
    expect(compareWithGuidePrice(observed, 2_000, { basisPoints: 500 }).compliant).toBe(compliant);
  });
});

describe('compareWithGuidePrice input', () => {
  it.each([
    [2_000, 0, 0],
    [-1, 2_000, 0],
    [19.5, 2_000, 0],
    [2_000, 2_000, -1],
    [2_000, 2_000, 2.5],
  ])('refuses observed %p, guide %p, tolerance %p bp', (observed, guide, basisPoints) => {
    expect(() => compareWithGuidePrice(observed, guide, { basisPoints })).toThrow(RangeError);
  });
});

describe('checkSpecPrice', () => {
  const guide = { perPackFen: 2_000, perCartonFen: 20_000 };

  it('fails the spec when either observed price deviates', () => {
    // Pack at the guide price, carton sold at 210 yuan instead of 200: +10 yuan, +5 %.
    const check = checkSpecPrice({ perPackFen: 2_000, perCartonFen: 21_000 }, guide);
    expect(check.perPack?.compliant).toBe(true);
    expect(check.perCarton).toMatchObject({ differenceFen: 1_000, differencePercent: 5, compliant: false });
    expect(check.compliant).toBe(false);
  });

  it('judges only what was observed', () => {
    const check = checkSpecPrice({ perPackFen: 2_000 }, guide);
    expect(check.perCarton).toBeNull();
    expect(check.compliant).toBe(true);
  });

  it('applies the tolerance to both prices', () => {
    expect(
      checkSpecPrice({ perPackFen: 2_100, perCartonFen: 19_000 }, guide, { basisPoints: 500 }).compliant,
    ).toBe(true);
  });

  it('refuses a check that observed nothing', () => {
    expect(() => checkSpecPrice({ perPackFen: null }, guide)).toThrow(RangeError);
  });
});
