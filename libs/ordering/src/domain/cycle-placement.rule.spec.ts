import { describe, expect, it } from '@jest/globals';
import { WorkingDays } from '#libs/kernel';
import { planCycles, windowConflict } from './cycle-placement.rule.js';
import { DEFAULT_CYCLE_TIMES, regularCycle, type WeeklyCycleRule } from './cycle-schedule.rule.js';

/** 国庆 2025: off Wednesday 1 to Wednesday 8 October, worked Sunday 28 September and Saturday 11 October. */
const autumn2025 = new WorkingDays({
  nonWorkingDays: ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `2025-10-${day}`),
  swappedWorkingDays: ['2025-09-28', '2025-10-11'],
});
const rule = (orderWeekday: number): WeeklyCycleRule => ({
  orderWeekday,
  ...DEFAULT_CYCLE_TIMES,
  timeZone: 'Asia/Shanghai',
});
const wednesdays = rule(3);
const weeks = ['2025-09-29', '2025-10-06', '2025-10-13'];
/** The Wednesday territory's cycle of the week before, already there. */
const september24 = regularCycle(wednesdays, '2025-09-22');
const longAgo = new Date('2025-09-20T00:00:00Z');

/** [week, order date, opens, cuts off, status, placed by] — windows in UTC (Shanghai − 8 h). */
type Row = [string, string, string, string, string, string];
const rows = (planned: ReturnType<typeof planCycles>): Row[] =>
  planned.map((c) => [
    c.orderWeek,
    c.orderDate,
    c.opensAt.toISOString().slice(0, 16),
    c.cutoffAt.toISOString().slice(0, 16),
    c.status,
    c.placedBy,
  ]);

describe('planCycles', () => {
  it('moves a Wednesday off to the working Tuesday before, and merges the next week off into it', () => {
    const planned = planCycles({
      rule: wednesdays,
      regular: weeks.map((week) => regularCycle(wednesdays, week)),
      workingDays: autumn2025,
      onDayOff: 'earlier',
      fixed: [september24],
      now: longAgo,
    });
    expect(rows(planned)).toEqual([
      ['2025-09-29', '2025-09-30', '2025-09-29T04:00', '2025-09-30T08:00', 'scheduled', 'calendar'],
      // 8 October's working day before is 30 September as well: that cycle takes the week.
      ['2025-10-06', '2025-10-08', '2025-10-07T04:00', '2025-10-08T08:00', 'cancelled', 'calendar'],
      ['2025-10-13', '2025-10-15', '2025-10-14T04:00', '2025-10-15T08:00', 'scheduled', 'schedule'],
    ]);
  });

  it('moves it to the working Thursday after under “later”', () => {
    const planned = planCycles({
      rule: wednesdays,
      regular: weeks.map((week) => regularCycle(wednesdays, week)),
      workingDays: autumn2025,
      onDayOff: 'later',
      fixed: [september24],
      now: longAgo,
    });
    expect(rows(planned)).toEqual([
      ['2025-09-29', '2025-10-09', '2025-10-08T04:00', '2025-10-09T08:00', 'scheduled', 'calendar'],
      ['2025-10-06', '2025-10-08', '2025-10-07T04:00', '2025-10-08T08:00', 'cancelled', 'calendar'],
      ['2025-10-13', '2025-10-15', '2025-10-14T04:00', '2025-10-15T08:00', 'scheduled', 'schedule'],
    ]);
  });

  it('cancels both weeks off under “cancel”', () => {
    const planned = planCycles({
      rule: wednesdays,
      regular: weeks.map((week) => regularCycle(wednesdays, week)),
      workingDays: autumn2025,
      onDayOff: 'cancel',
      fixed: [],
      now: longAgo,
    });
    expect(planned.map((c) => c.status)).toEqual(['cancelled', 'cancelled', 'scheduled']);
  });

  it('opens a cycle moved into the week before at the previous cycle’s cutoff, never inside its window', () => {
    const mondays = rule(1);
    const planned = planCycles({
      rule: mondays,
      regular: ['2025-09-29', '2025-10-06'].map((week) => regularCycle(mondays, week)),
      workingDays: autumn2025,
      onDayOff: 'earlier',
      fixed: [],
      now: longAgo,
    });
    expect(rows(planned)).toEqual([
      ['2025-09-29', '2025-09-29', '2025-09-28T04:00', '2025-09-29T08:00', 'scheduled', 'schedule'],
      // 6 October → Tuesday 30 September; its window would open Monday 12:00, inside Monday's (to 16:00).
      ['2025-10-06', '2025-09-30', '2025-09-29T08:00', '2025-09-30T08:00', 'scheduled', 'calendar'],
    ]);
  });

  it('cancels a move that would land on the next cycle’s order day', () => {
    const movedByHand = regularCycle(rule(4), '2025-10-06'); // Thursday 9 October
    const planned = planCycles({
      rule: wednesdays,
      regular: [regularCycle(wednesdays, '2025-09-29')],
      workingDays: autumn2025,
      onDayOff: 'later',
      fixed: [movedByHand],
      now: longAgo,
    });
    expect(rows(planned)).toEqual([
      ['2025-09-29', '2025-10-01', '2025-09-30T04:00', '2025-10-01T08:00', 'cancelled', 'calendar'],
    ]);
  });

  it('cancels a move into a day whose cutoff has passed', () => {
    const planned = planCycles({
      rule: wednesdays,
      regular: [regularCycle(wednesdays, '2025-09-29')],
      workingDays: autumn2025,
      onDayOff: 'earlier',
      fixed: [],
      now: new Date('2025-09-30T09:00:00Z'), // Tuesday 17:00
    });
    expect(planned[0].status).toBe('cancelled');
  });

  it('leaves every week on its weekday without days off', () => {
    const planned = planCycles({
      rule: wednesdays,
      regular: weeks.map((week) => regularCycle(wednesdays, week)),
      workingDays: WorkingDays.MONDAY_TO_FRIDAY,
      onDayOff: 'earlier',
      fixed: [september24],
      now: longAgo,
    });
    expect(planned.map((c) => [c.orderDate, c.status, c.placedBy])).toEqual([
      ['2025-10-01', 'scheduled', 'schedule'],
      ['2025-10-08', 'scheduled', 'schedule'],
      ['2025-10-15', 'scheduled', 'schedule'],
    ]);
  });
});

describe('windowConflict', () => {
  const window = (orderDate: string, opensAt: string, cutoffAt: string) => ({
    orderDate,
    opensAt: new Date(opensAt),
    cutoffAt: new Date(cutoffAt),
  });
  const previous = window('2025-09-24', '2025-09-23T04:00:00Z', '2025-09-24T08:00:00Z');
  const next = window('2025-10-08', '2025-10-07T04:00:00Z', '2025-10-08T08:00:00Z');

  it.each([
    ['between both', window('2025-10-01', '2025-09-30T04:00:00Z', '2025-10-01T08:00:00Z'), null],
    [
      'opening at the previous cutoff',
      window('2025-09-25', '2025-09-24T08:00:00Z', '2025-09-25T08:00:00Z'),
      null,
    ],
    [
      'opening inside the previous window',
      window('2025-09-25', '2025-09-24T07:59:00Z', '2025-09-25T08:00:00Z'),
      'previous',
    ],
    [
      'on the previous order day',
      window('2025-09-24', '2025-09-24T08:00:00Z', '2025-09-24T09:00:00Z'),
      'previous',
    ],
    [
      'closing after the next opens',
      window('2025-10-07', '2025-10-06T04:00:00Z', '2025-10-07T04:01:00Z'),
      'next',
    ],
    ['on the next order day', window('2025-10-08', '2025-10-06T04:00:00Z', '2025-10-07T04:00:00Z'), 'next'],
  ] as const)('%s → %p', (_, candidate, conflict) => {
    expect(windowConflict(candidate, previous, next)).toBe(conflict);
  });
});
