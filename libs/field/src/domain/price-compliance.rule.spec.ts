import { describe, expect, it } from '@jest/globals';
import { atOrBelowGuidePrice, tallyPriceChecks } from './price-compliance.rule.js';

describe('atOrBelowGuidePrice', () => {
  it.each([
    // [observed, guide, tolerance bp, at or below]
    [26_000, 26_000, 0, true], // at the guide price
    [25_000, 26_000, 0, true], // below it
    [26_001, 26_000, 0, false], // a fen above
    [27_300, 26_000, 500, true], // 5 % above, within a 5 % tolerance
    [27_301, 26_000, 500, false], // past it
    [10, 26_000, 500, true], // far below is still not above (the tolerance widens upwards only)
  ])('%i fen against a guide of %i with %i bp → %p', (observed, guide, tolerance, expected) => {
    expect(atOrBelowGuidePrice(observed, guide, tolerance)).toBe(expected);
  });
});

describe('tallyPriceChecks', () => {
  it('counts carton and pack prices apart, each only where it was observed', () => {
    const guide = { guideCartonFen: 26_000, guidePackFen: 2_600, toleranceBp: 0 };
    expect(
      tallyPriceChecks([
        { ...guide, observedCartonFen: 26_000, observedPackFen: 2_600 }, // both at the guide
        { ...guide, observedCartonFen: 28_000, observedPackFen: 2_800 }, // both above
        { ...guide, observedCartonFen: null, observedPackFen: 2_500 }, // pack only, below
        { ...guide, observedCartonFen: 25_000, observedPackFen: null }, // carton only, below
      ]),
    ).toEqual({ cartonChecked: 3, cartonCompliant: 2, packChecked: 3, packCompliant: 2 });
    expect(tallyPriceChecks([])).toEqual({
      cartonChecked: 0,
      cartonCompliant: 0,
      packChecked: 0,
      packCompliant: 0,
    });
  });
});
