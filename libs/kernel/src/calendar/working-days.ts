import { addDays, datesBetween, firstDayOfMonth, isoWeekday, lastDayOfMonth, requireDate } from './dates.js';

/** A department's holiday calendar for some years: days off and the weekend days worked instead. */
export interface HolidayDays {
  /** Days off on top of weekends (春节, 国庆 …); a weekend day listed here is simply off. */
  readonly nonWorkingDays?: Iterable<string>;
  /** Saturdays and Sundays worked instead 调休. */
  readonly swappedWorkingDays?: Iterable<string>;
}

/** What becomes of something due on a day off: the working day before, the one after, or nothing. */
export const DAY_OFF_RULES = ['earlier', 'later', 'cancel'] as const;
export type DayOffRule = (typeof DAY_OFF_RULES)[number];

/** How far `nextWorkingDay` / `previousWorkingDay` look: a calendar without a working day in a year is broken. */
const SEARCH_DAYS = 366;

/**
 * Which days are working days: Monday to Friday, less the calendar's days off, plus its swapped working
 * weekend days. Without a holiday calendar it is plain Monday–Friday.
 */
export class WorkingDays {
  static readonly MONDAY_TO_FRIDAY = new WorkingDays();

  private readonly off: ReadonlySet<string>;
  private readonly on: ReadonlySet<string>;

  constructor(days: HolidayDays = {}) {
    this.off = new Set(days.nonWorkingDays ?? []);
    this.on = new Set(days.swappedWorkingDays ?? []);
    for (const date of [...this.off, ...this.on]) requireDate(date);
    const both = [...this.on].filter((date) => this.off.has(date));
    if (both.length) throw new RangeError(`a day is either off or worked, not both: ${both.join(', ')}`);
  }

  isWorkingDay(date: string): boolean {
    if (this.off.has(date)) return false;
    if (this.on.has(date)) return true;
    return isoWeekday(date) <= 5;
  }

  /** Working days from `from` to `to`, both included (0 when `to` is earlier). */
  countWorkingDays(from: string, to: string): number {
    return datesBetween(from, to).filter((date) => this.isWorkingDay(date)).length;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: string): string {
    return this.search(date, 1);
  }

  /** The last working day before `date`. */
  previousWorkingDay(date: string): string {
    return this.search(date, -1);
  }

  /** The working day something due on `date` happens on under `rule`: `date` itself when it is one; null for `cancel`. */
  workingDayFor(date: string, rule: DayOffRule): string | null {
    if (this.isWorkingDay(date)) return date;
    if (rule === 'cancel') return null;
    return rule === 'earlier' ? this.previousWorkingDay(date) : this.nextWorkingDay(date);
  }

  /** The month's `n`-th working day (1-based); throws when the month has fewer. */
  nthWorkingDay(month: string, n: number): string {
    const days = datesBetween(firstDayOfMonth(month), lastDayOfMonth(month)).filter((date) =>
      this.isWorkingDay(date),
    );
    if (!Number.isInteger(n) || n < 1 || n > days.length) {
      throw new RangeError(`${month} has ${days.length} working days (asked for number ${n})`);
    }
    return days[n - 1];
  }

  private search(date: string, step: 1 | -1): string {
    for (let day = addDays(date, step), i = 0; i < SEARCH_DAYS; day = addDays(day, step), i++) {
      if (this.isWorkingDay(day)) return day;
    }
    throw new RangeError(`no working day within a year ${step > 0 ? 'after' : 'before'} ${date}`);
  }
}
