import { addDays, daysBetween, requireDate } from '#libs/kernel';

/**
 * How often a retailer must be visited: big accounts at least weekly, the others at least every two weeks
 * (the source's 一周回访一次 / 二周回访一次). Configurable per department.
 */
export interface VisitCadencePolicy {
  readonly maxDaysBetweenVisits: { readonly bigAccount: number; readonly regular: number };
}

export const DEFAULT_VISIT_CADENCE_POLICY: VisitCadencePolicy = {
  maxDaysBetweenVisits: { bigAccount: 7, regular: 14 },
};

/**
 * The next visit is due `maxDays` after the last one and may happen on the due day itself; from the day
 * after, the retailer is overdue. A retailer never visited is overdue (it appears on the overdue list
 * first), with no due day to count from.
 */
export type VisitCadenceStatus =
  | { readonly status: 'neverVisited'; readonly overdue: true }
  | {
      readonly status: 'onSchedule';
      readonly overdue: false;
      readonly dueOn: string;
      readonly daysLeft: number;
    }
  | {
      readonly status: 'overdue';
      readonly overdue: true;
      readonly dueOn: string;
      readonly daysOverdue: number;
    };

export interface VisitCadenceInput {
  readonly lastVisitOn: string | null;
  readonly today: string;
  readonly isBigAccount: boolean;
}

export function visitCadenceStatus(
  { lastVisitOn, today, isBigAccount }: VisitCadenceInput,
  policy: VisitCadencePolicy = DEFAULT_VISIT_CADENCE_POLICY,
): VisitCadenceStatus {
  requireDate(today, 'today');
  if (lastVisitOn === null) return { status: 'neverVisited', overdue: true };
  if (daysBetween(lastVisitOn, today) < 0) {
    throw new RangeError(`the last visit (${lastVisitOn}) is after today (${today})`);
  }
  const maxDays = isBigAccount ? policy.maxDaysBetweenVisits.bigAccount : policy.maxDaysBetweenVisits.regular;
  const dueOn = addDays(lastVisitOn, maxDays);
  const daysLeft = daysBetween(today, dueOn);
  return daysLeft < 0
    ? { status: 'overdue', overdue: true, dueOn, daysOverdue: -daysLeft }
    : { status: 'onSchedule', overdue: false, dueOn, daysLeft };
}
