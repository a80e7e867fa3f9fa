import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  isMonth,
  lastDayOf,
  monthOf,
  workingDaysBetween,
} from './business-calendar.js';

describe('months', () => {
  it.each([
    ['2024-02', '2024-02-29'],
    ['2026-02', '2026-02-28'],
    ['2026-12', '2026-12-31'],
    ['2026-04', '2026-04-30'],
  ])('the last day of %s is %s', (month, day) => {
    expect(lastDayOf(month)).toBe(day);
  });

  it.each(['2026-13', '2026-00', '26-01', '2026-1', '2026-01-01', ''])('%p is not a month', (value) => {
    expect(isMonth(value)).toBe(false);
  });

  it('takes the month of a date', () => {
    expect(monthOf('2026-02-28')).toBe('2026-02');
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('days', () => {
  it('adds and counts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-11-20', '2026-12-04')).toBe(14);
    expect(daysBetween('2026-12-04', '2026-11-20')).toBe(-14);
  });

  it.each(['2026-02-29', '2026-1-01', '2026-01-32', 'x'])('%p is not a date', (value) => {
    expect(() => monthOf(value)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  // November 2026: the 1st is a Sunday, the 30th a Monday.
  it.each([
    ['2026-11-01', '2026-11-30', 21],
    ['2026-11-02', '2026-11-06', 5], // Monday to Friday
    ['2026-11-07', '2026-11-08', 0], // a weekend
    ['2026-11-06', '2026-11-09', 2], // Friday to Monday
    ['2026-11-09', '2026-11-09', 1],
    ['2026-11-10', '2026-11-09', 0], // empty range
    ['2026-02-01', '2026-02-28', 20],
    ['2024-02-01', '2024-02-29', 21],
  ])('%s to %s has %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 400 }), (start, length) => {
        const from = addDays('1970-01-01', start);
        const to = addDays(from, length);
        let expected = 0;
        for (let i = 0; i <= length; i++) {
          const weekday = new Date(`${addDays(from, i)}T00:00:00Z`).getUTCDay(); // 0 = Sunday
          if (weekday !== 0 && weekday !== 6) expected++;
        }
        expect(workingDaysBetween(from, to)).toBe(expected);
      }),
    );
  });
});
