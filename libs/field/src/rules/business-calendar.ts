import { addMonths } from '#libs/kernel';
import { dateOfDayNumber, dayNumber } from '../domain/business-date.util.js';

/**
 * Business dates (YYYY-MM-DD) and months (YYYY-MM) in the department's time zone. Field work counts days,
 * weeks and months as the people doing it see them on the wall calendar, never in UTC.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function monthOf(date: string): string {
  dayNumber(date);
  return date.slice(0, 7);
}

export function firstDayOf(month: string): string {
  assertMonth(month);
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Monday–Friday days from `from` to `to`, both included (0 when `to` is before `from`).
 * Public holidays and the swapped working weekends 调休 are not modelled: there is no holiday calendar yet.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return 0;
  const days = end - start + 1;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  // 1970-01-01 (day 0) was a Thursday: ISO weekday = ((day + 3) mod 7) + 1.
  for (let day = start + fullWeeks * 7; day <= end; day++) {
    const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
    if (isoWeekday <= 5) count++;
  }
  return count;
}

function assertMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`expected a month YYYY-MM (got "${month}")`);
}
