import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The region key on paper (docs/distribution.md), held against the schema: how every table would sit on a
 * Citus cluster distributed by department. A new table, or a new unique key that a distributed table could
 * not enforce on one shard, fails here until it is placed in the document and in these lists.
 */

/** Distributed by `department_id`: a department's rows live on one shard group. */
const DISTRIBUTED = [
  'audit_log',
  'calendar_days',
  'calendar_policies',
  'calls',
  'cultivation_tasks',
  'deliveries',
  'delivery_feedback',
  'delivery_runs',
  'demand_confirmation_codes',
  'demand_lines',
  'demands',
  'field_policies',
  'focus_tiers',
  'forecast_lines',
  'forecasts',
  'grade_policies',
  'guidance_check_samples',
  'guidance_sample_freezes',
  'kpi_month_closes',
  'kpi_month_corrections',
  'kpi_snapshot_rows',
  'kpi_targets',
  'kpi_workbooks',
  'lead_events',
  'lead_policies',
  'leads',
  'no_demand_records',
  'order_cycles',
  'order_lines',
  'problem_policies',
  'problems',
  'quota_policies',
  'retailer_big_account_months',
  'retailer_grades',
  'retailer_quotas',
  'retailers',
  'scarce_limits',
  'supply_order_lines',
  'supply_orders',
  'supply_ratios',
  'territory_order_schedules',
  'territory_routes',
  'visit_checks',
  'visit_price_checks',
  'visit_shelf_items',
  'visits',
];

/** Replicated to every node: small, read by every department, written rarely. */
const REFERENCE = ['brands', 'district_types', 'key_brands', 'org_units', 'users'];

/** On the coordinator only: per-request or per-process bookkeeping no query joins to department data. */
const LOCAL = [
  'attachments',
  'idempotency_keys',
  'job_runs',
  'login_throttle',
  'scheduled_runs',
  'schema_migrations',
];

/**
 * Distributed tables that do not carry `department_id` yet: each reaches its department through its parent,
 * and gains the column (filled from the parent) in the distribution migration the document describes.
 */
const GAINS_DEPARTMENT_KEY: Record<string, string> = {
  demand_confirmation_codes: 'a retailer’s one-time code: its department is the retailer’s',
  demand_lines: 'lines of a demand: co-located with demands by the demand’s department',
  lead_events: 'the history of a lead: co-located with leads',
  retailer_grades: 'a retailer’s grade history: co-located with retailers',
  supply_order_lines: 'lines of a unified order: co-located with supply_orders',
  territory_order_schedules: 'a territory’s order weekday: its department is the territory’s',
  territory_routes: 'a territory’s delivery routes: its department is the territory’s',
};

/**
 * Columns naming a row that belongs to exactly one department: a unique key holding one of them never spans two
 * departments, so adding `department_id` to it (as Citus requires) changes nothing it enforces.
 */
const DEPARTMENT_BOUND_COLUMNS = [
  'territory_id',
  'retailer_id',
  'cycle_id',
  'source_cycle_id',
  'demand_id',
  'visit_id',
  'forecast_id',
  'run_id',
  'lead_id',
  'supply_order_id',
  'supply_point_id',
  'correction_id',
];

/** Unique keys of distributed tables that bind none of the above, with why they still hold on one shard. */
const UNIQUE_KEY_EXCEPTIONS: Record<string, string> = {
  uq_retailers_license_no:
    'a licence number 专卖许可证号 is unique in the province, across departments: on Citus it is enforced by a reference table of licence numbers, written in the same transaction as the retailer',
  uq_delivery_runs_route_date:
    'a delivery route is one supply point’s (配送线路 of a 支点), numbered by the logistics system per department: the key becomes (department_id, route_id, delivery_date)',
};

interface UniqueKey {
  table: string;
  index: string;
  primary: boolean;
  definition: string;
}

/** The identifiers of an index's key list (columns and the columns inside expressions). */
function keyColumns(definition: string): string[] {
  const keyList = /USING \w+ \((.*?)\)(?: WHERE|$)/.exec(definition)?.[1] ?? '';
  return keyList.match(/[a-z_][a-z0-9_]*/g) ?? [];
}

describe('the region key (docs/distribution.md)', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let tables: Map<string, { hasDepartment: boolean; departmentNotNull: boolean }>;
  let uniqueKeys: UniqueKey[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const { rows } = await db.query<{ name: string; has: boolean; notNull: boolean }>(
      `SELECT c.relname AS name, a.attname IS NOT NULL AS has, coalesce(a.attnotnull, false) AS "notNull"
         FROM pg_class c
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'department_id' AND NOT a.attisdropped
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    );
    tables = new Map(
      rows.map((row) => [row.name, { hasDepartment: row.has, departmentNotNull: row.notNull }]),
    );
    uniqueKeys = (
      await db.query<UniqueKey>(
        `SELECT t.relname AS "table", i.relname AS index, x.indisprimary AS primary,
                pg_get_indexdef(x.indexrelid) AS definition
           FROM pg_index x
           JOIN pg_class t ON t.oid = x.indrelid
           JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indisunique AND t.relnamespace = 'public'::regnamespace
          ORDER BY 1, 2`,
      )
    ).rows;
  });

  afterAll(async () => {
    await db.end();
    await database.drop(true);
  });

  it('places every table in exactly one group, and the document names them all', async () => {
    const placed = [...DISTRIBUTED, ...REFERENCE, ...LOCAL];
    expect(new Set(placed).size).toBe(placed.length);
    expect([...tables.keys()].sort()).toEqual([...placed].sort());
    const document = await readFile('docs/distribution.md', 'utf8');
    expect(placed.filter((table) => !document.includes(`\`${table}\``))).toEqual([]);
  });

  it('finds the department key, not null, on every distributed table but the listed children', () => {
    const missing = DISTRIBUTED.filter((table) => !tables.get(table)?.hasDepartment);
    expect(missing.sort()).toEqual(Object.keys(GAINS_DEPARTMENT_KEY).sort());
    const nullable = DISTRIBUTED.filter(
      (table) => tables.get(table)?.hasDepartment && !tables.get(table)?.departmentNotNull,
    );
    // The audit log also records company-wide actions (no department): those rows go to a reserved shard key.
    expect(nullable).toEqual(['audit_log']);
  });

  it('finds the department key, or a column bound to one department, in every unique key of a distributed table', () => {
    const unenforceable = uniqueKeys
      .filter((key) => DISTRIBUTED.includes(key.table))
      .filter((key) => {
        const columns = keyColumns(key.definition);
        // A key on the table's own global identity alone: it becomes (department_id, id), as unique as before.
        if (key.primary && columns.length === 1 && columns[0] === 'id') return false;
        return !columns.some(
          (column) => column === 'department_id' || DEPARTMENT_BOUND_COLUMNS.includes(column),
        );
      })
      .map((key) => key.index);
    expect(unenforceable.sort()).toEqual(Object.keys(UNIQUE_KEY_EXCEPTIONS).sort());
  });
});
