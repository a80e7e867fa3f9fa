/** How many failed logins a key may have in a window before it is locked, and for how long. */
export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

/** Per username: 5 failures in 15 minutes lock it for 15 minutes. */
export const USER_THROTTLE: ThrottleRule = { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 };

/** Per client address: looser, since many shops may share one carrier-grade NAT address. */
export const IP_THROTTLE: ThrottleRule = { maxFailures: 30, windowSeconds: 900, lockSeconds: 900 };

export function userThrottleKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

/** Seconds until the latest lock lifts, or 0 when none of the locks is active. */
export function secondsLocked(lockedUntil: Array<Date | null>, now: Date): number {
  const latest = Math.max(0, ...lockedUntil.map((until) => (until ? until.getTime() - now.getTime() : 0)));
  return Math.ceil(latest / 1000);
}
