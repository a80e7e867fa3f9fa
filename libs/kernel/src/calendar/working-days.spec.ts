import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, isoWeekday } from './dates.js';
import { WorkingDays } from './working-days.js';

/**
 * The autumn of 2025 as the State Council set it: 国庆 and 中秋 off from Wednesday 1 to Wednesday 8 October,
 * worked instead on Sunday 28 September and Saturday 11 October.
 */
const autumn2025 = new WorkingDays({
  nonWorkingDays: ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `2025-10-${day}`),
  swappedWorkingDays: ['2025-09-28', '2025-10-11'],
});

describe('WorkingDays', () => {
  it.each([
    ['2025-09-26', true], // a Friday
    ['2025-09-27', false], // a Saturday
    ['2025-09-28', true], // a Sunday worked instead
    ['2025-10-01', false], // 国庆
    ['2025-10-06', false], // a Monday off
    ['2025-10-09', true], // back to work
    ['2025-10-11', true], // a Saturday worked instead
    ['2025-10-12', false], // an ordinary Sunday
  ])('%s is a working day: %p', (date, expected) => {
    expect(autumn2025.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    // October 2025: 23 weekdays, 6 of them off (1–3, 6–8), one Saturday worked (11).
    ['2025-10-01', '2025-10-31', 18],
    // 22 weekdays in September and Sunday the 28th.
    ['2025-09-01', '2025-09-30', 23],
    ['2025-10-01', '2025-10-08', 0],
    ['2025-10-09', '2025-10-12', 3],
    ['2025-10-12', '2025-10-09', 0],
  ])('%s to %s holds %i working days', (from, to, expected) => {
    expect(autumn2025.countWorkingDays(from, to)).toBe(expected);
  });

  it.each([
    ['2025-09-30', '2025-10-09', '2025-09-29'],
    ['2025-10-03', '2025-10-09', '2025-09-30'],
    ['2025-10-10', '2025-10-11', '2025-10-09'],
    ['2025-09-26', '2025-09-28', '2025-09-25'],
  ])('after %s comes %s, before it %s', (date, next, previous) => {
    expect(autumn2025.nextWorkingDay(date)).toBe(next);
    expect(autumn2025.previousWorkingDay(date)).toBe(previous);
  });

  it.each([
    ['2025-10-02', 'earlier', '2025-09-30'],
    ['2025-10-02', 'later', '2025-10-09'],
    ['2025-10-02', 'cancel', null],
    ['2025-10-11', 'earlier', '2025-10-11'], // a working Saturday stays where it is
    ['2025-10-09', 'cancel', '2025-10-09'],
  ] as const)('something due on %s goes %s to %s', (date, rule, expected) => {
    expect(autumn2025.workingDayFor(date, rule)).toBe(expected);
  });

  it('finds the n-th working day of a month', () => {
    expect(autumn2025.nthWorkingDay('2025-10', 1)).toBe('2025-10-09');
    expect(autumn2025.nthWorkingDay('2025-10', 3)).toBe('2025-10-11');
    expect(WorkingDays.MONDAY_TO_FRIDAY.nthWorkingDay('2025-10', 3)).toBe('2025-10-03');
    expect(() => autumn2025.nthWorkingDay('2025-10', 19)).toThrow(RangeError);
    expect(() => autumn2025.nthWorkingDay('2025-10', 0)).toThrow(RangeError);
  });

  it.each([
    // November 2026: the 1st is a Sunday, the 30th a Monday.
    ['2026-11-01', '2026-11-30', 21],
    ['2026-11-07', '2026-11-08', 0],
    ['2026-11-06', '2026-11-09', 2],
    ['2026-02-01', '2026-02-28', 20],
    ['2024-02-01', '2024-02-29', 21], // the leap day is a Thursday
  ])('without a holiday calendar %s to %s holds %i working days', (from, to, expected) => {
    expect(WorkingDays.MONDAY_TO_FRIDAY.countWorkingDays(from, to)).toBe(expected);
  });

  it('refuses a day both off and worked, and a date that is none', () => {
    expect(
      () => new WorkingDays({ nonWorkingDays: ['2025-10-11'], swappedWorkingDays: ['2025-10-11'] }),
    ).toThrow(RangeError);
    expect(() => new WorkingDays({ nonWorkingDays: ['2025-02-30'] })).toThrow(RangeError);
  });

  it('gives up on a calendar without a working day in a year', () => {
    const start = '2026-01-01';
    const everyDay = Array.from({ length: 800 }, (_, i) => addDays(start, i));
    expect(() => new WorkingDays({ nonWorkingDays: everyDay }).nextWorkingDay(start)).toThrow(RangeError);
  });

  it('counts what it answers day by day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
        (start, length, offsets) => {
          const from = addDays('1970-01-01', start);
          const off = offsets.filter((o) => o % 2 === 0).map((o) => addDays(from, o));
          const swapped = offsets
            .filter((o) => o % 2 === 1)
            .map((o) => addDays(from, o))
            .filter((date) => isoWeekday(date) >= 6);
          const calendar = new WorkingDays({ nonWorkingDays: off, swappedWorkingDays: swapped });
          let expected = 0;
          for (let i = 0; i <= length; i++) {
            const date = addDays(from, i);
            if (!off.includes(date) && (swapped.includes(date) || isoWeekday(date) <= 5)) expected++;
          }
          expect(calendar.countWorkingDays(from, addDays(from, length))).toBe(expected);
        },
      ),
    );
  });
});
