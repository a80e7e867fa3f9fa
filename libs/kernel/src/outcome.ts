/**
 * An expected refusal as a value: a stable code, a readable message and JSON details. Rules that can refuse
 * return an `Outcome`; the service turns a refusal into its context's error with `orThrow`, so the code and
 * details reach the client unchanged.
 */
export interface Refusal<C extends string = string, D = unknown> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
  readonly details: D;
}

export interface Accepted<T> {
  readonly ok: true;
  readonly value: T;
}

/** Either the accepted value or one of the refusals the rule can give. */
export type Outcome<T, R extends Refusal = Refusal> = Accepted<T> | R;

export function accept<T>(value: T): Accepted<T> {
  return { ok: true, value };
}

export function refuse<C extends string, D>(code: C, message: string, details: D): Refusal<C, D> {
  return { ok: false, code, message, details };
}

/**
 * The accepted value, or the refusal thrown as the caller's error: `toError` is the context's factory from
 * `defineErrors`, and the type checks that it knows every code the rule can refuse with.
 */
export function orThrow<T, C extends string = never, D = never>(
  outcome: Accepted<T> | Refusal<C, D>,
  toError: (code: C, details: D, message: string) => Error,
): T {
  if (outcome.ok) return outcome.value;
  throw toError(outcome.code, outcome.details, outcome.message);
}
