import { describe, expect, it } from '@jest/globals';
import { checkPassword } from './password-policy.js';
import { secondsLocked } from './login-throttle.js';

describe('checkPassword', () => {
  it.each([
    ['Secret#2026', 'zhangsan', null],
    ['1234567', 'zhangsan', 'PASSWORD_TOO_SHORT'],
    ['12345678', 'zhangsan', null],
    ['密码密码密码密码', 'zhangsan', null],
    ['密码密码密码', 'zhangsan', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'zhangsan', 'PASSWORD_TOO_LONG'],
    ['ZhangSan01', 'zhangsan01', 'PASSWORD_EQUALS_USERNAME'],
    ['330102123456', '330102123456', 'PASSWORD_EQUALS_USERNAME'],
  ])('%s for user %s → %s', (password, username, expected) => {
    expect(checkPassword(password, username)).toBe(expected);
  });
});

describe('secondsLocked', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each([
    [[], 0],
    [[null, null], 0],
    [[new Date('2025-12-31T23:59:00Z')], 0],
    [[new Date('2026-01-01T00:00:30.200Z'), null], 31],
    [[new Date('2026-01-01T00:01:00Z'), new Date('2026-01-01T00:10:00Z')], 600],
  ])('locks %j → %i s', (locks, expected) => {
    expect(secondsLocked(locks as Array<Date | null>, now)).toBe(expected);
  });
});
