import { commonError, type DomainError } from './domain-error.js';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** SQLSTATE classes that mean "the server is unreachable or restarting", not a bug of ours. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
];

function driverError(error: unknown): PgErrorLike & { message?: string } {
  const candidate = error as { driverError?: unknown };
  return (candidate?.driverError ?? error) as PgErrorLike & { message?: string };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const err = driverError(error);
  if (err?.code && (UNAVAILABLE_STATES.has(err.code) || UNAVAILABLE_NODE_CODES.has(err.code))) return true;
  const message = err?.message ?? (error as Error)?.message ?? '';
  return UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}

/**
 * Maps a PostgreSQL error caused by the request's data to a coded client error.
 * Returns undefined for anything else (a bug: it stays a 500).
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) return commonError('DATABASE_UNAVAILABLE');
  const err = driverError(error);
  const details = { constraint: err.constraint, table: err.table, column: err.column };
  switch (err?.code) {
    case '23505':
      return commonError('CONFLICT', details, 'A record with the same key already exists');
    case '23503':
      return commonError('CONFLICT', details, 'A referenced record does not exist or is still in use');
    case '23514':
    case '23502':
    case '23P01':
      return commonError('CONFLICT', details, 'The change violates a data rule');
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
    case '22021':
      return commonError('VALIDATION_FAILED', undefined, 'A value is out of range or malformed');
    case '40001':
    case '40P01':
    case '55P03':
      return commonError('CONFLICT', undefined, 'The record is being changed by another request; try again');
    default:
      return undefined;
  }
}
