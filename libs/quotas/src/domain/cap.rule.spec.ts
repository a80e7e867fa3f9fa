import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  computeCap,
  DEFAULT_FLOAT_ALLOWANCES_BP,
  FLOAT_ALLOWANCE_BANDS_BP,
  validateFloatAllowances,
  type FloatAllowancesBp,
} from './cap.rule.js';
import { BUSINESS_SCALES, type BusinessScale } from './retailer-class.js';

describe('computeCap', () => {
  it.each<[number, BusinessScale, number, string]>([
    [0, 'large', 0, '0'], // an agreed total of 0 stays 0
    [0, 'small', 0, '0'],
    [100, 'large', 105, '105'],
    [100, 'medium', 110, '110'],
    [100, 'small', 115, '115'],
    [6, 'small', 7, '6.9'], // the case: rounding down left 6, no float at all
    [19, 'large', 20, '19.95'],
    [7, 'medium', 8, '7.7'],
    [33, 'small', 38, '37.95'],
    [1, 'small', 2, '1.15'], // one carton agreed: still one carton of float
    [1, 'large', 2, '1.05'],
    [1_234, 'medium', 1_358, '1357.4'],
    [4_000_000_000_000_001, 'medium', 4_400_000_000_000_002, '4400000000000001.1'], // exact past float precision
  ])(
    'agreed %i cartons, %s retailer → cap %i (exactly %s, rounded up)',
    (agreedTotal, scale, cap, capExact) => {
      expect(computeCap(agreedTotal, scale)).toEqual({
        floatBp: DEFAULT_FLOAT_ALLOWANCES_BP[scale],
        capExact,
        cap,
      });
    },
  );

  it.each<[BusinessScale, number]>([
    ['large', 110],
    ['medium', 105],
    ['small', 120],
  ])('uses a configured allowance: %s → %i for 100 agreed', (scale, cap) => {
    const allowances: FloatAllowancesBp = { large: 1_000, medium: 500, small: 2_000 };
    expect(computeCap(100, scale, allowances).cap).toBe(cap);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses an agreed total of %p',
    (agreedTotal) => {
      expect(() => computeCap(agreedTotal, 'medium')).toThrow(RangeError);
    },
  );

  it.each<[BusinessScale, number]>([
    ['large', 1_100],
    ['large', 499],
    ['small', 900],
    ['medium', 750.5],
  ])('refuses a %s allowance of %p bp, outside its band', (scale, floatBp) => {
    expect(() => computeCap(100, scale, { ...DEFAULT_FLOAT_ALLOWANCES_BP, [scale]: floatBp })).toThrow(
      RangeError,
    );
  });

  it('refuses a cap past the safe integer range rather than rounding it', () => {
    expect(() => computeCap(9_000_000_000_000_000, 'small')).toThrow(RangeError);
  });

  it('gives every positive agreed total at least one carton of float, stays within the band and grows', () => {
    const allowancesInBand = fc.record({
      large: fc.integer({ min: 500, max: 1_000 }),
      medium: fc.integer({ min: 500, max: 1_000 }),
      small: fc.integer({ min: 1_000, max: 2_000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...BUSINESS_SCALES),
        allowancesInBand,
        (agreedTotal, scale, allowances) => {
          const { cap, floatBp } = computeCap(agreedTotal, scale, allowances);
          const { toBp } = FLOAT_ALLOWANCE_BANDS_BP[scale];
          if (agreedTotal === 0) expect(cap).toBe(0);
          else expect(cap).toBeGreaterThanOrEqual(agreedTotal + 1);
          // The smallest whole number not below agreed × (1 + float), so never a carton past the band's top + 1:
          expect(cap * 10_000).toBeGreaterThanOrEqual(agreedTotal * (10_000 + floatBp));
          expect((cap - 1) * 10_000).toBeLessThan(agreedTotal * (10_000 + floatBp));
          expect((cap - 1) * 10_000).toBeLessThan(agreedTotal * (10_000 + toBp));
          expect(computeCap(agreedTotal + 1, scale, allowances).cap).toBeGreaterThanOrEqual(cap);
        },
      ),
    );
  });
});

describe('validateFloatAllowances', () => {
  it.each<[string, FloatAllowancesBp]>([
    ['the defaults', DEFAULT_FLOAT_ALLOWANCES_BP],
    ['the lowest of every band', { large: 500, medium: 500, small: 1_000 }],
    ['the highest of every band', { large: 1_000, medium: 1_000, small: 2_000 }],
  ])('accepts %s', (_, allowances) => {
    expect(validateFloatAllowances(allowances)).toEqual({ ok: true, value: allowances });
  });

  it.each<[BusinessScale, number, { fromBp: number; toBp: number }]>([
    ['large', 499, { fromBp: 500, toBp: 1_000 }],
    ['large', 750.5, { fromBp: 500, toBp: 1_000 }],
    ['medium', 1_001, { fromBp: 500, toBp: 1_000 }],
    ['small', 999, { fromBp: 1_000, toBp: 2_000 }],
    ['small', 2_001, { fromBp: 1_000, toBp: 2_000 }],
    ['small', -1_500, { fromBp: 1_000, toBp: 2_000 }],
  ])('names a %s allowance of %p bp as out of band', (scale, floatBp, band) => {
    const result = validateFloatAllowances({ ...DEFAULT_FLOAT_ALLOWANCES_BP, [scale]: floatBp });
    expect(result).toMatchObject({
      ok: false,
      code: 'QUOTA_FLOAT_OUT_OF_BAND',
      details: { scale, floatBp, band },
    });
  });
});
