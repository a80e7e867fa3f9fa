import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  computeMonthlyQuota,
  DEFAULT_QUOTA_POLICY,
  type MonthlyActual,
  type MonthlyQuotaInput,
} from './floating-quota.rule.js';

/** April 2025; its default window is January–March. A medium retailer: 10 % float. */
function input(overrides: Partial<MonthlyQuotaInput> = {}): MonthlyQuotaInput {
  return {
    month: '2025-04',
    scale: 'medium',
    policyBase: 200,
    previousAgreedTotal: 100,
    actuals: [],
    agreedTotalSetByManager: null,
    alreadyUsed: 0,
    ...overrides,
  };
}

function quarter(january: number, february: number, march: number): MonthlyActual[] {
  return [
    { month: '2025-01', cartons: january },
    { month: '2025-02', cartons: february },
    { month: '2025-03', cartons: march },
  ];
}

describe('computeMonthlyQuota', () => {
  it.each<[string, Partial<MonthlyQuotaInput>, object]>([
    [
      'a retailer with no history starts from the grade policy base',
      { previousAgreedTotal: null },
      { agreedTotalSource: 'grade_policy', agreedTotal: 200, formulaCap: 220 },
    ],
    [
      'a total set by the market manager is taken as is',
      { agreedTotalSetByManager: 150, actuals: quarter(10, 10, 10) },
      { agreedTotalSource: 'market_manager', agreedTotal: 150, formulaCap: 165, trailingAverage: null },
    ],
    [
      'actuals averaging the previous total keep it',
      { actuals: quarter(90, 100, 110) },
      { agreedTotalSource: 'floating', trailingAverage: 100, agreedTotal: 100, boundApplied: 'none' },
    ],
    [
      'the total follows actuals within the bound: 321 / 3 = 107 → cap ⌈117.7⌉',
      { actuals: quarter(105, 106, 110) },
      { trailingAverage: 107, agreedTotal: 107, capExact: '117.7', formulaCap: 118, boundApplied: 'none' },
    ],
    [
      'a fall is limited to 20 %: average 60 → 80',
      { actuals: quarter(50, 60, 70) },
      { trailingAverage: 60, maxMonthlyChangeCartons: 20, agreedTotal: 80, boundApplied: 'fall_limited' },
    ],
    [
      'a rise is limited to 20 %: average 140 → 120',
      { actuals: quarter(130, 140, 150) },
      { trailingAverage: 140, agreedTotal: 120, formulaCap: 132, boundApplied: 'rise_limited' },
    ],
    [
      'the average is rounded down: 100 + 101 + 101 = 302 / 3 → 100',
      { actuals: quarter(100, 101, 101) },
      { trailingAverage: 100, agreedTotal: 100 },
    ],
    [
      'a month of the window without an entry is not counted: (90 + 96) / 2 = 93',
      { actuals: quarter(0, 90, 96).slice(1) },
      { trailingAverage: 93, agreedTotal: 93, capExact: '102.3', formulaCap: 103 },
    ],
    [
      'a month with 0 cartons is counted: (0 + 90 + 96) / 3 = 62 → bounded at 80',
      { actuals: quarter(0, 90, 96) },
      { trailingAverage: 62, agreedTotal: 80, boundApplied: 'fall_limited' },
    ],
    [
      'months outside the window are ignored',
      {
        actuals: [
          { month: '2024-12', cartons: 500 },
          ...quarter(100, 100, 100),
          { month: '2025-04', cartons: 9 },
        ],
      },
      { trailingActuals: quarter(100, 100, 100), trailingAverage: 100, agreedTotal: 100 },
    ],
    [
      'with a total but no actuals, the total is carried over',
      {},
      { agreedTotalSource: 'floating', startingTotal: 100, trailingAverage: null, agreedTotal: 100 },
    ],
    [
      'a retailer new to quotas but with orders floats from the policy base: 200 − 40',
      { previousAgreedTotal: null, actuals: quarter(150, 150, 150) },
      { agreedTotalSource: 'floating', startingTotal: 200, agreedTotal: 160, formulaCap: 176 },
    ],
    [
      'the step is rounded up so small totals move: 4 × 20 % = 0.8 → 1',
      { previousAgreedTotal: 4, actuals: quarter(0, 0, 0) },
      {
        maxMonthlyChangeCartons: 1,
        agreedTotal: 3,
        capExact: '3.3',
        formulaCap: 4,
        boundApplied: 'fall_limited',
      },
    ],
    [
      'a total of 0 stays 0 (no cap, so no orders to float on)',
      { previousAgreedTotal: 0, actuals: quarter(0, 0, 0) },
      { maxMonthlyChangeCartons: 0, agreedTotal: 0, formulaCap: 0, effectiveCap: 0 },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(computeMonthlyQuota(input(overrides)).explanation).toMatchObject(expected);
  });

  it('uses the scale of the retailer for the float: small 15 % of 80 = 92', () => {
    const quota = computeMonthlyQuota(input({ scale: 'small', actuals: quarter(50, 60, 70) }));
    expect(quota).toMatchObject({ agreedTotal: 80, floatBp: 1_500, formulaCap: 92, effectiveCap: 92 });
  });

  it.each([
    [95, 95, true],
    [88, 88, false],
    [0, 88, false],
  ])('with %i cartons already used the cap applied is %i (formula 88)', (alreadyUsed, effectiveCap, kept) => {
    const quota = computeMonthlyQuota(input({ actuals: quarter(50, 60, 70), alreadyUsed }));
    expect(quota.formulaCap).toBe(88);
    expect(quota.effectiveCap).toBe(effectiveCap);
    expect(quota.explanation.capKeptAtAlreadyUsed).toBe(kept);
  });

  it('explains every input and step as plain JSON', () => {
    const quota = computeMonthlyQuota(input({ actuals: quarter(50, 60, 70), alreadyUsed: 95 }));
    expect(quota.explanation).toEqual({
      month: '2025-04',
      agreedTotalSource: 'floating',
      policyBase: 200,
      previousAgreedTotal: 100,
      agreedTotalSetByManager: null,
      startingTotal: 100,
      trailingWindowMonths: 3,
      trailingActuals: quarter(50, 60, 70),
      trailingAverage: 60,
      maxMonthlyChangeBp: 2_000,
      maxMonthlyChangeCartons: 20,
      boundApplied: 'fall_limited',
      agreedTotal: 80,
      scale: 'medium',
      floatBp: 1_000,
      capExact: '88',
      formulaCap: 88,
      alreadyUsed: 95,
      capKeptAtAlreadyUsed: true,
      effectiveCap: 95,
    });
    expect(JSON.parse(JSON.stringify(quota.explanation))).toEqual(quota.explanation);
  });

  it('follows a configured window and bound: 6 months, ±10 %', () => {
    const policy = {
      ...DEFAULT_QUOTA_POLICY,
      floating: { trailingWindowMonths: 6, maxMonthlyChangeBp: 1_000 },
    };
    const actuals = [
      { month: '2024-10', cartons: 30 },
      { month: '2024-11', cartons: 30 },
      { month: '2024-12', cartons: 30 },
      ...quarter(30, 30, 30),
    ];
    const quota = computeMonthlyQuota(input({ actuals }), policy);
    // January–March and October–December 2024 are in the window (September would not be): average 30.
    expect(quota.explanation).toMatchObject({
      trailingAverage: 30,
      maxMonthlyChangeCartons: 10,
      agreedTotal: 90,
    });
  });

  it('crosses a year boundary: the window of February 2025 is November 2024–January 2025', () => {
    const actuals = [
      { month: '2024-10', cartons: 999 },
      { month: '2024-11', cartons: 100 },
      { month: '2024-12', cartons: 100 },
      { month: '2025-01', cartons: 103 },
    ];
    expect(computeMonthlyQuota(input({ month: '2025-02', actuals })).agreedTotal).toBe(101);
  });

  it('counts complete months only: computed on 25 December, January’s window is September–November', () => {
    // 20 cartons a week on Thursdays: September 4 order days, October 5, November 4; December has 4 of its 5
    // consolidated on the 25th (the 31st's is not): a partial month is not averaged as a whole one.
    const actuals = [
      { month: '2026-09', cartons: 80 },
      { month: '2026-10', cartons: 100 },
      { month: '2026-11', cartons: 80 },
      { month: '2026-12', cartons: 80 },
    ];
    const computed = computeMonthlyQuota(
      input({ month: '2027-01', previousAgreedTotal: 90, actuals, lastCompleteMonth: '2026-11' }),
    );
    expect(computed.explanation).toMatchObject({
      trailingActuals: actuals.slice(0, 3),
      trailingAverage: 86, // ⌊260 ÷ 3⌋
    });
    expect(computed.agreedTotal).toBe(86);
    // Once December is complete (a recomputation in January), it is in the window.
    const later = computeMonthlyQuota(
      input({ month: '2027-01', previousAgreedTotal: 90, actuals, lastCompleteMonth: '2026-12' }),
    );
    expect(later.explanation).toMatchObject({ trailingActuals: actuals.slice(1), trailingAverage: 86 });
    // A later "last complete month" than the month before changes nothing.
    expect(
      computeMonthlyQuota(
        input({ month: '2026-12', previousAgreedTotal: 90, actuals, lastCompleteMonth: '2026-12' }),
      ).explanation,
    ).toMatchObject({ trailingActuals: actuals.slice(0, 3) });
  });

  it.each<[string, Partial<MonthlyQuotaInput>]>([
    ['a malformed month', { month: '2025-13' }],
    ['a malformed last complete month', { lastCompleteMonth: '2025-3' }],
    ['a malformed actual month', { actuals: [{ month: '2025-1', cartons: 5 }] }],
    ['the same month twice', { actuals: [...quarter(1, 2, 3), { month: '2025-03', cartons: 4 }] }],
    ['negative actual cartons', { actuals: quarter(1, -2, 3) }],
    ['a fractional previous total', { previousAgreedTotal: 99.5 }],
    ['a negative manager total', { agreedTotalSetByManager: -1 }],
    ['a negative policy base', { policyBase: -10 }],
    ['fractional used cartons', { alreadyUsed: 0.5 }],
  ])('throws on %s', (_, overrides) => {
    expect(() => computeMonthlyQuota(input(overrides))).toThrow(RangeError);
  });

  it.each([
    { trailingWindowMonths: 0, maxMonthlyChangeBp: 2_000 },
    { trailingWindowMonths: 25, maxMonthlyChangeBp: 2_000 },
    { trailingWindowMonths: 3, maxMonthlyChangeBp: -1 },
    { trailingWindowMonths: 3, maxMonthlyChangeBp: 10_001 },
  ])('throws on a floating policy %j', (floating) => {
    expect(() => computeMonthlyQuota(input(), { ...DEFAULT_QUOTA_POLICY, floating })).toThrow(RangeError);
  });

  it('moves towards the average, never past it, by at most the bounded step; never takes used cartons away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (previous, cartons, maxMonthlyChangeBp, alreadyUsed) => {
          const actuals = cartons.map((value, i) => ({ month: `2025-0${3 - i}`, cartons: value }));
          const policy = {
            ...DEFAULT_QUOTA_POLICY,
            floating: { trailingWindowMonths: 3, maxMonthlyChangeBp },
          };
          const quota = computeMonthlyQuota(
            input({ previousAgreedTotal: previous, actuals, alreadyUsed }),
            policy,
          );
          const average = Math.floor(cartons.reduce((a, b) => a + b, 0) / cartons.length);
          expect(quota.agreedTotal).toBeGreaterThanOrEqual(Math.min(previous, average));
          expect(quota.agreedTotal).toBeLessThanOrEqual(Math.max(previous, average));
          expect(Math.abs(quota.agreedTotal - previous)).toBeLessThanOrEqual(
            Math.ceil((previous * maxMonthlyChangeBp) / 10_000),
          );
          expect(quota.effectiveCap).toBe(Math.max(quota.formulaCap, alreadyUsed));
        },
      ),
    );
  });
});
