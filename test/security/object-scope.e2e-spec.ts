import { afterAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#libs/shared';
import { ROUTE_EXPECTATIONS } from './route-expectations.js';
import { SCOPED_FIXTURES, scopedRoutes, urlWith, writeBodies } from './scoped-routes.js';
import { loadSecurityDemo, rowOf as rowAsJson, tableCounts as countAllTables } from './security-fixtures.js';
import { minutesBefore, TEST_NOW } from '../support/test-clock.js';

/**
 * Broken object-level authorization (OWASP API1): every caller whose scope is smaller than the department
 * (market manager SC2, account manager T005, retailer of T005, supply clerk SC2, enforcement officer SQ2,
 * delivery staff R2-1) asks for the same kinds of resource in T009 (center SC3, squad SQ3, route R3-1).
 * House convention (docs/conventions.md): out of scope is 404 NOT_FOUND, never 403 (no existence leak).
 * Reads by id and writes by id are generated from the expectations table; lists are checked row by row against
 * the database, which is the oracle for each caller's scope.
 */

const demo = await loadSecurityDemo();
const { t, home, foreign } = demo;
afterAll(async () => {
  await t.close();
});

/** The roles whose scope is narrower than the (single) demo department. */
const SCOPED: Role[] = [
  'market_manager',
  'account_manager',
  'retailer',
  'supply_clerk',
  'enforcement_officer',
  'delivery_staff',
];

const MONTH = home.month;

const WRITE_BODIES = writeBodies(home);

const routes = scopedRoutes(SCOPED_FIXTURES, SCOPED);

const tableCounts = () => countAllTables(t.db);
const rowOf = (table: string, id: number | string) => rowAsJson(t.db, table, id);

describe('reading a resource of another territory, center, squad, route or retailer by id', () => {
  const cases = routes
    .filter((r) => r.method === 'get')
    .flatMap((route) => route.roles.map((role) => ({ route, role, name: `${route.key} as ${role}` })));

  it('covers the scoped by-id reads', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('$name: 404, and the same read of its own is 200', async ({ route, role }) => {
    const auth = await demo.auth(role);
    const own = await t.http.get(urlWith(route, demo.ownFor(role))).set(auth);
    const other = await t.http.get(urlWith(route, foreign)).set(auth);
    const seen = `${route.key} as ${role}: own ${own.status}, foreign ${other.status} ${JSON.stringify(other.body).slice(0, 200)}`;
    expect({ seen, own: own.status, foreign: other.status, code: other.body.code }).toEqual({
      seen,
      own: 200,
      foreign: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('writing a resource of another territory, center, squad, route or retailer by id', () => {
  const writes = routes.filter((r) => r.method !== 'get');

  it('has a valid body for every scoped write route', () => {
    expect(writes.map((r) => r.key).filter((key) => !(key in WRITE_BODIES))).toEqual([]);
    expect(Object.keys(WRITE_BODIES).filter((key) => !writes.some((r) => r.key === key))).toEqual([]);
  });

  const cases = writes.flatMap((route) =>
    route.roles.map((role) => ({ route, role, name: `${route.key} as ${role}` })),
  );

  it.each(cases)('$name: 404 and nothing written', async ({ route, role }) => {
    const auth = await demo.auth(role);
    const targets = route.params.filter((p) => SCOPED_FIXTURES[p.fixture]);
    const before = await Promise.all(
      targets.map((p) => rowOf(SCOPED_FIXTURES[p.fixture]!, foreign[p.fixture])),
    );
    const countsBefore = await tableCounts();
    const body = WRITE_BODIES[route.key]?.(foreign);
    const request = t.http[route.method as 'post'](urlWith(route, foreign)).set(auth);
    const res = await (body === undefined ? request : request.send(body));
    const seen = `${route.key} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    expect({ seen, status: res.status, code: res.body.code }).toEqual({
      seen,
      status: 404,
      code: 'NOT_FOUND',
    });
    const after = await Promise.all(
      targets.map((p) => rowOf(SCOPED_FIXTURES[p.fixture]!, foreign[p.fixture])),
    );
    expect(after).toEqual(before);
    expect(await tableCounts()).toEqual(countsBefore);
  });
});

/** Each scoped caller's scope, worked out from the org tree in the database (independently of the app). */
interface Oracle {
  userId: number;
  territories: number[];
  retailerId: number | null;
  /** The center(s) of those territories. */
  centers: number[];
}

async function oracleFor(role: Role): Promise<Oracle> {
  const { rows } = await t.db.query(
    `SELECT u.id, u.org_unit_id, u.retailer_id,
            CASE u.role
              WHEN 'account_manager' THEN ARRAY[u.org_unit_id]
              WHEN 'retailer' THEN ARRAY[(SELECT territory_id FROM retailers WHERE id = u.retailer_id)]
              WHEN 'enforcement_officer' THEN (SELECT array_agg(id) FROM org_units WHERE type = 'territory' AND squad_id = u.org_unit_id)
              WHEN 'delivery_staff' THEN (SELECT array_agg(territory_id) FROM territory_routes WHERE route_id = u.org_unit_id)
              ELSE (SELECT array_agg(id) FROM org_units WHERE type = 'territory' AND service_center_id = ou.service_center_id)
            END AS territories
       FROM users u JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.username = $1`,
    [demo.actors[role]],
  );
  const row = rows[0];
  const { rows: centers } = await t.db.query(
    `SELECT DISTINCT service_center_id AS id FROM org_units WHERE id = ANY($1::int[]) ORDER BY 1`,
    [row.territories],
  );
  return {
    userId: row.id,
    territories: row.territories,
    retailerId: row.retailer_id,
    centers: centers.map((c) => c.id),
  };
}

/**
 * The SQL condition (on alias x of `table`) that a row visible to the caller must meet. A retailer account sees
 * its own rows, and its territory's rows of territory-wide tables (order cycles).
 */
function visibleCondition(table: string, role: Role, o: Oracle): string {
  const territories = `x.territory_id = ANY('{${o.territories.join(',')}}'::int[])`;
  const centers = `'{${o.centers.join(',')}}'::int[]`;
  switch (table) {
    case 'retailers':
      return role === 'retailer' ? `x.id = ${o.retailerId}` : territories;
    case 'order_cycles':
      return territories;
    case 'leads': {
      // Reporters (account managers, delivery staff) see the leads they reported; supervisors their unit's.
      const own = `x.reported_by = ${o.userId}`;
      if (role === 'market_manager') return `(x.service_center_id = ANY(${centers}) OR ${own})`;
      if (role === 'enforcement_officer')
        return `(x.squad_id = (SELECT org_unit_id FROM users WHERE id = ${o.userId}) OR ${own})`;
      return own;
    }
    case 'users':
      return `EXISTS (SELECT 1 FROM org_units ou WHERE ou.id = x.org_unit_id AND ou.service_center_id = ANY(${centers}))`;
    case 'org_units':
      // Nothing of another center (nor another center's squad).
      return `(x.service_center_id IS NULL OR x.service_center_id = ANY(${centers})) AND (x.type <> 'squad' OR EXISTS (
                SELECT 1 FROM org_units tt WHERE tt.squad_id = x.id AND tt.service_center_id = ANY(${centers})))`;
    default:
      return role === 'retailer' ? `x.retailer_id = ${o.retailerId}` : territories;
  }
}

interface ListCheck {
  route: string;
  query: string;
  /** Filters naming something foreign: the answer is still only in-scope rows (or 404). */
  foreignFilters: string[];
  table: string;
  /** What the unfiltered request sends (a required filter naming something of the home scope). */
  homeFilter?: string;
  /** The field of a row that names the table's id (default id). */
  idField?: string;
  /** In-scope rows exist in the fixture for these roles: the plain list must not be empty. */
  nonEmptyFor?: Role[];
}

const unit = (code: string) => t.unitId(code);
const am09 = await t.userId('am09');
const LISTS: ListCheck[] = [
  {
    route: 'GET /api/retailers',
    query: 'pageSize=200',
    foreignFilters: [
      `territoryId=${foreign.territory}`,
      `serviceCenterId=${await unit('SC3')}`,
      `search=${foreign.retailer}`,
    ],
    table: 'retailers',
    nonEmptyFor: SCOPED,
  },
  {
    route: 'GET /api/demands',
    query: 'pageSize=200',
    foreignFilters: [
      `territoryId=${foreign.territory}`,
      `retailerId=${foreign.retailer}`,
      `cycleId=${foreign.cycle}`,
    ],
    table: 'demands',
    nonEmptyFor: ['market_manager', 'account_manager', 'retailer', 'supply_clerk'],
  },
  {
    route: 'GET /api/order-cycles',
    query: 'pageSize=200',
    foreignFilters: [`territoryId=${foreign.territory}`],
    table: 'order_cycles',
    nonEmptyFor: SCOPED,
  },
  {
    route: 'GET /api/no-demand',
    query: 'pageSize=200',
    homeFilter: `cycleId=${home.cycle}`,
    foreignFilters: [`cycleId=${foreign.cycle}`],
    table: 'retailers',
    idField: 'retailerId',
  },
  {
    route: 'GET /api/visits',
    query: 'pageSize=200',
    foreignFilters: [
      `territoryId=${foreign.territory}`,
      `retailerId=${foreign.retailer}`,
      `accountManagerId=${am09}`,
    ],
    table: 'visits',
    nonEmptyFor: ['market_manager', 'account_manager'],
  },
  {
    route: 'GET /api/visits/overdue',
    query: 'pageSize=200',
    foreignFilters: [`territoryId=${foreign.territory}`, `accountManagerId=${am09}`],
    table: 'retailers',
    idField: 'retailerId',
  },
  {
    route: 'GET /api/visits/due-soon',
    query: 'pageSize=200&withinDays=31',
    foreignFilters: [`territoryId=${foreign.territory}`, `accountManagerId=${am09}`],
    table: 'retailers',
    idField: 'retailerId',
  },
  {
    route: 'GET /api/calls',
    query: 'pageSize=200',
    foreignFilters: [
      `territoryId=${foreign.territory}`,
      `retailerId=${foreign.retailer}`,
      `accountManagerId=${am09}`,
    ],
    table: 'calls',
  },
  {
    route: 'GET /api/leads',
    query: 'pageSize=200',
    foreignFilters: [`squadId=${await unit('SQ3')}`, `retailerId=${foreign.retailer}`],
    table: 'leads',
    nonEmptyFor: ['market_manager', 'account_manager', 'enforcement_officer', 'delivery_staff'],
  },
  {
    route: 'GET /api/deliveries',
    query: 'pageSize=200',
    foreignFilters: [`routeId=${await unit('R3-1')}`, `retailerId=${foreign.retailer}`],
    table: 'deliveries',
    nonEmptyFor: ['market_manager', 'account_manager', 'retailer', 'supply_clerk', 'delivery_staff'],
  },
  {
    route: 'GET /api/delivery-feedback',
    query: 'pageSize=200',
    foreignFilters: [`routeId=${await unit('R3-1')}`],
    table: 'delivery_feedback',
    nonEmptyFor: ['market_manager', 'account_manager', 'supply_clerk', 'delivery_staff'],
  },
  {
    route: 'GET /api/cultivation/tasks',
    query: 'pageSize=200',
    foreignFilters: [`territoryId=${foreign.territory}`],
    table: 'cultivation_tasks',
    nonEmptyFor: ['market_manager', 'account_manager'],
  },
  {
    route: 'GET /api/users',
    query: 'pageSize=200',
    foreignFilters: [`orgUnitId=${foreign.territory}`, `orgUnitId=${await unit('SC3')}`],
    table: 'users',
    nonEmptyFor: ['market_manager'],
  },
  {
    route: 'GET /api/org-units',
    query: 'pageSize=200',
    foreignFilters: [`parentId=${await unit('SC3')}`, 'type=squad', 'type=service_center'],
    table: 'org_units',
    nonEmptyFor: SCOPED.filter((r) => r !== 'retailer'),
  },
  {
    route: 'GET /api/org-units/territories',
    query: '',
    foreignFilters: [],
    table: 'org_units',
    nonEmptyFor: SCOPED.filter((r) => r !== 'retailer'),
  },
];

describe('lists return only rows of the caller’s scope (the database is the oracle)', () => {
  it('checks lists that are all in the expectations table', () => {
    expect(LISTS.map((l) => l.route).filter((route) => !(route in ROUTE_EXPECTATIONS))).toEqual([]);
  });

  const cases = LISTS.flatMap((list) => {
    const roles = ROUTE_EXPECTATIONS[list.route]?.roles;
    return SCOPED.filter((role) => roles !== 'public' && roles?.includes(role)).flatMap((role) =>
      ['', ...list.foreignFilters].map((filter) => ({
        list,
        role,
        filter,
        name: `${list.route}${filter ? `?${filter}` : ''} as ${role}`,
      })),
    );
  });

  it.each(cases)('$name', async ({ list, role, filter }) => {
    const query = [list.query, filter || list.homeFilter].filter(Boolean).join('&');
    const res = await t.http
      .get(query ? `${list.route.slice(4)}?${query}` : list.route.slice(4))
      .set(await demo.auth(role));
    const seen = `${list.route}?${query} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (filter && res.status === 404) return; // naming something out of scope may be "not found"
    expect({ seen, status: res.status }).toEqual({ seen, status: 200 });
    const rows: Array<Record<string, unknown>> = Array.isArray(res.body) ? res.body : res.body.items;
    expect({ seen, isArray: Array.isArray(rows) }).toEqual({ seen, isArray: true });
    const ids = rows.map((row) => row[list.idField ?? 'id']);
    expect({ seen, allIds: ids.every((id) => Number.isInteger(id)) }).toEqual({ seen, allIds: true });
    const oracle = await oracleFor(role);
    const condition = visibleCondition(list.table, role, oracle);
    const { rows: outside } = await t.db.query(
      `SELECT x.id FROM "${list.table}" x WHERE x.id = ANY($1::int[]) AND NOT (${condition}) ORDER BY x.id`,
      [ids],
    );
    expect({ seen, outOfScope: outside.map((r) => r.id) }).toEqual({ seen, outOfScope: [] });
    if (!filter && list.nonEmptyFor?.includes(role))
      expect({ seen, rows: ids.length > 0 }).toEqual({ seen, rows: true });
  });
});

describe('a write that names a resource of another scope in its body', () => {
  const at = minutesBefore(TEST_NOW, 1);
  const line = [{ brandId: home.brand, cartons: 1 }];

  /** Sends the write; expects it refused with `expected` (404 NOT_FOUND by default) and nothing written. */
  async function refused(
    role: Role,
    method: 'post' | 'put' | 'patch',
    url: string,
    body: object,
    rows: Array<[string, number | string]> = [],
    expected: { status: number; code: string } = { status: 404, code: 'NOT_FOUND' },
  ) {
    const before = await Promise.all(rows.map(([table, id]) => rowOf(table, id)));
    const counts = await tableCounts();
    const res = await t.http[method](url)
      .set(await demo.auth(role))
      .send(body);
    const seen = `${method.toUpperCase()} ${url} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    expect({ seen, status: res.status, code: res.body.code }).toEqual({ seen, ...expected });
    expect(await Promise.all(rows.map(([table, id]) => rowOf(table, id)))).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  }

  it.each([['account_manager'], ['supply_clerk'], ['retailer']] as Array<[Role]>)(
    'a %s submits no demand for another territory’s retailer',
    async (role) => {
      const channel = role === 'account_manager' ? 'collected' : 'self';
      await refused(role, 'post', '/api/demands', { retailerId: foreign.retailer, channel, lines: line });
    },
  );

  it('an account manager records no visit or call of another territory’s retailer', async () => {
    await refused('account_manager', 'post', '/api/visits', {
      retailerId: foreign.retailer,
      visitedAt: at,
      kind: 'routine',
    });
    await refused('account_manager', 'post', '/api/calls', { retailerId: foreign.retailer, calledAt: at });
  });

  it.each([['account_manager'], ['delivery_staff']] as Array<[Role]>)(
    'a %s reports no lead about another territory (by retailer or by territory)',
    async (role) => {
      const lead = { kind: 'other', importance: 'normal', description: '越权举报线索' };
      await refused(role, 'post', '/api/leads', { ...lead, retailerId: foreign.retailer });
      await refused(role, 'post', '/api/leads', { ...lead, territoryId: foreign.territory });
    },
  );

  it('a market manager raises no anomaly lead about another center’s retailer', async () => {
    await refused('market_manager', 'post', '/api/leads/from-anomaly', {
      cycleId: foreign.cycle,
      retailerId: foreign.retailer,
      brandId: home.brand,
    });
  });

  /**
   * A body that names a territory or retailer is refused with the context's own 400 code, the very answer
   * the same request gets for an id that does not exist: no existence leak.
   */
  const MISSING = 99999999;

  it('a market manager creates no retailer in, and moves none to, another center’s territory', async () => {
    const retailer = (territoryId: number | string) => ({
      licenseNo: '360019999999',
      shopName: '越权新店',
      ownerName: '店主',
      address: '测试地址',
      territoryId,
      businessType: 'C',
      marketType: 'urban',
      scale: 'small',
      grade: 5,
      orderWeekday: 1,
    });
    const invalid = { status: 400, code: 'RETAILER_TERRITORY_INVALID' };
    for (const territoryId of [MISSING, foreign.territory]) {
      await refused('market_manager', 'post', '/api/retailers', retailer(territoryId), [], invalid);
      await refused(
        'market_manager',
        'patch',
        `/api/retailers/${home.retailer2}`,
        { territoryId },
        [['retailers', home.retailer2]],
        invalid,
      );
    }
  });

  it('a market manager rebalances no cap of another center’s retailers', async () => {
    for (const [first, second] of [
      [foreign.retailer, foreign.retailer2],
      [MISSING, MISSING - 1],
      [home.retailer, foreign.retailer],
    ]) {
      await refused(
        'market_manager',
        'post',
        '/api/quotas/rebalance',
        {
          month: MONTH,
          reason: '越权调剂',
          caps: [
            { retailerId: first, cap: 1 },
            { retailerId: second, cap: 1 },
          ],
        },
        [],
        { status: 400, code: 'QUOTA_REBALANCE_UNKNOWN_RETAILER' },
      );
    }
  });

  it('an enforcement officer assigns no lead of its squad to another squad’s officer', async () => {
    const eo5 = await t.userId('eo5');
    const res = await t.http
      .post(`/api/leads/${home.lead}/assign`)
      .set(await demo.auth('enforcement_officer'))
      .send({ officerId: eo5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'LEAD_OFFICER_INVALID', details: { officerId: eo5 } });
    const { rows } = await t.db.query('SELECT assigned_to FROM leads WHERE id = $1', [home.lead]);
    expect(rows[0].assigned_to).not.toBe(eo5);
  });

  it('a supply clerk consolidates no cut-off cycle of another center', async () => {
    // Another center's cycle past its cutoff, waiting for the unified order.
    const { rows } = await t.db.query(
      `UPDATE order_cycles SET status = 'cut_off'
        WHERE id = (SELECT id FROM order_cycles WHERE territory_id = $1 AND status = 'scheduled' AND id <> $2
                     ORDER BY order_date LIMIT 1)
        RETURNING id`,
      [foreign.territory, foreign.cycle],
    );
    const cycleId = rows[0].id;
    await refused('supply_clerk', 'post', `/api/order-cycles/${cycleId}/consolidate`, {}, [
      ['order_cycles', cycleId],
    ]);
  });
});
