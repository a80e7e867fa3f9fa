import { describe, expect, it } from '@jest/globals';
import { reportRangeRefusal } from './report-range.rule.js';

describe('reportRangeRefusal', () => {
  it.each([
    ['one day', '2026-12-07', '2026-12-07'],
    ['a month', '2026-12-01', '2026-12-31'],
    ['92 days, both ends included', '2026-01-01', '2026-04-02'],
    ['across a year end', '2026-12-15', '2027-01-15'],
  ])('accepts %s', (_, from, to) => {
    expect(reportRangeRefusal(from, to)).toBeNull();
  });

  it.each([
    ['93 days', '2026-01-01', '2026-04-03'],
    ['the first after the last', '2026-12-08', '2026-12-07'],
    ['no first date', undefined, '2026-12-07'],
    ['no last date', '2026-12-07', undefined],
  ])('refuses %s', (_, from, to) => {
    expect(reportRangeRefusal(from, to)).toEqual({ fromDate: from ?? null, toDate: to ?? null, maxDays: 92 });
  });
});
