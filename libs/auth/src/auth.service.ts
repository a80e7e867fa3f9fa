import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { authError } from './auth.errors.js';
import {
  IP_THROTTLE,
  ipThrottleKey,
  secondsLocked,
  type ThrottleRule,
  USER_THROTTLE,
  userThrottleKey,
} from './domain/login-throttle.js';
import { checkPassword } from './domain/password-policy.js';
import { dummyPasswordHash, hashPassword, isUsablePasswordHash, verifyPassword } from './password-hasher.js';
import { User } from './user.entity.js';
import type { LoginResponse, SessionUser } from './dto/auth.dto.js';
import type { TokenPayload } from './auth.guard.js';

function durationSeconds(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value)!;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    retailerId: user.retailerId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Throws the policy's coded error when a password is not acceptable for this username. */
export function assertPasswordAcceptable(password: string, username: string): void {
  const problem = checkPassword(password, username);
  if (problem) throw authError(problem);
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, ip: string): Promise<LoginResponse> {
    const keys = [userThrottleKey(username), ipThrottleKey(ip)];
    // The throttle's windows and locks are kept on the database's clock: compare with that clock, not the process's.
    const locks: Array<{ locked_until: Date | null; now: Date }> = await this.dataSource.query(
      'SELECT locked_until, now() AS now FROM login_throttle WHERE key = ANY($1)',
      [keys],
    );
    const wait = locks.length
      ? secondsLocked(
          locks.map((l) => l.locked_until),
          locks[0].now,
        )
      : 0;
    if (wait > 0) throw authError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: wait });

    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    // Unknown users, and accounts whose password was never set, cost the same as wrong passwords and get
    // the same answer.
    const stored = isUsablePasswordHash(user?.passwordHash) ? user.passwordHash : null;
    const valid = (await verifyPassword(stored ?? (await dummyPasswordHash()), password)) && stored !== null;
    if (!user || !valid || user.status !== 'active') {
      await this.recordFailure(keys[0], USER_THROTTLE);
      await this.recordFailure(keys[1], IP_THROTTLE);
      throw authError('INVALID_CREDENTIALS');
    }
    await this.dataSource.query('DELETE FROM login_throttle WHERE key = $1', [keys[0]]);
    await this.dataSource.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
    return this.issue(user);
  }

  async me(actor: Actor): Promise<SessionUser> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    return toSessionUser(user);
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw authError('INVALID_CREDENTIALS');
    assertPasswordAcceptable(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    const updated = await this.transactions.run(async (manager) => {
      await manager.update(User, user.id, {
        passwordHash,
        mustChangePassword: false,
        tokenVersion: () => 'token_version + 1',
      });
      await this.audit.record(manager, actor, {
        action: 'user.change_password',
        entityType: 'user',
        entityId: user.id,
      });
      return manager.findOneByOrFail(User, { id: user.id });
    });
    return this.issue(updated);
  }

  private async issue(user: User): Promise<LoginResponse> {
    const payload: TokenPayload = { sub: user.id, ver: user.tokenVersion };
    const expiresIn = durationSeconds(this.config.jwtExpiresIn);
    const accessToken = await this.jwt.signAsync(payload, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toSessionUser(user) };
  }

  /** One statement per key: a new window, another failure in the window, or a lock once the rule is hit. */
  private async recordFailure(key: string, rule: ThrottleRule): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), NULL)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN t.window_started_at >= now() - make_interval(secs => $2) AND t.failures + 1 >= $3
           THEN now() + make_interval(secs => $4) ELSE t.locked_until END`,
      [key, rule.windowSeconds, rule.maxFailures, rule.lockSeconds],
    );
  }
}
