import { type Outcome, transition, type TransitionRefusal, type TransitionTable } from '#libs/kernel';

export const ORDER_CYCLE_STATES = ['scheduled', 'open', 'cut_off', 'consolidated', 'cancelled'] as const;
export type OrderCycleState = (typeof ORDER_CYCLE_STATES)[number];

/** `reschedule`: an admin moves the dates (e.g. for a holiday); `cancel`: the cycle does not take place. */
export const ORDER_CYCLE_EVENTS = ['reschedule', 'open', 'cut_off', 'consolidate', 'cancel'] as const;
export type OrderCycleEvent = (typeof ORDER_CYCLE_EVENTS)[number];

/**
 * Dates move and cycles are cancelled only before they open: once retailers have demand and reservations in a
 * cycle, it runs to its cutoff (a holiday is handled by moving the cycle ahead of time, not by closing it).
 */
export const ORDER_CYCLE_LIFECYCLE: TransitionTable<OrderCycleState, OrderCycleEvent> = {
  scheduled: { reschedule: 'scheduled', open: 'open', cancel: 'cancelled' },
  open: { cut_off: 'cut_off' },
  cut_off: { consolidate: 'consolidated' },
  consolidated: {},
  cancelled: {},
};

export function transitionOrderCycle(
  state: OrderCycleState,
  event: OrderCycleEvent,
): Outcome<OrderCycleState, TransitionRefusal<'CYCLE_INVALID_TRANSITION', OrderCycleState, OrderCycleEvent>> {
  return transition(
    ORDER_CYCLE_LIFECYCLE,
    { code: 'CYCLE_INVALID_TRANSITION', subject: 'An order cycle' },
    state,
    event,
  );
}
