import { describe, expect, it } from '@jest/globals';
import {
  DEMAND_CHANNELS,
  DEMAND_EVENTS,
  DEMAND_LIFECYCLES,
  DEMAND_STATES,
  demandStatesAllowing,
  INITIAL_DEMAND_STATE,
  transitionDemand,
  type DemandChannel,
  type DemandEvent,
  type DemandState,
} from './demand.lifecycle.js';
import {
  ORDER_CYCLE_EVENTS,
  ORDER_CYCLE_LIFECYCLE,
  ORDER_CYCLE_STATES,
  transitionOrderCycle,
  type OrderCycleEvent,
  type OrderCycleState,
} from './order-cycle.lifecycle.js';
import { statesAllowing } from '#libs/kernel';

type Edge<S, E> = [from: S, event: E, to: S];

/** Every pair of the state and event lists, split into the allowed edges (written out here) and the rest. */
function pairs<S extends string, E extends string>(
  states: readonly S[],
  events: readonly E[],
  allowed: Edge<S, E>[],
) {
  const isAllowed = (state: S, event: E) => allowed.some(([from, on]) => from === state && on === event);
  const forbidden = states.flatMap((state) =>
    events
      .filter((event) => !isAllowed(state, event))
      .map((event): [S, E, E[]] => [
        state,
        event,
        allowed.filter(([from]) => from === state).map(([, on]) => on),
      ]),
  );
  return { allowed, forbidden };
}

// Written by hand from the rules, independently of the tables under test.
const demandEdges: Record<DemandChannel, Edge<DemandState, DemandEvent>[]> = {
  self: [
    ['submitted', 'amend', 'submitted'],
    ['submitted', 'cancel', 'cancelled'],
    ['submitted', 'order', 'ordered'],
  ],
  collected: [
    ['pending_confirmation', 'amend', 'pending_confirmation'],
    ['pending_confirmation', 'confirm', 'pending_approval'],
    ['pending_confirmation', 'cancel', 'cancelled'],
    ['pending_confirmation', 'expire', 'expired'],
    ['pending_approval', 'amend', 'pending_confirmation'],
    ['pending_approval', 'approve', 'approved'],
    ['pending_approval', 'reject', 'rejected'],
    ['pending_approval', 'cancel', 'cancelled'],
    ['pending_approval', 'expire', 'expired'],
    ['approved', 'amend', 'pending_confirmation'],
    ['approved', 'cancel', 'cancelled'],
    ['approved', 'order', 'ordered'],
  ],
};

describe.each(DEMAND_CHANNELS)('the %s demand lifecycle', (channel) => {
  const { allowed, forbidden } = pairs(DEMAND_STATES, DEMAND_EVENTS, demandEdges[channel]);

  it.each(allowed)('%s --%s--> %s', (state, event, next) => {
    expect(transitionDemand(channel, state, event)).toEqual({ ok: true, value: next });
  });

  it.each(forbidden)('refuses %s --%s--> (allowed there: %j)', (state, event, allowedEvents) => {
    expect(transitionDemand(channel, state, event)).toEqual({
      ok: false,
      code: 'DEMAND_INVALID_TRANSITION',
      message: `A ${channel} demand in state "${state}" cannot take "${event}"`,
      details: { state, event, allowedEvents },
    });
  });
});

describe('demand lifecycle tables', () => {
  it.each<[DemandChannel, DemandState[]]>([
    ['self', ['submitted', 'cancelled', 'ordered']],
    [
      'collected',
      ['pending_confirmation', 'pending_approval', 'approved', 'rejected', 'expired', 'cancelled', 'ordered'],
    ],
  ])('%s demand has exactly the states %j', (channel, states) => {
    expect(Object.keys(DEMAND_LIFECYCLES[channel]).sort()).toEqual([...states].sort());
  });

  it('starts self demand submitted and collected demand waiting for the retailer', () => {
    expect(INITIAL_DEMAND_STATE).toEqual({ self: 'submitted', collected: 'pending_confirmation' });
  });

  it.each<[DemandChannel, DemandEvent, DemandState[]]>([
    ['collected', 'expire', ['pending_confirmation', 'pending_approval']],
    ['collected', 'order', ['approved']],
    ['self', 'order', ['submitted']],
    ['self', 'expire', []],
    ['self', 'approve', []],
  ])('%s demand takes %s from %j', (channel, event, states) => {
    expect(demandStatesAllowing(channel, event)).toEqual(states);
  });
});

const cycleEdges: Edge<OrderCycleState, OrderCycleEvent>[] = [
  ['scheduled', 'reschedule', 'scheduled'],
  ['scheduled', 'open', 'open'],
  ['scheduled', 'cancel', 'cancelled'],
  ['open', 'cut_off', 'cut_off'],
  ['cut_off', 'consolidate', 'consolidated'],
];

describe('the order cycle lifecycle', () => {
  const { allowed, forbidden } = pairs(ORDER_CYCLE_STATES, ORDER_CYCLE_EVENTS, cycleEdges);

  it.each(allowed)('%s --%s--> %s', (state, event, next) => {
    expect(transitionOrderCycle(state, event)).toEqual({ ok: true, value: next });
  });

  it.each(forbidden)('refuses %s --%s--> (allowed there: %j)', (state, event, allowedEvents) => {
    expect(transitionOrderCycle(state, event)).toEqual({
      ok: false,
      code: 'CYCLE_INVALID_TRANSITION',
      message: `An order cycle in state "${state}" cannot take "${event}"`,
      details: { state, event, allowedEvents },
    });
  });

  it('lists every state in its table', () => {
    expect(Object.keys(ORDER_CYCLE_LIFECYCLE).sort()).toEqual([...ORDER_CYCLE_STATES].sort());
  });

  it.each<[OrderCycleEvent, OrderCycleState[]]>([
    ['open', ['scheduled']],
    ['cut_off', ['open']],
    ['consolidate', ['cut_off']],
  ])('takes %s only from %j', (event, states) => {
    expect(statesAllowing(ORDER_CYCLE_LIFECYCLE, event)).toEqual(states);
  });
});
