import { accept, type Outcome, type Refusal } from './outcome.js';

/**
 * A lifecycle as data: state → event → next state. An event missing under a state is forbidden there; a state
 * with no events is terminal, and a state the table does not hold allows nothing (one table per variant, e.g.
 * per demand channel). Services never assign a status, they ask the table; set-based jobs select the states an
 * event is allowed from, never a hard-coded list.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<
  Partial<Record<S, Readonly<Partial<Record<E, S>>>>>
>;

/** The refusal of an event the state does not allow: which state, which event, and what the state allows. */
export type TransitionRefusal<C extends string, S extends string, E extends string> = Refusal<
  C,
  { readonly state: S; readonly event: E; readonly allowedEvents: E[] }
>;

/** The events a state allows, in the table's order (for buttons and error details). */
export function allowedEvents<S extends string, E extends string>(
  table: TransitionTable<S, E>,
  state: S,
): E[] {
  return Object.keys(table[state] ?? {}) as E[];
}

/** The states from which `event` is allowed: the `WHERE status IN (…)` of a set-based job. */
export function statesAllowing<S extends string, E extends string>(
  table: TransitionTable<S, E>,
  event: E,
): S[] {
  return (Object.keys(table) as S[]).filter((state) => table[state]?.[event] !== undefined);
}

/** The next state, or a refusal with the context's `code` naming the state, the event and what it allows. */
export function transition<C extends string, S extends string, E extends string>(
  table: TransitionTable<S, E>,
  refusal: { readonly code: C; readonly subject: string },
  state: S,
  event: E,
): Outcome<S, TransitionRefusal<C, S, E>> {
  const next = table[state]?.[event];
  if (next !== undefined) return accept(next);
  return {
    ok: false,
    code: refusal.code,
    message: `${refusal.subject} in state "${state}" cannot take "${event}"`,
    details: { state, event, allowedEvents: allowedEvents(table, state) },
  };
}
