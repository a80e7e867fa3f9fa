/**
 * An expected failure as a value (the caller is told why, nothing is thrown): a stable code, a readable
 * message and JSON details. A service turns it into its lib's DomainError with the same code and details.
 */
export interface Refusal<C extends string, D> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
  readonly details: D;
}

/** Either the accepted value or one of the refusals the rule can give. */
export type Outcome<T, R extends Refusal<string, unknown>> = { readonly ok: true; readonly value: T } | R;

export function refuse<C extends string, D>(code: C, message: string, details: D): Refusal<C, D> {
  return { ok: false, code, message, details };
}

export function accept<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
