import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { proposeLimitVector } from './limit-vector-proposal.rule.js';
import { findLimitVectorProblem } from './scarce-limit.rule.js';

/** A vector over grades 1–30 from runs of [fromGrade, value], each run lasting until the next one. */
function byGrade(runs: Array<[number, number]>): number[] {
  return Array.from({ length: 30 }, (_, i) => runs.filter(([from]) => from <= i + 1).at(-1)![1]);
}

describe('proposeLimitVector', () => {
  it('hands what one scaling step leaves to the top grades: 100 cartons, 10 retailers per grade', () => {
    // limit(g) = ⌊t × g ÷ 30⌋: t = 1 gives grade 30 one carton (10 in all); t = 2 gives grades 15–30 one
    // (160 > 100). The 90 left buy +1 for grades 30, 29, …, 22 at 10 cartons each.
    expect(proposeLimitVector(100, Array(30).fill(10))).toEqual({
      vector: byGrade([
        [1, 0],
        [22, 1],
        [30, 2],
      ]),
      plannedSupply: 100,
      achievedSupply: 100,
      shortfall: 0,
      errorBp: 0,
    });
  });

  it('reports the error when the plan cannot be met exactly: 1,000 cartons for 7 retailers of grade 30', () => {
    // 142 × 7 = 994; the 6 left are fewer than the 7 retailers. Empty grades below get 0.
    expect(
      proposeLimitVector(
        1_000,
        byGrade([
          [1, 0],
          [30, 7],
        ]),
      ),
    ).toEqual({
      vector: byGrade([
        [1, 0],
        [30, 142],
      ]),
      plannedSupply: 1_000,
      achievedSupply: 994,
      shortfall: 6,
      errorBp: -60,
    });
  });

  // Grade 15: 10 retailers, limit ⌊t ÷ 2⌋; grade 30: 5 retailers, limit t. Supply = 10 ⌊t ÷ 2⌋ + 5t.
  const twoGrades = byGrade([
    [1, 0],
    [15, 10],
    [16, 0],
    [30, 5],
  ]);
  it.each<[number, number, number, number, number]>([
    // t = 20: 100 + 100 = 200 exactly.
    [200, 10, 20, 200, 0],
    // t = 21 would be 205 > 203; nothing of the 3 left fits a grade (5 or 10 retailers): ⌈3 ÷ 203⌉ = 148 bp.
    [203, 10, 20, 200, -148],
    // t = 21: 100 + 105 = 205 (t = 22: 220 > 212); the 7 left buy grade 30 one more (5): 210.
    [212, 10, 22, 210, -95],
  ])(
    'plans %i cartons for grades 15 and 30 as %i and %i (%i cartons, %i bp)',
    (plan, grade15, grade30, achieved, errorBp) => {
      const proposal = proposeLimitVector(plan, twoGrades);
      // Grades 16–29 are empty: they take grade 15's limit, the least that keeps the order.
      expect(proposal.vector).toEqual(
        byGrade([
          [1, 0],
          [15, grade15],
          [30, grade30],
        ]),
      );
      expect(proposal).toMatchObject({ achievedSupply: achieved, shortfall: plan - achieved, errorBp });
    },
  );

  it('follows given weights: flat weights give everyone the same limit, the top first', () => {
    // 2 retailers per grade, limit t for all: t = 2 uses 120 of 130; the 10 left buy +1 for grades 30–26.
    expect(proposeLimitVector(130, Array(30).fill(2), { weights: Array(30).fill(1) }).vector).toEqual(
      byGrade([
        [1, 2],
        [26, 3],
      ]),
    );
  });

  it('gives nothing to grades weighted 0', () => {
    // Grades 11–30 weigh 1, one retailer each: t = 2 uses 40 of 45; the 5 left go to grades 30–26.
    const weights = byGrade([
      [1, 0],
      [11, 1],
    ]);
    expect(proposeLimitVector(45, Array(30).fill(1), { weights })).toMatchObject({
      vector: byGrade([
        [1, 0],
        [11, 2],
        [26, 3],
      ]),
      achievedSupply: 45,
    });
  });

  it.each<[string, number, number[], number, number]>([
    ['a plan of 0', 0, Array(30).fill(5), 0, 0],
    ['no retailers at all', 50, Array(30).fill(0), 50, -10_000],
  ])('proposes all zeros for %s', (_, plan, retailers, shortfall, errorBp) => {
    expect(proposeLimitVector(plan, retailers)).toEqual({
      vector: Array(30).fill(0),
      plannedSupply: plan,
      achievedSupply: 0,
      shortfall,
      errorBp,
    });
  });

  it('is exact with a plan near 2^53', () => {
    const plan = Number.MAX_SAFE_INTEGER; // 2^53 − 1, odd: 3 retailers of grade 30 leave a remainder of 1
    expect(
      proposeLimitVector(
        plan,
        byGrade([
          [1, 0],
          [30, 3],
        ]),
      ),
    ).toMatchObject({
      vector: byGrade([
        [1, 0],
        [30, 3_002_399_751_580_330],
      ]),
      shortfall: 1,
      errorBp: -1,
    });
  });

  it.each<[string, () => unknown]>([
    ['a negative plan', () => proposeLimitVector(-1, Array(30).fill(1))],
    ['a fractional plan', () => proposeLimitVector(10.5, Array(30).fill(1))],
    ['29 grades', () => proposeLimitVector(10, Array(29).fill(1))],
    [
      'a negative retailer count',
      () =>
        proposeLimitVector(
          10,
          byGrade([
            [1, 1],
            [7, -1],
            [8, 1],
          ]),
        ),
    ],
    [
      'weights falling with the grade',
      () => proposeLimitVector(10, Array(30).fill(1), { weights: [2, ...Array(29).fill(1)] }),
    ],
    ['grade 30 weighted 0', () => proposeLimitVector(10, Array(30).fill(1), { weights: Array(30).fill(0) })],
  ])('throws on %s', (_, propose) => {
    expect(propose).toThrow(RangeError);
  });

  const retailersPerGrade = fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 30, maxLength: 30 });
  const weights = fc
    .array(fc.integer({ min: 0, max: 50 }), { minLength: 30, maxLength: 30 })
    .map((values) => values.sort((a, b) => a - b))
    .filter((values) => values[29] > 0);

  it('proposes a monotone vector that never exceeds the plan and misses it by less than one carton a retailer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        retailersPerGrade,
        weights,
        (plan, retailers, w) => {
          const proposal = proposeLimitVector(plan, retailers, { weights: w });
          expect(findLimitVectorProblem(proposal.vector)).toBeUndefined();
          const supplied = proposal.vector.reduce((sum, limit, i) => sum + limit * retailers[i], 0);
          expect(supplied).toBe(proposal.achievedSupply);
          expect(supplied).toBeLessThanOrEqual(plan);
          const reachable = retailers.reduce((sum, count, i) => sum + (w[i] > 0 ? count : 0), 0);
          if (reachable > 0) expect(proposal.shortfall).toBeLessThan(reachable);
        },
      ),
    );
  });

  it('misses by at most 1 % when the plan is at least 100 cartons a retailer', () => {
    fc.assert(
      fc.property(retailersPerGrade, fc.integer({ min: 100, max: 10_000 }), (retailers, perRetailer) => {
        const total = retailers.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const proposal = proposeLimitVector(total * perRetailer, retailers);
        expect(proposal.errorBp).toBeGreaterThanOrEqual(-100);
        expect(proposal.errorBp).toBeLessThanOrEqual(0);
      }),
    );
  });
});
