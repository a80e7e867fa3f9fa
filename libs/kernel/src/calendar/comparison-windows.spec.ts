import { describe, expect, it } from '@jest/globals';
import { comparisonWindows, yearToDateWindows } from './comparison-windows.js';

describe('comparisonWindows', () => {
  it('compares a whole month with whole months', () => {
    expect(comparisonWindows('2026-11')).toEqual({
      current: { from: '2026-11-01', to: '2026-11-30' },
      previousMonth: { from: '2026-10-01', to: '2026-10-31' },
      lastYear: { from: '2025-11-01', to: '2025-11-30' },
    });
  });

  it.each([
    // a month still running: the same days before
    [
      '2026-03',
      '2026-03-15',
      { from: '2026-02-01', to: '2026-02-15' },
      { from: '2025-03-01', to: '2025-03-15' },
    ],
    // a window longer than the shorter month stops at its end
    [
      '2026-03',
      '2026-03-30',
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2025-03-01', to: '2025-03-30' },
    ],
    [
      '2026-03',
      '2026-03-29',
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2025-03-01', to: '2025-03-29' },
    ],
    // the last day of a month: whole months on both sides
    [
      '2028-02',
      '2028-02-29',
      { from: '2028-01-01', to: '2028-01-31' },
      { from: '2027-02-01', to: '2027-02-28' },
    ],
    [
      '2026-04',
      '2026-04-30',
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2025-04-01', to: '2025-04-30' },
    ],
    // January compares with December of the year before
    [
      '2027-01',
      '2027-01-10',
      { from: '2026-12-01', to: '2026-12-10' },
      { from: '2026-01-01', to: '2026-01-10' },
    ],
    // the month's first day
    [
      '2026-12',
      '2026-12-01',
      { from: '2026-11-01', to: '2026-11-01' },
      { from: '2025-12-01', to: '2025-12-01' },
    ],
  ])('%s through %s → previous %j, last year %j', (month, through, previousMonth, lastYear) => {
    const windows = comparisonWindows(month, through);
    expect(windows.current).toEqual({ from: `${month}-01`, to: through });
    expect(windows.previousMonth).toEqual(previousMonth);
    expect(windows.lastYear).toEqual(lastYear);
  });

  it('gives empty windows when nothing of the month has passed', () => {
    const windows = comparisonWindows('2026-12', '2026-11-30');
    expect(windows.current.from > windows.current.to).toBe(true);
    expect(windows.previousMonth.from > windows.previousMonth.to).toBe(true);
    expect(windows.lastYear.from > windows.lastYear.to).toBe(true);
  });

  it.each([['2026-13'], ['2026-1'], ['x']])('refuses the month %s', (month) => {
    expect(() => comparisonWindows(month)).toThrow(RangeError);
  });

  it('refuses a through date after the month', () => {
    expect(() => comparisonWindows('2026-11', '2026-12-01')).toThrow(RangeError);
  });
});

describe('yearToDateWindows', () => {
  it.each([
    ['2026-11-30', '2026-01-01', '2025-01-01', '2025-11-30'],
    ['2026-01-01', '2026-01-01', '2025-01-01', '2025-01-01'],
    ['2028-02-29', '2028-01-01', '2027-01-01', '2027-02-28'], // a leap day compares with the 28th
    ['2027-12-31', '2027-01-01', '2026-01-01', '2026-12-31'],
  ])('through %s: %s … and %s … %s', (through, from, lastFrom, lastTo) => {
    expect(yearToDateWindows(through)).toEqual({
      current: { from, to: through },
      lastYear: { from: lastFrom, to: lastTo },
    });
  });

  it('refuses what is not a date', () => {
    expect(() => yearToDateWindows('2026-02-30')).toThrow(RangeError);
  });
});
