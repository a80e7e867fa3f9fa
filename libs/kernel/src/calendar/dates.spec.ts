import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  datesBetween,
  daysBetween,
  isDate,
  isMonth,
  isTimeOfDay,
  isoWeekday,
  lastDayOfMonth,
  mondayOf,
  monthOf,
  periodContaining,
} from './dates.js';

describe('dates', () => {
  it.each(['2026-02-29', '2026-1-01', '2026-01-32', '2026-13-01', '0099-01-01', 'x', ''])(
    '%p is not a date',
    (value) => {
      expect(isDate(value)).toBe(false);
      expect(() => addDays(value, 1)).toThrow(RangeError);
    },
  );

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2026-11-18', 0, '2026-11-18'],
    ['2026-11-18', 14, '2026-12-02'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts and lists the days between two dates', () => {
    expect(daysBetween('2026-11-20', '2026-12-04')).toBe(14);
    expect(daysBetween('2026-12-04', '2026-11-20')).toBe(-14);
    expect(datesBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(datesBetween('2024-03-01', '2024-02-28')).toEqual([]);
  });

  it.each([
    ['2025-03-01', 6],
    ['2025-03-02', 7],
    ['2025-03-03', 1],
    ['2024-02-29', 4],
    ['2026-11-18', 3],
    ['1969-12-31', 3],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-12-14', '2026-12-14'], // a Monday is its own week's
    ['2026-12-17', '2026-12-14'],
    ['2026-12-20', '2026-12-14'], // Sunday closes the ISO week
    ['2027-01-01', '2026-12-28'], // across the year boundary
    ['2024-03-03', '2024-02-26'], // across a leap day
  ])('the Monday of %s is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('agrees with the host calendar on weekdays and day steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), (day) => {
        const host = new Date(day * 86_400_000);
        const date = host.toISOString().slice(0, 10);
        expect(isoWeekday(date)).toBe(host.getUTCDay() || 7);
        expect(addDays(date, 1)).toBe(new Date((day + 1) * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('months', () => {
  it.each([
    ['2026-01', '2026-01-31'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'], // leap year
    ['2000-02', '2000-02-29'], // divisible by 400
    ['2100-02', '2100-02-28'], // divisible by 100 only
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('the last day of %s is %s', (month, day) => {
    expect(lastDayOfMonth(month)).toBe(day);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
    ['2026-05', 0, '2026-05'],
    ['2027-01', -12, '2026-01'],
  ])('%s + %i months is %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it.each(['2026-13', '2026-00', '26-01', '2026-1', '2026-01-01', ''])('%p is not a month', (value) => {
    expect(isMonth(value)).toBe(false);
    expect(() => addMonths(value, 1)).toThrow(RangeError);
  });

  it('takes the month of a date', () => {
    expect(monthOf('2026-02-28')).toBe('2026-02');
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2026-11-18', 'month', '2026-11-01', '2026-11-30'],
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'],
    ['2026-01-01', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-05-31', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-07-15', 'year', '2026-01-01', '2026-12-31'],
  ] as const)('%s lies in the %s %s … %s', (date, unit, from, to) => {
    expect(periodContaining(date, unit)).toEqual({ from, to });
  });
});

describe('times of day', () => {
  it.each([
    ['00:00', true],
    ['23:59', true],
    ['16:00', true],
    ['24:00', false],
    ['9:00', false],
    ['12:60', false],
    ['12:00:00', false],
  ])('%p is a time HH:mm: %p', (value, expected) => {
    expect(isTimeOfDay(value)).toBe(expected);
  });
});
