import {
  addDays,
  isoWeekday,
  lastDayOfMonth,
  mondayOf,
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

/** A cycle's dates: its order day and the window in which demand is taken, as instants. */
export interface CycleWindow {
  /** 'YYYY-MM-DD' in the business zone. */
  readonly orderDate: string;
  readonly opensAt: Date;
  readonly cutoffAt: Date;
}

/**
 * A territory's cycle of one order week. The week (its Monday) is the cycle's identity: it is the week of the
 * un-moved order day, and stays when the cycle is moved or cancelled, so a later generation finds the week taken.
 */
export interface WeekCycle extends CycleWindow {
  readonly orderWeek: string;
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

/** The window of a cycle on `orderDate` by the rule's times: opening days before, cutting off on the day. */
export function cycleWindow(rule: WeeklyCycleRule, orderDate: string): CycleWindow {
  requireRule(rule);
  return {
    orderDate,
    opensAt: zonedDateTimeToInstant(
      addDays(orderDate, -rule.opensDaysBefore),
      rule.opensAtTime,
      rule.timeZone,
    ),
    cutoffAt: zonedDateTimeToInstant(orderDate, rule.cutoffTime, rule.timeZone),
  };
}

/** An order week's cycle as the rule alone places it: on the rule's weekday of that week. */
export function regularCycle(rule: WeeklyCycleRule, orderWeek: string): WeekCycle {
  if (isoWeekday(orderWeek) !== 1)
    throw new RangeError(`an order week is named by its Monday (got ${orderWeek})`);
  return { orderWeek, ...cycleWindow(rule, addDays(orderWeek, rule.orderWeekday - 1)) };
}

/**
 * The regular cycles of a weekly rule whose order dates fall within [from, to] (inclusive, 'YYYY-MM-DD'),
 * oldest first; empty when `to` is before `from`. Days off are for `planCycles`.
 */
export function scheduleWeeklyCycles(rule: WeeklyCycleRule, from: string, to: string): WeekCycle[] {
  requireRule(rule);
  requireDate(from);
  requireDate(to);
  const cycles: WeekCycle[] = [];
  for (let week = mondayOf(from); addDays(week, rule.orderWeekday - 1) <= to; week = addDays(week, 7)) {
    const cycle = regularCycle(rule, week);
    if (cycle.orderDate >= from) cycles.push(cycle);
  }
  return cycles;
}

/**
 * How far generation reaches from `today`: `weeks` weeks, then on to the end of that month, so a month's cycles
 * are generated all at once and pacing (cycles left in the month) never counts a month half made.
 */
export function generationEnd(today: string, weeks: number): string {
  return lastDayOfMonth(monthOf(addDays(today, weeks * 7 - 1)));
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

/**
 * Cycles left in a month at `now`, for pacing: the next cycle whose cutoff is still ahead (the one open now, or
 * the next to open) and those after it in the month. The quota explanation and the reservation count alike:
 * the reservation from the cycle it reserves in, which is that next cycle while its window is open.
 */
export function cyclesLeftInMonth(cycles: readonly CycleWindow[], month: string, now: Date): number {
  const ofMonth = cycles.filter((cycle) => monthOf(cycle.orderDate) === month);
  const ahead = ofMonth.filter((cycle) => cycle.cutoffAt > now).map((cycle) => cycle.orderDate);
  if (!ahead.length) return 0;
  const next = ahead.reduce((earliest, date) => (date < earliest ? date : earliest));
  return cyclePositionInMonth(
    ofMonth.map((cycle) => cycle.orderDate),
    next,
  ).remainingCycles;
}
