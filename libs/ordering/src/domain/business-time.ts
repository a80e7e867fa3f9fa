/** The business runs on China Standard Time; everything here takes the zone as a parameter all the same. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** Parses a calendar date 'YYYY-MM-DD' to its midnight in UTC, which makes day arithmetic zone-free. */
function dateToUtcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  const midnight = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2025-02-30 over to March: a round trip catches impossible dates.
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`expected a date YYYY-MM-DD (got "${date}")`);
  }
  return midnight;
}

export function requireDate(date: string): void {
  dateToUtcMidnight(date);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(dateToUtcMidnight(date)).getUTCDay() || 7;
}

export function requireTime(time: string): void {
  if (!TIME_PATTERN.test(time)) throw new RangeError(`expected a time HH:mm (got "${time}")`);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of `instant` in `timeZone`, expressed as if that reading were UTC. */
function wallClockMs(instant: number, timeZone: string): number {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(
    format.formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]),
  );
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time`, from the zone's own rules (Intl), not a
 * fixed offset — China observed daylight saving time in 1986–1991. Like Temporal's "compatible" choice: a time
 * that occurs twice (clocks set back) is the earlier instant; one that never occurs (clocks set forward) is
 * read with the offset before the change, i.e. pushed later by the gap.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  requireTime(time);
  const [hours, minutes] = time.split(':').map(Number);
  const wall = dateToUtcMidnight(date) + (hours * 60 + minutes) * 60_000;
  // A zone changes offset at most once within a day either side: those two offsets give every candidate.
  const offsetBefore = wallClockMs(wall - DAY_MS, timeZone) - (wall - DAY_MS);
  const offsetAfter = wallClockMs(wall + DAY_MS, timeZone) - (wall + DAY_MS);
  const matching = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wallClockMs(instant, timeZone) === wall,
  );
  return new Date(matching.length > 0 ? Math.min(...matching) : wall - offsetBefore);
}

/** The Monday of a date's week (ISO weeks start on Monday): scarce limits are set per order week. */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
