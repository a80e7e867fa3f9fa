import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PRICE_CLASSES, type PriceClass, priceClassOf } from './price-class.rule.js';

describe('priceClassOf', () => {
  it.each<[number, PriceClass]>([
    [1, 'V'],
    [1_649, 'V'], // 16.49 yuan
    [1_650, 'IV'], // 16.50 yuan: the boundary belongs to the dearer class
    [1_651, 'IV'],
    [2_999, 'IV'],
    [3_000, 'III'], // 30 yuan
    [3_001, 'III'],
    [4_999, 'III'],
    [5_000, 'II'], // 50 yuan
    [5_001, 'II'],
    [9_999, 'II'],
    [10_000, 'I'], // 100 yuan
    [10_001, 'I'],
    [100_000, 'I'],
  ])('%d fen per carton → class %s', (fen, priceClass) => {
    expect(priceClassOf(fen)).toBe(priceClass);
  });

  it.each([0, -100, 16.5, Number.NaN])('refuses %p', (fen) => {
    expect(() => priceClassOf(fen)).toThrow(RangeError);
  });

  it('never puts a dearer spec in a cheaper class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const [cheaper, dearer] = a <= b ? [a, b] : [b, a];
        expect(PRICE_CLASSES.indexOf(priceClassOf(dearer))).toBeLessThanOrEqual(
          PRICE_CLASSES.indexOf(priceClassOf(cheaper)),
        );
      }),
    );
  });
});
