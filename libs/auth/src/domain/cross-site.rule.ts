/** Methods that only read: a cookie session may make them from anywhere it is sent (SameSite already limits that). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a request authenticated by the session cookie shows about where it comes from. */
export interface CookieRequestFacts {
  method: string;
  /** The `Origin` header, when the browser sent one. */
  origin: string | undefined;
  /** This server's own origin as the request reached it (`https://host:port`). */
  ownOrigin: string;
  /** Other origins the deployment lists as its own (`CORS_ORIGINS`, never `*`). */
  trustedOrigins: readonly string[];
  /** The `x-csrf-token` header. */
  csrfHeader: string | undefined;
  /** The `csrf_token` cookie the API set beside the session. */
  csrfCookie: string | undefined;
}

export type CrossSiteRefusal = 'ORIGIN_FORBIDDEN' | 'CSRF_TOKEN_INVALID';

/** Equal strings, compared in time that does not depend on where they first differ. */
function sameToken(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}

/**
 * Whether a request carried by the console's session cookie may go on. A foreign `Origin` is refused on any
 * method that changes something; such a method also needs the double-submit token: the `x-csrf-token` header
 * equal to the `csrf_token` cookie, which only a page of this site can read. Reads pass.
 */
export function crossSiteRefusal(facts: CookieRequestFacts): CrossSiteRefusal | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (isForeignOrigin(facts.origin, facts.ownOrigin, facts.trustedOrigins)) return 'ORIGIN_FORBIDDEN';
  const { csrfHeader, csrfCookie } = facts;
  if (!csrfHeader || !csrfCookie || !sameToken(csrfHeader, csrfCookie)) return 'CSRF_TOKEN_INVALID';
  return null;
}

/**
 * Whether the browser says a request comes from another site's page: an `Origin` that is neither this server's
 * nor one the deployment trusts. (No `Origin`: not a browser's cross-site request; the other checks decide.)
 */
export function isForeignOrigin(
  origin: string | undefined,
  ownOrigin: string,
  trustedOrigins: readonly string[],
): boolean {
  return origin !== undefined && origin !== ownOrigin && !trustedOrigins.includes(origin);
}
