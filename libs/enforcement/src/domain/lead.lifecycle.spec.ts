import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  allowedLeadEvents,
  LEAD_EVENTS,
  LEAD_STATES,
  leadStatesAllowing,
  leadStatesAwaitingResult,
  type LeadEvent,
  type LeadState,
  planLeadEvent,
  transitionLead,
} from './lead.lifecycle.js';

/** The lifecycle as specified, written out independently of the table under test. */
const ALLOWED: [LeadState, LeadEvent, LeadState][] = [
  ['new', 'assign', 'assigned'],
  ['new', 'escalate', 'escalated'],
  ['assigned', 'startVerification', 'verifying'],
  ['assigned', 'escalate', 'escalated'],
  ['verifying', 'recordResult', 'verified'],
  ['verifying', 'escalate', 'escalated'],
  ['escalated', 'requireAction', 'verifying'],
  ['escalated', 'recordResult', 'verified'],
  ['verified', 'close', 'closed'],
];

const FORBIDDEN: [LeadState, LeadEvent][] = LEAD_STATES.flatMap((state) =>
  LEAD_EVENTS.filter((event) => !ALLOWED.some(([from, on]) => from === state && on === event)).map(
    (event): [LeadState, LeadEvent] => [state, event],
  ),
);

describe('transitionLead', () => {
  it('covers every (state, event) pair: 6 × 6 = 36, 9 allowed', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(36);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transitionLead(from, event)).toEqual({ ok: true, value: to });
  });

  it.each(FORBIDDEN)('%s refuses %s', (from, event) => {
    expect(transitionLead(from, event)).toMatchObject({
      ok: false,
      code: 'LEAD_TRANSITION_FORBIDDEN',
      details: { state: from, event },
    });
  });

  it('closes a lead only after a result was recorded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEAD_EVENTS), { maxLength: 12 }), (events) => {
        let state: LeadState = 'new';
        let resultRecorded = false;
        for (const event of events) {
          const next = transitionLead(state, event);
          if (!next.ok) continue;
          if (event === 'recordResult') resultRecorded = true;
          state = next.value;
          if (state === 'closed') expect(resultRecorded).toBe(true);
        }
      }),
    );
  });
});

describe('a refused transition', () => {
  it('says what was refused', () => {
    expect(transitionLead('closed', 'escalate')).toEqual({
      ok: false,
      code: 'LEAD_TRANSITION_FORBIDDEN',
      message: 'A lead in state "closed" cannot take "escalate"',
      details: { state: 'closed', event: 'escalate', allowedEvents: [] },
    });
  });
});

describe('leads awaiting a result', () => {
  it('are those that can still get one: the states the org move carries along', () => {
    expect(leadStatesAwaitingResult()).toEqual(['new', 'assigned', 'verifying', 'escalated']);
  });
});

describe('allowedLeadEvents', () => {
  it.each<[LeadState, LeadEvent[]]>([
    ['new', ['assign', 'escalate']],
    ['escalated', ['recordResult', 'requireAction']],
    ['verified', ['close']],
    ['closed', []],
  ])('%s → %j', (state, events) => {
    expect(allowedLeadEvents(state)).toEqual(events);
  });
});

describe('leadStatesAllowing', () => {
  it.each<[LeadEvent, LeadState[]]>([
    ['escalate', ['new', 'assigned', 'verifying']],
    ['recordResult', ['verifying', 'escalated']],
    ['requireAction', ['escalated']],
    ['close', ['verified']],
  ])('%s from %j', (event, states) => {
    expect(leadStatesAllowing(event)).toEqual(states);
  });
});

describe('planLeadEvent', () => {
  it.each<[LeadState, LeadEvent, LeadEvent[], LeadState]>([
    ['new', 'recordResult', ['assign', 'startVerification', 'recordResult'], 'verified'],
    ['assigned', 'recordResult', ['startVerification', 'recordResult'], 'verified'],
    ['verifying', 'recordResult', ['recordResult'], 'verified'],
    ['escalated', 'recordResult', ['recordResult'], 'verified'],
    ['new', 'startVerification', ['assign', 'startVerification'], 'verifying'],
    ['new', 'assign', ['assign'], 'assigned'],
    ['escalated', 'requireAction', ['requireAction'], 'verifying'],
  ])('%s → %s goes %j to %s', (from, goal, events, to) => {
    const plan = planLeadEvent(from, goal);
    expect(plan.ok && plan.value.map((step) => step.event)).toEqual(events);
    expect(plan.ok && plan.value.at(-1)?.to).toBe(to);
  });

  it.each<[LeadState, LeadEvent]>([
    ['verified', 'recordResult'],
    ['closed', 'recordResult'],
    ['verifying', 'assign'],
    ['new', 'close'],
    ['new', 'requireAction'],
  ])('%s cannot reach %s: the table’s own refusal', (from, goal) => {
    expect(planLeadEvent(from, goal)).toEqual(transitionLead(from, goal));
    expect(planLeadEvent(from, goal).ok).toBe(false);
  });

  it('plans only transitions of the table, chained', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEAD_STATES), fc.constantFrom(...LEAD_EVENTS), (from, goal) => {
        const plan = planLeadEvent(from, goal);
        if (!plan.ok) return;
        let state = from;
        for (const step of plan.value) {
          expect(step.from).toBe(state);
          expect(transitionLead(state, step.event)).toEqual({ ok: true, value: step.to });
          state = step.to;
        }
        expect(plan.value.at(-1)).toMatchObject({ event: goal, to: state });
      }),
    );
  });
});
