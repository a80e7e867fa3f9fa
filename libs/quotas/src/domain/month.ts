const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month 'YYYY-MM' of the business time zone. */
export function requireMonth(month: string, name: string): void {
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`${name} must be a month YYYY-MM (got "${month}")`);
}

/** The `count` months before `month`, oldest first: monthsBefore('2025-02', 3) = 2024-11, 2024-12, 2025-01. */
export function monthsBefore(month: string, count: number): string[] {
  requireMonth(month, 'month');
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = year * 12 + (monthOfYear - 1);
  return Array.from({ length: count }, (_, offset) => {
    const earlier = index - count + offset;
    return `${Math.floor(earlier / 12)}-${String((earlier % 12) + 1).padStart(2, '0')}`;
  });
}
