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

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
