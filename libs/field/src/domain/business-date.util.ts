/**
 * Business-calendar days as YYYY-MM-DD strings, counted as whole days since 1970-01-01. UTC is used only as
 * a calendar without daylight saving, so the host's time zone never shifts a day.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 02-30 over to 03-01; formatting back catches that.
  if (Number.isNaN(ms) || dateOfDayNumber(ms / MS_PER_DAY) !== date) {
    throw new RangeError(`expected a calendar date YYYY-MM-DD (got "${date}")`);
  }
  return ms / MS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
