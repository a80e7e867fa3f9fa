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

export const DELIVERY_TRANSITIONS: {
  readonly [S in DeliveryState]: { readonly [E in DeliveryEvent]?: DeliveryState };
} = {
  planned: { complete: 'delivered', fail: 'failed', confirm: 'received' },
  received: { complete: 'confirmed' },
  delivered: { confirm: 'confirmed' },
  failed: {},
  confirmed: {},
};

export type DeliveryTransition =
  | { readonly ok: true; readonly value: DeliveryState }
  | {
      readonly ok: false;
      readonly code: 'DELIVERY_TRANSITION_FORBIDDEN';
      readonly message: string;
      readonly details: { readonly from: DeliveryState; readonly event: DeliveryEvent };
    };

export function transitionDelivery(from: DeliveryState, event: DeliveryEvent): DeliveryTransition {
  const to = DELIVERY_TRANSITIONS[from][event];
  if (to !== undefined) return { ok: true, value: to };
  return {
    ok: false,
    code: 'DELIVERY_TRANSITION_FORBIDDEN',
    message: `A delivery that is ${from} cannot ${event}`,
    details: { from, event },
  };
}

/**
 * The retailer's signature on the driver's phone is evidence of receipt (never of time): it is kept with a
 * stop the driver has completed, delivered or confirmed, never with one still open or failed.
 */
export const SIGNED_STATES: readonly DeliveryState[] = ['delivered', 'confirmed'];

export function maySign(state: DeliveryState): boolean {
  return SIGNED_STATES.includes(state);
}
