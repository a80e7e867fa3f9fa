import { addDays, firstDayOfMonth, lastDayOfMonth, requireDate } from '#libs/kernel';

/**
 * Which days of a month its KPIs count, seen from `today` (business dates, YYYY-MM-DD / YYYY-MM):
 *
 * - a month not started yet has no KPIs (`null`);
 * - the current month counts field work through today, and sales through yesterday: order lines of an order
 *   day exist once its cycle is consolidated, the next morning;
 * - a month that is over counts everything through its last day, and only then is forecast accuracy
 *   measured (a forecast is of the whole month).
 */
export interface KpiMonthPeriod {
  readonly month: string;
  readonly asOf: string;
  readonly salesThrough: string;
  readonly over: boolean;
}

export function kpiMonthPeriod(month: string, today: string): KpiMonthPeriod | null {
  requireDate(today, 'today');
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  if (today < first) return null;
  if (today > last) return { month, asOf: last, salesThrough: last, over: true };
  return { month, asOf: today, salesThrough: addDays(today, -1), over: false };
}
