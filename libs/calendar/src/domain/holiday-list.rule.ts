import { isoWeekday, WorkingDays } from '#libs/kernel';

/**
 * A department's holiday calendar, kept per year as a list of days that differ from the ordinary week: days
 * off on working days (春节, 国庆 …) and the weekend days worked instead 调休. Days not listed follow the week.
 */
export const CALENDAR_DAY_KINDS = ['dayOff', 'workingDay'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarEntry {
  readonly date: string;
  readonly kind: CalendarDayKind;
  /** What people call the day (国庆节, 春节调休); may be empty. */
  readonly name: string;
}

export type CalendarProblem = 'outsideYear' | 'duplicate' | 'workingDayNotWeekend';

/** Why each problem refuses the list, as the people keeping it read it. */
export const CALENDAR_PROBLEM_REASONS: Record<CalendarProblem, string> = {
  outsideYear: '日期不在所选年份内',
  duplicate: '同一日期出现了多次',
  workingDayNotWeekend: '调休上班日只能是周六或周日',
};

export interface CalendarEntryProblem {
  /** Position of the entry in the list (0-based). */
  readonly index: number;
  readonly date: string;
  readonly problem: CalendarProblem;
}

/**
 * Every problem of a year's list, in list order: a day outside the year, a day listed twice (its later
 * mentions), a working day that is not a weekend day (a weekday works anyway). A weekend day off is allowed:
 * official schedules list whole holiday spans. Dates must be calendar dates already (the request checks).
 */
export function holidayListProblems(year: number, entries: readonly CalendarEntry[]): CalendarEntryProblem[] {
  const seen = new Set<string>();
  const problems: CalendarEntryProblem[] = [];
  entries.forEach(({ date, kind }, index) => {
    if (Number(date.slice(0, 4)) !== year) problems.push({ index, date, problem: 'outsideYear' });
    if (seen.has(date)) problems.push({ index, date, problem: 'duplicate' });
    seen.add(date);
    if (kind === 'workingDay' && isoWeekday(date) < 6)
      problems.push({ index, date, problem: 'workingDayNotWeekend' });
  });
  return problems;
}

/** The working days a department's listed days (of any years) make. */
export function workingDaysOf(entries: readonly Pick<CalendarEntry, 'date' | 'kind'>[]): WorkingDays {
  return new WorkingDays({
    nonWorkingDays: entries.filter((e) => e.kind === 'dayOff').map((e) => e.date),
    swappedWorkingDays: entries.filter((e) => e.kind === 'workingDay').map((e) => e.date),
  });
}

export interface HolidayListChange {
  readonly added: CalendarEntry[];
  readonly removed: CalendarEntry[];
  readonly changed: Array<{ readonly before: CalendarEntry; readonly after: CalendarEntry }>;
}

/** What replacing a year's list changes, each part in date order (for the audit log). */
export function holidayListChange(
  before: readonly CalendarEntry[],
  after: readonly CalendarEntry[],
): HolidayListChange {
  const old = new Map(before.map((e) => [e.date, e]));
  const now = new Map(after.map((e) => [e.date, e]));
  const byDate = (a: CalendarEntry, b: CalendarEntry) => a.date.localeCompare(b.date);
  return {
    added: after.filter((e) => !old.has(e.date)).sort(byDate),
    removed: before.filter((e) => !now.has(e.date)).sort(byDate),
    changed: after
      .filter(
        (e) => old.has(e.date) && (old.get(e.date)!.kind !== e.kind || old.get(e.date)!.name !== e.name),
      )
      .sort(byDate)
      .map((e) => ({ before: old.get(e.date)!, after: e })),
  };
}
