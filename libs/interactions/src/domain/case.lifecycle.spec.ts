import { describe, expect, it } from '@jest/globals';
import {
  allowedCaseEvents,
  CASE_EVENTS,
  CASE_STATES,
  caseStatesAllowing,
  type CaseEvent,
  type CaseState,
  transitionCase,
} from './case.lifecycle.js';

/** The lifecycle as specified, written out independently of the table under test. */
const ALLOWED: [CaseState, CaseEvent, CaseState][] = [
  ['open', 'answer', 'answered'],
  ['open', 'escalate', 'escalated'],
  ['escalated', 'answer', 'answered'],
  ['answered', 'close', 'closed'],
];

const FORBIDDEN: [CaseState, CaseEvent][] = CASE_STATES.flatMap((state) =>
  CASE_EVENTS.filter((event) => !ALLOWED.some(([from, on]) => from === state && on === event)).map(
    (event): [CaseState, CaseEvent] => [state, event],
  ),
);

const REFUSAL = { code: 'THING_TRANSITION_FORBIDDEN', subject: 'A thing' } as const;

describe('transitionCase', () => {
  it('covers every (state, event) pair: 4 × 3 = 12, 4 allowed', () => {
    expect(ALLOWED.length).toBe(4);
    expect(FORBIDDEN.length).toBe(8);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transitionCase(REFUSAL, from, event)).toEqual({ ok: true, value: to });
  });

  it.each(FORBIDDEN)('%s refuses %s with the context’s code and what the state allows', (from, event) => {
    const outcome = transitionCase(REFUSAL, from, event);
    expect(outcome).toMatchObject({
      ok: false,
      code: 'THING_TRANSITION_FORBIDDEN',
      details: { state: from, event, allowedEvents: allowedCaseEvents(from) },
    });
  });

  it('answers what each state allows, and a closed case allows nothing', () => {
    expect(allowedCaseEvents('open')).toEqual(['answer', 'escalate']);
    expect(allowedCaseEvents('escalated')).toEqual(['answer']);
    expect(allowedCaseEvents('answered')).toEqual(['close']);
    expect(allowedCaseEvents('closed')).toEqual([]);
  });

  it('selects the states an event is allowed from: an escalated case is not escalated again', () => {
    expect(caseStatesAllowing('escalate')).toEqual(['open']);
    expect(caseStatesAllowing('answer')).toEqual(['open', 'escalated']);
    expect(caseStatesAllowing('close')).toEqual(['answered']);
  });
});
