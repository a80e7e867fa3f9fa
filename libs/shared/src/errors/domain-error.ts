/**
 * An expected failure with a stable, upper-snake `code`. Services throw these (never HttpException);
 * the HTTP layer maps them to a response in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface ErrorSpec {
  status: number;
  message: string;
}

export type ErrorFactory<C extends string> = (code: C, details?: unknown, message?: string) => DomainError;

/**
 * Declares a bounded context's error codes. Every code must name its HTTP status when declared,
 * so adding a code forces the decision; the returned factory only accepts declared codes.
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(
  specs: T,
): ErrorFactory<Extract<keyof T, string>> & { specs: T } {
  const factory = (code: Extract<keyof T, string>, details?: unknown, message?: string) =>
    new DomainError(code, specs[code].status, message ?? specs[code].message, details);
  return Object.assign(factory, { specs });
}

/** Codes every context shares. */
export const commonError = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid' },
  BAD_REQUEST: { status: 400, message: 'The request is malformed' },
  BODY_TOO_DEEP: { status: 400, message: 'The JSON body is nested too deeply' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication required' },
  FORBIDDEN: { status: 403, message: 'You may not do this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  URI_TOO_LONG: { status: 414, message: 'The URL is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request line or headers are too large' },
  INTERNAL_ERROR: { status: 500, message: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable; try again shortly' },
});

/** `NOT_FOUND` naming what was looked for; used for out-of-scope reads too, so nothing leaks. */
export function notFound(entity: string, id?: string | number): DomainError {
  return commonError('NOT_FOUND', id === undefined ? { entity } : { entity, id }, `${entity} not found`);
}
