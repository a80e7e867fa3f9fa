import { describe, expect, it } from '@jest/globals';
import { createPolicyBaseLookup, validateGradePolicy, type GradePolicyRow } from './grade-policy.rule.js';
import type { BusinessScale, MarketType } from './retailer-class.js';

/** Grade g has a general base of 10 × g cartons. */
function generalRows(): GradePolicyRow[] {
  return Array.from({ length: 30 }, (_, i) => ({
    grade: i + 1,
    scale: null,
    marketType: null,
    baseMonthlyTotal: 10 * (i + 1),
  }));
}

describe('validateGradePolicy', () => {
  it('accepts a general row per grade plus narrower rows', () => {
    const rows = [
      ...generalRows(),
      { grade: 5, scale: 'small' as const, marketType: null, baseMonthlyTotal: 0 },
    ];
    expect(validateGradePolicy(rows)).toEqual({ ok: true, value: rows });
  });

  it.each<[string, (rows: GradePolicyRow[]) => GradePolicyRow[], object]>([
    [
      'a grade without a general row',
      (rows) => rows.filter((row) => row.grade !== 17),
      { reason: 'grade_without_general_row', grade: 17 },
    ],
    [
      'grade 0',
      (rows) => [...rows, { grade: 0, scale: null, marketType: 'rural', baseMonthlyTotal: 5 }],
      { reason: 'grade_out_of_range', grade: 0 },
    ],
    [
      'grade 31',
      (rows) => [...rows, { grade: 31, scale: null, marketType: null, baseMonthlyTotal: 5 }],
      { reason: 'grade_out_of_range', grade: 31 },
    ],
    [
      'a fractional grade',
      (rows) => [...rows, { grade: 2.5, scale: null, marketType: null, baseMonthlyTotal: 5 }],
      { reason: 'grade_out_of_range', grade: 2.5 },
    ],
    [
      'a negative base',
      (rows) => [...rows, { grade: 3, scale: 'large', marketType: null, baseMonthlyTotal: -1 }],
      { reason: 'base_not_cartons', grade: 3, baseMonthlyTotal: -1 },
    ],
    [
      'a fractional base',
      (rows) => [...rows, { grade: 3, scale: 'large', marketType: null, baseMonthlyTotal: 2.5 }],
      { reason: 'base_not_cartons', grade: 3, baseMonthlyTotal: 2.5 },
    ],
    [
      'the same combination twice',
      (rows) => [
        ...rows,
        { grade: 3, scale: 'small', marketType: 'rural', baseMonthlyTotal: 20 },
        { grade: 3, scale: 'small', marketType: 'rural', baseMonthlyTotal: 25 },
      ],
      { reason: 'duplicate_row', grade: 3, scale: 'small', marketType: 'rural' },
    ],
  ])('refuses %s', (_, edit, details) => {
    expect(validateGradePolicy(edit(generalRows()))).toMatchObject({
      ok: false,
      code: 'QUOTA_GRADE_POLICY_INVALID',
      details,
    });
  });
});

describe('createPolicyBaseLookup', () => {
  const rows: GradePolicyRow[] = [
    ...generalRows(), // grade 10 → 100
    { grade: 10, scale: 'small', marketType: null, baseMonthlyTotal: 80 },
    { grade: 10, scale: null, marketType: 'rural', baseMonthlyTotal: 70 },
    { grade: 10, scale: 'small', marketType: 'rural', baseMonthlyTotal: 60 },
    { grade: 10, scale: 'large', marketType: 'urban', baseMonthlyTotal: 130 },
  ];
  const lookup = createPolicyBaseLookup(rows);

  it.each<[number, BusinessScale, MarketType, number]>([
    [10, 'small', 'rural', 60], // scale and market type
    [10, 'small', 'urban', 80], // scale only
    [10, 'medium', 'rural', 70], // market type only
    [10, 'medium', 'urban', 100], // general
    [10, 'large', 'urban', 130],
    [10, 'large', 'rural', 70],
    [11, 'small', 'rural', 110], // no narrower rows for grade 11
  ])('grade %i, %s, %s → base %i', (grade, scale, marketType, base) => {
    expect(lookup({ grade, scale, marketType }).baseMonthlyTotal).toBe(base);
  });

  it('returns the row that applied, for the explanation', () => {
    expect(lookup({ grade: 10, scale: 'small', marketType: 'urban' }).row).toEqual(rows[30]);
  });

  it('throws on a policy with a gap, which validation rules out', () => {
    const gappy = createPolicyBaseLookup(generalRows().filter((row) => row.grade !== 4));
    expect(() => gappy({ grade: 4, scale: 'small', marketType: 'urban' })).toThrow(RangeError);
  });
});
