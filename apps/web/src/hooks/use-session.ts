import { useSyncExternalStore } from 'react';
import { session, type SessionUser } from '@/lib/session';

/** The logged-in user (null when logged out); re-renders on login, logout and expiry. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
