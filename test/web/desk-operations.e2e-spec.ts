import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Can each desk role do its week's work without Swagger? Every operation of the OpenAPI document that a desk role
 * (market manager, supply clerk, department head, inspector, admin; from each operation's `x-roles`) may call is
 * either called by a page of the console (a typed `api.GET('/api/…')` in apps/web/src), or listed below: API-only
 * with the reason, or named under the desk page still to come that will call it (issue 18). A new operation for
 * a desk role fails here until someone decides which; an entry a page now calls must leave the lists, so the
 * pages still to come shrink as they land.
 */

const DESK_ROLES = ['market_manager', 'supply_clerk', 'department_head', 'inspector', 'admin'];

/** Operations no page calls, on purpose. */
const API_ONLY: Record<string, string> = {
  'GET /api/attachments/{id}':
    'photos and signatures load by URL (an image’s src), not through the typed client',
  'GET /api/audit/{id}':
    'the audit page reads each entry’s before and after from the list; by id is for links from elsewhere',
  'POST /api/kpi/months/{month}/close':
    'the month-close job closes a month when its inputs are in; closing early is an admin’s exceptional act, with a reason',
  'POST /api/order-cycles/{id}/cutoff':
    'the open-and-cut-off job cuts cycles off at their time; by hand only when that job failed',
  'GET /api/reports/order-lines':
    'a bulk export (CSV or XLSX, streamed, up to millions of lines) for the analysts’ own tools',
};

/** Operations that desk pages still to come will call, by page. */
const PAGES_TO_COME: Record<string, readonly string[]> = {
  电话记录: ['GET /api/calls'],
  '政策设置（档位、额度、紧俏限量、供应比例、外勤、线索、目标、价位段、日历）': [
    'GET /api/quota-policies',
    'PUT /api/quota-policies',
    'POST /api/quotas/compute',
    'GET /api/scarce-limits',
    'PUT /api/scarce-limits',
    'POST /api/scarce-limits/propose',
    'PUT /api/supply-ratios',
    'GET /api/field-policies/{departmentId}',
    'PATCH /api/field-policies/{departmentId}',
    'GET /api/lead-policy',
    'PUT /api/lead-policy',
    'GET /api/kpi/targets/{departmentId}',
    'PUT /api/kpi/targets/{departmentId}',
    'GET /api/focus-tiers',
    'PUT /api/focus-tiers',
    'POST /api/district-types',
    'PATCH /api/district-types/{code}',
    'GET /api/calendar/years/{year}',
    'PUT /api/calendar/years/{year}',
    'POST /api/calendar/years/{year}/import',
    'GET /api/calendar/years/{year}/export',
    'GET /api/calendar/template',
    'GET /api/calendar/policy',
    'PUT /api/calendar/policy',
  ],
  规格与重点品牌: [
    'POST /api/brands',
    'GET /api/brands/export',
    'GET /api/brands/import-template',
    'POST /api/brands/import',
    'GET /api/brands/{id}',
    'PATCH /api/brands/{id}',
    'GET /api/key-brands',
    'PUT /api/key-brands/{year}/national',
    'PUT /api/key-brands/{year}/equivalents',
  ],
  部门考核看板与品牌培育: [
    'GET /api/kpi/definitions',
    'GET /api/kpi/service-centers',
    'GET /api/kpi/departments',
    'GET /api/kpi/squads',
    'GET /api/kpi/delivery',
    'GET /api/cultivation/key-brands',
    'GET /api/cultivation/new-brands/{brandId}/analysis',
    'GET /api/cultivation/tasks/{id}',
    'POST /api/cultivation/tasks/generate',
  ],
  '线索（由异常采购立案、上报人查实率、结案）': [
    'POST /api/leads/from-anomaly',
    'GET /api/leads/rates/reporters',
    'POST /api/leads/{id}/close',
  ],
  '送货（线路计划、及时率、反馈）': [
    'GET /api/deliveries/punctuality',
    'GET /api/deliveries/{id}',
    'GET /api/delivery-runs',
    'POST /api/delivery-runs/plan',
    'POST /api/delivery-feedback/{id}/answer',
  ],
  '组织架构、用户与订货周期（管理员）': [
    'POST /api/org-units',
    'GET /api/org-units/{id}',
    'PATCH /api/org-units/{id}',
    'GET /api/users/{id}',
    'POST /api/order-cycles',
    'GET /api/order-cycles/{id}',
    'PATCH /api/order-cycles/{id}',
  ],
  '三员互动问题（单条详情、答复期限设置）': [
    'GET /api/problems/{id}',
    'GET /api/problem-policy',
    'PUT /api/problem-policy',
  ],
  定时任务看板: ['POST /api/jobs/{name}/run'],
  '个人资料（桌面）': ['PATCH /api/auth/me'],
};

/** Every `api.METHOD('/api/…')` call in the console's source. */
function operationsCalledByPages(): Set<string> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const called = new Set<string>();
  for (const file of files(join(process.cwd(), 'apps/web/src')))
    for (const match of readFileSync(file, 'utf8').matchAll(
      /api\.(GET|POST|PUT|PATCH|DELETE)\(\s*'(\/api[^']*)'/g,
    ))
      called.add(`${match[1]} ${match[2]}`);
  return called;
}

describe('each desk role’s operations are used by a page, or listed', () => {
  let t: TestApp;
  let deskOperations: string[];
  const called = operationsCalledByPages();
  const toCome = Object.values(PAGES_TO_COME).flat();

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
    };
    deskOperations = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => (operation['x-roles'] ?? []).some((role) => DESK_ROLES.includes(role)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the pages’ calls and the desk roles’ operations', () => {
    expect(called.size).toBeGreaterThan(30);
    expect(deskOperations.length).toBeGreaterThan(100);
  });

  it('has every desk operation called by a page, API-only with a reason, or named for a page to come', () => {
    const unaccounted = deskOperations.filter(
      (op) => !called.has(op) && !(op in API_ONLY) && !toCome.includes(op),
    );
    expect(unaccounted).toEqual([]);
  });

  it('lists nothing a page already calls, nothing twice and nothing that is not a desk operation', () => {
    const listed = [...Object.keys(API_ONLY), ...toCome];
    expect(listed.filter((op) => called.has(op))).toEqual([]);
    expect(listed.filter((op, i) => listed.indexOf(op) !== i)).toEqual([]);
    expect(listed.filter((op) => !deskOperations.includes(op))).toEqual([]);
  });
});
