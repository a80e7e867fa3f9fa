import { type Role, ROLES } from '#libs/shared';

/**
 * Who may call each route: the authorization policy written down by hand, from DESIGN.md's roles, so that the
 * matrix test compares the running app with an independent statement of intent (not with its own decorators).
 *
 * Every route of the OpenAPI document must have an entry, and every entry must still be a route: a new route
 * fails the matrix until someone decides here who may call it.
 */

/** A demo resource the matrix fills a path parameter with (resolved per file, in the caller's own scope). */
export type Fixture =
  | 'attachment'
  | 'auditEntry'
  | 'orgUnit'
  | 'user'
  | 'brand'
  | 'districtType'
  | 'retailer'
  /** Another retailer of the same territory, for writes that would disturb the retailer account under test. */
  | 'retailer2'
  | 'demand'
  | 'cycle'
  | 'territory'
  | 'department'
  | 'visit'
  | 'lead'
  | 'delivery'
  | 'feedback'
  | 'problem'
  | 'cultivationTask'
  | 'month'
  /** Last month (over, so closable and measurable). */
  | 'pastMonth'
  | 'year'
  /** A job of the schedule table (one that runs for every department: heads may not run it). */
  | 'job';

export interface RouteExpectation {
  /** The roles that pass the role gate, or 'public' (no token needed). */
  roles: readonly Role[] | 'public';
  /** Path parameter → fixture, when the default for the parameter's name is not the right one. */
  params?: Record<string, Fixture>;
  /** Optional query parameters to send (required ones are filled from the OpenAPI document). */
  query?: Record<string, Fixture>;
  /**
   * Ownership rules finer than the role: allowed roles that are not the resource's owner (its reporter, its
   * route, its raiser) get a 403 with one of these codes, never the role gate's FORBIDDEN.
   */
  ownerCodes?: readonly string[];
}

export const ALL: readonly Role[] = ROLES;
const STAFF = ALL.filter((role) => role !== 'retailer');
const ADMIN: readonly Role[] = ['admin'];
const ADMIN_HEAD: readonly Role[] = ['admin', 'department_head'];
const OVERSIGHT: readonly Role[] = ['admin', 'department_head', 'inspector'];
const SUPERVISORS: readonly Role[] = [...OVERSIGHT, 'market_manager'];
const FIELD: readonly Role[] = [...SUPERVISORS, 'account_manager'];
const RETAILER_MANAGERS: readonly Role[] = ['admin', 'department_head', 'market_manager'];
const RETAILER_EDITORS: readonly Role[] = [...RETAILER_MANAGERS, 'account_manager'];
const DEMAND_WRITERS: readonly Role[] = ['retailer', 'supply_clerk', 'account_manager'];
const LEAD_READERS: readonly Role[] = [
  ...SUPERVISORS,
  'enforcement_officer',
  'account_manager',
  'delivery_staff',
];
const THREE_ROLES: readonly Role[] = ['account_manager', 'enforcement_officer', 'delivery_staff'];
const PROBLEM_READERS: readonly Role[] = [...SUPERVISORS, ...THREE_ROLES];
const DELIVERY_SUPERVISORS: readonly Role[] = [...SUPERVISORS, 'supply_clerk'];

const PUBLIC: RouteExpectation = { roles: 'public' };
const allow = (roles: readonly Role[], more: Omit<RouteExpectation, 'roles'> = {}): RouteExpectation => ({
  roles,
  ...more,
});

export const ROUTE_EXPECTATIONS: Record<string, RouteExpectation> = {
  'GET /health': PUBLIC,

  // auth and users
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,

  // attachments (each served only to who may see the record it belongs to)
  'GET /api/attachments/{id}': allow(ALL),
  'GET /api/auth/me': allow(ALL),
  'PATCH /api/auth/me': allow(ALL),
  'POST /api/auth/change-password': allow(ALL),
  'GET /api/users': allow(SUPERVISORS),
  'POST /api/users': allow(ADMIN_HEAD),
  'GET /api/users/{id}': allow(SUPERVISORS),
  'PATCH /api/users/{id}': allow(ADMIN_HEAD),
  'POST /api/users/{id}/reset-password': allow(ADMIN_HEAD),

  // audit log
  'GET /api/audit': allow(OVERSIGHT),
  'GET /api/audit/{id}': allow(OVERSIGHT),

  // org structure
  'GET /api/org-units': allow(STAFF),
  'POST /api/org-units': allow(ADMIN),
  'GET /api/org-units/territories': allow(STAFF),
  'GET /api/org-units/{id}': allow(STAFF),
  'PATCH /api/org-units/{id}': allow(ADMIN),

  // the department's holiday calendar
  'GET /api/calendar/years/{year}': allow(STAFF, { query: { departmentId: 'department' } }),
  'PUT /api/calendar/years/{year}': allow(ADMIN_HEAD, { query: { departmentId: 'department' } }),
  'POST /api/calendar/years/{year}/import': allow(ADMIN_HEAD, { query: { departmentId: 'department' } }),
  'GET /api/calendar/years/{year}/export': allow(STAFF, { query: { departmentId: 'department' } }),
  'GET /api/calendar/template': allow(ADMIN_HEAD),
  'GET /api/calendar/policy': allow(STAFF, { query: { departmentId: 'department' } }),
  'PUT /api/calendar/policy': allow(ADMIN_HEAD, { query: { departmentId: 'department' } }),

  // catalogue
  'GET /api/brands': allow(ALL),
  'POST /api/brands': allow(ADMIN_HEAD),
  'GET /api/brands/export': allow(STAFF),
  'GET /api/brands/import-template': allow(ADMIN_HEAD),
  'POST /api/brands/import': allow(ADMIN_HEAD),
  'GET /api/brands/{id}': allow(ALL),
  'PATCH /api/brands/{id}': allow(ADMIN_HEAD),
  'GET /api/key-brands': allow(ALL),
  'PUT /api/key-brands/{year}/national': allow(ADMIN),
  'PUT /api/key-brands/{year}/equivalents': allow(ADMIN_HEAD),
  'GET /api/focus-tiers': allow(ALL),
  'PUT /api/focus-tiers': allow(ADMIN_HEAD),

  // retailers
  'GET /api/district-types': allow(ALL),
  'POST /api/district-types': allow(ADMIN_HEAD),
  'PATCH /api/district-types/{code}': allow(ADMIN_HEAD),
  'GET /api/retailers': allow(ALL),
  'POST /api/retailers': allow(RETAILER_MANAGERS),
  'GET /api/retailers/classifications': allow(ALL),
  'GET /api/retailers/export': allow(STAFF),
  'GET /api/retailers/import-template': allow(ADMIN_HEAD),
  'POST /api/retailers/import': allow(ADMIN_HEAD),
  'GET /api/retailers/{id}': allow(ALL),
  'PATCH /api/retailers/{id}': allow(RETAILER_EDITORS, { params: { id: 'retailer2' } }),
  'POST /api/retailers/{id}/status': allow(RETAILER_MANAGERS, { params: { id: 'retailer2' } }),
  'GET /api/retailers/{id}/grades': allow(ALL),
  'POST /api/retailers/{id}/grade-changes': allow(ADMIN_HEAD, { params: { id: 'retailer2' } }),
  'GET /api/retailers/{id}/big-account': allow(STAFF),
  'PUT /api/retailers/{id}/big-account-override': allow(RETAILER_MANAGERS, { params: { id: 'retailer2' } }),
  'POST /api/retailers/{id}/account/activation': allow(RETAILER_EDITORS, { params: { id: 'retailer2' } }),

  // quotas (caps only)
  'GET /api/retailers/{id}/quota': allow(ALL),
  'PUT /api/retailers/{id}/agreed-total': allow(['market_manager'], { params: { id: 'retailer2' } }),
  'GET /api/quotas': allow(SUPERVISORS),
  'POST /api/quotas/rebalance': allow(['market_manager', 'department_head']),
  'POST /api/quotas/compute': allow(ADMIN_HEAD),
  'GET /api/quota-policies': allow(RETAILER_MANAGERS, { query: { departmentId: 'department' } }),
  'PUT /api/quota-policies': allow(ADMIN_HEAD),
  'GET /api/scarce-limits': allow(STAFF),
  'GET /api/retailers/{id}/scarce-limits': allow(ALL),
  'GET /api/retailers/{id}/order-weeks': allow(ALL),
  'PUT /api/scarce-limits': allow(['department_head']),
  'POST /api/scarce-limits/propose': allow(['department_head']),

  // demand and the unified order
  'POST /api/demands': allow(DEMAND_WRITERS),
  'GET /api/demands': allow(ALL),
  'POST /api/demands/confirmation-codes': allow(['retailer']),
  'GET /api/demands/{id}': allow(ALL),
  'GET /api/demands/{id}/outcome': allow(ALL),
  // Demand is the retailer's own: staff may not change self-submitted demand.
  'PATCH /api/demands/{id}': allow(DEMAND_WRITERS, { ownerCodes: ['DEMAND_NOT_EDITABLE'] }),
  'POST /api/demands/{id}/cancel': allow(DEMAND_WRITERS, { ownerCodes: ['DEMAND_NOT_EDITABLE'] }),
  'POST /api/demands/{id}/confirm': allow(['retailer']),
  'POST /api/demands/{id}/signature': allow(['account_manager']),
  'POST /api/demands/{id}/approve': allow(['market_manager']),
  'POST /api/demands/{id}/reject': allow(['market_manager']),
  'GET /api/demands/approval-inbox': allow(['market_manager']),
  'POST /api/demands/approvals': allow(['market_manager']),
  'POST /api/demands/rejections': allow(['market_manager']),
  'GET /api/order-cycles': allow(ALL),
  'POST /api/order-cycles': allow(ADMIN),
  'GET /api/order-cycles/{id}': allow(ALL),
  'GET /api/order-cycles/board': allow(SUPERVISORS),
  'GET /api/order-cycles/{id}/waiting-retailers': allow(SUPERVISORS),
  'PATCH /api/order-cycles/{id}': allow(ADMIN),
  'POST /api/order-cycles/{id}/cutoff': allow(ADMIN),
  'POST /api/order-cycles/{id}/consolidate': allow(['admin', 'supply_clerk']),
  'GET /api/order-schedules': allow(STAFF),
  'PUT /api/order-schedules/{territoryId}': allow(ADMIN_HEAD),
  'GET /api/no-demand': allow(STAFF),
  'POST /api/no-demand': allow(['account_manager']),
  'GET /api/supply-orders': allow([...SUPERVISORS, 'supply_clerk']),
  'GET /api/supply-orders/rationing': allow([...SUPERVISORS, 'supply_clerk']),
  // 稍紧平衡 is part of the week's supply information an account manager and a retailer see on the phone.
  'GET /api/supply-ratios': allow([
    'department_head',
    'market_manager',
    'supply_clerk',
    'account_manager',
    'retailer',
  ]),
  'PUT /api/supply-ratios': allow(['department_head']),
  'GET /api/anomalies': allow([...SUPERVISORS, 'enforcement_officer'], { query: { cycleId: 'cycle' } }),
  'GET /api/inspections/prohibitions': allow(OVERSIGHT),

  // field work
  'POST /api/visits': allow(['account_manager']),
  'GET /api/visits': allow(FIELD),
  'GET /api/visits/overdue': allow(FIELD),
  'GET /api/visits/due-soon': allow(FIELD),
  'GET /api/visits/attainment': allow(FIELD),
  'GET /api/visits/check-sample': allow(SUPERVISORS),
  'GET /api/visits/{id}': allow(FIELD),
  'POST /api/visits/{id}/check': allow(['market_manager']),
  'POST /api/visits/{id}/photo': allow(['account_manager']),
  'POST /api/calls': allow(['account_manager']),
  'GET /api/calls': allow(FIELD),
  'PUT /api/forecasts/{month}': allow(['account_manager']),
  'GET /api/forecasts/{month}': allow(FIELD),
  'GET /api/forecasts/{month}/accuracy': allow(FIELD, { params: { month: 'pastMonth' } }),
  'GET /api/field-policies/{departmentId}': allow(FIELD),
  'PATCH /api/field-policies/{departmentId}': allow(ADMIN_HEAD),

  // three-role interaction: leads
  'POST /api/leads': allow(['account_manager', 'delivery_staff']),
  'GET /api/leads': allow(LEAD_READERS),
  'POST /api/leads/from-anomaly': allow([
    'department_head',
    'inspector',
    'market_manager',
    'enforcement_officer',
  ]),
  'GET /api/leads/rates/squads': allow([...SUPERVISORS, 'enforcement_officer']),
  'GET /api/leads/rates/reporters': allow(LEAD_READERS),
  'GET /api/leads/{id}': allow(LEAD_READERS),
  'POST /api/leads/{id}/assign': allow(['enforcement_officer']),
  'POST /api/leads/{id}/start': allow(['enforcement_officer']),
  'POST /api/leads/{id}/verify': allow(['enforcement_officer']),
  'POST /api/leads/{id}/photos': allow(['enforcement_officer']),
  'POST /api/leads/{id}/inspection': allow(['inspector']),
  // Only the lead's reporter closes it (after the squad's result).
  'POST /api/leads/{id}/close': allow(LEAD_READERS, { ownerCodes: ['LEAD_NOT_REPORTER'] }),
  // Admins belong to no department: they name one.
  'GET /api/lead-policy': allow(LEAD_READERS, { query: { departmentId: 'department' } }),
  'PUT /api/lead-policy': allow(ADMIN_HEAD),

  // three-role interaction: problems between the roles (raised by the three, answered by the center), timeline
  'POST /api/problems': allow(THREE_ROLES),
  'GET /api/problems': allow(PROBLEM_READERS),
  'GET /api/problems/{id}': allow(PROBLEM_READERS),
  'POST /api/problems/{id}/answer': allow(['market_manager', 'inspector']),
  'POST /api/problems/{id}/close': allow(THREE_ROLES),
  'GET /api/problem-policy': allow(PROBLEM_READERS, { query: { departmentId: 'department' } }),
  'PUT /api/problem-policy': allow(ADMIN_HEAD),
  'GET /api/retailers/{id}/timeline': allow(PROBLEM_READERS),

  // three-role interaction: deliveries
  'GET /api/deliveries': allow([...DELIVERY_SUPERVISORS, 'account_manager', 'delivery_staff', 'retailer']),
  'GET /api/deliveries/punctuality': allow([...DELIVERY_SUPERVISORS, 'delivery_staff']),
  'GET /api/deliveries/{id}': allow([
    ...DELIVERY_SUPERVISORS,
    'account_manager',
    'delivery_staff',
    'retailer',
  ]),
  'GET /api/deliveries/today': allow(['retailer']),
  'GET /api/deliveries/{id}/door-code': allow(['retailer']),
  'POST /api/deliveries/{id}/complete': allow(['delivery_staff']),
  'POST /api/deliveries/{id}/fail': allow(['delivery_staff']),
  'POST /api/deliveries/{id}/signature': allow(['delivery_staff']),
  'POST /api/deliveries/{id}/confirm': allow(['retailer']),
  'POST /api/deliveries/{id}/feedback': allow(['account_manager', 'delivery_staff', 'retailer']),
  'GET /api/delivery-runs': allow([...DELIVERY_SUPERVISORS, 'delivery_staff']),
  'GET /api/delivery-runs/today': allow(['delivery_staff']),
  'POST /api/delivery-runs/plan': allow(['admin', 'supply_clerk']),
  'GET /api/delivery-feedback': allow([
    ...DELIVERY_SUPERVISORS,
    'account_manager',
    'delivery_staff',
    'retailer',
  ]),
  'POST /api/delivery-feedback/{id}/answer': allow(['delivery_staff', 'supply_clerk']),
  'POST /api/delivery-feedback/{id}/close': allow(['account_manager', 'delivery_staff', 'retailer'], {
    ownerCodes: ['FEEDBACK_NOT_RAISER'],
  }),

  // KPIs, cultivation, reports
  'GET /api/kpi/definitions': allow(FIELD),
  'GET /api/kpi/account-managers': allow(FIELD),
  'GET /api/kpi/service-centers': allow(SUPERVISORS),
  'GET /api/kpi/departments': allow(OVERSIGHT),
  'GET /api/kpi/squads': allow([...OVERSIGHT, 'enforcement_officer']),
  'GET /api/kpi/delivery': allow([...SUPERVISORS, 'delivery_staff']),
  'GET /api/kpi/targets/{departmentId}': allow(FIELD),
  'PUT /api/kpi/targets/{departmentId}': allow(ADMIN_HEAD),
  'GET /api/cultivation/key-brands': allow(FIELD),
  'GET /api/cultivation/new-brands/{brandId}/analysis': allow(FIELD),
  'GET /api/cultivation/tasks': allow(FIELD),
  'GET /api/cultivation/tasks/{id}': allow(FIELD),
  'POST /api/cultivation/tasks/{id}/submit': allow(['account_manager']),
  'POST /api/cultivation/tasks/generate': allow(ADMIN_HEAD),
  'GET /api/reports/kpi': allow(SUPERVISORS),
  'GET /api/reports/order-lines': allow([...SUPERVISORS, 'supply_clerk']),
  'POST /api/kpi/months/{month}/close': allow(ADMIN, { params: { month: 'pastMonth' } }),
  // Corrections of a closed month: a department head opens, an inspector approves or rejects.
  'POST /api/kpi/months/{month}/corrections': allow(['department_head'], { params: { month: 'pastMonth' } }),
  'POST /api/kpi/months/{month}/corrections/approve': allow(['inspector'], {
    params: { month: 'pastMonth' },
  }),
  'POST /api/kpi/months/{month}/corrections/reject': allow(['inspector'], { params: { month: 'pastMonth' } }),
  'GET /api/kpi/months/{month}/versions': allow(OVERSIGHT, { params: { month: 'pastMonth' } }),
  'GET /api/kpi/months/{month}/readiness': allow(OVERSIGHT, { params: { month: 'pastMonth' } }),
  'GET /api/kpi/corrections': allow(OVERSIGHT),
  // the job board
  'GET /api/jobs': allow(ADMIN_HEAD),
  'POST /api/jobs/{name}/run': allow(ADMIN_HEAD, {
    params: { name: 'job' },
    ownerCodes: ['JOB_NOT_DEPARTMENTAL'],
  }),
};

/** The fixture a path parameter gets when the entry does not say: by the parameter's name and its collection. */
export function defaultFixture(path: string, param: string): Fixture {
  switch (param) {
    case 'code':
      return 'districtType';
    case 'year':
      return 'year';
    case 'month':
      return 'month';
    case 'departmentId':
      return 'department';
    case 'territoryId':
      return 'territory';
    case 'brandId':
      return 'brand';
  }
  const collection = path.slice(0, path.indexOf(`{${param}}`));
  const byCollection: Array<[string, Fixture]> = [
    ['/api/attachments/', 'attachment'],
    ['/api/audit/', 'auditEntry'],
    ['/api/org-units/', 'orgUnit'],
    ['/api/users/', 'user'],
    ['/api/brands/', 'brand'],
    ['/api/retailers/', 'retailer'],
    ['/api/demands/', 'demand'],
    ['/api/order-cycles/', 'cycle'],
    ['/api/visits/', 'visit'],
    ['/api/leads/', 'lead'],
    ['/api/deliveries/', 'delivery'],
    ['/api/delivery-feedback/', 'feedback'],
    ['/api/problems/', 'problem'],
    ['/api/cultivation/tasks/', 'cultivationTask'],
  ];
  const found = byCollection.find(([prefix]) => collection === prefix);
  if (!found) throw new Error(`no fixture for {${param}} in ${path}: add one to route-expectations.ts`);
  return found[1];
}
