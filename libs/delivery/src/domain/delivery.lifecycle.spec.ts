import { describe, expect, it } from '@jest/globals';
import {
  DELIVERY_EVENTS,
  DELIVERY_STATES,
  type DeliveryEvent,
  type DeliveryState,
  maySign,
  OPEN_DELIVERY_STATES,
  transitionDelivery,
} from './delivery.lifecycle.js';

/** The lifecycle as specified, written out independently of the table under test. */
const ALLOWED: [DeliveryState, DeliveryEvent, DeliveryState][] = [
  ['planned', 'complete', 'delivered'],
  ['planned', 'fail', 'failed'],
  ['planned', 'confirm', 'received'],
  ['received', 'complete', 'confirmed'],
  ['delivered', 'confirm', 'confirmed'],
];

const FORBIDDEN: [DeliveryState, DeliveryEvent][] = DELIVERY_STATES.flatMap((state) =>
  DELIVERY_EVENTS.filter((event) => !ALLOWED.some(([from, on]) => from === state && on === event)).map(
    (event): [DeliveryState, DeliveryEvent] => [state, event],
  ),
);

describe('transitionDelivery', () => {
  it('covers every (state, event) pair: 5 × 3 = 15, 5 allowed', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(15);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transitionDelivery(from, event)).toEqual({ ok: true, value: to });
  });

  it.each(FORBIDDEN)('%s refuses %s', (from, event) => {
    expect(transitionDelivery(from, event)).toMatchObject({
      ok: false,
      code: 'DELIVERY_TRANSITION_FORBIDDEN',
      details: { state: from, event },
    });
  });
});

describe('maySign', () => {
  it('keeps a signature with a completed stop only', () => {
    expect(DELIVERY_STATES.filter(maySign)).toEqual(['delivered', 'confirmed']);
  });
});

describe('OPEN_DELIVERY_STATES', () => {
  it('are the states the driver may still complete from', () => {
    expect(OPEN_DELIVERY_STATES).toEqual(['planned', 'received']);
  });
});
