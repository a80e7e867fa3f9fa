import { describe, expect, it } from '@jest/globals';
import {
  type CalendarEntry,
  holidayListChange,
  holidayListProblems,
  workingDaysOf,
} from './holiday-list.rule.js';

const off = (date: string, name = '国庆节'): CalendarEntry => ({ date, kind: 'dayOff', name });
const work = (date: string, name = '国庆调休'): CalendarEntry => ({ date, kind: 'workingDay', name });

describe('holidayListProblems', () => {
  it('takes 2025’s 国庆: eight days off and two weekend days worked', () => {
    const list = [
      work('2025-09-28'),
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => off(`2025-10-${day}`)),
      work('2025-10-11'),
    ];
    expect(holidayListProblems(2025, list)).toEqual([]);
  });

  it('finds every problem, in list order', () => {
    const list = [
      off('2026-01-01', '元旦'), // the next year
      off('2025-10-01'),
      off('2025-10-01'), // again
      work('2025-10-10'), // a Friday
      work('2025-10-11'), // a Saturday: fine
      off('2025-10-04'), // a Saturday off: fine
    ];
    expect(holidayListProblems(2025, list)).toEqual([
      { index: 0, date: '2026-01-01', problem: 'outsideYear' },
      { index: 2, date: '2025-10-01', problem: 'duplicate' },
      { index: 3, date: '2025-10-10', problem: 'workingDayNotWeekend' },
    ]);
  });
});

describe('workingDaysOf', () => {
  it('makes the listed days off and worked', () => {
    const days = workingDaysOf([off('2025-10-01'), work('2025-10-11')]);
    expect(days.isWorkingDay('2025-10-01')).toBe(false); // a Wednesday off
    expect(days.isWorkingDay('2025-10-11')).toBe(true); // a Saturday worked
    expect(days.isWorkingDay('2025-10-02')).toBe(true); // not listed: an ordinary Thursday
  });
});

describe('holidayListChange', () => {
  it('names the days added, removed and changed', () => {
    const before = [off('2025-10-01'), off('2025-10-02'), work('2025-10-11')];
    const after = [off('2025-10-02', '中秋节'), work('2025-10-11'), off('2025-10-03')];
    expect(holidayListChange(before, after)).toEqual({
      added: [off('2025-10-03')],
      removed: [off('2025-10-01')],
      changed: [{ before: off('2025-10-02'), after: off('2025-10-02', '中秋节') }],
    });
  });
});
