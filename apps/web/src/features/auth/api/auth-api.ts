import { api, ask } from '@/lib/api';
import { session, type SessionUser } from '@/lib/session';

/** The console asks for a cookie session: the token stays in an httpOnly cookie no script of the page can read. */
export async function login(username: string, password: string): Promise<SessionUser> {
  const answer = await ask(api.POST('/api/auth/login', { body: { username, password, session: 'cookie' } }));
  session.start(answer.user);
  return answer.user;
}

/** Changing the password revokes older sessions; the API renews the cookie with the answer. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<SessionUser> {
  const answer = await ask(api.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }));
  session.start(answer.user);
  return answer.user;
}

/** The session the browser already holds (the API's session cookie), if any: a reload stays logged in. */
export async function resumeSession(): Promise<SessionUser | null> {
  try {
    const user = await ask(api.GET('/api/auth/me'));
    session.start(user);
    return user;
  } catch {
    return null;
  }
}

/** The API clears the session cookies (the request carries the CSRF header like every change). */
export async function logout(): Promise<void> {
  await api.POST('/api/auth/logout').catch(() => undefined);
  session.end();
}
