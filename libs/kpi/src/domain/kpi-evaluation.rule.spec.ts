import { describe, expect, it } from '@jest/globals';
import { type KpiCode } from './kpi-definitions.table.js';
import { evaluateKpi, type KpiStatus, kpiTarget, type KpiTargetOverrides } from './kpi-evaluation.rule.js';
import { rate } from './rate.rule.js';

describe('evaluateKpi with default targets', () => {
  it.each<[KpiCode, number | null, number | null | undefined, KpiStatus]>([
    ['guidanceCoverageYearToDate', 0.6, undefined, 'meets'], // the target itself meets it
    ['guidanceCoverageYearToDate', 0.59, undefined, 'below'],
    ['guidanceCoverageYearToDate', null, undefined, 'noValue'], // no retailers: nothing to judge
    ['effectiveGuidance', 0.8, undefined, 'meets'],
    ['effectiveGuidance', 0.79, undefined, 'below'],
    ['visitAttainment', 1, undefined, 'meets'],
    ['visitAttainment', 1.3, undefined, 'meets'],
    ['visitAttainment', 0.99, undefined, 'below'],
    ['policyAwareness', 0.2, undefined, 'noTarget'],
    ['leadVerificationRate', 0.5, undefined, 'noTarget'],
    ['proxyReceipts', 0, undefined, 'meets'],
    ['proxyReceipts', 1, undefined, 'below'],
    ['forecastAccuracy', 0.8, 0.75, 'meets'],
    ['forecastAccuracy', 0.75, 0.75, 'meets'], // holding the level counts: 100 % cannot rise
    ['forecastAccuracy', 0.7, 0.75, 'below'],
    ['forecastAccuracy', 0.7, null, 'noTarget'], // first month: no baseline to beat
    ['forecastAccuracy', 0.7, undefined, 'noTarget'],
    ['averagePricePerCarton', 15_001, 15_000, 'meets'],
    ['averagePricePerCarton', 14_999, 15_000, 'below'],
  ])('%s = %p (previous %p) → %s', (code, value, previous, status) => {
    expect(evaluateKpi(code, { value, previous })).toBe(status);
  });

  it('judges a rate at exactly the target as meeting it (3 of 5 retailers guided = 60 %)', () => {
    expect(evaluateKpi('guidanceCoverageYearToDate', { value: rate(3, 5).ratio })).toBe('meets');
  });
});

describe('targets over last year’s same period (the seed’s 单条价 and 销量)', () => {
  it.each<[KpiTargetOverrides, number, number | null, KpiStatus]>([
    // up by ¥5 (500 fen) a carton over last year's ¥180.00
    [{ averagePricePerCarton: { kind: 'upByAmount', value: 500 } }, 18_500, 18_000, 'meets'],
    [{ averagePricePerCarton: { kind: 'upByAmount', value: 500 } }, 18_499, 18_000, 'below'],
    // up by 7 %: 100 → 107 exactly meets, although 100 × 1.07 is not 107 in binary
    [{ averagePricePerCarton: { kind: 'upByPercent', value: 0.07 } }, 107, 100, 'meets'],
    [{ averagePricePerCarton: { kind: 'upByPercent', value: 0.07 } }, 106, 100, 'below'],
    [{ averagePricePerCarton: { kind: 'upByPercent', value: 0.07 } }, 106, null, 'noTarget'], // no last year
  ])('%j: %p against last year %p → %s', (overrides, value, previous, status) => {
    expect(evaluateKpi('averagePricePerCarton', { value, previous, overrides })).toBe(status);
  });
});

describe('department target overrides', () => {
  const overrides: KpiTargetOverrides = {
    guidanceCoverageYearToDate: { kind: 'atLeast', value: 0.7 },
    policyAwareness: { kind: 'atLeast', value: 0.9 },
    effectiveGuidance: null,
  };

  it.each<[KpiCode, number, KpiStatus]>([
    ['guidanceCoverageYearToDate', 0.65, 'below'], // would meet the default 60 %
    ['guidanceCoverageYearToDate', 0.7, 'meets'],
    ['policyAwareness', 0.95, 'meets'], // no default, the department set one
    ['policyAwareness', 0.85, 'below'],
    ['effectiveGuidance', 0.1, 'noTarget'], // the department removed the target
    ['visitAttainment', 0.9, 'below'], // not overridden: default 100 % applies
  ])('%s = %p → %s', (code, value, status) => {
    expect(evaluateKpi(code, { value, overrides })).toBe(status);
  });

  it('resolves the target a department sees', () => {
    expect(kpiTarget('guidanceCoverageYearToDate')).toEqual({ kind: 'atLeast', value: 0.6 });
    expect(kpiTarget('guidanceCoverageYearToDate', overrides)).toEqual({ kind: 'atLeast', value: 0.7 });
    expect(kpiTarget('effectiveGuidance', overrides)).toBeNull();
    expect(kpiTarget('keyBrandShelfRate')).toBeNull();
  });
});
