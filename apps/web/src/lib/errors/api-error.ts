import { errorSentence, type BrandNames, type ErrorDetails } from './error-catalogue';

/** A refusal from the API (`{statusCode, code, message, details}`), or the network being unreachable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: ErrorDetails,
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** No answer at all: offline or the server unreachable (the outbox keeps such a submission). */
  get offline(): boolean {
    return this.status === 0;
  }

  /** The Chinese sentence for a person. */
  sentence(names?: BrandNames): string {
    if (this.offline) return '网络不可用，请检查网络连接后重试。';
    return errorSentence(this.code, this.details, names);
  }
}

/** The ApiError of an API error body (or a bare status when the body is not ours). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = body as { code?: unknown; details?: ErrorDetails } | undefined;
  const code =
    typeof error?.code === 'string' ? error.code : status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  return new ApiError(status, code, error?.details);
}

export function sentenceOf(error: unknown, names?: BrandNames): string {
  return error instanceof ApiError ? error.sentence(names) : '操作未成功，请稍后重试。';
}
