import { describe, expect, it } from '@jest/globals';
import { allowedEvents, statesAllowing, transition, type TransitionTable } from './lifecycle.js';
import { accept, orThrow, refuse } from './outcome.js';

type Door = 'open' | 'closed' | 'locked';
type DoorEvent = 'close' | 'open' | 'lock' | 'unlock';
const DOOR: TransitionTable<Door, DoorEvent> = {
  open: { close: 'closed' },
  closed: { open: 'open', lock: 'locked' },
  locked: { unlock: 'closed' },
};
const DOOR_REFUSAL = { code: 'DOOR_TRANSITION_FORBIDDEN', subject: 'A door' } as const;

describe('transition tables', () => {
  it('give the next state for an allowed event', () => {
    expect(transition(DOOR, DOOR_REFUSAL, 'closed', 'lock')).toEqual({ ok: true, value: 'locked' });
  });

  it('refuse an event the state does not allow, naming the state, the event and what it allows', () => {
    expect(transition(DOOR, DOOR_REFUSAL, 'locked', 'open')).toEqual({
      ok: false,
      code: 'DOOR_TRANSITION_FORBIDDEN',
      message: 'A door in state "locked" cannot take "open"',
      details: { state: 'locked', event: 'open', allowedEvents: ['unlock'] },
    });
  });

  it('answer which events a state allows and from which states an event is allowed', () => {
    expect(allowedEvents(DOOR, 'closed')).toEqual(['open', 'lock']);
    expect(statesAllowing(DOOR, 'open')).toEqual(['closed']);
    expect(statesAllowing(DOOR, 'close')).toEqual(['open']);
  });

  it('treat a state without events as terminal', () => {
    const terminal: TransitionTable<'done', 'redo'> = { done: {} };
    expect(allowedEvents(terminal, 'done')).toEqual([]);
    expect(statesAllowing(terminal, 'redo')).toEqual([]);
    expect(transition(terminal, DOOR_REFUSAL, 'done', 'redo').ok).toBe(false);
  });
});

describe('outcomes', () => {
  class ContextError extends Error {
    constructor(
      readonly code: string,
      readonly details: unknown,
      message: string,
    ) {
      super(message);
    }
  }
  const contextError = (code: 'OVER_CAP', details: unknown, message: string) =>
    new ContextError(code, details, message);

  it('give the accepted value back', () => {
    expect(orThrow(accept(42), contextError)).toBe(42);
  });

  it('throw a refusal as the context’s error with its code, details and message unchanged', () => {
    const refusal = refuse('OVER_CAP', 'Over the cap by 3', { over: 3 });
    let thrown: unknown;
    try {
      orThrow(refusal, contextError);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContextError);
    expect(thrown).toMatchObject({ code: 'OVER_CAP', details: { over: 3 }, message: 'Over the cap by 3' });
  });
});
