import { describe, expect, it } from '@jest/globals';
import {
  cyclePositionInMonth,
  cyclesLeftInMonth,
  DEFAULT_CYCLE_TIMES,
  generationEnd,
  regularCycle,
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

describe('regularCycle', () => {
  it('puts a week’s cycle on the rule’s weekday of that week', () => {
    expect(regularCycle(tuesdays, '2026-11-30')).toEqual({
      orderWeek: '2026-11-30',
      orderDate: '2026-12-01',
      opensAt: new Date('2026-11-30T04:00:00Z'),
      cutoffAt: new Date('2026-12-01T08:00:00Z'),
    });
  });

  it('names a week by its Monday only', () => {
    expect(() => regularCycle(tuesdays, '2026-12-01')).toThrow(RangeError);
  });

  it('names each generated cycle by its week', () => {
    expect(scheduleWeeklyCycles(tuesdays, '2026-12-01', '2026-12-08').map((c) => c.orderWeek)).toEqual([
      '2026-11-30',
      '2026-12-07',
    ]);
  });
});

describe('generationEnd', () => {
  it.each([
    ['2026-11-30', 4, '2026-12-31'], // four weeks reach 27 December: the rest of December too
    ['2026-11-18', 4, '2026-12-31'],
    ['2026-11-01', 4, '2026-11-30'], // 28 November: November's end
    ['2027-01-05', 4, '2027-02-28'], // 1 February: all of February
    ['2026-12-14', 2, '2026-12-31'],
  ])('from %s, %i weeks reach %s', (today, weeks, end) => {
    expect(generationEnd(today, weeks)).toBe(end);
  });
});

describe('cyclesLeftInMonth', () => {
  // A Tuesday territory: 24 November and the five Tuesdays of December 2026, each cutting off 16:00 (08:00Z).
  const cycles = ['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'].map(
    (orderDate) => ({
      orderDate,
      opensAt: new Date(`${orderDate}T04:00:00Z`),
      cutoffAt: new Date(`${orderDate}T08:00:00Z`),
    }),
  );

  it.each([
    ['2026-11-30T07:00:00Z', 5], // Monday 15:00: 1 December's window has opened
    ['2026-12-01T07:59:59Z', 5], // the last second before its cutoff
    ['2026-12-01T08:00:00Z', 4], // cut off: 8 December is next
    ['2026-12-29T07:00:00Z', 1],
    ['2026-12-29T09:00:00Z', 0], // the month's last cycle is cut off
  ])('December at %s has %i left', (now, left) => {
    expect(cyclesLeftInMonth(cycles, '2026-12', new Date(now))).toBe(left);
  });

  it('counts a whole month not started yet, and none of a month over', () => {
    expect(cyclesLeftInMonth(cycles, '2026-12', new Date('2026-11-01T00:00:00Z'))).toBe(5);
    expect(cyclesLeftInMonth(cycles, '2026-11', new Date('2026-11-30T07:00:00Z'))).toBe(0);
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
