import { afterAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '#libs/shared';
import { defaultFixture, ROUTE_EXPECTATIONS, type RouteExpectation } from './route-expectations.js';
import { documentedRoutes, requiredQueryValues } from './openapi-routes.js';
import { type Ids, loadSecurityDemo } from './security-fixtures.js';

/**
 * The authorization matrix (issue 11): every route of the app's own OpenAPI document × every role, plus no
 * token at all. A role the route does not list is refused 403 FORBIDDEN (by the guard, before any validation
 * or lookup); a listed role is never refused by the role gate on a resource of its own scope (reads answer
 * 200); without a token every protected route answers 401 UNAUTHENTICATED. Routes missing from (or stale in)
 * route-expectations.ts fail.
 */

const demo = await loadSecurityDemo();
const { t, home } = demo;
afterAll(async () => {
  await t.close();
});

const { routes: documented } = await documentedRoutes(t);
/** Values for required query parameters, by name: the home scope's own. */
const QUERY_VALUES = requiredQueryValues(home);

function urlOf(route: (typeof documented)[number], expectation: RouteExpectation, ids: Ids = home): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, param: string) =>
    encodeURIComponent(String(ids[expectation.params?.[param] ?? defaultFixture(route.path, param)])),
  );
  const query = (route.operation.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => {
      if (!(p.name in QUERY_VALUES))
        throw new Error(`no value for required query ?${p.name} of ${route.key}`);
      return `${p.name}=${encodeURIComponent(String(QUERY_VALUES[p.name]))}`;
    })
    .concat(Object.entries(expectation.query ?? {}).map(([name, fixture]) => `${name}=${ids[fixture]}`));
  return query.length ? `${path}?${query.join('&')}` : path;
}

async function call(route: (typeof documented)[number], headers: Record<string, string>, ids: Ids = home) {
  const expectation = ROUTE_EXPECTATIONS[route.key];
  const request = t.http[route.method as 'get'](urlOf(route, expectation, ids)).set(headers);
  return route.method === 'get' ? request : request.send({});
}

describe('the expectations table and the OpenAPI document', () => {
  it('documents a sane number of routes', () => {
    expect(documented.length).toBeGreaterThan(100);
  });

  it('has an expectation for every documented route', () => {
    const missing = documented.map((r) => r.key).filter((key) => !(key in ROUTE_EXPECTATIONS));
    expect(missing).toEqual([]);
  });

  it('has no stale expectation (every entry is a documented route)', () => {
    const keys = new Set(documented.map((r) => r.key));
    expect(Object.keys(ROUTE_EXPECTATIONS).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('fills every path parameter of every route', () => {
    for (const route of documented) {
      const expectation = ROUTE_EXPECTATIONS[route.key];
      if (expectation) expect(urlOf(route, expectation)).not.toMatch(/[{}]|undefined/);
    }
  });
});

const routes = documented.filter((route) => route.key in ROUTE_EXPECTATIONS);
const cases = routes.flatMap((route) =>
  ([...ROLES, 'anonymous'] as const).map((role) => {
    const roles = ROUTE_EXPECTATIONS[route.key].roles;
    const verdict =
      roles === 'public'
        ? 'public'
        : role === 'anonymous'
          ? 'unauthenticated'
          : roles.includes(role)
            ? 'allowed'
            : 'denied';
    return { route, role, verdict, name: `${route.key} as ${role}: ${verdict}` };
  }),
);

describe(`authorization matrix: ${routes.length} routes × ${ROLES.length} roles + anonymous`, () => {
  it.each(cases)('$name', async ({ route, role, verdict }) => {
    const expectation = ROUTE_EXPECTATIONS[route.key];
    const headers = role === 'anonymous' ? {} : await demo.auth(role as Role);
    const res = await call(route, headers, role === 'anonymous' ? home : demo.ownFor(role));
    const seen = `${route.key} as ${role}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
    expect({ seen, serverError: res.status >= 500 }).toEqual({ seen, serverError: false });
    switch (verdict) {
      case 'unauthenticated':
        expect({ seen, status: res.status, code: res.body.code }).toEqual({
          seen,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        break;
      case 'denied':
        expect({ seen, status: res.status, code: res.body.code }).toEqual({
          seen,
          status: 403,
          code: 'FORBIDDEN',
        });
        break;
      case 'public':
        expect({ seen, refused: [401, 403].includes(res.status) }).toEqual({ seen, refused: false });
        break;
      case 'allowed':
        expect({ seen, status: res.status }).not.toEqual({ seen, status: 401 });
        // A 403 here may only be a finer ownership rule the table names, never the role gate.
        if (res.status === 403) {
          expect({ seen, ownerCode: (expectation.ownerCodes ?? []).includes(res.body.code) }).toEqual({
            seen,
            ownerCode: true,
          });
        }
        if (route.method === 'get') expect({ seen, status: res.status }).toEqual({ seen, status: 200 });
        break;
    }
  });
});

describe('a forged or garbage token', () => {
  const protectedRoutes = routes.filter((route) => ROUTE_EXPECTATIONS[route.key].roles !== 'public');
  it.each(protectedRoutes.map((route) => ({ route, name: route.key })))(
    '$name answers 401 TOKEN_INVALID',
    async ({ route }) => {
      const res = await call(route, { authorization: 'Bearer not.a.token' });
      expect({ route: route.key, status: res.status, code: res.body.code }).toEqual({
        route: route.key,
        status: 401,
        code: 'TOKEN_INVALID',
      });
    },
  );
});
