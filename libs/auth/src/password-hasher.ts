import { createHash } from 'node:crypto';
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
