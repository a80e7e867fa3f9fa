import { afterAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#libs/shared';
import { bearer } from '../support/demo.js';
import { binary, readXlsx } from '../support/xlsx.js';
import { ROUND_QUOTA_POLICY } from '../support/fixtures.js';
import { documentedRoutes, type OpenApiOperation, requiredQueryValues } from './openapi-routes.js';
import { defaultFixture, type Fixture, ROUTE_EXPECTATIONS } from './route-expectations.js';
import { SCOPED_FIXTURES, scopedRoutes, urlWith, writeBodies } from './scoped-routes.js';
import { type Ids, loadSecurityDemo, rowOf, tableCounts } from './security-fixtures.js';
import { addDays } from '#libs/kernel';
import { TEST_TODAY } from '../support/test-clock.js';

/**
 * Department scope: the demo county has one department (D01), so the department-wide roles (department head,
 * inspector) were never asked about another one. Here admin creates a second department D02 through the API and
 * moves center SC3 (territories T009–T012, with their retailers, three weeks of demands, cycles, deliveries,
 * leads, visits, cultivation tasks and staff) and squad SQ3 into it, then gives D02 its own policies, targets,
 * focus tiers and key-brand equivalents, a department head (head2) and an inspector (insp3).
 *
 * Then, in both directions (D01's head/inspector about D02, D02's about D01): by-id reads answer 404 NOT_FOUND,
 * by-id writes 404 with nothing written, lists and exports carry nothing of the other department (a walk over
 * every list route of the OpenAPI document, and the database as the oracle per row), and every parameter that
 * names a department (`departmentId` or `*DepartmentId` in a query or a body, from the OpenAPI document) answers
 * 404 NOT_FOUND for a non-admin naming another department (no existence leak, as for any out-of-scope id).
 */

const demo = await loadSecurityDemo();
const { t } = demo;
afterAll(async () => {
  await t.close();
});

const admin = bearer(await t.token('admin'));
async function ok(res: { status: number; body: unknown }, what: string, status = 200) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}
async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await t.db.query(sql, params);
  if (!rows[0]) throw new Error(`fixture query found nothing: ${sql}`);
  return rows[0] as T;
}

// ---- The second department -------------------------------------------------------------------------------

const D01 = await t.unitId('D01');
const SC3 = await t.unitId('SC3');
const D02 = (
  await ok(
    await t.http
      .post('/api/org-units')
      .set(admin)
      .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') }),
    'create D02',
    201,
  )
).id as number;
for (const code of ['SC3', 'SQ3']) {
  await ok(
    await t.http
      .patch(`/api/org-units/${await t.unitId(code)}`)
      .set(admin)
      .send({ parentId: D02 }),
    `move ${code}`,
  );
}
// Moving SC3 dropped its territories' links to SQ3 (then still D01's); now both are D02's, link them again.
for (const code of ['T009', 'T010', 'T011', 'T012']) {
  await ok(
    await t.http
      .patch(`/api/org-units/${await t.unitId(code)}`)
      .set(admin)
      .send({ squadId: await t.unitId('SQ3') }),
    `squad of ${code}`,
  );
}

/**
 * Moving SC3 made its current state follow it into D02 (retailers, cycles still open and their demand, this and
 * next months' quotas, open leads and cultivation tasks, per-territory targets, planned deliveries and their
 * runs, open feedback: see OrgMoveParticipants and test/org-move.e2e-spec.ts); its history stayed in D01, where it
 * happened. This suite needs a second department *with* history, though (by-id reads of a past demand, visit,
 * delivery, a consolidated cycle's lines…), so it places SC3's history in D02 too, by SQL, as if the center had
 * always been D02's: that is the only re-keying left here. Each department-keyed table says which of its rows of
 * SC3 are history (`HISTORY`; `false`: the app moved them all), so that a new table is a decision, not an
 * omission; afterwards every row of SC3 must be in D02, whoever put it there.
 */
const PER_DEPARTMENT = [
  'calendar_days',
  'calendar_policies',
  'field_policies',
  'focus_tiers',
  'grade_policies',
  'lead_policies',
  'problem_policies',
  'quota_policies',
  'scarce_limits',
  'supply_ratios',
  'key_brands',
  // A correction is of a department's closed month, not of a center.
  'kpi_month_corrections',
];
const APPEND_ONLY = [
  'audit_log',
  'kpi_month_closes',
  'kpi_snapshot_rows',
  'kpi_workbooks',
  'guidance_sample_freezes',
  'guidance_check_samples',
  'scheduled_runs',
];
const LIVE_CYCLE = `cycle_id IN (SELECT id FROM order_cycles WHERE status IN ('scheduled', 'open'))`;
const HISTORY: Record<string, string> = {
  retailers: 'false',
  kpi_targets: 'false',
  order_cycles: `status NOT IN ('scheduled', 'open')`,
  demands: `NOT ${LIVE_CYCLE}`,
  no_demand_records: `NOT ${LIVE_CYCLE}`,
  retailer_quotas: `month < '${TEST_TODAY.slice(0, 7)}-01'`,
  leads: `status IN ('verified', 'closed')`,
  problems: `status IN ('answered', 'closed')`,
  cultivation_tasks: `status = 'submitted'`,
  deliveries: `status <> 'planned'`,
  delivery_runs: `NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = x.id AND d.status = 'planned')`,
  delivery_feedback: `status = 'closed'`,
  order_lines: 'true',
  supply_orders: 'true',
  calls: 'true',
  visits: 'true',
  visit_checks: 'true',
  visit_price_checks: 'true',
  visit_shelf_items: 'true',
  forecasts: 'true',
  forecast_lines: 'true',
  retailer_big_account_months: 'true',
};
{
  const { rows: tables } = await t.db.query(
    `SELECT table_name AS name, array_agg(column_name::text) AS columns FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN (
        SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'department_id')
      GROUP BY table_name ORDER BY table_name`,
  );
  const territories = `(SELECT id FROM org_units WHERE type = 'territory' AND service_center_id = ${SC3})`;
  for (const { name, columns } of tables as Array<{ name: string; columns: string[] }>) {
    if (name === 'org_units' || PER_DEPARTMENT.includes(name)) continue;
    if (APPEND_ONLY.includes(name)) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM "${name}" WHERE department_id = $1`, [
        D02,
      ]);
      if (name !== 'audit_log' && rows[0].n) throw new Error(`${name} already has rows of D02`);
      continue;
    }
    const ofSC3 = columns.includes('territory_id')
      ? `territory_id IN ${territories}`
      : columns.includes('service_center_id')
        ? `service_center_id = ${SC3}`
        : name === 'forecast_lines'
          ? `forecast_id IN (SELECT id FROM forecasts WHERE territory_id IN ${territories})`
          : null;
    const history = HISTORY[name];
    if (!ofSC3 || history === undefined)
      throw new Error(
        `department-keyed table ${name}: say how its rows follow a center and which are history`,
      );
    await t.db.query(`UPDATE "${name}" x SET department_id = $1 WHERE ${ofSC3} AND (${history})`, [D02]);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM "${name}" x WHERE ${ofSC3} AND department_id <> $1`,
      [D02],
    );
    if (rows[0].n)
      throw new Error(`${name}: ${rows[0].n} rows of SC3 neither followed the move nor are history`);
  }
}

// D02's own department head and inspector (same demo password as every demo user).
await t.db.query(
  `INSERT INTO users (username, display_name, role, org_unit_id, password_hash)
   SELECT v.username, v.display_name, v.role, $1, u.password_hash
     FROM (VALUES ('head2', '二部负责人', 'department_head'), ('insp3', '二部督察', 'inspector'))
          AS v(username, display_name, role), users u WHERE u.username = 'head'`,
  [D02],
);

const YEAR = Number(String(demo.home.month).slice(0, 4));
/** A brand that is not a key brand of D01 this year: D02 makes it one of its equivalents. */
const d02Equivalent = (
  await one<{ id: number; code: string }>(
    `SELECT id, code FROM brands b WHERE active AND NOT EXISTS (
       SELECT 1 FROM key_brands k WHERE k.brand_id = b.id AND k.year = $1 AND (k.department_id IS NULL OR k.department_id = $2))
     ORDER BY id LIMIT 1`,
    [YEAR, D01],
  )
).id;
const FOCUS_TIERS = {
  urban: { minFenPerPack: 1234, maxFenPerPack: null },
  rural: { minFenPerPack: 777, maxFenPerPack: 2222 },
};
// D02's own settings, set by admin (who names the department).
await ok(
  await t.http
    .put('/api/lead-policy')
    .set(admin)
    .send({ departmentId: D02, importantDays: 2, normalDays: 9 }),
  'D02 lead policy',
);
await ok(
  await t.http
    .put('/api/quota-policies')
    .set(admin)
    .send({ ...ROUND_QUOTA_POLICY, departmentId: D02 }),
  'D02 quota policy',
);
await ok(
  await t.http
    .put('/api/focus-tiers')
    .set(admin)
    .send({ ...FOCUS_TIERS, departmentId: D02 }),
  'D02 focus tiers',
);
await ok(
  await t.http
    .put(`/api/key-brands/${YEAR}/equivalents`)
    .set(admin)
    .send({ departmentId: D02, brandIds: [d02Equivalent] }),
  'D02 equivalents',
);
await ok(
  await t.http.patch(`/api/field-policies/${D02}`).set(admin).send({ bigAccountVisitDays: 11 }),
  'D02 field policy',
);
await ok(
  await t.http
    .put(`/api/kpi/targets/${D02}`)
    .set(admin)
    .send({ targets: [{ code: 'guidanceCoverage', kind: 'atLeast', value: 0.42 }] }),
  'D02 KPI targets',
);

// Last month closed for both departments: stored KPI snapshots and workbooks of each.
for (const department of [D01, D02]) {
  await ok(
    await t.http
      .post(`/api/kpi/months/${demo.home.pastMonth}/close?departmentId=${department}`)
      .set(admin)
      // Whatever the demo's last month still waits for (its history's cycles), it is closed here.
      .send({ force: true, reason: '安全测试：关闭上月' }),
    `close ${demo.home.pastMonth} for ${department}`,
  );
}

/** Resources of each department; D02's are the demo's T009 ones, now in D02. */
const lastAudit = async (department: number) =>
  (await one<{ id: number }>(`SELECT max(id) AS id FROM audit_log WHERE department_id = $1`, [department]))
    .id;
const IDS: Record<'D01' | 'D02', Ids> = {
  D01: { ...demo.home, department: D01, auditEntry: await lastAudit(D01) },
  D02: { ...demo.foreign, department: D02, auditEntry: await lastAudit(D02) },
};
const DEPARTMENT = { D01, D02 };
type Dept = 'D01' | 'D02';
const other = (d: Dept): Dept => (d === 'D01' ? 'D02' : 'D01');

/** The department-wide actors of each department. */
const WIDE: Record<Dept, Partial<Record<Role, string>>> = {
  D01: { department_head: 'head', inspector: 'insp1' },
  D02: { department_head: 'head2', inspector: 'insp3' },
};
const WIDE_ROLES: Role[] = ['department_head', 'inspector'];
const authOf = async (username: string) => bearer(await t.token(username));

/** What belongs to a department, by kind of id, from the database (the oracle, independent of the app). */
interface Footprint {
  retailers: Set<number>;
  licenses: Set<string>;
  units: Set<number>;
  unitCodes: Set<string>;
  users: Set<number>;
  usernames: Set<string>;
  cycles: Set<number>;
  leads: Set<number>;
  deliveries: Set<number>;
  visits: Set<number>;
  demands: Set<number>;
}
async function footprintOf(department: number): Promise<Footprint> {
  const ids = async (sql: string) =>
    new Set((await t.db.query(sql, [department])).rows.map((r) => r.v as number & string));
  return {
    retailers: await ids('SELECT id AS v FROM retailers WHERE department_id = $1'),
    licenses: await ids('SELECT license_no AS v FROM retailers WHERE department_id = $1'),
    units: await ids('SELECT id AS v FROM org_units WHERE department_id = $1'),
    unitCodes: await ids('SELECT code AS v FROM org_units WHERE department_id = $1'),
    users: await ids(
      'SELECT u.id AS v FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE o.department_id = $1',
    ),
    usernames: await ids(
      'SELECT u.username AS v FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE o.department_id = $1',
    ),
    cycles: await ids('SELECT id AS v FROM order_cycles WHERE department_id = $1'),
    leads: await ids('SELECT id AS v FROM leads WHERE department_id = $1'),
    deliveries: await ids('SELECT id AS v FROM deliveries WHERE department_id = $1'),
    visits: await ids('SELECT id AS v FROM visits WHERE department_id = $1'),
    demands: await ids('SELECT id AS v FROM demands WHERE department_id = $1'),
  };
}
const FOOTPRINT: Record<Dept, Footprint> = { D01: await footprintOf(D01), D02: await footprintOf(D02) };

/** Which footprint set a JSON field's value is looked up in. */
const FIELD_KINDS: Record<string, keyof Footprint> = {
  retailerId: 'retailers',
  licenseNo: 'licenses',
  territoryId: 'units',
  serviceCenterId: 'units',
  departmentId: 'units',
  squadId: 'units',
  routeId: 'units',
  supplyPointId: 'units',
  orgUnitId: 'units',
  accountManagerId: 'users',
  reportedBy: 'users',
  assignedTo: 'users',
  submittedBy: 'users',
  actorId: 'users',
  userId: 'users',
  raisedBy: 'users',
  checkedBy: 'users',
  username: 'usernames',
  cycleId: 'cycles',
  leadId: 'leads',
  deliveryId: 'deliveries',
  visitId: 'visits',
  demandId: 'demands',
};

/** Every trace of `department` in a response: JSON fields naming its ids, or its licence numbers/codes as text. */
function tracesOf(body: unknown, dept: Dept): string[] {
  const f = FOOTPRINT[dept];
  const found: string[] = [];
  const walk = (value: unknown, key: string | null, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, key, `${path}[${i}]`));
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, `${path}.${k}`);
      return;
    }
    const kind = key ? FIELD_KINDS[key] : undefined;
    if (kind && (f[kind] as Set<unknown>).has(value)) found.push(`${path}=${String(value)}`);
    if (typeof value === 'string' && (f.licenses.has(value) || f.unitCodes.has(value)))
      found.push(`${path}="${value}"`);
  };
  walk(body, null, '$');
  return found.slice(0, 5);
}

/** Cell texts of a file response (xlsx or csv). */
async function fileCells(res: { headers: Record<string, string>; body: Buffer }): Promise<string[]> {
  if (String(res.headers['content-type']).includes('csv'))
    return res.body
      .toString('utf8')
      .split(/\r?\n/)
      .flatMap((line) => line.split(','))
      .map((cell) => cell.replace(/^"|"$/g, ''));
  const book = await readXlsx(res.body);
  return book.sheets.flatMap((sheet) => book.rows(sheet).flat().map(String));
}
function fileTraces(cells: string[], dept: Dept): string[] {
  const f = FOOTPRINT[dept];
  return cells.filter((c) => f.licenses.has(c) || f.unitCodes.has(c)).slice(0, 5);
}

/** The rows of each department's own settings, to prove a refused write changed none of them. */
async function departmentSettings(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of PER_DEPARTMENT.concat(['kpi_targets'])) {
    const { rows } = await t.db.query(
      `SELECT to_jsonb(x) AS row FROM "${table}" x WHERE department_id = ANY($1::int[]) ORDER BY 1::text`,
      [[D01, D02]],
    );
    out[table] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  return out;
}

// ---- The OpenAPI document --------------------------------------------------------------------------------

const { doc, routes: operations } = await documentedRoutes(t);

/** Required query parameters, by name, for a department's own caller. */
const queryValues = (d: Dept) =>
  requiredQueryValues({
    month: IDS[d].month,
    department: DEPARTMENT[d],
    cycle: IDS[d].cycle,
    territory: IDS[d].territory,
  });

// ---- Sanity of the fixture -------------------------------------------------------------------------------

describe('the second department', () => {
  it('holds SC3 with its territories, retailers and history, and its own head and inspector', async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM org_units WHERE department_id = $1 AND type = 'territory') AS territories,
              (SELECT count(*)::int FROM retailers WHERE department_id = $1) AS retailers,
              (SELECT count(*)::int FROM demands WHERE department_id = $1) AS demands,
              (SELECT count(*)::int FROM visits WHERE department_id = $1) AS visits,
              (SELECT count(*)::int FROM leads WHERE department_id = $1) AS leads,
              (SELECT count(*)::int FROM deliveries WHERE department_id = $1) AS deliveries,
              (SELECT count(*)::int FROM retailers WHERE department_id = $1 AND territory_id NOT IN
                 (SELECT id FROM org_units WHERE department_id = $1)) AS misplaced`,
      [D02],
    );
    expect(rows[0]).toEqual({
      territories: 4,
      retailers: 20,
      demands: expect.any(Number),
      visits: expect.any(Number),
      leads: expect.any(Number),
      deliveries: expect.any(Number),
      misplaced: 0,
    });
    for (const n of [rows[0].demands, rows[0].visits, rows[0].leads, rows[0].deliveries])
      expect(n).toBeGreaterThan(0);
    for (const d of ['D01', 'D02'] as Dept[]) {
      for (const [role, username] of Object.entries(WIDE[d])) {
        const me = await t.http.get('/api/auth/me').set(await authOf(username!));
        expect({ role, status: me.status, role2: me.body.role }).toEqual({ role, status: 200, role2: role });
      }
    }
  });
});

// ---- By id -----------------------------------------------------------------------------------------------

/** Besides what lives in a territory: the department itself (path `{departmentId}`) and audit entries. */
const DEPARTMENT_FIXTURES: Partial<Record<Fixture, string>> = {
  ...SCOPED_FIXTURES,
  department: 'org_units',
  auditEntry: 'audit_log',
};
const byIdRoutes = scopedRoutes(DEPARTMENT_FIXTURES, WIDE_ROLES);
const directions = (['D01', 'D02'] as Dept[]).flatMap((d) => WIDE_ROLES.map((role) => ({ d, role })));

describe('reading a resource of the other department by id', () => {
  const cases = byIdRoutes
    .filter((r) => r.method === 'get')
    .flatMap((route) =>
      directions
        .filter(({ role }) => route.roles.includes(role))
        .map(({ d, role }) => ({ route, d, role, name: `${route.key} as ${role} of ${d}` })),
    );

  it('covers the by-id reads of both department-wide roles', () => {
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((c) => c.route.key === 'GET /api/kpi/targets/{departmentId}')).toBe(true);
    expect(cases.some((c) => c.route.key === 'GET /api/audit/{id}')).toBe(true);
  });

  it.each(cases)('$name: 404 NOT_FOUND, its own is 200', async ({ route, d, role }) => {
    const auth = await authOf(WIDE[d][role]!);
    const own = await t.http.get(urlWith(route, IDS[d])).set(auth);
    const foreign = await t.http.get(urlWith(route, IDS[other(d)])).set(auth);
    const seen = `${route.key} as ${role} of ${d}: own ${own.status}, other ${foreign.status} ${JSON.stringify(foreign.body).slice(0, 200)}`;
    expect({ seen, own: own.status, foreign: foreign.status, code: foreign.body.code }).toEqual({
      seen,
      own: 200,
      foreign: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('writing a resource of the other department by id', () => {
  const writes = byIdRoutes.filter((r) => r.method !== 'get' && r.roles.length > 0);
  const bodies = (own: Ids): Record<string, (ids: Ids) => object | undefined> => ({
    ...writeBodies(own),
    'PATCH /api/field-policies/{departmentId}': () => ({ bigAccountVisitDays: 5 }),
    'PUT /api/kpi/targets/{departmentId}': () => ({
      targets: [{ code: 'guidanceCoverage', kind: 'atLeast', value: 0.9 }],
    }),
  });

  it('has a valid body for every write a department-wide role may send', () => {
    expect(writes.map((r) => r.key).filter((key) => !(key in bodies(IDS.D01)))).toEqual([]);
  });

  const cases = writes.flatMap((route) =>
    directions
      .filter(({ role }) => route.roles.includes(role))
      .map(({ d, role }) => ({ route, d, role, name: `${route.key} as ${role} of ${d}` })),
  );

  it.each(cases)('$name: 404 NOT_FOUND and nothing written', async ({ route, d, role }) => {
    const target = IDS[other(d)];
    const rows = route.params
      .filter((p) => DEPARTMENT_FIXTURES[p.fixture])
      .map((p) => [DEPARTMENT_FIXTURES[p.fixture]!, target[p.fixture]] as const);
    const before = await Promise.all(rows.map(([table, id]) => rowOf(t.db, table, id)));
    const counts = await tableCounts(t.db);
    const settings = await departmentSettings();
    const body = bodies(IDS[d])[route.key]?.(target);
    const request = t.http[route.method as 'post'](urlWith(route, target)).set(await authOf(WIDE[d][role]!));
    const res = await (body === undefined ? request : request.send(body));
    const seen = `${route.key} as ${role} of ${d}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    expect({ seen, status: res.status, code: res.body.code }).toEqual({
      seen,
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await Promise.all(rows.map(([table, id]) => rowOf(t.db, table, id)))).toEqual(before);
    expect(await tableCounts(t.db)).toEqual(counts);
    expect(await departmentSettings()).toEqual(settings);
  });
});

// ---- Lists and exports -----------------------------------------------------------------------------------

/**
 * Every GET route without a path parameter: lists, reports, exports, settings. Not walked for traces: the
 * import templates (a fixed example row, T001, the same for everyone) and the audit trail, which keeps history
 * under the department it happened in (SC3's entries from before the move stay D01's: append-only); the trail
 * is checked row by row against its department key below.
 */
const NOT_WALKED = new Set([
  'GET /api/retailers/import-template',
  'GET /api/brands/import-template',
  'GET /api/audit',
]);
const collectionReads = operations.filter(
  (op) => op.method === 'get' && !op.path.includes('{') && !NOT_WALKED.has(op.key),
);

function collectionUrl(
  op: (typeof operations)[number],
  d: Dept,
  extra: Record<string, string | number> = {},
) {
  const params = op.operation.parameters ?? [];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(IDS[d][defaultFixture(op.path, name)])),
  );
  const values = queryValues(d);
  const query = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => {
      if (!(p.name in values)) throw new Error(`no value for required ?${p.name} of ${op.key}`);
      return [p.name, values[p.name]] as const;
    });
  if (params.some((p) => p.name === 'pageSize')) query.push(['pageSize', 200]);
  if (params.some((p) => p.name === 'format')) query.push(['format', 'csv']);
  // A report over a range of order dates (anomalies): the last 60 days, across many cycles of both departments.
  if (params.some((p) => p.name === 'fromDate'))
    query.push(['fromDate', addDays(TEST_TODAY, -60)], ['toDate', TEST_TODAY]);
  const all = new Map<string, string | number>(query);
  for (const [name, value] of Object.entries(extra)) all.set(name, value);
  const qs = [...all].map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join('&');
  return qs ? `${path}?${qs}` : path;
}

async function fetchAny(url: string, headers: Record<string, string>) {
  const res = await t.http.get(url).set(headers).buffer(true).parse(binary);
  const type = String(res.headers['content-type'] ?? '');
  const body = res.body as Buffer;
  if (type.includes('json')) return { status: res.status, json: JSON.parse(body.toString('utf8') || 'null') };
  return { status: res.status, file: { headers: res.headers as Record<string, string>, body } };
}

async function tracesIn(url: string, headers: Record<string, string>, dept: Dept) {
  const res = await fetchAny(url, headers);
  const traces = res.file ? fileTraces(await fileCells(res.file), dept) : tracesOf(res.json, dept);
  return { status: res.status, code: res.json?.code as string | undefined, traces, res };
}

describe('lists, reports and exports carry nothing of the other department', () => {
  const cases = collectionReads.flatMap((op) => {
    const roles = ROUTE_EXPECTATIONS[op.key]?.roles;
    return directions
      .filter(({ role }) => roles !== 'public' && roles?.includes(role))
      .map(({ d, role }) => ({ op, d, role, name: `${op.key} as ${role} of ${d}` }));
  });

  it('walks every list route a department-wide role may read', () => {
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases)('$name', async ({ op, d, role }) => {
    const url = collectionUrl(op, d);
    const { status, traces, res } = await tracesIn(url, await authOf(WIDE[d][role]!), other(d));
    const seen = `${url} as ${role} of ${d}: ${status} ${JSON.stringify(res.json ?? '(file)').slice(0, 200)}`;
    expect({ seen, status, traces }).toEqual({ seen, status: 200, traces: [] });
  });

  /** The detector can see a department: admin, who sees both, finds both in the lists that hold facts. */
  it.each([
    '/api/retailers?pageSize=200',
    '/api/demands?pageSize=200',
    '/api/leads?pageSize=200',
    '/api/visits?pageSize=200',
    '/api/deliveries?pageSize=200',
    '/api/users?pageSize=200',
    '/api/org-units?pageSize=200',
    '/api/cultivation/tasks?pageSize=200',
  ])('admin sees both departments in %s', async (url) => {
    for (const d of ['D01', 'D02'] as Dept[]) {
      const { status, traces } = await tracesIn(url, admin, d);
      expect({ url, d, status, seen: traces.length > 0 }).toEqual({ url, d, status: 200, seen: true });
    }
  });
});

/** The lists whose rows are facts of a table with a department key: each row is checked in the database. */
const ORACLE_LISTS: Array<{ route: string; table: string; idField?: string; filters: (o: Ids) => string[] }> =
  [
    {
      route: '/api/retailers',
      table: 'retailers',
      filters: (o) => [`territoryId=${o.territory}`, `departmentId=${o.department}`, `search=${o.retailer}`],
    },
    {
      route: '/api/demands',
      table: 'demands',
      filters: (o) => [`territoryId=${o.territory}`, `retailerId=${o.retailer}`, `cycleId=${o.cycle}`],
    },
    { route: '/api/order-cycles', table: 'order_cycles', filters: (o) => [`territoryId=${o.territory}`] },
    {
      route: '/api/visits',
      table: 'visits',
      filters: (o) => [`territoryId=${o.territory}`, `retailerId=${o.retailer}`],
    },
    { route: '/api/calls', table: 'calls', filters: (o) => [`territoryId=${o.territory}`] },
    { route: '/api/leads', table: 'leads', filters: (o) => [`retailerId=${o.retailer}`] },
    { route: '/api/deliveries', table: 'deliveries', filters: (o) => [`retailerId=${o.retailer}`] },
    { route: '/api/delivery-feedback', table: 'delivery_feedback', filters: () => [] },
    {
      route: '/api/cultivation/tasks',
      table: 'cultivation_tasks',
      filters: (o) => [`territoryId=${o.territory}`],
    },
    { route: '/api/audit', table: 'audit_log', filters: () => [] },
    { route: '/api/org-units', table: 'org_units', filters: (o) => [`parentId=${o.department}`] },
    { route: '/api/users', table: 'users', filters: (o) => [`orgUnitId=${o.territory}`] },
  ];

describe('list rows belong to the caller’s department (the database is the oracle per row)', () => {
  const cases = ORACLE_LISTS.flatMap((list) => {
    const roles = ROUTE_EXPECTATIONS[`GET ${list.route}`]?.roles;
    return directions
      .filter(({ role }) => roles !== 'public' && roles?.includes(role))
      .flatMap(({ d, role }) =>
        ['', ...list.filters(IDS[other(d)])].map((filter) => ({
          list,
          d,
          role,
          filter,
          name: `${list.route}${filter ? `?${filter}` : ''} as ${role} of ${d}`,
        })),
      );
  });

  it.each(cases)('$name', async ({ list, d, role, filter }) => {
    const url = `${list.route}?pageSize=200${filter ? `&${filter}` : ''}`;
    const res = await t.http.get(url).set(await authOf(WIDE[d][role]!));
    const seen = `${url} as ${role} of ${d}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (filter && res.status === 404) {
      expect({ seen, code: res.body.code }).toEqual({ seen, code: 'NOT_FOUND' });
      return;
    }
    expect({ seen, status: res.status }).toEqual({ seen, status: 200 });
    const ids = (res.body.items as Array<{ id: number }>).map((row) => row.id);
    const department =
      list.table === 'users'
        ? '(SELECT o.department_id FROM org_units o WHERE o.id = x.org_unit_id)'
        : 'x.department_id';
    const { rows } = await t.db.query(
      `SELECT x.id FROM "${list.table}" x WHERE x.id = ANY($1::int[]) AND ${department} IS DISTINCT FROM $2`,
      [ids, DEPARTMENT[d]],
    );
    expect({ seen, outside: rows.map((r) => r.id) }).toEqual({ seen, outside: [] });
    if (!filter) expect({ seen, rows: ids.length > 0 }).toEqual({ seen, rows: true });
  });
});

describe('exports contain only rows of the caller’s department', () => {
  it('the order-lines report (CSV) has its own department’s lines only, and some of them', async () => {
    for (const d of ['D01', 'D02'] as Dept[]) {
      const res = await fetchAny(
        `/api/reports/order-lines?month=${IDS[d].month}&format=csv`,
        await authOf(WIDE[d].department_head!),
      );
      expect(res.status).toBe(200);
      const cells = await fileCells(res.file!);
      const licenses = cells.filter((c) => FOOTPRINT.D01.licenses.has(c) || FOOTPRINT.D02.licenses.has(c));
      expect(licenses.length).toBeGreaterThan(0);
      expect(licenses.filter((c) => !FOOTPRINT[d].licenses.has(c))).toEqual([]);
    }
  });

  it('the retailer export has exactly the department’s retailers', async () => {
    for (const d of ['D01', 'D02'] as Dept[]) {
      const res = await fetchAny('/api/retailers/export', await authOf(WIDE[d].inspector!));
      expect(res.status).toBe(200);
      const licenses = new Set(
        (await fileCells(res.file!)).filter(
          (c) => FOOTPRINT.D01.licenses.has(c) || FOOTPRINT.D02.licenses.has(c),
        ),
      );
      expect([...licenses].sort()).toEqual([...FOOTPRINT[d].licenses].sort());
    }
  });

  it('the brand list and export mark key brands of the caller’s department only', async () => {
    const code = (await one<{ code: string }>('SELECT code FROM brands WHERE id = $1', [d02Equivalent])).code;
    const rowOfBrand = async (username: string) => {
      const res = await fetchAny('/api/brands/export', await authOf(username));
      const book = await readXlsx(res.file!.body);
      return book
        .rows(book.sheets[0])
        .find((row) => row.includes(code))!
        .map(String);
    };
    const keyOf = async (username: string) =>
      (
        await t.http
          .get(`/api/brands?pageSize=200&search=${code}`)
          .set(await authOf(username))
          .expect(200)
      ).body.items.find((b: { id: number }) => b.id === d02Equivalent).keyBrand;
    expect({ head: await keyOf('head'), head2: await keyOf('head2') }).toEqual({
      head: null,
      head2: 'equivalent',
    });
    // The same brand's export row differs between the departments exactly by D02's key-brand mark.
    expect(await rowOfBrand('head')).not.toEqual(await rowOfBrand('head2'));
    expect(await rowOfBrand('head')).toEqual(await rowOfBrand('insp1'));
  });
});

describe('a closed month’s stored KPI snapshot and workbook', () => {
  const month = demo.home.pastMonth;

  it.each(directions)('$role of $d reads its own department’s and not the other’s', async ({ d, role }) => {
    const auth = await authOf(WIDE[d][role]!);
    const own = await fetchAny(`/api/reports/kpi?month=${month}`, auth);
    const foreign = await fetchAny(
      `/api/reports/kpi?month=${month}&departmentId=${DEPARTMENT[other(d)]}`,
      auth,
    );
    const stored = await one<{ filename: string }>(
      'SELECT filename FROM kpi_workbooks WHERE month = $1 AND department_id = $2',
      [`${month}-01`, DEPARTMENT[d]],
    );
    expect({
      own: own.status,
      ownFile: decodeURIComponent(String(own.file?.headers['content-disposition'])).includes(stored.filename),
      foreign: foreign.status,
      code: foreign.json?.code,
    }).toEqual({ own: 200, ownFile: true, foreign: 404, code: 'NOT_FOUND' });
    const rows = await t.http.get(`/api/kpi/departments?month=${month}`).set(auth);
    expect(rows.status).toBe(200);
    expect(rows.body.items.map((row: { subject: { id: number } }) => row.subject.id)).toEqual([
      DEPARTMENT[d],
    ]);
  });
});

// ---- Parameters that name a department -------------------------------------------------------------------

interface DepartmentParam {
  key: string;
  method: string;
  path: string;
  where: 'query' | 'body';
  name: string;
  operation: OpenApiOperation;
}
const isDepartmentParam = (name: string) => /(^d|D)epartmentIds?$/.test(name);
const departmentParams: DepartmentParam[] = operations.flatMap((op) => {
  const query = (op.operation.parameters ?? [])
    .filter((p) => p.in === 'query' && isDepartmentParam(p.name))
    .map((p) => ({ ...op, where: 'query' as const, name: p.name }));
  const ref = op.operation.requestBody?.content?.['application/json']?.schema?.$ref;
  const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
  const body = Object.keys(schema?.properties ?? {})
    .filter(isDepartmentParam)
    .map((name) => ({ ...op, where: 'body' as const, name }));
  return [...query, ...body];
});

/**
 * Filters of a list already limited to the caller's scope: naming another department answers its (empty)
 * intersection, like a territory filter, or 404. Every other department parameter chooses whose settings or
 * report to read or write: naming another department is 404 NOT_FOUND for everyone but admin.
 */
const LIST_FILTERS = new Set(['GET /api/retailers', 'GET /api/retailers/export']);

/** A valid body for each write that names a department in its body (admin's form of the request). */
const DEPARTMENT_BODIES: Record<string, (departmentId: number) => object> = {
  'PUT /api/focus-tiers': (departmentId) => ({ ...FOCUS_TIERS, departmentId }),
  'PUT /api/key-brands/{year}/equivalents': (departmentId) => ({ departmentId, brandIds: [d02Equivalent] }),
  'PUT /api/quota-policies': (departmentId) => ({ ...ROUND_QUOTA_POLICY, departmentId }),
  'PUT /api/lead-policy': (departmentId) => ({ departmentId, importantDays: 4, normalDays: 8 }),
  'PUT /api/problem-policy': (departmentId) => ({ departmentId, answerHours: 36 }),
  'PUT /api/calendar/years/{year}': () => ({
    days: [{ date: `${YEAR}-10-01`, kind: 'dayOff', name: '国庆节' }],
  }),
  // Naming the department is answered before any upload is read.
  'POST /api/calendar/years/{year}/import': () => ({}),
  'PUT /api/calendar/policy': () => ({ orderDayOff: 'later' }),
  'POST /api/kpi/months/{month}/corrections': (departmentId) => ({
    departmentId,
    reason: '越权更正他部月份',
  }),
  'POST /api/kpi/months/{month}/corrections/approve': (departmentId) => ({ departmentId }),
  'POST /api/kpi/months/{month}/corrections/reject': (departmentId) => ({ departmentId, note: '越权驳回' }),
  'POST /api/jobs/{name}/run': (departmentId) => ({ departmentId }),
};
/** Path parameters of those writes: a year, a month, and a job that runs per department. */
const pathOf = (param: DepartmentParam) =>
  param.path
    .replace('{year}', String(YEAR))
    .replace('{month}', `${YEAR - 1}-12`)
    .replace('{name}', 'reports.month-close');

describe('parameters that name a department, from the OpenAPI document', () => {
  it('finds the department parameters of the API', () => {
    const keys = departmentParams.map((p) => `${p.key} ${p.where}.${p.name}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/kpi/account-managers query.departmentId',
        'GET /api/reports/kpi query.departmentId',
        'GET /api/reports/order-lines query.departmentId',
        'GET /api/quota-policies query.departmentId',
        'PUT /api/focus-tiers body.departmentId',
      ]),
    );
  });

  /** Each non-admin role the route admits, from D01 (every demo actor) and D02 (its head and inspector). */
  const callers = (key: string) => {
    const roles = ROUTE_EXPECTATIONS[key]?.roles;
    if (!roles || roles === 'public') return [];
    return [
      ...roles
        .filter((role) => role !== 'admin')
        .map((role) => ({ d: 'D01' as Dept, role, username: demo.actors[role] })),
      ...WIDE_ROLES.filter((role) => roles.includes(role)).map((role) => ({
        d: 'D02' as Dept,
        role,
        username: WIDE.D02[role]!,
      })),
    ];
  };
  it('has a valid body for every write a non-admin may send naming a department', () => {
    const writes = departmentParams
      .filter((p) => p.method !== 'get' && callers(p.key).length > 0)
      .map((p) => p.key);
    expect(writes.filter((key) => !(key in DEPARTMENT_BODIES))).toEqual([]);
  });

  const cases = departmentParams.flatMap((param) =>
    callers(param.key).map((c) => ({
      param,
      ...c,
      name: `${param.key} ${param.where}.${param.name} as ${c.role} of ${c.d}`,
    })),
  );

  it('covers department parameters for many callers', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)(
    '$name naming the other department: refused, nothing of it returned or written',
    async (c) => {
      const { param, d, username } = c;
      const foreign = DEPARTMENT[other(d)];
      const auth = await authOf(username);
      const counts = await tableCounts(t.db);
      const settings = await departmentSettings();
      let res: { status: number; code?: string; traces: string[] };
      if (param.method === 'get') {
        const op = operations.find((o) => o.key === param.key)!;
        res = await tracesIn(collectionUrl(op, d, { [param.name]: foreign }), auth, other(d));
      } else {
        const query = param.where === 'query' ? `?${param.name}=${foreign}` : '';
        const body = DEPARTMENT_BODIES[param.key](foreign);
        const r = await t.http[param.method as 'put'](`${pathOf(param)}${query}`)
          .set(auth)
          .send(body);
        res = { status: r.status, code: r.body.code, traces: tracesOf(r.body, other(d)) };
      }
      const seen = `${param.key} ${param.where}.${param.name}=${foreign} as ${username}: ${res.status} ${res.code ?? ''}`;
      if (LIST_FILTERS.has(param.key) && res.status === 200) {
        expect({ seen, traces: res.traces }).toEqual({ seen, traces: [] });
      } else {
        expect({ seen, status: res.status, code: res.code, traces: res.traces }).toEqual({
          seen,
          status: 404,
          code: 'NOT_FOUND',
          traces: [],
        });
      }
      expect(await tableCounts(t.db)).toEqual(counts);
      expect(await departmentSettings()).toEqual(settings);
    },
  );

  it.each(cases.filter((c) => c.param.method === 'get'))(
    '$name naming its own department: 200',
    async ({ param, d, username }) => {
      const op = operations.find((o) => o.key === param.key)!;
      const res = await fetchAny(
        collectionUrl(op, d, { [param.name]: DEPARTMENT[d] }),
        await authOf(username),
      );
      expect({ key: param.key, username, status: res.status }).toEqual({
        key: param.key,
        username,
        status: 200,
      });
    },
  );

  const adminCases = departmentParams
    .filter((p) => p.method === 'get')
    .map((param) => ({ param, name: `${param.key} ${param.where}.${param.name}` }));

  it.each(adminCases)('admin names either department in $name', async ({ param }) => {
    const op = operations.find((o) => o.key === param.key)!;
    for (const d of ['D01', 'D02'] as Dept[]) {
      const res = await fetchAny(collectionUrl(op, d, { [param.name]: DEPARTMENT[d] }), admin);
      expect({ key: param.key, d, status: res.status }).toEqual({ key: param.key, d, status: 200 });
    }
  });

  it('a department head’s settings are its own department’s, never the other’s', async () => {
    const tiers = async (username: string) =>
      (
        await t.http
          .get('/api/focus-tiers')
          .set(await authOf(username))
          .expect(200)
      ).body;
    expect(await tiers('head2')).toMatchObject({ urban: FOCUS_TIERS.urban, rural: FOCUS_TIERS.rural });
    expect(await tiers('head')).not.toMatchObject({ urban: FOCUS_TIERS.urban });
    const lead = async (username: string) =>
      (
        await t.http
          .get('/api/lead-policy')
          .set(await authOf(username))
          .expect(200)
      ).body;
    expect(await lead('insp3')).toMatchObject({ importantDays: 2, normalDays: 9 });
    expect(await lead('insp1')).not.toMatchObject({ importantDays: 2, normalDays: 9 });
  });
});

// ---- Writes that name the other department's resources in their body -------------------------------------

describe('a department head’s write naming the other department’s retailers or territories', () => {
  async function refused(
    username: string,
    method: 'post' | 'put' | 'patch',
    url: string,
    body: object,
    expected: { status: number; code: string },
  ) {
    const counts = await tableCounts(t.db);
    const res = await t.http[method](url)
      .set(await authOf(username))
      .send(body);
    const seen = `${method.toUpperCase()} ${url} as ${username}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    expect({ seen, status: res.status, code: res.body.code }).toEqual({ seen, ...expected });
    expect(await tableCounts(t.db)).toEqual(counts);
  }

  it.each([
    ['head', 'D02'],
    ['head2', 'D01'],
  ] as Array<[string, Dept]>)('%s rebalances no cap of %s’s retailers', async (username, target) => {
    await refused(
      username,
      'post',
      '/api/quotas/rebalance',
      {
        month: IDS[target].month,
        reason: '跨部调剂',
        caps: [
          { retailerId: IDS[target].retailer, cap: 1 },
          { retailerId: IDS[target].retailer2, cap: 1 },
        ],
      },
      { status: 400, code: 'QUOTA_REBALANCE_UNKNOWN_RETAILER' },
    );
  });

  it.each([
    ['head', 'D02'],
    ['head2', 'D01'],
  ] as Array<[string, Dept]>)('%s creates no retailer in a territory of %s', async (username, target) => {
    await refused(
      username,
      'post',
      '/api/retailers',
      {
        licenseNo: '360019999998',
        shopName: '跨部新店',
        ownerName: '店主',
        address: '测试地址',
        territoryId: IDS[target].territory,
        businessType: 'C',
        marketType: 'urban',
        scale: 'small',
        grade: 5,
        orderWeekday: 1,
      },
      { status: 400, code: 'RETAILER_TERRITORY_INVALID' },
    );
  });

  it.each([
    ['head', 'D02'],
    ['head2', 'D01'],
  ] as Array<[string, Dept]>)(
    '%s creates no account manager in, and moves none of its own to, a territory of %s',
    async (username, target) => {
      const territoryId = IDS[target].territory;
      const notFound = { status: 404, code: 'NOT_FOUND' };
      const staff = { username: 'cross13', displayName: '跨部客户经理', role: 'account_manager' };
      await refused(
        username,
        'post',
        '/api/users',
        { ...staff, orgUnitId: territoryId, password: 'Cross@Dept2026' },
        notFound,
      );
      const own = IDS[other(target)].user;
      const before = await rowOf(t.db, 'users', own);
      await refused(username, 'patch', `/api/users/${own}`, { orgUnitId: territoryId }, notFound);
      expect(await rowOf(t.db, 'users', own)).toEqual(before);
    },
  );

  it.each([
    ['head', 'D01'],
    ['head2', 'D02'],
  ] as Array<[string, Dept]>)(
    '%s manages no admin, head or inspector, even of its own department %s',
    async (username, own) => {
      const notFound = { status: 404, code: 'NOT_FOUND' };
      const insp = await one<{ id: number }>(
        `SELECT u.id FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.role = 'inspector' AND o.department_id = $1 LIMIT 1`,
        [DEPARTMENT[own]],
      );
      for (const id of [await t.userId('admin'), insp.id]) {
        await refused(username, 'patch', `/api/users/${id}`, { displayName: '越权改名' }, notFound);
        await refused(
          username,
          'post',
          `/api/users/${id}/reset-password`,
          { newPassword: 'Reset@Other2026' },
          notFound,
        );
      }
      const notManaged = { status: 403, code: 'USER_ROLE_NOT_MANAGED' };
      for (const role of ['admin', 'department_head', 'inspector']) {
        await refused(
          username,
          'post',
          '/api/users',
          {
            username: 'climb13',
            displayName: '越权',
            role,
            orgUnitId: DEPARTMENT[own],
            password: 'Climb@Role2026',
          },
          notManaged,
        );
        await refused(username, 'patch', `/api/users/${IDS[own].user}`, { role }, notManaged);
      }
    },
  );

  it.each([
    ['head', 'D02'],
    ['insp1', 'D02'],
    ['insp3', 'D01'],
  ] as Array<[string, Dept]>)(
    '%s raises no anomaly lead about a retailer of %s',
    async (username, target) => {
      await refused(
        username,
        'post',
        '/api/leads/from-anomaly',
        { cycleId: IDS[target].cycle, retailerId: IDS[target].retailer, brandId: IDS[target].brand },
        { status: 404, code: 'NOT_FOUND' },
      );
    },
  );
});
