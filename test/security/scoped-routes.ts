import type { Role } from '#libs/shared';
import { defaultFixture, type Fixture, ROUTE_EXPECTATIONS } from './route-expectations.js';
import type { Ids } from './security-fixtures.js';
import { TEST_NOW } from '../support/test-clock.js';

/**
 * The routes that act on one resource named in their path, shared by the object-scope (territory, center, squad,
 * route) and department-scope suites: which fixture each path parameter takes, a valid body for each write (so
 * that only the scope can refuse it), and the URL for a set of ids.
 */

/** Fixtures that live in a territory (so the T009 one is foreign to every scoped caller), and their table. */
export const SCOPED_FIXTURES: Partial<Record<Fixture, string>> = {
  attachment: 'attachments',
  retailer: 'retailers',
  retailer2: 'retailers',
  demand: 'demands',
  cycle: 'order_cycles',
  territory: 'org_units',
  orgUnit: 'org_units',
  user: 'users',
  visit: 'visits',
  lead: 'leads',
  delivery: 'deliveries',
  feedback: 'delivery_feedback',
  problem: 'problems',
  cultivationTask: 'cultivation_tasks',
};

export function nextMonth(month: string | number): string {
  const [y, m] = String(month).split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A valid body for each write on an existing resource, so that only the scope can refuse it (`home`: the
 * caller's own resources a body may name). A write route with a scoped path parameter that is missing here
 * fails the suites (new routes are covered automatically).
 */
export function writeBodies(home: Ids): Record<string, (ids: Ids) => object | undefined> {
  const next = nextMonth(home.month);
  return {
    // A contact field: the one kind of field an account manager may change.
    'PATCH /api/retailers/{id}': () => ({ phone: '13900000000' }),
    'POST /api/retailers/{id}/status': () => ({ status: 'suspended', reason: '越权停业' }),
    'POST /api/retailers/{id}/grade-changes': () => ({ grade: 5, reason: '越权改档' }),
    'PUT /api/retailers/{id}/big-account-override': () => ({ bigAccount: true, reason: '越权大户' }),
    'POST /api/retailers/{id}/account/activation': () => undefined,
    'PUT /api/retailers/{id}/agreed-total': () => ({ month: next, cartons: 99 }),
    'PATCH /api/demands/{id}': () => ({ lines: [{ brandId: home.brand, cartons: 1 }] }),
    'POST /api/demands/{id}/cancel': () => undefined,
    'POST /api/demands/{id}/confirm': () => undefined,
    // The demand is refused before any upload is read.
    'POST /api/demands/{id}/signature': () => undefined,
    'POST /api/demands/{id}/approve': () => ({ comment: '越权审批' }),
    'POST /api/demands/{id}/reject': () => ({ reason: '越权驳回' }),
    'PATCH /api/order-cycles/{id}': () => ({ status: 'cancelled' }),
    'POST /api/order-cycles/{id}/cutoff': () => undefined,
    'POST /api/order-cycles/{id}/consolidate': () => undefined,
    'PUT /api/order-schedules/{territoryId}': () => ({ orderWeekday: 2 }),
    'PATCH /api/org-units/{id}': () => ({ name: '越权改名' }),
    'PATCH /api/users/{id}': () => ({ displayName: '越权改名' }),
    'POST /api/users/{id}/reset-password': () => ({ newPassword: 'Reset@Other2026' }),
    'POST /api/visits/{id}/check': () => ({ effective: true, note: '越权检查' }),
    // The visit is refused before any upload is read.
    'POST /api/visits/{id}/photo': () => undefined,
    'POST /api/leads/{id}/assign': () => ({}),
    'POST /api/leads/{id}/start': () => undefined,
    'POST /api/leads/{id}/verify': () => ({ result: 'confirmed', note: '越权查实' }),
    'POST /api/leads/{id}/inspection': () => ({ comment: '越权督察' }),
    'POST /api/leads/{id}/close': () => undefined,
    // The lead is refused before any upload is read.
    'POST /api/leads/{id}/photos': () => undefined,
    'POST /api/deliveries/{id}/complete': () => ({
      arrivedAt: new Date(TEST_NOW).toISOString(),
      receiver: 'retailer',
    }),
    'POST /api/deliveries/{id}/fail': () => ({ reason: '越权失败' }),
    // The stop is refused before any upload is read.
    'POST /api/deliveries/{id}/signature': () => undefined,
    'POST /api/deliveries/{id}/confirm': () => undefined,
    'POST /api/deliveries/{id}/feedback': () => ({ kind: 'other', description: '越权反馈' }),
    'POST /api/delivery-feedback/{id}/answer': () => ({ answer: '越权答复' }),
    'POST /api/delivery-feedback/{id}/close': () => undefined,
    'POST /api/problems/{id}/answer': () => ({ answer: '越权答复' }),
    'POST /api/problems/{id}/close': () => undefined,
    'POST /api/cultivation/tasks/{id}/submit': () => ({
      salesTrend: '越权分析',
      consumerOpinion: '越权分析',
      ordering: '越权分析',
    }),
  };
}

export interface ScopedRoute {
  key: string;
  method: string;
  path: string;
  params: Array<{ name: string; fixture: Fixture }>;
  /** Of the roles asked about, those the route admits. */
  roles: Role[];
}

/** Every non-public route with a path parameter taking one of `fixtures`, for the `roles` it admits. */
export function scopedRoutes(
  fixtures: Partial<Record<Fixture, string>>,
  roles: readonly Role[],
): ScopedRoute[] {
  return Object.entries(ROUTE_EXPECTATIONS).flatMap(([key, expectation]) => {
    const [method, path] = key.split(' ');
    const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      fixture: expectation.params?.[name] ?? defaultFixture(path, name),
    }));
    if (expectation.roles === 'public' || !params.some((p) => p.fixture in fixtures)) return [];
    const allowed = expectation.roles;
    return [
      { key, method: method.toLowerCase(), path, params, roles: roles.filter((r) => allowed.includes(r)) },
    ];
  });
}

/** The URL of a scoped route for a set of ids (with the query a read requires, for the month of `ids`). */
export function urlWith(route: ScopedRoute, ids: Ids): string {
  const path = route.params.reduce(
    (url, p) => url.replace(`{${p.name}}`, encodeURIComponent(String(ids[p.fixture]))),
    route.path,
  );
  const readQueries: Record<string, string> = {
    'GET /api/retailers/{id}/quota': `month=${ids.month}`,
    'GET /api/retailers/{id}/scarce-limits': `weekStart=${ids.month}-01`,
  };
  return readQueries[route.key] ? `${path}?${readQueries[route.key]}` : path;
}
