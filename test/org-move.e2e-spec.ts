import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, TEST_DEMO_RETAILERS, type DemoApp } from './support/demo.js';

/**
 * Moving units of the org tree: history stays where it happened, current state follows the tree in the move's
 * transaction, in-flight state refuses the move. The demo county is loaded on Tuesday 2026-11-10 with three weeks
 * of history (consolidated cycles, order lines, supply orders, deliveries, visits, leads, October's quotas) and
 * the clock stands at 11:00 that day (Shanghai): today's cycles (T002, T012 order on Tuesdays) are open, the
 * later ones scheduled; today's and tomorrow's deliveries are planned. Territories: T001–T004 in SC1, T005–T008
 * in SC2, T009–T012 in SC3, all in D01; 5 retailers each.
 *
 * The database is the oracle: each table's rows of the moved territories are read before the move, split by the
 * rule (current / history) stated here independently of the code, and compared after it.
 */

const TODAY = '2026-11-10';

interface Table {
  table: string;
  /** A key per row. */
  key: string;
  /** The rows of the moved territories (`$1`: their ids). */
  where: string;
  /** Which rows are current state (they follow the move); the others are history. */
  current: string;
  /** Whether the table has a service_center_id. */
  center: boolean;
}

const CURRENT_CYCLE = `cycle_id IN (SELECT id FROM order_cycles WHERE status IN ('scheduled', 'open'))`;
const TABLES: Table[] = [
  { table: 'retailers', key: 'id', where: 'territory_id = ANY($1)', current: 'true', center: true },
  {
    table: 'order_cycles',
    key: 'id',
    where: 'territory_id = ANY($1)',
    current: `status IN ('scheduled', 'open')`,
    center: true,
  },
  { table: 'demands', key: 'id', where: 'territory_id = ANY($1)', current: CURRENT_CYCLE, center: true },
  {
    table: 'no_demand_records',
    key: `cycle_id || '/' || retailer_id`,
    where: 'territory_id = ANY($1)',
    current: CURRENT_CYCLE,
    center: false,
  },
  {
    table: 'retailer_quotas',
    key: `retailer_id || '/' || month`,
    where: 'territory_id = ANY($1)',
    current: `month >= '2026-11-01'`,
    center: false,
  },
  {
    table: 'leads',
    key: 'id',
    where: 'territory_id = ANY($1)',
    current: `status NOT IN ('verified', 'closed')`,
    center: true,
  },
  {
    table: 'cultivation_tasks',
    key: 'id',
    where: 'territory_id = ANY($1)',
    current: `status = 'open'`,
    center: true,
  },
  { table: 'kpi_targets', key: 'id', where: 'territory_id = ANY($1)', current: 'true', center: false },
  // Deliveries follow the route that carries them: only a planned one whose route moved is current.
  {
    table: 'deliveries',
    key: 'id',
    where: 'territory_id = ANY($1)',
    current: `status = 'planned' AND route_id = ANY($2)`,
    center: true,
  },
  {
    table: 'delivery_feedback',
    key: 'id',
    where: 'territory_id = ANY($1)',
    current: `status <> 'closed' AND route_id = ANY($2)`,
    center: true,
  },
  // History only.
  { table: 'order_lines', key: 'id', where: 'territory_id = ANY($1)', current: 'false', center: true },
  { table: 'visits', key: 'id', where: 'territory_id = ANY($1)', current: 'false', center: false },
  { table: 'calls', key: 'id', where: 'territory_id = ANY($1)', current: 'false', center: false },
  { table: 'forecasts', key: 'id', where: 'territory_id = ANY($1)', current: 'false', center: false },
];

interface Row {
  key: string;
  departmentId: number;
  serviceCenterId: number | null;
  current: boolean;
}

describe('moving org units', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  const ids: Record<string, number> = {};

  const territoriesOf = async (center: number): Promise<number[]> =>
    (
      await t.db.query(
        `SELECT id FROM org_units WHERE type = 'territory' AND service_center_id = $1 ORDER BY id`,
        [center],
      )
    ).rows.map((r) => r.id);
  const routesOf = async (center: number): Promise<number[]> =>
    (
      await t.db.query(`SELECT id FROM org_units WHERE type = 'route' AND service_center_id = $1`, [center])
    ).rows.map((r) => r.id);

  async function snapshot(territories: number[], routes: number[]): Promise<Map<string, Row[]>> {
    const out = new Map<string, Row[]>();
    for (const spec of TABLES) {
      const { rows } = await t.db.query(
        `SELECT (${spec.key})::text AS key, department_id AS "departmentId",
                ${spec.center ? 'service_center_id' : 'NULL::int'} AS "serviceCenterId", (${spec.current}) AS current
           FROM ${spec.table} WHERE ${spec.where} ORDER BY 1`,
        spec.current.includes('$2') ? [territories, routes] : [territories],
      );
      out.set(spec.table, rows);
    }
    return out;
  }
  /** The keys each row of `before` has now. */
  async function keysNow(table: string, rows: Row[]): Promise<Map<string, [number, number | null]>> {
    const spec = TABLES.find((s) => s.table === table)!;
    const { rows: now } = await t.db.query(
      `SELECT (${spec.key})::text AS key, department_id, ${spec.center ? 'service_center_id' : 'NULL::int'} AS center
         FROM ${table} WHERE (${spec.key})::text = ANY($1)`,
      [rows.map((r) => r.key)],
    );
    return new Map(now.map((r) => [r.key, [r.department_id, r.center]]));
  }

  /** Every current row took `to`; every history row kept its keys. Answers the counts per table. */
  async function expectFollowed(
    before: Map<string, Row[]>,
    to: { departmentId: number; serviceCenterId: number },
  ): Promise<Record<string, { current: number; history: number }>> {
    const counts: Record<string, { current: number; history: number }> = {};
    for (const [table, rows] of before) {
      const now = await keysNow(table, rows);
      const spec = TABLES.find((s) => s.table === table)!;
      const wrong = rows.filter((row) => {
        const [department, center] = now.get(row.key)!;
        const expected = row.current
          ? [to.departmentId, spec.center ? to.serviceCenterId : null]
          : [row.departmentId, row.serviceCenterId];
        return department !== expected[0] || center !== expected[1];
      });
      expect({ table, wrong: wrong.slice(0, 3) }).toEqual({ table, wrong: [] });
      counts[table] = {
        current: rows.filter((r) => r.current).length,
        history: rows.filter((r) => !r.current).length,
      };
    }
    return counts;
  }

  beforeAll(async () => {
    t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS, weeks: 3, today: TODAY });
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T03:00:00Z`));
    admin = bearer(await t.token('admin'));
    for (const code of ['D01', 'SC1', 'SC2', 'SC3', 'T002', 'T008', 'T012']) ids[code] = await t.unitId(code);

    // Open cultivation tasks in every territory (a spec launched yesterday).
    const brand = (await t.db.query(`SELECT id FROM brands WHERE active ORDER BY id LIMIT 1`)).rows[0].id;
    await t.db.query(`UPDATE brands SET launch_date = $2::date - 1 WHERE id = $1`, [brand, TODAY]);
    await t.http.post('/api/cultivation/tasks/generate').set(admin).send({ brandId: brand }).expect(200);
    // A submitted one in T012 (history): marked submitted directly.
    await t.db.query(
      `UPDATE cultivation_tasks SET status = 'submitted', submitted_at = now(), submitted_by = (SELECT id FROM users WHERE username = 'am12'),
              sales_trend = '平稳', consumer_opinion = '一般', ordering_analysis = '无'
        WHERE id = (SELECT min(id) FROM cultivation_tasks WHERE territory_id = $1)`,
      [ids.T012],
    );
    // A target of T012 alone, and December's quota (a future month) of T012's retailers.
    await t.http
      .put(`/api/kpi/targets/${ids.D01}`)
      .set(admin)
      .send({ targets: [{ code: 'guidanceCoverage', kind: 'atLeast', value: 0.5, territoryId: ids.T012 }] })
      .expect(200);
    await t.db.query(
      `INSERT INTO retailer_quotas (retailer_id, month, territory_id, department_id, agreed_total, agreed_total_source, float_bp, cap, used, explanation)
       SELECT retailer_id, '2026-12-01', territory_id, department_id, agreed_total, agreed_total_source, float_bp, cap, 0, explanation
         FROM retailer_quotas WHERE month = '2026-11-01' AND territory_id = $1`,
      [ids.T012],
    );
    // Own demand in today's open cycles of T002 and T012, through the API.
    const brandIds = (await t.db.query(`SELECT id FROM brands WHERE active ORDER BY id LIMIT 1`)).rows.map(
      (r) => r.id,
    );
    for (const territory of [ids.T002, ids.T012]) {
      const { rows } = await t.db.query(
        `SELECT r.id, u.username FROM retailers r JOIN users u ON u.retailer_id = r.id
          WHERE r.territory_id = $1 AND r.status = 'active' ORDER BY r.id LIMIT 1`,
        [territory],
      );
      const res = await t.http
        .post('/api/demands')
        .set(bearer(await t.token(rows[0].username)))
        .send({ retailerId: rows[0].id, channel: 'self', lines: [{ brandId: brandIds[0], cartons: 1 }] });
      if (res.status !== 201) throw new Error(`demand: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('a territory moved to another center: its current state takes the new center, history stays in the old', async () => {
    const territories = [ids.T002];
    const before = await snapshot(territories, []);
    const linksOf = async (territoryId: number) =>
      (
        await t.db.query(
          `SELECT t.squad_id AS "squadId",
                  array(SELECT route_id FROM territory_routes WHERE territory_id = t.id ORDER BY route_id) AS "routeIds"
             FROM org_units t WHERE t.id = $1`,
          [territoryId],
        )
      ).rows[0] as { squadId: number | null; routeIds: number[] };
    const linked = await linksOf(ids.T002);
    expect(linked.routeIds.length).toBeGreaterThan(0);
    await t.http.patch(`/api/org-units/${ids.T002}`).set(admin).send({ parentId: ids.SC2 }).expect(200);
    // Its squad is the department's and stays; the old center's routes no longer serve it.
    expect(await linksOf(ids.T002)).toEqual({ squadId: linked.squadId, routeIds: [] });
    const sc2Route = (await routesOf(ids.SC2))[0];
    await t.http
      .patch(`/api/org-units/${ids.T002}`)
      .set(admin)
      .send({ routeIds: [sc2Route] })
      .expect(200);
    expect(await linksOf(ids.T002)).toEqual({ squadId: linked.squadId, routeIds: [sc2Route] });
    const counts = await expectFollowed(before, { departmentId: ids.D01, serviceCenterId: ids.SC2 });
    // Both sides exist for the tables that have both, so each comparison above could fail.
    expect(counts.retailers).toEqual({ current: 5, history: 0 });
    expect(counts.order_cycles.current).toBeGreaterThan(0);
    expect(counts.order_cycles.history).toBeGreaterThan(0);
    expect(counts.demands).toEqual({ current: 1, history: expect.any(Number) });
    expect(counts.demands.history).toBeGreaterThan(0);
    expect(counts.order_lines.history).toBeGreaterThan(0);
    expect(counts.cultivation_tasks.current).toBeGreaterThan(0);

    // The new center's market manager sees the retailers and the live demand; the old one no longer does.
    const seen = async (username: string, path: string) =>
      (
        await t.http
          .get(path)
          .set(bearer(await t.token(username)))
          .expect(200)
      ).body.items.filter((x: { territoryId: number }) => x.territoryId === ids.T002).length;
    expect(await seen('mm2', '/api/retailers?pageSize=100')).toBe(5);
    expect(await seen('mm1', '/api/retailers?pageSize=100')).toBe(0);
    expect(await seen('mm2', '/api/demands?pageSize=100')).toBeGreaterThan(0);
    expect(await seen('mm1', '/api/demands?pageSize=100')).toBe(0);
  });

  it('a center moved to another department: current state follows, history stays; heads see accordingly; audited', async () => {
    const d02 = (
      await t.http
        .post('/api/org-units')
        .set(admin)
        .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') })
        .expect(201)
    ).body.id as number;
    await t.db.query(
      `INSERT INTO users (username, display_name, role, org_unit_id, password_hash)
       SELECT 'head2', '二部负责人', 'department_head', $1, password_hash FROM users WHERE username = 'head'`,
      [d02],
    );
    const territories = await territoriesOf(ids.SC3);
    const routes = await routesOf(ids.SC3);
    const before = await snapshot(territories, routes);
    const supplyOrders = await t.db.query(
      `SELECT id, department_id FROM supply_orders WHERE service_center_id = $1 ORDER BY id`,
      [ids.SC3],
    );
    expect(supplyOrders.rows.length).toBeGreaterThan(0);
    const runs = await t.db.query(
      `SELECT id, department_id, EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = x.id AND d.status = 'planned') AS live
         FROM delivery_runs x WHERE route_id = ANY($1) ORDER BY id`,
      [routes],
    );

    const squads = (
      await t.db.query(
        `SELECT t.id AS "territoryId", t.squad_id AS "squadId" FROM org_units t WHERE t.id = ANY($1) ORDER BY t.id`,
        [territories],
      )
    ).rows;
    expect(squads.every((row) => row.squadId !== null)).toBe(true);
    await t.http.patch(`/api/org-units/${ids.SC3}`).set(admin).send({ parentId: d02 }).expect(200);
    // D01's squads no longer cover SC3's territories (their officers would see D02's leads); routes moved along.
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM org_units WHERE id = ANY($1) AND squad_id IS NOT NULL`,
          [territories],
        )
      ).rows[0].n,
    ).toBe(0);
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM territory_routes WHERE territory_id = ANY($1)`, [
          territories,
        ])
      ).rows[0].n,
    ).toBeGreaterThan(0);

    const counts = await expectFollowed(before, { departmentId: d02, serviceCenterId: ids.SC3 });
    expect(counts.retailers).toEqual({ current: 20, history: 0 });
    expect(counts.kpi_targets).toEqual({ current: 1, history: 0 });
    for (const table of [
      'order_cycles',
      'demands',
      'retailer_quotas',
      'leads',
      'cultivation_tasks',
      'deliveries',
    ]) {
      expect({ table, both: counts[table].current > 0 && counts[table].history > 0 }).toEqual({
        table,
        both: true,
      });
    }
    for (const table of ['order_lines', 'visits', 'calls', 'no_demand_records'])
      expect({ table, history: counts[table].history > 0 }).toEqual({ table, history: true });
    // Supply orders are history; a delivery run follows its route while it has a planned stop.
    expect(
      (
        await t.db.query(
          `SELECT id, department_id FROM supply_orders WHERE service_center_id = $1 ORDER BY id`,
          [ids.SC3],
        )
      ).rows,
    ).toEqual(supplyOrders.rows);
    const runsNow = await t.db.query(
      `SELECT id, department_id FROM delivery_runs WHERE route_id = ANY($1) ORDER BY id`,
      [routes],
    );
    expect(runsNow.rows).toEqual(runs.rows.map((r) => ({ id: r.id, department_id: r.live ? d02 : ids.D01 })));
    expect(runs.rows.some((r) => r.live) && runs.rows.some((r) => !r.live)).toBe(true);

    // D02's head sees SC3's retailers (also when naming the department); D01's head no longer does.
    const sc3Retailers = new Set(
      (await t.db.query(`SELECT id FROM retailers WHERE territory_id = ANY($1)`, [territories])).rows.map(
        (r) => r.id,
      ),
    );
    const list = async (username: string, query = '') =>
      (
        await t.http
          .get(`/api/retailers?pageSize=100${query}`)
          .set(bearer(await t.token(username)))
          .expect(200)
      ).body.items.map((x: { id: number }) => x.id);
    expect(new Set(await list('head2'))).toEqual(sc3Retailers);
    expect(new Set(await list('head2', `&departmentId=${d02}`))).toEqual(sc3Retailers);
    expect((await list('head')).filter((id: number) => sc3Retailers.has(id))).toEqual([]);
    expect(await list('head')).toHaveLength(TEST_DEMO_RETAILERS - 20);

    // The move is audited with what followed it, counted as the database saw it.
    const audit = await t.db.query(
      `SELECT department_id, before, after FROM audit_log WHERE action = 'org_unit.move' AND entity_id = $1`,
      [String(ids.SC3)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].department_id).toBe(d02);
    expect(audit.rows[0].before).toEqual({
      parentId: ids.D01,
      departmentId: ids.D01,
      serviceCenterId: ids.SC3,
    });
    expect(audit.rows[0].after).toMatchObject({
      parentId: d02,
      departmentId: d02,
      territoryIds: territories,
      unlinked: { squads, routes: [] },
      rekeyed: {
        retailers: { retailers: 20 },
        quotas: { retailer_quotas: counts.retailer_quotas.current },
        ordering: { order_cycles: counts.order_cycles.current, demands: counts.demands.current },
        kpi: { kpi_targets: 1, cultivation_tasks: counts.cultivation_tasks.current },
        enforcement: { leads: counts.leads.current },
        delivery: { deliveries: counts.deliveries.current },
      },
    });
  });

  it('refuses to move a territory with a cut-off cycle awaiting consolidation, writing nothing; moves it once consolidated', async () => {
    // T008's next cycle (Wednesday 11-11), cut off as the cutoff job leaves it (fixture: set directly).
    const cycle = (
      await t.db.query(
        `SELECT id FROM order_cycles WHERE territory_id = $1 AND status = 'scheduled' ORDER BY order_date LIMIT 1`,
        [ids.T008],
      )
    ).rows[0].id as number;
    await t.db.query(`UPDATE order_cycles SET status = 'cut_off' WHERE id = $1`, [cycle]);
    const tables = [
      'org_units',
      'retailers',
      'order_cycles',
      'demands',
      'leads',
      'retailer_quotas',
      'audit_log',
    ];
    const state = async () => {
      const out: Record<string, unknown> = {};
      for (const table of tables) out[table] = await countRows(t.db, table);
      out.keys = (
        await t.db.query(
          `SELECT (SELECT array_agg(service_center_id ORDER BY id) FROM retailers WHERE territory_id = $1) AS retailers,
                  (SELECT array_agg(service_center_id ORDER BY id) FROM order_cycles WHERE territory_id = $1) AS cycles,
                  (SELECT parent_id FROM org_units WHERE id = $1) AS parent,
                  (SELECT max(updated_at) FROM org_units) AS touched`,
          [ids.T008],
        )
      ).rows[0];
      return out;
    };
    const before = await state();
    const res = await t.http.patch(`/api/org-units/${ids.T008}`).set(admin).send({ parentId: ids.SC1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORG_UNIT_MOVE_IN_FLIGHT');
    expect(res.body.details).toEqual({
      blockers: [{ participant: 'ordering', reason: 'order_cycle_cut_off', ids: [cycle] }],
    });
    expect(await state()).toEqual(before);

    // Once consolidated the cycle is history: the move goes through and the cycle stays with SC2.
    await t.http.post(`/api/order-cycles/${cycle}/consolidate`).set(admin).send({}).expect(200);
    await t.http.patch(`/api/org-units/${ids.T008}`).set(admin).send({ parentId: ids.SC1 }).expect(200);
    const { rows } = await t.db.query(`SELECT status, service_center_id FROM order_cycles WHERE id = $1`, [
      cycle,
    ]);
    expect(rows[0]).toEqual({ status: 'consolidated', service_center_id: ids.SC2 });
    expect(
      (
        await t.db.query(`SELECT DISTINCT service_center_id FROM retailers WHERE territory_id = $1`, [
          ids.T008,
        ])
      ).rows,
    ).toEqual([{ service_center_id: ids.SC1 }]);
  });
});
