import { describe, expect, it } from '@jest/globals';
import { WorkingDays } from '#libs/kernel';
import { monthCloseGraceEnd, monthCloseWaits } from './month-close-readiness.rule.js';

/** The departments' default: the 3rd working day of the next month, 09:00. */
const THIRD_AT_NINE = { workingDay: 3, at: '09:00' };

describe('when a month may be closed', () => {
  it('waits until the 3rd working day of the next month, 09:00, by the department’s calendar', () => {
    // January 2027: Friday the 1st, Monday the 4th, Tuesday the 5th.
    expect(monthCloseGraceEnd('2026-12', THIRD_AT_NINE, WorkingDays.MONDAY_TO_FRIDAY)).toEqual({
      date: '2027-01-05',
      time: '09:00',
    });
    // 元旦 off on the 1st, Saturday the 2nd worked instead (调休): the 2nd, 4th, 5th.
    const calendar = new WorkingDays({ nonWorkingDays: ['2027-01-01'], swappedWorkingDays: ['2027-01-02'] });
    expect(monthCloseGraceEnd('2026-12', THIRD_AT_NINE, calendar).date).toBe('2027-01-05');
    // 国庆: 1–7 October off, Saturday the 10th worked: the 8th, 9th, 10th.
    const national = new WorkingDays({
      nonWorkingDays: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      swappedWorkingDays: ['2027-10-09'],
    });
    expect(monthCloseGraceEnd('2027-09', { workingDay: 2, at: '14:30' }, national)).toEqual({
      date: '2027-10-09',
      time: '14:30',
    });
  });

  const graceEnd = { date: '2027-01-05', time: '09:00' };
  const none = { cycles: 0, lastOrderDate: null };

  it('closes once every cycle is finished and the grace period is over, not a minute before', () => {
    expect(
      monthCloseWaits({
        month: '2026-12',
        now: { date: '2027-01-05', time: '09:00:00' },
        graceEnd,
        unfinished: none,
      }),
    ).toEqual([]);
    expect(
      monthCloseWaits({
        month: '2026-12',
        now: { date: '2027-01-05', time: '08:59:59' },
        graceEnd,
        unfinished: none,
      }).map((w) => w.reason),
    ).toEqual(['grace-period']);
  });

  it('waits for the month’s unfinished cycles even after the grace period', () => {
    expect(
      monthCloseWaits({
        month: '2026-12',
        now: { date: '2027-01-06', time: '10:00:00' },
        graceEnd,
        unfinished: { cycles: 2, lastOrderDate: '2026-12-31' },
      }),
    ).toEqual([
      {
        reason: 'cycles-not-finished',
        text: '2026-12 还有 2 个订货周期未汇总（最后订货日 2026-12-31）',
        details: { month: '2026-12', cycles: 2, lastOrderDate: '2026-12-31' },
      },
    ]);
    expect(
      monthCloseWaits({
        month: '2026-12',
        now: { date: '2027-01-01', time: '01:10:00' },
        graceEnd,
        unfinished: { cycles: 1, lastOrderDate: '2026-12-31' },
      }).map((w) => w.reason),
    ).toEqual(['cycles-not-finished', 'grace-period']);
  });
});
