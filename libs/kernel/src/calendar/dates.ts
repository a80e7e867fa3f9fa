/**
 * Business dates as the people of the department read them off the wall calendar: a day is 'YYYY-MM-DD', a
 * month 'YYYY-MM'. No time zone is involved here (see `zoned.ts` for instants); day arithmetic runs on day
 * numbers with UTC only as a calendar without daylight saving, so the host's zone never shifts a day.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** Days from 1970-01-01 (negative before). Throws on anything but a real date. */
function dayNumber(date: string): number {
  const match = DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 02-30 over to 03-02 (and years below 100 to 19xx): the round trip catches both.
  if (Number.isNaN(ms) || dateOfDayNumber(ms / DAY_MS) !== date) {
    throw new RangeError(`expected a date YYYY-MM-DD (got "${date}")`);
  }
  return ms / DAY_MS;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function requireDate(value: string, name = 'date'): void {
  if (!isDate(value)) throw new RangeError(`${name} must be a date YYYY-MM-DD (got "${value}")`);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function requireMonth(value: string, name = 'month'): void {
  if (!isMonth(value)) throw new RangeError(`${name} must be a month YYYY-MM (got "${value}")`);
}

/** A wall-clock time of day 'HH:mm' (00:00–23:59). */
export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

export function requireTimeOfDay(value: string, name = 'time'): void {
  if (!isTimeOfDay(value)) throw new RangeError(`${name} must be a time HH:mm (got "${value}")`);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `from` to `to`, both included (empty when `to` is earlier). */
export function datesBetween(from: string, to: string): string[] {
  const start = dayNumber(from);
  const length = dayNumber(to) - start + 1;
  return Array.from({ length: Math.max(0, length) }, (_, i) => dateOfDayNumber(start + i));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of a date's week (ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function monthOf(date: string): string {
  requireDate(date);
  return date.slice(0, 7);
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: string, count: number): string {
  requireMonth(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDayOfMonth(month: string): string {
  requireMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** A span of business dates, both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export type PeriodUnit = 'month' | 'quarter' | 'year';

const MONTHS_IN: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter (Jan–Mar, Apr–Jun, …) or year a date falls in. */
export function periodContaining(date: string, unit: PeriodUnit): DateRange {
  const month = monthOf(date);
  const length = MONTHS_IN[unit];
  const first = addMonths(month, -((Number(month.slice(5, 7)) - 1) % length));
  return { from: firstDayOfMonth(first), to: lastDayOfMonth(addMonths(first, length - 1)) };
}
