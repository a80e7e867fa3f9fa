import type { components } from '@/api/client';

/** Who is logged in, as the API's login and `GET /api/auth/me` answer it. */
export type SessionUser = components['schemas']['SessionUser'];

type Listener = () => void;

/**
 * Who is logged in. The page never holds the access token: the API keeps it in an httpOnly, SameSite=Strict
 * cookie (unreadable by any script of the page, never in storage, a URL or a log), so a reload keeps the session.
 */
class Session {
  private current: SessionUser | null = null;
  private expiredMessage: string | null = null;
  private readonly listeners = new Set<Listener>();

  get user(): SessionUser | null {
    return this.current;
  }

  start(user: SessionUser): void {
    this.current = user;
    this.expiredMessage = null;
    this.emit();
  }

  update(user: SessionUser): void {
    this.current = user;
    this.emit();
  }

  /** Logged out by the server (expired or revoked): the login page says so. */
  expire(message: string): void {
    if (!this.current) return;
    this.current = null;
    this.expiredMessage = message;
    this.emit();
  }

  end(): void {
    this.current = null;
    this.emit();
  }

  /** The expiry message, once. */
  takeExpiredMessage(): string | null {
    const message = this.expiredMessage;
    this.expiredMessage = null;
    return message;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SessionUser | null => this.current;

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
