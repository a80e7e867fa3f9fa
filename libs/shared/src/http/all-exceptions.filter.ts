import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { commonError, DomainError, translateDatabaseError } from '../errors/index.js';

const STATUS_CODES: Record<number, Parameters<typeof commonError>[0]> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own client errors (bad JSON, body too large, wrong content type) carry these codes. */
function fromFastifyError(error: {
  statusCode?: number;
  code?: string;
  message?: string;
}): DomainError | undefined {
  const status = error.statusCode;
  if (!status || status < 400 || status >= 500 || !error.code?.startsWith('FST_')) return undefined;
  const code = STATUS_CODES[status] ?? 'BAD_REQUEST';
  return commonError(code, undefined, error.message?.replace(/^.*?: /, '') ?? undefined);
}

/** The response body every failure answers with: `{statusCode, code, message, details?}`. */
function errorBody(error: DomainError): Record<string, unknown> {
  const body: Record<string, unknown> = {
    statusCode: error.status,
    code: error.code,
    message: error.message,
  };
  if (error.details !== undefined) body.details = error.details;
  return body;
}

/**
 * Fastify's router refuses some URLs (broken percent-encoding, a path parameter over its length limit) before
 * any Nest code runs; they answer in the same shape with the API's own codes, not Fastify's `FST_*` ones.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const failure = fromFastifyError(error) ?? commonError('BAD_REQUEST');
  void reply.status(failure.status).send(errorBody(failure));
}

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response && 'message' in response
      ? String((response as { message: unknown }).message)
      : exception.message;
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
  return new DomainError(code, status, message);
}

/**
 * The single place where failures become HTTP responses: `{statusCode, code, message, details?}`.
 * Unknown errors are logged with the request id and answered as a bare 500 (no stack, no SQL).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const error = this.toDomainError(exception, request);
    if (error.status >= 500 && error.code !== 'DATABASE_UNAVAILABLE') {
      this.logger.error({ requestId: request?.id, err: exception }, 'unhandled error');
    }
    if (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'SERVICE_UNAVAILABLE') {
      void reply.header('Retry-After', '5');
    }
    void reply.status(error.status).send(errorBody(error));
  }

  private toDomainError(exception: unknown, request: FastifyRequest | undefined): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fastify = fromFastifyError(exception as { statusCode?: number; code?: string });
    if (fastify) return fastify;
    const database = translateDatabaseError(exception);
    if (database) {
      if (database.status === 409) {
        this.logger.warn(
          { requestId: request?.id, err: (exception as Error).message },
          'constraint violation',
        );
      }
      return database;
    }
    return commonError('INTERNAL_ERROR');
  }
}
