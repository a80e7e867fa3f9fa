import { Injectable } from '@nestjs/common';

/**
 * The time, injected, so rules that depend on it (cutoffs, locks, deadlines) are tested without waiting.
 * Tests replace `now` on the app's instance.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The month (YYYY-MM) of an instant in a time zone. */
export function monthIn(timeZone: string, instant: Date): string {
  return dateIn(timeZone, instant).slice(0, 7);
}

/** The month `count` months after `month` (YYYY-MM; negative counts go back). */
export function addMonths(month: string, count: number): string {
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = year * 12 + monthOfYear - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
