import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type Rate, rate, sumRates } from './rate.rule.js';

describe('rate', () => {
  it.each([
    [3, 4, 0.75],
    [0, 5, 0],
    [7, 7, 1],
    [12, 10, 1.2], // attainment may exceed 100 %
    [-2, 4, -0.5], // a change may be negative
    [0, 0, null],
    [5, 0, null],
  ])('%d / %d → %p', (numerator, denominator, ratio) => {
    expect(rate(numerator, denominator)).toEqual({ numerator, denominator, ratio });
  });

  it.each([
    [Number.NaN, 1],
    [1, Number.NaN],
    [Number.POSITIVE_INFINITY, 1],
    [1, -1],
  ])('refuses %p / %p', (numerator, denominator) => {
    expect(() => rate(numerator, denominator)).toThrow(RangeError);
  });
});

describe('sumRates', () => {
  it('adds parts instead of averaging ratios', () => {
    // Manager A guided 1 of 1 retailer (100 %), manager B 50 of 100 (50 %).
    // Their center guided 51 of 101 retailers ≈ 50.5 %; the mean of the ratios (75 %) overstates it.
    const center = sumRates([rate(1, 1), rate(50, 100)]);
    expect(center).toEqual({ numerator: 51, denominator: 101, ratio: 51 / 101 });
    expect(center.ratio).not.toBeCloseTo((1 + 0.5) / 2);
  });

  it('lets a part with nothing to measure count for nothing (averaging would have to drop or invent it)', () => {
    expect(sumRates([rate(30, 50), rate(0, 0)])).toEqual({ numerator: 30, denominator: 50, ratio: 0.6 });
  });

  it('gives no ratio for no parts', () => {
    expect(sumRates([])).toEqual({ numerator: 0, denominator: 0, ratio: null });
  });

  const measuredRate = fc
    .tuple(fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }))
    .map(([numerator, denominator]) => rate(Math.min(numerator, denominator), denominator));

  it('lies between the smallest and largest part when every part has a denominator', () => {
    fc.assert(
      fc.property(fc.array(measuredRate, { minLength: 1 }), (parts) => {
        const ratios = parts.map((part) => part.ratio as number);
        const total = sumRates(parts).ratio as number;
        expect(total).toBeGreaterThanOrEqual(Math.min(...ratios));
        expect(total).toBeLessThanOrEqual(Math.max(...ratios));
      }),
    );
  });

  it('rolls up the same whether managers are grouped by center first or not', () => {
    fc.assert(
      fc.property(fc.array(measuredRate), fc.array(measuredRate), (centerA: Rate[], centerB: Rate[]) => {
        expect(sumRates([sumRates(centerA), sumRates(centerB)])).toEqual(sumRates([...centerA, ...centerB]));
      }),
    );
  });
});
