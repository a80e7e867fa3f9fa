import { datesBetween, firstDayOfMonth, isoWeekday, lastDayOfMonth } from '#libs/kernel';

/**
 * The dates of a month that fall on a retailer's weekly order day (ISO weekday, 1 = Monday), as YYYY-MM-DD.
 * The plain weekly rhythm: holiday moves of actual order cycles are the ordering context's business.
 */
export function orderDatesInMonth(month: string, weekday: number): string[] {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`isoWeekday must be 1–7 (got ${weekday})`);
  }
  return datesBetween(firstDayOfMonth(month), lastDayOfMonth(month)).filter(
    (date) => isoWeekday(date) === weekday,
  );
}

/** Order dates of the month on or after `today` (YYYY-MM-DD): the cycles still to come, today's included. */
export function remainingOrderDates(month: string, isoWeekday: number, today: string): string[] {
  return orderDatesInMonth(month, isoWeekday).filter((date) => date >= today);
}
