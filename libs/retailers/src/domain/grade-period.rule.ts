/**
 * Retailer grades 档位 1–30 are locked for a period (a month or a quarter) and published to retailers, so a
 * change decided today can only take effect when the next period starts; nobody edits the current grade.
 * Dates are business-calendar days written YYYY-MM-DD: no time zone is involved.
 */
export const GRADE_MIN = 1;
export const GRADE_MAX = 30;

export function isGrade(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= GRADE_MIN && (value as number) <= GRADE_MAX;
}

export type GradePeriodUnit = 'month' | 'quarter';

export interface GradePeriod {
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period (inclusive). */
  readonly end: string;
  /** First day of the following period: when a change decided in this period takes effect. */
  readonly nextStart: string;
}

export function gradePeriodContaining(date: string, unit: GradePeriodUnit): GradePeriod {
  const { year, month } = parseDate(date);
  const monthsLong = unit === 'month' ? 1 : 3;
  const startMonth = month - ((month - 1) % monthsLong);
  const lastMonth = startMonth + monthsLong - 1;
  const next = lastMonth === 12 ? { year: year + 1, month: 1 } : { year, month: lastMonth + 1 };
  return {
    start: formatDate(year, startMonth, 1),
    end: formatDate(year, lastMonth, daysInMonth(year, lastMonth)),
    nextStart: formatDate(next.year, next.month, 1),
  };
}

/** The day a grade change requested (or computed) on `requestedOn` takes effect. */
export function gradeChangeEffectiveFrom(requestedOn: string, unit: GradePeriodUnit): string {
  return gradePeriodContaining(requestedOn, unit).nextStart;
}

export interface GradeHistoryEntry {
  readonly grade: number;
  readonly effectiveFrom: string;
}

/** The grade in force on a day: the latest entry effective on or before it; `null` before the first one. */
export function gradeOn(history: readonly GradeHistoryEntry[], date: string): number | null {
  parseDate(date);
  let current: GradeHistoryEntry | null = null;
  for (const entry of history) {
    parseDate(entry.effectiveFrom);
    // YYYY-MM-DD strings order like the days they name.
    if (entry.effectiveFrom <= date && (current === null || entry.effectiveFrom >= current.effectiveFrom)) {
      current = entry;
    }
  }
  return current?.grade ?? null;
}

function parseDate(text: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`expected a calendar date YYYY-MM-DD (got "${text}")`);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the following month is the last day of this one; UTC keeps the host's zone out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
