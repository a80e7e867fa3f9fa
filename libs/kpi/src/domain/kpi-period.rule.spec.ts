import { describe, expect, it } from '@jest/globals';
import { kpiMonthPeriod } from './kpi-period.rule.js';

describe('kpiMonthPeriod', () => {
  it.each([
    ['2026-12', '2026-11-30', null],
    ['2026-12', '2026-12-01', { asOf: '2026-12-01', salesThrough: '2026-11-30', over: false }],
    ['2026-12', '2026-12-15', { asOf: '2026-12-15', salesThrough: '2026-12-14', over: false }],
    ['2026-12', '2026-12-31', { asOf: '2026-12-31', salesThrough: '2026-12-30', over: false }],
    ['2026-12', '2027-01-01', { asOf: '2026-12-31', salesThrough: '2026-12-31', over: true }],
    ['2028-02', '2028-03-10', { asOf: '2028-02-29', salesThrough: '2028-02-29', over: true }],
  ])('%s seen on %s → %j', (month, today, expected) => {
    const period = kpiMonthPeriod(month, today);
    expect(period).toEqual(expected === null ? null : { month, ...expected });
  });

  it('refuses malformed months and dates', () => {
    expect(() => kpiMonthPeriod('2026-13', '2026-12-01')).toThrow(RangeError);
    expect(() => kpiMonthPeriod('2026-12', '2026-12-1')).toThrow(RangeError);
  });
});
