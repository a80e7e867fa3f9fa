import { describe, expect, it } from '@jest/globals';
import { hashPassword, isUsablePasswordHash, temporaryPassword, verifyPassword } from './password-hasher.js';
import { checkPassword } from './domain/password-policy.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Demo@2026');
    expect(hash).not.toContain('Demo@2026');
    expect(await verifyPassword(hash, 'Demo@2026')).toBe(true);
    expect(await verifyPassword(hash, 'Demo@2027')).toBe(false);
  });

  it('distinguishes long passphrases that differ only after 72 bytes (bcrypt alone would not)', async () => {
    const prefix = '烟草零售终端管理系统的一个很长很长的口令用于测试字节上限'; // 28 characters, 84 bytes
    const hash = await hashPassword(`${prefix}甲`);
    expect(await verifyPassword(hash, `${prefix}乙`)).toBe(false);
    expect(await verifyPassword(hash, `${prefix}甲`)).toBe(true);
  });

  it('treats a malformed stored hash as a failed verification', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });

  it('tells bcrypt hashes from the unusable values bulk-created accounts get, which no password verifies', async () => {
    // What UNUSABLE_PASSWORD_HASH_SQL makes: "!" and a UUID's 32 hex digits.
    const unusable = '!3f2c9a1e7b4d4c0e9a8b6f5d4c3b2a19';
    expect(isUsablePasswordHash(unusable)).toBe(false);
    expect(await verifyPassword(unusable, unusable)).toBe(false);
    expect(await verifyPassword(unusable, '')).toBe(false);
    expect(isUsablePasswordHash(null)).toBe(false);
    expect(isUsablePasswordHash(await hashPassword('Demo@2026'))).toBe(true);
  });

  it('makes temporary passwords the policy accepts', () => {
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword();
      expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
      expect(checkPassword(password, '362501000001')).toBeNull();
    }
  });
});
