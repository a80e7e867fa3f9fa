import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { type Actor, commonError, PUBLIC_KEY, type Role, ROLES_KEY } from '#libs/shared';
import { ActorLoader } from './actor-loader.js';
import { authError } from './auth.errors.js';
import { type SessionCarrier, SessionCookies } from './session-cookies.js';

/** Routes a user with a one-time password may still call (to see who they are and to change it). */
export const PASSWORD_CHANGE_PENDING_ALLOWED = 'auth:password-change-pending-allowed';
export const AllowPendingPasswordChange = () => SetMetadata(PASSWORD_CHANGE_PENDING_ALLOWED, true);

export interface TokenPayload {
  sub: number;
  ver: number;
}

/**
 * The one gate in front of every route: public routes pass; every other route needs a current token of an
 * active user (401) whose role the route lists (403). The token comes as `Authorization: Bearer` (API
 * clients) or in the console's session cookie, whose changes must also pass the cross-site checks (403). A route that lists no roles is refused to everyone.
 * A user holding a one-time password reaches only the routes marked `@AllowPendingPasswordChange()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorLoader,
    private readonly cookies: SessionCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { actor?: Actor; sessionCarrier?: SessionCarrier }>();
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? this.cookies.token(request);
    if (!token) throw commonError('UNAUTHENTICATED');
    if (!bearer) this.cookies.assertSameSite(request);
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw authError('TOKEN_INVALID');
    }
    const actor = await this.actors.load(payload.sub, payload.ver, String(request.id));
    if (!actor) throw authError('TOKEN_INVALID');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(actor.role)) throw commonError('FORBIDDEN');
    if (
      actor.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_PENDING_ALLOWED, targets)
    ) {
      throw authError('PASSWORD_CHANGE_REQUIRED');
    }
    request.actor = actor;
    request.sessionCarrier = bearer ? 'bearer' : 'cookie';
    return true;
  }
}
