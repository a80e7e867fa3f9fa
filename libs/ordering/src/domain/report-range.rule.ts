import { daysBetween } from '#libs/kernel';

/** The longest range of order dates one anomaly report covers (a quarter): it is read from every line. */
export const MAX_REPORT_RANGE_DAYS = 92;

/**
 * Whether a range of order dates may be reported on: both ends given, the first not after the last, and at
 * most `maxDays` days from first to last (both included). Null when it may; the refusal's details otherwise.
 */
export function reportRangeRefusal(
  fromDate: string | undefined,
  toDate: string | undefined,
  maxDays = MAX_REPORT_RANGE_DAYS,
): { fromDate: string | null; toDate: string | null; maxDays: number } | null {
  const fits =
    fromDate !== undefined &&
    toDate !== undefined &&
    daysBetween(fromDate, toDate) >= 0 &&
    daysBetween(fromDate, toDate) < maxDays;
  return fits ? null : { fromDate: fromDate ?? null, toDate: toDate ?? null, maxDays };
}
