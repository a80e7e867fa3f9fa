import { addMonths, firstDayOfMonth, monthOf } from '#libs/kernel';

/**
 * A month's forecast is submitted before the month starts and may be revised until then; from the first
 * day of the month (in the business time zone) it is locked. Months further ahead than the horizon are
 * refused, which catches typed years such as 2062-01.
 */
export const FORECAST_HORIZON_MONTHS = 12;

export type ForecastWindow = 'open' | 'locked' | 'tooFar';

export function forecastWindow(
  month: string,
  today: string,
  horizonMonths: number = FORECAST_HORIZON_MONTHS,
): ForecastWindow {
  if (today >= firstDayOfMonth(month)) return 'locked';
  if (month > addMonths(monthOf(today), horizonMonths)) return 'tooFar';
  return 'open';
}

/** Accuracy is measured once the month is over: from the first day of the next month. */
export function monthIsOver(month: string, today: string): boolean {
  return today >= firstDayOfMonth(addMonths(month, 1));
}
