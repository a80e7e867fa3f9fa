import type { Role } from './access';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  retailerId: number | null;
  mustChangePassword: boolean;
}

type Listener = () => void;

/**
 * Who is logged in. The access token stays in this module's memory only (never in storage, a URL or a log);
 * once the API sets an httpOnly session cookie the token is not needed at all and a reload keeps the session.
 */
class Session {
  private token: string | null = null;
  private current: SessionUser | null = null;
  private expiredMessage: string | null = null;
  private readonly listeners = new Set<Listener>();

  get user(): SessionUser | null {
    return this.current;
  }

  get bearer(): string | null {
    return this.token;
  }

  start(user: SessionUser, token: string | null): void {
    this.current = user;
    this.token = token;
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
    this.token = null;
    this.expiredMessage = message;
    this.emit();
  }

  end(): void {
    this.current = null;
    this.token = null;
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
