import { addDays, firstDayOfMonth, addMonths, requireDate, requireTimeOfDay } from './dates.js';

/**
 * Instants and the business zone (an IANA zone, `TZ`): which business date an instant falls on, and which
 * instant a business date and time is. Offsets come from the zone's own rules (Intl), never a fixed +08:00 —
 * China itself kept summer time in 1986–1991, and a deployment may run in a zone that still does.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What the clocks of the zone show at an instant: its business date and time of day ('HH:mm:ss'). */
export interface WallClock {
  readonly date: string;
  readonly time: string;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const part = Object.fromEntries(
    format(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${part.year.padStart(4, '0')}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
  };
}

/** The business date an instant falls on. */
export function businessDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** The business month 'YYYY-MM' an instant falls in. */
export function businessMonth(instant: Date, timeZone: string): string {
  return businessDate(instant, timeZone).slice(0, 7);
}

/** The wall-clock reading of `instant` written as if it were UTC, in milliseconds (seconds precision). */
function wallMs(instant: number, timeZone: string): number {
  const { date, time } = wallClock(new Date(instant), timeZone);
  return Date.parse(`${date}T${time}Z`);
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the clocks of `timeZone` show `date` `time` ('HH:mm'). Like Temporal's "compatible"
 * choice: a time that happens twice (clocks set back) is the earlier instant; one that never happens (clocks
 * set forward) is read with the offset before the change, i.e. pushed later by the gap — so a day whose
 * midnight is skipped starts at the first instant it has.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  requireDate(date);
  requireTimeOfDay(time);
  const wall = Date.parse(`${date}T${time}:00Z`);
  // A zone changes its offset at most once within a day either side: those two offsets give every candidate.
  const offsetBefore = wallMs(wall - DAY_MS, timeZone) - (wall - DAY_MS);
  const offsetAfter = wallMs(wall + DAY_MS, timeZone) - (wall + DAY_MS);
  const matching = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wallMs(instant, timeZone) === wall,
  );
  return new Date(matching.length > 0 ? Math.min(...matching) : wall - offsetBefore);
}

/** The first instant of a business date. */
export function startOfDay(date: string, timeZone: string): Date {
  return zonedDateTimeToInstant(date, '00:00', timeZone);
}

/** The end of a business date, exclusive: the first instant of the next day (a day may last 23 or 25 hours). */
export function endOfDay(date: string, timeZone: string): Date {
  return startOfDay(addDays(date, 1), timeZone);
}

/** The first instant of a business month. */
export function startOfMonth(month: string, timeZone: string): Date {
  return startOfDay(firstDayOfMonth(month), timeZone);
}

/** The end of a business month, exclusive: the first instant of the next month. */
export function endOfMonth(month: string, timeZone: string): Date {
  return startOfMonth(addMonths(month, 1), timeZone);
}
