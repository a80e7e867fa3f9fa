import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable, translateDatabaseError } from './database-errors.js';

describe('translateDatabaseError', () => {
  it.each([
    ['23505', 409, 'CONFLICT'],
    ['23503', 409, 'CONFLICT'],
    ['23514', 409, 'CONFLICT'],
    ['22P02', 400, 'VALIDATION_FAILED'],
    ['22003', 400, 'VALIDATION_FAILED'],
    ['40001', 409, 'CONFLICT'],
    ['57P01', 503, 'DATABASE_UNAVAILABLE'],
    ['08006', 503, 'DATABASE_UNAVAILABLE'],
  ])('maps SQLSTATE %s to %i %s', (code, status, errorCode) => {
    const translated = translateDatabaseError({ driverError: { code, constraint: 'ck_x', table: 't' } });
    expect(translated?.status).toBe(status);
    expect(translated?.code).toBe(errorCode);
  });

  it('names the violated constraint for conflicts', () => {
    expect(
      translateDatabaseError({ code: '23505', constraint: 'uq_retailers_license_no' })?.details,
    ).toMatchObject({
      constraint: 'uq_retailers_license_no',
    });
  });

  it('leaves errors that are our own bugs untranslated', () => {
    expect(translateDatabaseError({ code: '42703' })).toBeUndefined(); // undefined column
    expect(translateDatabaseError(new Error('boom'))).toBeUndefined();
  });

  it('recognises a lost connection', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
  });
});
