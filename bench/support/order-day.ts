import type pg from 'pg';

const LINES_PER_DEMAND = 12;

/**
 * One order day at city scale: every territory's cycle on `orderDate`, cut off, with a demand of 12 lines from
 * every active retailer (set-based, as the demo history is built) and the month's reservations in place.
 */
export async function prepareOrderDay(
  pool: pg.Pool,
  orderDate: string,
): Promise<{ cycles: number; lines: number }> {
  await cleanOrderDay(pool, orderDate);
  const cycles = await pool.query(
    `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
     SELECT id, service_center_id, department_id, $1, ($1::date - 1 + time '12:00') AT TIME ZONE 'Asia/Shanghai',
            ($1::date + time '16:00') AT TIME ZONE 'Asia/Shanghai', 'cut_off'
       FROM org_units WHERE type = 'territory'`,
    [orderDate],
  );
  await pool.query(
    `INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status, total_cartons, submitted_by, submitted_by_role)
     SELECT c.id, r.id, r.territory_id, r.service_center_id, r.department_id, 'self', 'submitted', $2,
            (SELECT min(id) FROM users WHERE role = 'supply_clerk'), 'supply_clerk'
       FROM retailers r JOIN order_cycles c ON c.territory_id = r.territory_id AND c.order_date = $1
      WHERE r.status = 'active'`,
    [orderDate, LINES_PER_DEMAND],
  );
  const lines = await pool.query(
    `WITH catalogue AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM brands WHERE active)
     INSERT INTO demand_lines (demand_id, brand_id, cartons)
     SELECT d.id, cat.ids[1 + ((d.retailer_id * 7 + k) % cat.n)], 1
       FROM demands d JOIN order_cycles c ON c.id = d.cycle_id AND c.order_date = $1
       CROSS JOIN catalogue cat CROSS JOIN generate_series(1, $2) AS k`,
    [orderDate, LINES_PER_DEMAND],
  );
  await pool.query(
    `INSERT INTO retailer_quotas AS q (retailer_id, month, territory_id, department_id, agreed_total, agreed_total_source, float_bp, cap, reserved, explanation)
     SELECT d.retailer_id, date_trunc('month', $1::date), d.territory_id, d.department_id, 1000, 'grade_policy', 500, 1050, d.total_cartons, '{"bench": true}'
       FROM demands d JOIN order_cycles c ON c.id = d.cycle_id AND c.order_date = $1
     ON CONFLICT (retailer_id, month) DO UPDATE SET reserved = q.reserved + EXCLUDED.reserved, cap = greatest(q.cap, q.used + q.reserved + EXCLUDED.reserved)`,
    [orderDate],
  );
  await pool.query('ANALYZE demands; ANALYZE demand_lines; ANALYZE order_cycles');
  return { cycles: cycles.rowCount ?? 0, lines: lines.rowCount ?? 0 };
}

export async function cleanOrderDay(pool: pg.Pool, orderDate: string): Promise<void> {
  await pool.query(`DELETE FROM supply_orders WHERE order_date = $1`, [orderDate]);
  await pool.query(`DELETE FROM order_lines WHERE order_date = $1`, [orderDate]);
  await pool.query(
    `DELETE FROM demands d USING order_cycles c WHERE c.id = d.cycle_id AND c.order_date = $1`,
    [orderDate],
  );
  await pool.query(`DELETE FROM order_cycles WHERE order_date = $1`, [orderDate]);
  await pool.query(
    `DELETE FROM retailer_quotas WHERE month = date_trunc('month', $1::date) AND explanation ? 'bench'`,
    [orderDate],
  );
  await pool.query(`DELETE FROM job_runs WHERE job_name = 'consolidation' AND business_key = $1`, [
    orderDate,
  ]);
}

/**
 * The hand-written equivalent of the job: order lines by INSERT … SELECT, supply orders and their lines by
 * INSERT … SELECT … GROUP BY, demand marked ordered, reservations settled — in one transaction, rolled back
 * so the job then finds the same state. Returns what it would have written.
 */
export async function rawConsolidation(pool: pg.Pool, orderDate: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const lines = await client.query(
      `INSERT INTO order_lines (cycle_id, demand_id, retailer_id, territory_id, service_center_id, department_id, supply_point_id,
                                brand_id, order_date, requested, ordered, price_fen, amount_fen)
       SELECT d.cycle_id, d.id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id, sp.id,
              l.brand_id, c.order_date, l.cartons, l.cartons, b.wholesale_price_fen, l.cartons::bigint * b.wholesale_price_fen
         FROM demands d JOIN order_cycles c ON c.id = d.cycle_id JOIN demand_lines l ON l.demand_id = d.id
         JOIN brands b ON b.id = l.brand_id
         JOIN org_units sp ON sp.type = 'supply_point' AND sp.service_center_id = d.service_center_id
        WHERE c.order_date = $1 AND c.status = 'cut_off' AND d.status IN ('submitted', 'approved')`,
      [orderDate],
    );
    await client.query(
      `INSERT INTO supply_orders (supply_point_id, service_center_id, department_id, order_date)
       SELECT DISTINCT supply_point_id, service_center_id, department_id, order_date FROM order_lines WHERE order_date = $1`,
      [orderDate],
    );
    const supply = await client.query(
      `INSERT INTO supply_order_lines (supply_order_id, brand_id, requested, cartons)
       SELECT so.id, ol.brand_id, sum(ol.requested), sum(ol.ordered)
         FROM order_lines ol JOIN supply_orders so ON so.supply_point_id = ol.supply_point_id AND so.order_date = ol.order_date
        WHERE ol.order_date = $1 GROUP BY so.id, ol.brand_id`,
      [orderDate],
    );
    await client.query(
      `UPDATE demands d SET status = 'ordered' FROM order_cycles c WHERE c.id = d.cycle_id AND c.order_date = $1 AND d.status IN ('submitted', 'approved')`,
      [orderDate],
    );
    await client.query(
      `UPDATE retailer_quotas q SET reserved = q.reserved - s.requested, used = q.used + s.ordered
         FROM (SELECT retailer_id, sum(requested)::int AS requested, sum(ordered)::int AS ordered FROM order_lines WHERE order_date = $1 GROUP BY retailer_id) s
        WHERE q.retailer_id = s.retailer_id AND q.month = date_trunc('month', $1::date)`,
      [orderDate],
    );
    await client.query(
      `UPDATE order_cycles SET status = 'consolidated' WHERE order_date = $1 AND status = 'cut_off'`,
      [orderDate],
    );
    return { orderLines: lines.rowCount ?? 0, supplyOrderLines: supply.rowCount ?? 0 };
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
