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

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

export function kpiMonthPeriod(month: string, today: string): KpiMonthPeriod | null {
  if (!MONTH.test(month)) throw new RangeError(`expected a month YYYY-MM (got "${month}")`);
  if (!DATE.test(today)) throw new RangeError(`expected a date YYYY-MM-DD (got "${today}")`);
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  if (today < first) return null;
  if (today > last) return { month, asOf: last, salesThrough: last, over: true };
  return { month, asOf: today, salesThrough: shiftDate(today, -1), over: false };
}

/** The month `count` months after `month` (negative: before). */
export function shiftMonth(month: string, count: number): string {
  if (!MONTH.test(month)) throw new RangeError(`expected a month YYYY-MM (got "${month}")`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function lastDayOfMonth(month: string): string {
  return shiftDate(`${shiftMonth(month, 1)}-01`, -1);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
