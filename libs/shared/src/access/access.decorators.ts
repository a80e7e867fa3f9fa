import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body.js';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';

/**
 * The roles allowed on a route. Every non-public route declares them; a route without is refused.
 * The OpenAPI document lists them per operation as `x-roles` (for clients and the hostile-input tests).
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    // The console's alternative: the httpOnly session cookie (changes also need the x-csrf-token header).
    ApiCookieAuth('session'),
    ApiExtension('x-roles', [...roles]),
    ApiUnauthorizedResponse({
      type: ErrorBody,
      description: 'No valid token (UNAUTHENTICATED, TOKEN_INVALID)',
    }),
    ApiForbiddenResponse({
      type: ErrorBody,
      description: `FORBIDDEN unless the caller is: ${roles.join(', ')}; with the session cookie, ORIGIN_FORBIDDEN or CSRF_TOKEN_INVALID for a change that may be another site's`,
    }),
  );

/** A route anyone may call without a token (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, set on the request by the authentication guard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
