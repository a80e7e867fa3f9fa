import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  allowedLeadEvents,
  LEAD_EVENTS,
  LEAD_STATES,
  type LeadEvent,
  type LeadState,
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
      details: { from, event },
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
      message: 'A lead that is closed cannot escalate',
      details: { from: 'closed', event: 'escalate' },
    });
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
