import { addDays, requireDate } from '#libs/kernel';

/**
 * Planning deliveries from the unified order: each retailer with goods on an order date gets one stop on
 * the run of its route for the delivery date, with a planned window from its position on the run.
 *
 * - The delivery date is the day after the order date (the unified order is placed that morning); a
 *   planning that runs late (after an outage) plans for the planning day instead, never for the past.
 * - A territory served by several routes sends its retailers on the lowest-numbered one (deterministic).
 * - Stops are sequenced by territory, then retailer id (a stand-in for the route's driving order), after
 *   the stops the run already has; consecutive groups of `stopsPerSlot` stops share a window of
 *   `slotMinutes` from `dayStartMinute`. A run longer than the day puts its overflow in the last window.
 *
 * Windows are minutes after local midnight on the delivery date; the service turns them into instants in
 * the business time zone.
 */
export interface DeliveryWindowPolicy {
  /** Minutes after midnight the first window opens (510 = 08:30). */
  readonly dayStartMinute: number;
  /** Minutes after midnight the last window closes (1080 = 18:00). */
  readonly dayEndMinute: number;
  readonly slotMinutes: number;
  readonly stopsPerSlot: number;
}

export const DEFAULT_DELIVERY_WINDOW_POLICY: DeliveryWindowPolicy = {
  dayStartMinute: 8 * 60 + 30,
  dayEndMinute: 18 * 60,
  slotMinutes: 60,
  stopsPerSlot: 15,
};

export interface PlannedWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** The window of the stop at `position` (1-based) on its run. */
export function plannedWindow(
  position: number,
  policy: DeliveryWindowPolicy = DEFAULT_DELIVERY_WINDOW_POLICY,
): PlannedWindow {
  requirePolicy(policy);
  if (!Number.isSafeInteger(position) || position < 1) {
    throw new RangeError(`a stop position is a whole number from 1 (got ${position})`);
  }
  const lastSlot = Math.floor((policy.dayEndMinute - policy.dayStartMinute) / policy.slotMinutes) - 1;
  const slot = Math.min(Math.floor((position - 1) / policy.stopsPerSlot), lastSlot);
  const startMinute = policy.dayStartMinute + slot * policy.slotMinutes;
  return { startMinute, endMinute: startMinute + policy.slotMinutes };
}

export interface StopToPlan {
  readonly territoryId: number;
  readonly retailerId: number;
}

export type SequencedStop<T extends StopToPlan> = T & {
  readonly position: number;
  readonly window: PlannedWindow;
};

/** Sequences new stops after the `alreadyPlanned` stops of their run and gives each its window. */
export function sequenceStops<T extends StopToPlan>(
  stops: readonly T[],
  alreadyPlanned: number,
  policy: DeliveryWindowPolicy = DEFAULT_DELIVERY_WINDOW_POLICY,
): SequencedStop<T>[] {
  if (!Number.isSafeInteger(alreadyPlanned) || alreadyPlanned < 0) {
    throw new RangeError(`alreadyPlanned must be a whole number ≥ 0 (got ${alreadyPlanned})`);
  }
  return [...stops]
    .sort((a, b) => a.territoryId - b.territoryId || a.retailerId - b.retailerId)
    .map((stop, index) => {
      const position = alreadyPlanned + index + 1;
      return { ...stop, position, window: plannedWindow(position, policy) };
    });
}

/** The route a territory's deliveries go on: the lowest id among its routes; null when it has none. */
export function routeForTerritory(routeIds: readonly number[]): number | null {
  return routeIds.length ? Math.min(...routeIds) : null;
}

/** The delivery date of an order date: the next day, or the planning day when that has passed. */
export function deliveryDateFor(orderDate: string, planningDate: string): string {
  const next = addDays(orderDate, 1);
  requireDate(planningDate);
  return next < planningDate ? planningDate : next;
}

function requirePolicy(policy: DeliveryWindowPolicy): void {
  const { dayStartMinute, dayEndMinute, slotMinutes, stopsPerSlot } = policy;
  const whole = (value: number) => Number.isSafeInteger(value);
  if (
    !whole(dayStartMinute) ||
    !whole(dayEndMinute) ||
    !whole(slotMinutes) ||
    !whole(stopsPerSlot) ||
    dayStartMinute < 0 ||
    dayEndMinute > 24 * 60 ||
    slotMinutes < 1 ||
    stopsPerSlot < 1 ||
    dayEndMinute - dayStartMinute < slotMinutes
  ) {
    throw new RangeError('a delivery day holds at least one whole window between 00:00 and 24:00');
  }
}
