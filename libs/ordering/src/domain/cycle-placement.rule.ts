import type { DayOffRule, WorkingDays } from '#libs/kernel';
import {
  cycleWindow,
  type CycleWindow,
  type WeekCycle,
  type WeeklyCycleRule,
} from './cycle-schedule.rule.js';

/**
 * Where a week's cycle goes when the department's calendar has a say. A cycle whose order day is a working day
 * stays on it; on a day off the department's rule moves it to the working day before or after, or cancels it
 * (`DayOffRule`). Either way it keeps its order week, and it must fit between its neighbours: it orders after
 * the previous cycle and before the next one, and its window opens no earlier than the previous cycle's cutoff
 * (an opening inside the previous window is pushed to that cutoff) and closes before the next one opens. A
 * cycle that cannot fit — it would land on or past a neighbour's order day, e.g. two weeks off in a row moved
 * onto the same working day, or it would cut off before `now` — is cancelled: its week is ordered with the
 * neighbour's cycle.
 */
export type CyclePlacement = 'schedule' | 'calendar';

export interface PlannedCycle extends WeekCycle {
  readonly status: 'scheduled' | 'cancelled';
  /** `schedule`: where the weekly rule puts it; `calendar`: moved or cancelled for a day off. */
  readonly placedBy: CyclePlacement;
}

export interface CyclePlanInput {
  readonly rule: WeeklyCycleRule;
  /** The weeks to place, by their regular cycles (`regularCycle`, `scheduleWeeklyCycles`). */
  readonly regular: readonly WeekCycle[];
  readonly workingDays: WorkingDays;
  readonly onDayOff: DayOffRule;
  /** The territory's other live (not cancelled) cycles, which stay as they are: the plan fits between them. */
  readonly fixed: readonly WeekCycle[];
  readonly now: Date;
}

/** Which neighbour a window runs into, if any. */
export type WindowConflict = 'previous' | 'next' | null;

export function windowConflict(
  window: CycleWindow,
  previous?: CycleWindow,
  next?: CycleWindow,
): WindowConflict {
  if (previous && (window.orderDate <= previous.orderDate || window.opensAt < previous.cutoffAt))
    return 'previous';
  if (next && (window.orderDate >= next.orderDate || window.cutoffAt > next.opensAt)) return 'next';
  return null;
}

/** The live cycles before and after an order week (by week), among `cycles`. */
export function neighboursOf<T extends WeekCycle>(
  cycles: readonly T[],
  orderWeek: string,
): { previous?: T; next?: T } {
  let previous: T | undefined;
  let next: T | undefined;
  for (const cycle of cycles) {
    if (cycle.orderWeek < orderWeek && (!previous || cycle.orderWeek > previous.orderWeek)) previous = cycle;
    if (cycle.orderWeek > orderWeek && (!next || cycle.orderWeek < next.orderWeek)) next = cycle;
  }
  return { previous, next };
}

/** Places the weeks in order, each fitting after the ones placed before it. */
export function planCycles(input: CyclePlanInput): PlannedCycle[] {
  const live: WeekCycle[] = [...input.fixed];
  const planned: PlannedCycle[] = [];
  for (const regular of [...input.regular].sort((a, b) => a.orderWeek.localeCompare(b.orderWeek))) {
    const cancelled: PlannedCycle = { ...regular, status: 'cancelled', placedBy: 'calendar' };
    const orderDate = input.workingDays.workingDayFor(regular.orderDate, input.onDayOff);
    if (orderDate === null) {
      planned.push(cancelled);
      continue;
    }
    const { previous, next } = neighboursOf(live, regular.orderWeek);
    let window = orderDate === regular.orderDate ? regular : cycleWindow(input.rule, orderDate);
    if (previous && window.opensAt < previous.cutoffAt) window = { ...window, opensAt: previous.cutoffAt };
    if (
      windowConflict(window, previous, next) ||
      window.cutoffAt <= input.now ||
      window.opensAt >= window.cutoffAt
    ) {
      planned.push(cancelled);
      continue;
    }
    const cycle: PlannedCycle = {
      orderWeek: regular.orderWeek,
      orderDate: window.orderDate,
      opensAt: window.opensAt,
      cutoffAt: window.cutoffAt,
      status: 'scheduled',
      placedBy: orderDate === regular.orderDate ? 'schedule' : 'calendar',
    };
    planned.push(cycle);
    live.push(cycle);
  }
  return planned;
}
