import {
  type Outcome,
  statesAllowing,
  transition,
  type TransitionRefusal,
  type TransitionTable,
} from '#libs/kernel';

/**
 * The life of one delivery stop (one retailer on one run) as a transition table. A stop is delivered or
 * fails; the retailer confirms receipt on its own phone 到户确认, before the driver completes the stop
 * (`received`: the driver's completion then makes it `confirmed`) or after (`delivered` → `confirmed`). A
 * received stop cannot fail: the retailer has said the goods are there. A failed stop is final: the goods go
 * on a later run as a new stop, so every stop keeps the outcome it had.
 */
export const DELIVERY_STATES = ['planned', 'received', 'delivered', 'failed', 'confirmed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Readonly<Record<DeliveryState, string>> = {
  planned: '待送货',
  received: '零售户已确认收货',
  delivered: '已送达',
  failed: '未送达',
  confirmed: '已确认收货',
};

export const DELIVERY_EVENTS = ['complete', 'fail', 'confirm'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_TRANSITIONS: TransitionTable<DeliveryState, DeliveryEvent> = {
  planned: { complete: 'delivered', fail: 'failed', confirm: 'received' },
  received: { complete: 'confirmed' },
  delivered: { confirm: 'confirmed' },
  failed: {},
  confirmed: {},
};

const DELIVERY_REFUSAL = { code: 'DELIVERY_TRANSITION_FORBIDDEN', subject: 'A delivery' } as const;

export type DeliveryTransitionRefusal = TransitionRefusal<
  typeof DELIVERY_REFUSAL.code,
  DeliveryState,
  DeliveryEvent
>;

export function transitionDelivery(
  from: DeliveryState,
  event: DeliveryEvent,
): Outcome<DeliveryState, DeliveryTransitionRefusal> {
  return transition(DELIVERY_TRANSITIONS, DELIVERY_REFUSAL, from, event);
}

/**
 * Stops the driver still has to complete (the retailer may have confirmed receipt already): open on the run,
 * 未完成 once their day has ended, moved with their route. The table's answer, never a list of its own.
 */
export const OPEN_DELIVERY_STATES: readonly DeliveryState[] = statesAllowing(
  DELIVERY_TRANSITIONS,
  'complete',
);

/**
 * The retailer's signature on the driver's phone is evidence of receipt (never of time): it is kept with a
 * stop the driver has completed, delivered or confirmed, never with one still open or failed.
 */
export const SIGNED_STATES: readonly DeliveryState[] = ['delivered', 'confirmed'];

export function maySign(state: DeliveryState): boolean {
  return SIGNED_STATES.includes(state);
}
