import { api, type components } from '@/api/client';
import { ApiError, apiErrorOf } from './errors';
import { session } from './session';

export { api };

/** The API's documented bodies by schema name (generated from its OpenAPI document). */
export type Schemas = components['schemas'];

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

/** What an openapi-fetch call resolves to: the documented answer, or the error body. */
interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The documented success body of an openapi-fetch call. */
type BodyOf<C> = NonNullable<Awaited<C> extends Answer<infer D> ? D : never>;

/**
 * Waits for an API call and gives its body, typed by the client generated from the API's OpenAPI document, or
 * throws an ApiError (status 0 when the network failed). The type comes from the call alone: a page cannot
 * name a type of its own for an answer (`ask<T>(…)` does not compile), so the generated types are the truth.
 */
export async function ask<C extends Promise<Answer<unknown>>>(call: C): Promise<BodyOf<C>> {
  let answer: Answer<unknown>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK_UNAVAILABLE');
  }
  if (!answer.response.ok) throw apiErrorOf(answer.response.status, answer.error);
  return answer.data as BodyOf<C>;
}

/** A fresh Idempotency-Key for a submission (kept with a queued one, so its retries carry the same). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
