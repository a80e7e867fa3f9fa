import { requireMonth } from './month.js';

/**
 * The dates of a month that fall on a retailer's weekly order day (ISO weekday, 1 = Monday), as YYYY-MM-DD.
 * The plain weekly rhythm: holiday moves of actual order cycles are the ordering context's business.
 */
export function orderDatesInMonth(month: string, isoWeekday: number): string[] {
  requireMonth(month, 'month');
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) {
    throw new RangeError(`isoWeekday must be 1–7 (got ${isoWeekday})`);
  }
  const [year, monthOfYear] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, monthOfYear, 0)).getUTCDate();
  const dates: string[] = [];
  for (let day = 1; day <= days; day++) {
    const weekday = new Date(Date.UTC(year, monthOfYear - 1, day)).getUTCDay() || 7;
    if (weekday === isoWeekday) dates.push(`${month}-${String(day).padStart(2, '0')}`);
  }
  return dates;
}

/** Order dates of the month on or after `today` (YYYY-MM-DD): the cycles still to come, today's included. */
export function remainingOrderDates(month: string, isoWeekday: number, today: string): string[] {
  return orderDatesInMonth(month, isoWeekday).filter((date) => date >= today);
}

/** 'YYYY-MM' → 'YYYY-MM-01', the month's key in the database. */
export function monthStart(month: string): string {
  requireMonth(month, 'month');
  return `${month}-01`;
}
