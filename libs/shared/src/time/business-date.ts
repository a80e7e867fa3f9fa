/**
 * The business calendar runs on one time zone (Asia/Shanghai by default, `TZ`): a day, a month or a period
 * starts at local midnight there, whatever the server's own zone. Dates are `YYYY-MM-DD` strings.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The calendar day `instant` falls on in the business time zone. */
export function businessDate(instant: Date, timeZone: string): string {
  return formatter(timeZone).format(instant);
}

/** `YYYY-MM` of the business month `instant` falls in. */
export function businessMonth(instant: Date, timeZone: string): string {
  return businessDate(instant, timeZone).slice(0, 7);
}

/** The month `count` months after `month` (YYYY-MM; negative counts go back). */
export function addMonths(month: string, count: number): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = year * 12 + monthOfYear - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
