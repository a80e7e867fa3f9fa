import { addDays, periodContaining, requireDate } from '#libs/kernel';

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
  const { from, to } = periodContaining(date, unit);
  return { start: from, end: to, nextStart: addDays(to, 1) };
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
  requireDate(date);
  let current: GradeHistoryEntry | null = null;
  for (const entry of history) {
    requireDate(entry.effectiveFrom, 'effectiveFrom');
    // YYYY-MM-DD strings order like the days they name.
    if (entry.effectiveFrom <= date && (current === null || entry.effectiveFrom >= current.effectiveFrom)) {
      current = entry;
    }
  }
  return current?.grade ?? null;
}
