import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { periodChange } from './period-change.rule.js';

describe('periodChange', () => {
  it.each([
    [110, 100, 10, 0.1],
    [90, 100, -10, -0.1],
    [100, 100, 0, 0],
    [0, 100, -100, -1],
    [250, 200, 50, 0.25],
    [5, 0, 5, null], // growth from nothing has no percentage
    [0, 0, 0, null],
  ])('current %d vs previous %d → difference %d, ratio %p', (current, previous, difference, ratio) => {
    expect(periodChange(current, previous)).toEqual({ current, previous, difference, ratio });
  });

  it('rebuilds the current value from the previous one and the ratio', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (current, previous) => {
        const { ratio } = periodChange(current, previous);
        expect(previous * (1 + (ratio as number))).toBeCloseTo(current, 6);
      }),
    );
  });
});
