import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cycleAllowance, type CycleAllowanceInput } from './cycle-allowance.rule.js';

/** A retailer that orders its whole allowance every cycle: the worst case for pacing. */
function greedyMonth(monthlyCap: number, cycles: number, pacingFactorBp?: number): number[] {
  const taken: number[] = [];
  let used = 0;
  for (let remainingCycles = cycles; remainingCycles >= 1; remainingCycles--) {
    const allowance = cycleAllowance({ monthlyCap, usedBeforeCycle: used, remainingCycles, pacingFactorBp });
    taken.push(allowance);
    used += allowance;
  }
  return taken;
}

describe('cycleAllowance', () => {
  it.each<[string, number, CycleAllowanceInput]>([
    [
      'first of 4 cycles: ⌈100 ÷ 4 × 1.5⌉ = ⌈37.5⌉',
      38,
      { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 4 },
    ],
    ['first of 5 cycles: 100 ÷ 5 × 1.5', 30, { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 5 }],
    [
      'exact thirds stay exact: 10 ÷ 3 × 1.5 = 5',
      5,
      { monthlyCap: 10, usedBeforeCycle: 0, remainingCycles: 3 },
    ],
    ['a cap of 1 over 4 cycles: ⌈0.375⌉', 1, { monthlyCap: 1, usedBeforeCycle: 0, remainingCycles: 4 }],
    [
      'the last cycle takes all that is left',
      7,
      { monthlyCap: 100, usedBeforeCycle: 93, remainingCycles: 1 },
    ],
    [
      'the rest spread over 2 cycles: ⌈4 ÷ 2 × 1.5⌉',
      3,
      { monthlyCap: 100, usedBeforeCycle: 96, remainingCycles: 2 },
    ],
    ['a cap of 0', 0, { monthlyCap: 0, usedBeforeCycle: 0, remainingCycles: 4 }],
    ['no cycle left in the month', 0, { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 0 }],
    ['the cap fully used', 0, { monthlyCap: 100, usedBeforeCycle: 100, remainingCycles: 2 }],
    ['used above the cap after a rebalance', 0, { monthlyCap: 50, usedBeforeCycle: 60, remainingCycles: 2 }],
    [
      'a factor of 1: an even share',
      25,
      { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 4, pacingFactorBp: 10_000 },
    ],
    [
      'a factor of 2',
      50,
      { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 4, pacingFactorBp: 20_000 },
    ],
    [
      'a factor of 10 is capped by what is left',
      100,
      { monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 4, pacingFactorBp: 100_000 },
    ],
    [
      'huge caps are exact: ⌈9,007,199,254,740,991 × 3 ÷ 8⌉',
      3_377_699_720_527_872,
      { monthlyCap: Number.MAX_SAFE_INTEGER, usedBeforeCycle: 0, remainingCycles: 4 },
    ],
  ])('%s → %i', (_, allowance, input) => {
    expect(cycleAllowance(input)).toBe(allowance);
  });

  it.each<[string, number, number[]]>([
    // 38; 62 left: ⌈62 ÷ 3 × 1.5⌉ = 31; 31 left: ⌈23.25⌉ = 24; 7 left.
    ['a 4-cycle month', 4, [38, 31, 24, 7]],
    // 30; 70 left: ⌈26.25⌉ = 27; 43 left: ⌈21.5⌉ = 22; 21 left: ⌈15.75⌉ = 16; 5 left.
    ['a 5-cycle month', 5, [30, 27, 22, 16, 5]],
  ])('paces a greedy retailer with a cap of 100 over %s', (_, cycles, allowances) => {
    expect(greedyMonth(100, cycles)).toEqual(allowances);
  });

  it.each<[string, Partial<CycleAllowanceInput>]>([
    ['a factor below 1', { pacingFactorBp: 9_999 }],
    ['a fractional factor', { pacingFactorBp: 1.5 }],
    ['a negative cap', { monthlyCap: -1 }],
    ['fractional used cartons', { usedBeforeCycle: 1.5 }],
    ['negative remaining cycles', { remainingCycles: -1 }],
    ['fractional remaining cycles', { remainingCycles: 2.5 }],
  ])('throws on %s', (_, overrides) => {
    expect(() =>
      cycleAllowance({ monthlyCap: 100, usedBeforeCycle: 0, remainingCycles: 4, ...overrides }),
    ).toThrow(RangeError);
  });

  const month = {
    cap: fc.integer({ min: 0, max: 1_000_000_000 }),
    cycles: fc.integer({ min: 1, max: 6 }),
    factor: fc.integer({ min: 10_000, max: 40_000 }),
  };

  it('never lets the month exceed its cap, however much of each allowance is taken', () => {
    fc.assert(
      fc.property(
        month.cap,
        month.factor,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (monthlyCap, pacingFactorBp, shares) => {
          let used = 0;
          shares.forEach((share, i) => {
            const remainingCycles = shares.length - i;
            const allowance = cycleAllowance({
              monthlyCap,
              usedBeforeCycle: used,
              remainingCycles,
              pacingFactorBp,
            });
            expect(allowance).toBeLessThanOrEqual(monthlyCap - used);
            used += Math.floor(allowance * share);
          });
          expect(used).toBeLessThanOrEqual(monthlyCap);
        },
      ),
    );
  });

  it('lets the last cycle take everything that is left', () => {
    fc.assert(
      fc.property(
        month.cap,
        fc.integer({ min: 0, max: 1_000_000_000 }),
        month.factor,
        (cap, used, factor) => {
          const usedBeforeCycle = Math.min(used, cap);
          expect(
            cycleAllowance({ monthlyCap: cap, usedBeforeCycle, remainingCycles: 1, pacingFactorBp: factor }),
          ).toBe(cap - usedBeforeCycle);
        },
      ),
    );
  });

  it('lets a retailer that takes every allowance reach exactly its cap', () => {
    fc.assert(
      fc.property(month.cap, month.cycles, month.factor, (cap, cycles, factor) => {
        expect(greedyMonth(cap, cycles, factor).reduce((sum, taken) => sum + taken, 0)).toBe(cap);
      }),
    );
  });
});
