import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { Actor } from '../access/actor.js';
import { commonError, defineErrors } from '../errors/index.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

export const idempotencyError = defineErrors({
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    message: 'Idempotency-Key must be 1–128 letters, digits, -, _, :, .',
  },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was used with a different request' },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed',
  },
});

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
/** An in-flight key older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER_SECONDS = 60;

/** Canonical JSON (sorted keys), so the same body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Honours `Idempotency-Key` on a create route: the same key with the same body replays the first response;
 * with another body → 422; while the first is still running → 409. Keys live per user in PostgreSQL (shared
 * by every replica) and are kept at least 24 hours. A failed request frees its key for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) return throwError(() => idempotencyError('IDEMPOTENCY_KEY_INVALID'));
    if (!request.actor) return throwError(() => commonError('UNAUTHENTICATED'));
    const userId = request.actor.userId;
    const requestHash = createHash('sha256')
      .update(
        `${request.method} ${request.routeOptions.url ?? request.url} ${JSON.stringify(request.params)} ${canonical(request.body)}`,
      )
      .digest('hex');
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.claim(userId, key, requestHash)).pipe(
      mergeMap((claimed) => {
        if (claimed.replay) {
          void reply.header('idempotent-replayed', 'true');
          void reply.status(claimed.replay.status);
          return of(claimed.replay.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.dataSource.query(
              `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
              [userId, key, reply.statusCode, JSON.stringify(body ?? null)],
            );
            return body;
          }),
          catchError((error) =>
            from(
              this.dataSource.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
                userId,
                key,
              ]),
            ).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Claims the key for this request, or says what the earlier request with it left. */
  private async claim(
    userId: number,
    key: string,
    requestHash: string,
  ): Promise<{ replay?: { status: number; body: unknown } }> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status) VALUES ($1, $2, $3, 'in_flight')
       ON CONFLICT (user_id, key) DO UPDATE SET created_at = now(), request_hash = EXCLUDED.request_hash
         WHERE idempotency_keys.status = 'in_flight' AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING key`,
      [userId, key, requestHash, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.length) return {};
    const [existing]: IdempotencyKey[] = await this.dataSource
      .getRepository(IdempotencyKey)
      .findBy({ userId, key });
    if (!existing) return this.claim(userId, key, requestHash); // freed by a failed request meanwhile
    if (existing.requestHash !== requestHash) throw idempotencyError('IDEMPOTENCY_KEY_REUSED');
    if (existing.status === 'in_flight') throw idempotencyError('IDEMPOTENCY_KEY_IN_FLIGHT');
    return { replay: { status: existing.responseStatus ?? 200, body: existing.responseBody } };
  }
}

export const IDEMPOTENT_KEY = 'http:idempotent';

/** Marks a create route as honouring the Idempotency-Key header. */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retry-safe key: same key + same body replays the first response',
    }),
  );
