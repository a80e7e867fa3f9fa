/**
 * A lifecycle as data: state → event → next state. An event missing under a state is forbidden there;
 * a state with no events is terminal. Services never assign a status directly, they ask the table.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<
  Partial<Record<S, Readonly<Partial<Record<E, S>>>>>
>;

export interface TransitionRefusal<C extends string, S extends string, E extends string> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
  readonly details: { state: S; event: E; allowedEvents: E[] };
}

export type TransitionResult<C extends string, S extends string, E extends string> =
  { readonly ok: true; readonly state: S } | TransitionRefusal<C, S, E>;

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

/** The next state, or a refusal with `code` naming the state, the event and what the state does allow. */
export function transitionIn<C extends string, S extends string, E extends string>(
  table: TransitionTable<S, E>,
  refusal: { code: C; subject: string },
  state: S,
  event: E,
): TransitionResult<C, S, E> {
  const next = table[state]?.[event];
  if (next !== undefined) return { ok: true, state: next };
  return {
    ok: false,
    code: refusal.code,
    message: `${refusal.subject} in state "${state}" cannot take "${event}"`,
    details: { state, event, allowedEvents: allowedEvents(table, state) },
  };
}
