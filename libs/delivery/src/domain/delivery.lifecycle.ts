/**
 * The life of one delivery stop (one retailer on one run) as a transition table. A stop is delivered or
 * fails; a delivered stop may then be confirmed by the retailer in its own account 到户确认. A failed stop is
 * final: the goods go on a later run as a new stop, so every stop keeps the outcome it had.
 */
export const DELIVERY_STATES = ['planned', 'delivered', 'failed', 'confirmed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Readonly<Record<DeliveryState, string>> = {
  planned: '待送货',
  delivered: '已送达',
  failed: '未送达',
  confirmed: '已确认收货',
};

export const DELIVERY_EVENTS = ['complete', 'fail', 'confirm'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_TRANSITIONS: {
  readonly [S in DeliveryState]: { readonly [E in DeliveryEvent]?: DeliveryState };
} = {
  planned: { complete: 'delivered', fail: 'failed' },
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
