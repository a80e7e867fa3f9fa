import {
  addDays,
  addMonths,
  daysBetween,
  type DateRange,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  periodContaining,
  requireDate,
} from './dates.js';

/** A month's window and the windows it is compared with: 环比 (previous month) and 同比 (last year). */
export interface ComparisonWindows {
  readonly current: DateRange;
  readonly previousMonth: DateRange;
  readonly lastYear: DateRange;
}

/**
 * The windows of a month up to `through` (a date in the month; default its last day): a month still running is
 * compared with the same days of the previous month and of the same month last year (1–15 March with 1–15
 * February and 1–15 March last year), never with whole months, or every month would look short until its
 * last day. A window that would run past the end of a shorter month stops at its last day (1–30 March
 * against 1–28 February), and a whole month compares with whole months. `through` before the month's first
 * day gives empty windows (from > to).
 */
export function comparisonWindows(month: string, through?: string): ComparisonWindows {
  const from = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  let to = last;
  if (through !== undefined) {
    requireDate(through, 'through');
    if (through > last) throw new RangeError(`${through} is after ${month}`);
    to = through;
  }
  const days = daysBetween(from, to);
  const sameDays = (earlier: string): DateRange => {
    const first = firstDayOfMonth(earlier);
    const end = lastDayOfMonth(earlier);
    if (to === last) return { from: first, to: end };
    const shiftedTo = days < 0 ? addDays(first, -1) : addDays(first, days);
    return { from: first, to: shiftedTo > end ? end : shiftedTo };
  };
  return {
    current: { from, to },
    previousMonth: sameDays(addMonths(month, -1)),
    lastYear: sameDays(addMonths(month, -12)),
  };
}

/** The year to date through a date, and the same period of last year (同期累计). */
export interface YearToDateWindows {
  readonly current: DateRange;
  readonly lastYear: DateRange;
}

/**
 * 1 January to `through`, and 1 January to the same day of last year — a 29 February's same day being the
 * 28th, as `comparisonWindows` clips it.
 */
export function yearToDateWindows(through: string): YearToDateWindows {
  requireDate(through, 'through');
  const lastYearTo = comparisonWindows(monthOf(through), through).lastYear.to;
  return {
    current: { from: periodContaining(through, 'year').from, to: through },
    lastYear: { from: periodContaining(lastYearTo, 'year').from, to: lastYearTo },
  };
}
