import { api, ask } from '@/lib/api';
import { session, type SessionUser } from '@/lib/session';

interface LoginAnswer {
  accessToken?: string;
  user: SessionUser;
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const answer = await ask<LoginAnswer>(api.POST('/api/auth/login', { body: { username, password } }));
  session.start(answer.user, answer.accessToken ?? null);
  return answer.user;
}

/** Changing the password revokes older tokens; the answer carries the new session. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<SessionUser> {
  const answer = await ask<LoginAnswer>(
    api.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }),
  );
  session.start(answer.user, answer.accessToken ?? session.bearer);
  return answer.user;
}

/** The session the browser already holds (the API's session cookie), if any. */
export async function resumeSession(): Promise<SessionUser | null> {
  try {
    const user = await ask<SessionUser>(api.GET('/api/auth/me'));
    session.start(user, session.bearer);
    return user;
  } catch {
    return null;
  }
}

export async function logout(): Promise<void> {
  // The API ends a cookie session on /api/auth/logout; a bearer token dies with this page's memory.
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  session.end();
}
