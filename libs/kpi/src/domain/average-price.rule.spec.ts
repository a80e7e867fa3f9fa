import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { averagePricePerCarton } from './average-price.rule.js';

describe('averagePricePerCarton', () => {
  it.each([
    [100_000, 10, 10_000], // ¥1,000 over 10 cartons = ¥100.00
    [1_000, 3, 333], // 333.33… rounds down
    [2_000, 3, 667], // 666.66… rounds up
    [1_001, 2, 501], // 500.5 rounds half up
    [999, 2, 500], // 499.5 rounds half up
    [0, 7, 0],
    [9_000_000_000_000, 7, 1_285_714_285_714], // 1,285,714,285,714.28…: exact at department scale
    [5, 0, null],
    [0, 0, null],
  ])('%d fen over %d cartons → %p fen per carton', (amountFen, cartons, fenPerCarton) => {
    expect(averagePricePerCarton(amountFen, cartons)).toEqual({ amountFen, cartons, fenPerCarton });
  });

  it.each([
    [-1, 1],
    [1.5, 1],
    [100, -2],
    [100, 0.5],
    [Number.NaN, 1],
  ])('refuses amount %p over %p cartons', (amountFen, cartons) => {
    expect(() => averagePricePerCarton(amountFen, cartons)).toThrow(RangeError);
  });

  it('is never more than half a fen per carton away from the exact average', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000_000), fc.integer({ min: 1, max: 100_000 }), (amountFen, cartons) => {
        const fenPerCarton = averagePricePerCarton(amountFen, cartons).fenPerCarton as number;
        expect(Number.isInteger(fenPerCarton)).toBe(true);
        // |p·c − a| ≤ c/2, written without division: 2·|p·c − a| ≤ c
        expect(2 * Math.abs(fenPerCarton * cartons - amountFen)).toBeLessThanOrEqual(cartons);
      }),
    );
  });
});
