import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { authError } from './auth.errors.js';
import type { LoginResponse } from './dto/auth.dto.js';
import { crossSiteRefusal, isForeignOrigin } from './domain/cross-site.rule.js';

/** The console's session: the access token, httpOnly (no script of the page can read it), sent to /api only. */
export const SESSION_COOKIE = 'session';
/** The double-submit token: readable by the console's pages, which send it back as `x-csrf-token`. */
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

/** How a request was authenticated; the guard records it so answers that renew the session renew it the same way. */
export type SessionCarrier = 'bearer' | 'cookie';

/**
 * The console's cookie session. API clients keep sending `Authorization: Bearer`; the console asks for a
 * cookie at login (`session: "cookie"`) and never sees the token. Both cookies are `SameSite=Strict`, so a
 * browser does not send them on another site's requests at all; `Secure` whenever the request came over HTTPS.
 * Changes made with the cookie must also carry the CSRF header and no foreign `Origin`.
 */
@Injectable()
export class SessionCookies {
  private readonly trustedOrigins: readonly string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.trustedOrigins = Array.isArray(config.corsOrigins) ? config.corsOrigins : [];
  }

  /** The access token the session cookie carries, if any. */
  token(request: FastifyRequest): string | undefined {
    return request.cookies?.[SESSION_COOKIE] || undefined;
  }

  /** Throws the coded refusal when a request carried by the session cookie may be another site's doing. */
  assertSameSite(request: FastifyRequest): void {
    const csrfHeader = request.headers[CSRF_HEADER];
    const refusal = crossSiteRefusal({
      method: request.method,
      origin: request.headers.origin,
      ownOrigin: this.ownOrigin(request),
      trustedOrigins: this.trustedOrigins,
      csrfHeader: typeof csrfHeader === 'string' ? csrfHeader : undefined,
      csrfCookie: request.cookies?.[CSRF_COOKIE],
    });
    if (refusal) throw authError(refusal);
  }

  /** A login asking for a cookie from another site's page is refused (no logging a victim in as someone else). */
  assertLoginFromOwnSite(request: FastifyRequest): void {
    if (isForeignOrigin(request.headers.origin, this.ownOrigin(request), this.trustedOrigins)) {
      throw authError('ORIGIN_FORBIDDEN');
    }
  }

  /**
   * Hands a new session over the way it was asked for: a bearer answer as it is; for a cookie session the
   * token goes into the httpOnly cookie (a fresh CSRF token beside it) and out of the answer.
   */
  deliver(
    request: FastifyRequest,
    reply: FastifyReply,
    carrier: SessionCarrier,
    answer: LoginResponse,
  ): LoginResponse {
    if (carrier === 'bearer') return answer;
    const common = {
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: answer.expiresIn,
    } as const;
    void reply.setCookie(SESSION_COOKIE, answer.accessToken!, { ...common, httpOnly: true, path: '/api' });
    void reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, path: '/' });
    return { tokenType: 'Cookie', expiresIn: answer.expiresIn, user: answer.user };
  }

  end(request: FastifyRequest, reply: FastifyReply): void {
    const common = { sameSite: 'strict', secure: request.protocol === 'https' } as const;
    void reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true, path: '/api' });
    void reply.clearCookie(CSRF_COOKIE, { ...common, path: '/' });
  }

  private ownOrigin(request: FastifyRequest): string {
    return `${request.protocol}://${request.host}`;
  }
}
