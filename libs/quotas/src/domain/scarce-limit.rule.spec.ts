import { describe, expect, it } from '@jest/globals';
import {
  findLimitVectorProblem,
  scarceLimitFor,
  scarceLimitOf,
  type LimitVector,
} from './scarce-limit.rule.js';

/** Grade g → ⌊g ÷ 3⌋: 0 0 1 1 1 2 … 10. */
const rising: LimitVector = Array.from({ length: 30 }, (_, i) => Math.floor((i + 1) / 3));

function withGrade(vector: LimitVector, grade: number, limit: number): number[] {
  return vector.map((value, i) => (i === grade - 1 ? limit : value));
}

describe('findLimitVectorProblem', () => {
  it.each<[string, LimitVector]>([
    ['a vector rising with the grade', rising],
    ['all zeros', Array(30).fill(0)],
    ['one limit for everyone', Array(30).fill(2)],
  ])('accepts %s', (_, vector) => {
    expect(findLimitVectorProblem(vector)).toBeUndefined();
  });

  it.each<[string, LimitVector, object]>([
    ['29 entries', rising.slice(1), { reason: 'wrong_length', length: 29 }],
    ['31 entries', [...rising, 10], { reason: 'wrong_length', length: 31 }],
    ['no entries', [], { reason: 'wrong_length', length: 0 }],
    ['a negative limit', withGrade(rising, 1, -1), { reason: 'not_cartons', grade: 1, limit: -1 }],
    ['a fractional limit', withGrade(rising, 30, 10.5), { reason: 'not_cartons', grade: 30, limit: 10.5 }],
    [
      'grade 10 above grade 11 (D11 = 3)',
      withGrade(rising, 10, 4),
      { reason: 'not_monotone', grade: 10, limit: 4, higherGrade: 11, higherLimit: 3 },
    ],
    [
      'two breaches: the one nearest grade 30 is named',
      withGrade(withGrade(rising, 3, 9), 20, 9),
      { reason: 'not_monotone', grade: 20, limit: 9, higherGrade: 21, higherLimit: 7 },
    ],
    [
      'a falling vector: grade 29 above grade 30',
      Array.from({ length: 30 }, (_, i) => 30 - i),
      { reason: 'not_monotone', grade: 29, limit: 2, higherGrade: 30, higherLimit: 1 },
    ],
  ])('reports %s', (_, vector, problem) => {
    expect(findLimitVectorProblem(vector)).toEqual(problem);
  });
});

describe('scarceLimitFor', () => {
  const rural = Array(30).fill(1);
  const limits = { common: rising, byMarketType: { rural } };

  it.each([
    [30, 'urban', 10], // the common vector: urban has no variant
    [30, 'rural', 1],
    [1, 'urban', 0],
    [6, 'urban', 2],
  ] as const)('grade %i, %s → %i cartons', (grade, marketType, limit) => {
    expect(scarceLimitFor(limits, { grade, marketType })).toBe(limit);
  });

  it('throws for a grade outside 1–30', () => {
    expect(() => scarceLimitFor(limits, { grade: 31, marketType: 'urban' })).toThrow(RangeError);
  });
});

describe('scarceLimitOf', () => {
  const urbanGrade7 = { grade: 7, marketType: 'urban' as const };
  const ruralGrade7 = { grade: 7, marketType: 'rural' as const };
  const ruralOnly = Array(30).fill(1);

  it('reads the common vector at the retailer’s grade (grade 7 → ⌊7 ÷ 3⌋ = 2)', () => {
    expect(scarceLimitOf([{ marketType: null, limits: rising }], urbanGrade7)).toBe(2);
  });

  it('lets the retailer’s market type replace the common vector, and only its own', () => {
    const rows = [
      { marketType: null, limits: rising },
      { marketType: 'rural' as const, limits: ruralOnly },
    ];
    expect(scarceLimitOf(rows, ruralGrade7)).toBe(1);
    expect(scarceLimitOf(rows, urbanGrade7)).toBe(2);
  });

  it('applies a market type’s vector without a common one only to that market type', () => {
    const rows = [{ marketType: 'rural' as const, limits: ruralOnly }];
    expect(scarceLimitOf(rows, ruralGrade7)).toBe(1);
    expect(scarceLimitOf(rows, urbanGrade7)).toBeUndefined();
  });

  it('has no limit when nothing is published', () => {
    expect(scarceLimitOf([], urbanGrade7)).toBeUndefined();
  });
});
