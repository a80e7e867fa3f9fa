import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { findForbiddenQuotaField } from './domain/index.js';
import { quotaError } from './quota.errors.js';

/**
 * Rule 1 at the door: a quota request carrying a floor/minimum or a per-spec agreed volume, in its body or
 * its query string, is refused with its own code naming the field — before validation, which would only
 * call it an unknown field.
 */
@Injectable()
export class ForbiddenQuotaFieldsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const refusal = findForbiddenQuotaField(request.body) ?? findForbiddenQuotaField(request.query);
    if (refusal) throw quotaError(refusal.code, refusal.details, refusal.message);
    return true;
  }
}
