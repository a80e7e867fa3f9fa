import { describe, expect, it } from '@jest/globals';
import {
  cyclePositionInMonth,
  DEFAULT_CYCLE_TIMES,
  scheduleWeeklyCycles,
  type WeeklyCycleRule,
} from './cycle-schedule.rule.js';

function iso(cycles: ReturnType<typeof scheduleWeeklyCycles>) {
  return cycles.map(({ orderDate, opensAt, cutoffAt }) => ({
    orderDate,
    opensAt: opensAt.toISOString(),
    cutoffAt: cutoffAt.toISOString(),
  }));
}

const tuesdays: WeeklyCycleRule = { orderWeekday: 2, ...DEFAULT_CYCLE_TIMES, timeZone: 'Asia/Shanghai' };

describe('scheduleWeeklyCycles', () => {
  it('gives a Tuesday territory the Tuesdays of March 2025, opening 12:00 Monday, cutting off 16:00 (UTC+8)', () => {
    // 1 March 2025 is a Saturday, 31 March a Monday.
    expect(iso(scheduleWeeklyCycles(tuesdays, '2025-03-01', '2025-03-31'))).toEqual([
      { orderDate: '2025-03-04', opensAt: '2025-03-03T04:00:00.000Z', cutoffAt: '2025-03-04T08:00:00.000Z' },
      { orderDate: '2025-03-11', opensAt: '2025-03-10T04:00:00.000Z', cutoffAt: '2025-03-11T08:00:00.000Z' },
      { orderDate: '2025-03-18', opensAt: '2025-03-17T04:00:00.000Z', cutoffAt: '2025-03-18T08:00:00.000Z' },
      { orderDate: '2025-03-25', opensAt: '2025-03-24T04:00:00.000Z', cutoffAt: '2025-03-25T08:00:00.000Z' },
    ]);
  });

  it('includes both ends of the range', () => {
    expect(scheduleWeeklyCycles(tuesdays, '2025-03-04', '2025-03-11').map((c) => c.orderDate)).toEqual([
      '2025-03-04',
      '2025-03-11',
    ]);
  });

  it.each([
    ['a range without the weekday', '2025-03-05', '2025-03-10'],
    ['a range ending before it starts', '2025-03-31', '2025-03-01'],
  ])('is empty for %s', (_, from, to) => {
    expect(scheduleWeeklyCycles(tuesdays, from, to)).toEqual([]);
  });

  it('opens days ahead and across a month end: Monday order day, opening Saturday 09:30', () => {
    const rule = { ...tuesdays, orderWeekday: 1, opensDaysBefore: 2, opensAtTime: '09:30' };
    expect(iso(scheduleWeeklyCycles(rule, '2025-08-26', '2025-09-01'))).toEqual([
      { orderDate: '2025-09-01', opensAt: '2025-08-30T01:30:00.000Z', cutoffAt: '2025-09-01T08:00:00.000Z' },
    ]);
  });

  it('opens on the order day itself when told to: Sunday 08:00–16:00', () => {
    const rule = { ...tuesdays, orderWeekday: 7, opensDaysBefore: 0, opensAtTime: '08:00' };
    expect(iso(scheduleWeeklyCycles(rule, '2025-03-01', '2025-03-02'))).toEqual([
      { orderDate: '2025-03-02', opensAt: '2025-03-02T00:00:00.000Z', cutoffAt: '2025-03-02T08:00:00.000Z' },
    ]);
  });

  it('follows the zone’s own offsets: a Berlin week across the change to summer time', () => {
    const rule = { ...tuesdays, orderWeekday: 1, timeZone: 'Europe/Berlin' };
    expect(iso(scheduleWeeklyCycles(rule, '2024-03-25', '2024-04-01'))).toEqual([
      { orderDate: '2024-03-25', opensAt: '2024-03-24T11:00:00.000Z', cutoffAt: '2024-03-25T15:00:00.000Z' },
      { orderDate: '2024-04-01', opensAt: '2024-03-31T10:00:00.000Z', cutoffAt: '2024-04-01T14:00:00.000Z' },
    ]);
  });

  it.each<[string, Partial<WeeklyCycleRule>]>([
    ['weekday 0', { orderWeekday: 0 }],
    ['weekday 8', { orderWeekday: 8 }],
    ['a fractional weekday', { orderWeekday: 1.5 }],
    ['opening 7 days ahead', { opensDaysBefore: 7 }],
    ['opening after the order day', { opensDaysBefore: -1 }],
    ['a malformed opening time', { opensAtTime: '12' }],
    ['a malformed cutoff', { cutoffTime: '16:00:00' }],
    ['opening at the cutoff on the order day', { opensDaysBefore: 0, opensAtTime: '16:00' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
  ])('throws on %s', (_, overrides) => {
    expect(() => scheduleWeeklyCycles({ ...tuesdays, ...overrides }, '2025-03-01', '2025-03-31')).toThrow(
      RangeError,
    );
  });

  it('throws on an impossible date', () => {
    expect(() => scheduleWeeklyCycles(tuesdays, '2025-02-29', '2025-03-31')).toThrow(RangeError);
  });
});

describe('cyclePositionInMonth', () => {
  const march = ['2025-02-25', '2025-03-04', '2025-03-11', '2025-03-18', '2025-03-25', '2025-04-01'];
  const april = ['2025-04-01', '2025-04-08', '2025-04-15', '2025-04-22', '2025-04-29'];

  it.each<[string, string[], string, object]>([
    [
      'the first of 4',
      march,
      '2025-03-04',
      { month: '2025-03', index: 1, cyclesInMonth: 4, remainingCycles: 4 },
    ],
    [
      'the third of 4',
      march,
      '2025-03-18',
      { month: '2025-03', index: 3, cyclesInMonth: 4, remainingCycles: 2 },
    ],
    [
      'the last of 4',
      march,
      '2025-03-25',
      { month: '2025-03', index: 4, cyclesInMonth: 4, remainingCycles: 1 },
    ],
    [
      'the first of 5',
      april,
      '2025-04-01',
      { month: '2025-04', index: 1, cyclesInMonth: 5, remainingCycles: 5 },
    ],
    [
      'a cycle moved from Tuesday 7 to Friday 10 October, with 30 September cancelled out of the list',
      ['2025-10-10', '2025-10-14', '2025-10-21', '2025-10-28'],
      '2025-10-10',
      { month: '2025-10', index: 1, cyclesInMonth: 4, remainingCycles: 4 },
    ],
    [
      'unsorted dates with a repeat',
      ['2025-03-25', '2025-03-04', '2025-03-18', '2025-03-04', '2025-03-11'],
      '2025-03-11',
      { month: '2025-03', index: 2, cyclesInMonth: 4, remainingCycles: 3 },
    ],
  ])('places %s', (_, dates, orderDate, position) => {
    expect(cyclePositionInMonth(dates, orderDate)).toEqual(position);
  });

  it('throws for a date that is not one of the cycles', () => {
    expect(() => cyclePositionInMonth(march, '2025-03-05')).toThrow(RangeError);
  });
});
