import { describe, expect, it } from '@jest/globals';
import { assessOrderAnomaly, type AnomalyRule } from './order-anomaly.rule.js';

describe('assessOrderAnomaly', () => {
  it.each<[string, number, number[], object]>([
    [
      'exactly 2.2× the average is not above it',
      22,
      [10, 10, 10],
      { flagged: false, reason: 'within_threshold', ratioBp: 22_000 },
    ],
    ['2.3× the average', 23, [10, 10, 10], { flagged: true, reason: 'above_threshold', ratioBp: 23_000 }],
    ['an uneven history averaging 10', 23, [5, 10, 15], { flagged: true, ratioBp: 23_000 }],
    [
      'only the last 3 cycles count',
      23,
      [100, 10, 10, 10],
      { flagged: true, priorCycleCartons: [10, 10, 10] },
    ],
    ['one prior cycle is enough', 23, [10], { flagged: true, priorCycleCartons: [10] }],
    [
      'a cycle without the spec counts as 0: average 5, 12 is 2.4×',
      12,
      [10, 0],
      { flagged: true, ratioBp: 24_000 },
    ],
    ['average 5, 11 is 2.2×', 11, [0, 10], { flagged: false, ratioBp: 22_000 }],
    ['7 against 3 a cycle: ⌊23,333.3⌋ bp', 7, [3, 3, 3], { flagged: true, ratioBp: 23_333 }],
    ['no prior cycle', 500, [], { flagged: false, reason: 'no_history', ratioBp: null }],
    ['no prior cycle with the spec', 500, [0, 0, 0], { flagged: false, reason: 'no_history', ratioBp: null }],
    ['not ordering the spec', 0, [10, 10, 10], { flagged: false, reason: 'within_threshold', ratioBp: 0 }],
    [
      'huge volumes, compared exactly',
      Number.MAX_SAFE_INTEGER,
      [Number.MAX_SAFE_INTEGER],
      { flagged: false, ratioBp: 10_000 },
    ],
  ])('%s', (_, cartons, priorCycleCartons, expected) => {
    expect(assessOrderAnomaly({ cartons, priorCycleCartons })).toMatchObject({
      cartons,
      thresholdBp: 22_000,
      ...expected,
    });
  });

  it.each<[AnomalyRule, number[], number, boolean]>([
    [{ thresholdBp: 30_000, priorCycles: 3 }, [10, 10, 10], 30, false],
    [{ thresholdBp: 30_000, priorCycles: 3 }, [10, 10, 10], 31, true],
    [{ thresholdBp: 22_000, priorCycles: 1 }, [100, 10], 23, true], // only the last cycle: 10
    [{ thresholdBp: 22_000, priorCycles: 2 }, [100, 10], 23, false], // (100 + 10) / 2 = 55
  ])(
    'follows a configured rule %j: after %j, %i cartons → flagged %p',
    (rule, priorCycleCartons, cartons, flagged) => {
      expect(assessOrderAnomaly({ cartons, priorCycleCartons }, rule).flagged).toBe(flagged);
    },
  );

  it.each<[string, () => unknown]>([
    [
      'a threshold below 1×',
      () => assessOrderAnomaly({ cartons: 1, priorCycleCartons: [] }, { thresholdBp: 9_999, priorCycles: 3 }),
    ],
    [
      'a window of 0 cycles',
      () =>
        assessOrderAnomaly({ cartons: 1, priorCycleCartons: [] }, { thresholdBp: 22_000, priorCycles: 0 }),
    ],
    ['negative cartons', () => assessOrderAnomaly({ cartons: -1, priorCycleCartons: [] })],
    ['fractional prior cartons', () => assessOrderAnomaly({ cartons: 1, priorCycleCartons: [1.5] })],
  ])('throws on %s', (_, assess) => {
    expect(assess).toThrow(RangeError);
  });
});
