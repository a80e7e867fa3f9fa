import { api } from '@/api/client';
import { ApiError, apiErrorOf } from './errors';
import { session } from './session';

export { api };

/** The double-submit CSRF token the API sets as a readable cookie for the console (sent back as a header). */
function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith('csrf_token='))
    ?.slice('csrf_token='.length);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

api.use({
  onRequest({ request }) {
    const csrf = csrfToken();
    if (csrf && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', decodeURIComponent(csrf));
    return request;
  },
  async onResponse({ request, response }) {
    const login = new URL(request.url).pathname === '/api/auth/login';
    if (response.status === 401 && !login) session.expire('登录已过期，请重新登录。');
    return response;
  },
});

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Waits for an API call and gives its body, or throws an ApiError (status 0 when the network failed).
 * The generated client types requests; answers are typed by the caller until the API documents them.
 */
export async function ask<T>(call: Promise<Answer>): Promise<T> {
  let answer: Answer;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK_UNAVAILABLE');
  }
  if (!answer.response.ok) throw apiErrorOf(answer.response.status, answer.error);
  return answer.data as T;
}

/** A list page as the API answers it. */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A fresh Idempotency-Key for a submission (kept with a queued one, so its retries carry the same). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
