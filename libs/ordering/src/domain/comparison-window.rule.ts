import { addDays, requireDate } from './business-time.js';

/** A span of business dates, both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** A month's sales window and the windows it is compared with: 环比 (previous month) and 同比 (last year). */
export interface ComparisonWindows {
  readonly current: DateRange;
  readonly previousMonth: DateRange;
  readonly lastYear: DateRange;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthStart(year: number, monthOfYear: number): string {
  return `${String(year).padStart(4, '0')}-${String(monthOfYear).padStart(2, '0')}-01`;
}

function lastDayOfMonth(firstDay: string): string {
  const [year, monthOfYear] = firstDay.split('-').map(Number);
  const next = monthOfYear === 12 ? monthStart(year + 1, 1) : monthStart(year, monthOfYear + 1);
  return addDays(next, -1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The windows of a month up to `through` (a date in the month; default its last day): a month still running is
 * compared with the same days of the previous month and of the same month last year (1–15 March with 1–15
 * February and 1–15 March last year), never with whole months, or every month would look short until its
 * last day. A window that would run past the end of a shorter month stops at its last day (1–30 March
 * against 1–28 February), and a whole month compares with whole months. `through` before the month's first day gives empty windows (from > to).
 */
export function comparisonWindows(month: string, through?: string): ComparisonWindows {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`expected a month YYYY-MM (got "${month}")`);
  const year = Number(match[1]);
  const monthOfYear = Number(match[2]);
  const from = monthStart(year, monthOfYear);
  const last = lastDayOfMonth(from);
  let to = last;
  if (through !== undefined) {
    requireDate(through);
    if (through > last) throw new RangeError(`${through} is after ${month}`);
    to = through;
  }
  const days = daysBetween(from, to);
  const shifted = (first: string): DateRange => {
    const end = lastDayOfMonth(first);
    // A whole month compares with whole months, however long they are.
    if (to === last) return { from: first, to: end };
    const shiftedTo = days < 0 ? addDays(first, -1) : addDays(first, days);
    return { from: first, to: shiftedTo > end ? end : shiftedTo };
  };
  return {
    current: { from, to },
    previousMonth: shifted(monthOfYear === 1 ? monthStart(year - 1, 12) : monthStart(year, monthOfYear - 1)),
    lastYear: shifted(monthStart(year - 1, monthOfYear)),
  };
}
