import { addMonths, type WorkingDays } from '#libs/kernel';

/** When a department's month may be closed: its n-th working day of the next month, at a business time. */
export interface MonthClosePolicy {
  /** 1-based working day of the next month. */
  readonly workingDay: number;
  /** `HH:MM`, business time. */
  readonly at: string;
}

/** What a month close waits for, in words for the job board (a `JobWait`). */
export interface MonthCloseWait {
  reason: 'cycles-not-finished' | 'grace-period';
  text: string;
  details: Record<string, unknown>;
}

/** The business date and time until which `month` stays open for late checks, results and confirmations. */
export function monthCloseGraceEnd(
  month: string,
  policy: MonthClosePolicy,
  workingDays: WorkingDays,
): { date: string; time: string } {
  return { date: workingDays.nthWorkingDay(addMonths(month, 1), policy.workingDay), time: policy.at };
}

/**
 * What keeps `month` from being closed at business time `now`: cycles whose order day falls in the month and
 * are neither consolidated nor cancelled (their sales would be missing from the snapshot), and the grace
 * period. Empty: the month may be closed.
 */
export function monthCloseWaits(input: {
  month: string;
  now: { date: string; time: string };
  graceEnd: { date: string; time: string };
  /** The month's cycles not consolidated or cancelled yet: how many, and the last order day among them. */
  unfinished: { cycles: number; lastOrderDate: string | null };
}): MonthCloseWait[] {
  const waits: MonthCloseWait[] = [];
  const { month, now, graceEnd, unfinished } = input;
  if (unfinished.cycles > 0) {
    waits.push({
      reason: 'cycles-not-finished',
      text: `${month} 还有 ${unfinished.cycles} 个订货周期未汇总（最后订货日 ${unfinished.lastOrderDate}）`,
      details: { month, cycles: unfinished.cycles, lastOrderDate: unfinished.lastOrderDate },
    });
  }
  if (`${now.date} ${now.time.slice(0, 5)}` < `${graceEnd.date} ${graceEnd.time}`) {
    waits.push({
      reason: 'grace-period',
      text: `${month} 的补录宽限期至 ${graceEnd.date} ${graceEnd.time}`,
      details: { month, until: `${graceEnd.date} ${graceEnd.time}` },
    });
  }
  return waits;
}
