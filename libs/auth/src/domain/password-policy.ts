export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_EQUALS_USERNAME';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The password policy: 8–128 characters and not the username (in any letter case). */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'PASSWORD_EQUALS_USERNAME';
  return null;
}
