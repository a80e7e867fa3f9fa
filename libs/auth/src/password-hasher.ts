import { createHash, randomInt } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** bcrypt cost 11: ~100 ms here, costly enough for offline guessing. Pure JS: no native build to break. */
const COST = 11;

/**
 * bcrypt reads at most 72 bytes, and a Chinese passphrase of 25 characters already exceeds that:
 * hash a fixed-length digest (base64, so no NUL bytes) instead of the raw password.
 */
function digest(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(digest(password), COST);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await bcrypt.compare(digest(password), hash);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so both failures cost the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-user-password');
  return dummyHash;
}

/**
 * A stored value no password verifies against ("!" never starts a bcrypt hash), made by PostgreSQL for
 * set-based inserts (gen_random_uuid is built in since PostgreSQL 13). Accounts created in bulk (a retailer
 * import of 30,000 rows) get one each, random, instead of a real hash: bcrypt at cost 11 costs ~100 ms, an
 * hour for 30,000 accounts, and a password nobody was told is no use anyway. Such an account can log in once
 * a password is set for it (activation or reset).
 */
export const UNUSABLE_PASSWORD_HASH_SQL = `'!' || replace(gen_random_uuid()::text, '-', '')`;

export function isUsablePasswordHash(hash: string | null | undefined): hash is string {
  return typeof hash === 'string' && hash.startsWith('$2');
}

/** Letters and digits nobody confuses when reading them out (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password to hand to a person, who must change it at first login. */
export function temporaryPassword(length = 10): string {
  return Array.from({ length }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
}
