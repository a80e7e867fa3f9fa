import { describe, expect, it } from '@jest/globals';
import {
  FEEDBACK_EVENTS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_STATES,
  FEEDBACK_TRANSITIONS,
  type FeedbackEvent,
  type FeedbackState,
  OPEN_FEEDBACK_STATES,
  transitionFeedback,
} from './delivery-feedback.lifecycle.js';

/** The lifecycle as specified, written out independently of the table under test. */
const ALLOWED: [FeedbackState, FeedbackEvent, FeedbackState][] = [
  ['open', 'answer', 'answered'],
  ['open', 'close', 'closed'],
  ['answered', 'close', 'closed'],
];

const FORBIDDEN: [FeedbackState, FeedbackEvent][] = FEEDBACK_STATES.flatMap((state) =>
  FEEDBACK_EVENTS.filter((event) => !ALLOWED.some(([from, on]) => from === state && on === event)).map(
    (event): [FeedbackState, FeedbackEvent] => [state, event],
  ),
);

describe('transitionFeedback', () => {
  it('covers every (state, event) pair: 3 × 2 = 6, 3 allowed', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(6);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transitionFeedback(from, event)).toEqual({ ok: true, value: to });
  });

  it.each(FORBIDDEN)('%s refuses %s', (from, event) => {
    expect(transitionFeedback(from, event)).toEqual({
      ok: false,
      code: 'FEEDBACK_TRANSITION_FORBIDDEN',
      message: `Feedback in state "${from}" cannot take "${event}"`,
      details: { state: from, event, allowedEvents: Object.keys(FEEDBACK_TRANSITIONS[from] ?? {}) },
    });
  });
});

describe('feedback codes', () => {
  it('counts an item as open until it is closed', () => {
    expect(OPEN_FEEDBACK_STATES).toEqual(['open', 'answered']);
  });

  it('labels every kind, each differently', () => {
    const labels = FEEDBACK_KINDS.map((kind) => FEEDBACK_KIND_LABELS[kind]);
    expect(new Set(labels).size).toBe(FEEDBACK_KINDS.length);
  });
});
