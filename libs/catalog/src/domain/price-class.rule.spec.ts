import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PRICE_CLASSES, type PriceClass, priceClassOf } from './price-class.rule.js';

describe('priceClassOf', () => {
  it.each<[number, PriceClass]>([
    [1, 5],
    [1_649, 5], // 16.49 yuan: class V
    [1_650, 4], // 16.50 yuan: the boundary belongs to the dearer class, IV
    [1_651, 4],
    [2_999, 4],
    [3_000, 3], // 30 yuan: III
    [3_001, 3],
    [4_999, 3],
    [5_000, 2], // 50 yuan: II
    [5_001, 2],
    [9_999, 2],
    [10_000, 1], // 100 yuan: I
    [10_001, 1],
    [100_000, 1],
  ])('%d fen per carton → class %d', (fen, priceClass) => {
    expect(priceClassOf(fen)).toBe(priceClass);
  });

  it.each([0, -100, 16.5, Number.NaN])('refuses %p', (fen) => {
    expect(() => priceClassOf(fen)).toThrow(RangeError);
  });

  it('never puts a dearer spec in a cheaper class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const [cheaper, dearer] = a <= b ? [a, b] : [b, a];
        expect(priceClassOf(dearer)).toBeLessThanOrEqual(priceClassOf(cheaper));
        expect(PRICE_CLASSES).toContain(priceClassOf(dearer));
      }),
    );
  });
});
