import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fenToYuanText, yuanToFen } from './money.rule.js';

describe('yuanToFen', () => {
  it.each<[string | number, number]>([
    ['16.5', 1_650],
    ['16.50', 1_650],
    ['100', 10_000],
    ['0.05', 5],
    [' 8 ', 800],
    ['016', 1_600],
    [16.5, 1_650],
    [0.29, 29], // 0.29 × 100 is 28.999… in binary
    [100, 10_000],
    [0, 0],
  ])('%p yuan → %d fen', (value, fen) => {
    expect(yuanToFen(value)).toEqual({ ok: true, value: fen });
  });

  it.each<string | number>([
    '',
    '16.505',
    '-1',
    '1,000',
    '¥10',
    'abc',
    '.5',
    '1e3',
    16.505,
    -1,
    Number.NaN,
    Infinity,
  ])('refuses %p', (value) => {
    expect(yuanToFen(value)).toMatchObject({
      ok: false,
      code: 'PRICE_NOT_A_YUAN_AMOUNT',
      details: { value },
    });
  });
});

describe('fenToYuanText', () => {
  it.each([
    [1_650, '16.50'],
    [5, '0.05'],
    [0, '0.00'],
    [10_000, '100.00'],
    [-5, '-0.05'],
  ])('%d fen → %s', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text);
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000_000), (fen) => {
        expect(yuanToFen(fenToYuanText(fen))).toEqual({ ok: true, value: fen });
      }),
    );
  });
});
