import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  assessBigAccount,
  type BigAccountGround,
  bigAccountStatus,
  bigAccountWait,
  checkBigAccountOverride,
} from './big-account.rule.js';

describe('assessBigAccount with the default policy (1,000 cartons, 5× the local average)', () => {
  // A center of 300 retailers selling 30,000 cartons: average 100, five times that is 500.
  const center = { totalCartons: 30_000, retailerCount: 300 };
  // A center of bigger shops: average 1,000, five times that is 5,000.
  const busyCenter = { totalCartons: 300_000, retailerCount: 300 };

  it.each<[number, { totalCartons: number; retailerCount: number }, BigAccountGround[]]>([
    [1_000, center, ['monthlyVolume', 'aboveLocalAverage']],
    [1_000, busyCenter, ['monthlyVolume']], // the volume rule alone
    [999, busyCenter, []],
    [600, center, ['aboveLocalAverage']], // 600 > 500
    [501, center, ['aboveLocalAverage']],
    [500, center, []], // exactly 5×: "more than" is strict
    [0, { totalCartons: 0, retailerCount: 300 }, []], // a month without sales anywhere
    [2_000, { totalCartons: 2_000, retailerCount: 1 }, ['monthlyVolume']], // alone, it is its own average
  ])('%d cartons in %j → %j', (cartons, local, grounds) => {
    expect(assessBigAccount(cartons, local)).toEqual({ isBigAccount: grounds.length > 0, grounds });
  });

  it('follows a configured policy', () => {
    const policy = { minMonthlyCartons: 800, localAverageMultiple: 10 };
    expect(assessBigAccount(800, center, policy).grounds).toEqual(['monthlyVolume']); // 800 is not > 1,000
    expect(assessBigAccount(700, center, policy).grounds).toEqual([]);
  });

  it.each([
    [-1, center],
    [1.5, center],
    [100, { totalCartons: 99, retailerCount: 300 }], // the total must include the retailer
    [100, { totalCartons: 30_000, retailerCount: 0 }],
  ])('refuses %p cartons in %j', (cartons, local) => {
    expect(() => assessBigAccount(cartons, local)).toThrow(RangeError);
  });

  it('is a big account exactly when it has a ground', () => {
    fc.assert(
      fc.property(
        fc.nat(5_000),
        fc.nat(100_000),
        fc.integer({ min: 1, max: 1_000 }),
        (cartons, others, count) => {
          const result = assessBigAccount(cartons, { totalCartons: cartons + others, retailerCount: count });
          expect(result.isBigAccount).toBe(result.grounds.length > 0);
          expect(result.grounds.includes('monthlyVolume')).toBe(cartons >= 1_000);
        },
      ),
    );
  });
});

describe('big-account override', () => {
  it('needs a reason, and keeps it trimmed', () => {
    expect(checkBigAccountOverride({ isBigAccount: true, reason: '  \n' })).toMatchObject({
      ok: false,
      code: 'BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED',
      details: { isBigAccount: true },
    });
    expect(checkBigAccountOverride({ isBigAccount: false, reason: ' 一次性团购,非常态经营 ' })).toEqual({
      ok: true,
      value: { isBigAccount: false, reason: '一次性团购,非常态经营' },
    });
  });

  const computedBig = { isBigAccount: true, grounds: ['monthlyVolume'] as const };

  it('uses the computed flag when nobody overrode it', () => {
    expect(bigAccountStatus(computedBig, null)).toEqual({
      isBigAccount: true,
      source: 'computed',
      grounds: ['monthlyVolume'],
      overrideReason: null,
    });
  });

  it('lets an override win while keeping the computed grounds visible', () => {
    expect(bigAccountStatus(computedBig, { isBigAccount: false, reason: '团购' })).toEqual({
      isBigAccount: false,
      source: 'override',
      grounds: ['monthlyVolume'],
      overrideReason: '团购',
    });
  });

  it('refuses to apply an override that has no reason', () => {
    expect(() => bigAccountStatus(computedBig, { isBigAccount: false, reason: '' })).toThrow(RangeError);
  });
});

describe('bigAccountWait', () => {
  it('waits while any cycle of the month is unfinished, naming the last order day', () => {
    expect(bigAccountWait('2026-12', { cycles: 2, lastOrderDate: '2026-12-31' })).toEqual({
      reason: 'cycles-not-finished',
      text: '2026-12 还有 2 个订货周期未汇总（最后订货日 2026-12-31），大户评定待汇总后进行',
      details: { month: '2026-12', cycles: 2, lastOrderDate: '2026-12-31' },
    });
  });

  it('lets a month with every cycle consolidated or cancelled be assessed', () => {
    expect(bigAccountWait('2026-12', { cycles: 0, lastOrderDate: null })).toBeNull();
  });
});
