import {
  addDays,
  isoWeekday,
  monthOf,
  requireDate,
  requireTimeOfDay,
  zonedDateTimeToInstant,
} from '#libs/kernel';

/**
 * A territory's weekly order day 订货日 and when its window opens and cuts off, in business-zone wall time.
 * Default practice: the window opens at 12:00 the day before the order day and cuts off at 16:00 on it.
 */
export interface WeeklyCycleRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  orderWeekday: number;
  /** Days before the order day the window opens: 0–6, so a cycle never overlaps the next week's. */
  opensDaysBefore: number;
  /** 'HH:mm' */
  opensAtTime: string;
  /** 'HH:mm' on the order day. */
  cutoffTime: string;
  timeZone: string;
}

export const DEFAULT_CYCLE_TIMES: Omit<WeeklyCycleRule, 'orderWeekday' | 'timeZone'> = {
  opensDaysBefore: 1,
  opensAtTime: '12:00',
  cutoffTime: '16:00',
};

export interface ScheduledCycle {
  /** 'YYYY-MM-DD' in the business zone. */
  orderDate: string;
  opensAt: Date;
  cutoffAt: Date;
}

function requireRule(rule: WeeklyCycleRule): void {
  const { orderWeekday, opensDaysBefore, opensAtTime, cutoffTime } = rule;
  if (!Number.isInteger(orderWeekday) || orderWeekday < 1 || orderWeekday > 7) {
    throw new RangeError(`orderWeekday must be 1–7 (got ${orderWeekday})`);
  }
  if (!Number.isInteger(opensDaysBefore) || opensDaysBefore < 0 || opensDaysBefore > 6) {
    throw new RangeError(`opensDaysBefore must be 0–6 (got ${opensDaysBefore})`);
  }
  requireTimeOfDay(opensAtTime, 'opensAtTime');
  requireTimeOfDay(cutoffTime, 'cutoffTime');
  if (opensDaysBefore === 0 && opensAtTime >= cutoffTime) {
    throw new RangeError(`a window opening on the order day must open before its cutoff ${cutoffTime}`);
  }
}

/**
 * The cycles of a weekly rule whose order dates fall within [from, to] (inclusive, 'YYYY-MM-DD'), oldest first;
 * empty when `to` is before `from`. Holidays are the admin's business: generated cycles can be moved afterwards.
 */
export function scheduleWeeklyCycles(rule: WeeklyCycleRule, from: string, to: string): ScheduledCycle[] {
  requireRule(rule);
  requireDate(from);
  requireDate(to);
  const cycles: ScheduledCycle[] = [];
  const firstOrderDate = addDays(from, (rule.orderWeekday - isoWeekday(from) + 7) % 7);
  for (let orderDate = firstOrderDate; orderDate <= to; orderDate = addDays(orderDate, 7)) {
    cycles.push({
      orderDate,
      opensAt: zonedDateTimeToInstant(
        addDays(orderDate, -rule.opensDaysBefore),
        rule.opensAtTime,
        rule.timeZone,
      ),
      cutoffAt: zonedDateTimeToInstant(orderDate, rule.cutoffTime, rule.timeZone),
    });
  }
  return cycles;
}

export interface CyclePosition {
  month: string;
  /** 1-based position of the cycle among the month's cycles. */
  index: number;
  cyclesInMonth: number;
  /** Cycles of the month from this one on, this one included: what pacing divides the remaining cap by. */
  remainingCycles: number;
}

/**
 * Where a cycle stands in its month, from the order dates of its territory's actual cycles (moved ones at their
 * new dates, cancelled ones left out), not from the weekly rule — an admin may have moved or cancelled some.
 */
export function cyclePositionInMonth(
  territoryOrderDates: readonly string[],
  orderDate: string,
): CyclePosition {
  // A cycle belongs to the month of its order date, whatever day its window opened.
  const month = monthOf(orderDate);
  const ofMonth = [...new Set(territoryOrderDates.filter((date) => monthOf(date) === month))].sort();
  const index = ofMonth.indexOf(orderDate) + 1;
  if (index === 0) throw new RangeError(`${orderDate} is not one of the territory's order dates`);
  return { month, index, cyclesInMonth: ofMonth.length, remainingCycles: ofMonth.length - index + 1 };
}
