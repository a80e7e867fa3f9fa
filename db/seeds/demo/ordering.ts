import type { EntityManager } from 'typeorm';

export interface OrderingHistoryOptions {
  /** Weeks of consolidated cycle history before `today`. */
  weeks: number;
  /** The business date the demo is loaded on (YYYY-MM-DD). */
  today: string;
  /** Changes the pseudo-random choices; the same value builds the same history. */
  seed: number;
}

/**
 * Order-based supply history, entirely in SQL (it must scale to a city's 30,000 retailers): each territory
 * orders on one weekday (staggered Monday–Friday); for every past week each active retailer either submits
 * its own demand (most), has demand collected, confirmed and approved (some), or gets a no-demand record.
 * Volumes follow the retailer's grade under its cap; choices come from hashes of (seed, ids), so the
 * history is deterministic. Everything past is cut off and consolidated into order lines and supply orders,
 * with the month's quota use recorded.
 */
export async function seedOrderingHistory(
  manager: EntityManager,
  options: OrderingHistoryOptions,
): Promise<void> {
  const { weeks, today, seed } = options;
  // A pseudo-random fraction in [0, 1) from the seed and some ids.
  await manager.query(
    `CREATE TEMP TABLE demo_params ON COMMIT DROP AS SELECT $1::int AS seed, $2::date AS today, $3::int AS weeks`,
    [seed, today, weeks],
  );
  await manager.query(`
    CREATE OR REPLACE FUNCTION pg_temp.demo_fraction(VARIADIC parts bigint[]) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ((hashtextextended(array_to_string(parts, ':'), 0) & 2147483647)::float8 / 2147483648) $$`);

  // Each territory's weekly order day, staggered over the working week; retailers follow their territory.
  await manager.query(`
    INSERT INTO territory_order_schedules (territory_id, order_weekday)
    SELECT id, ((row_number() OVER (ORDER BY code) - 1) % 5) + 1 FROM org_units WHERE type = 'territory'
    ON CONFLICT (territory_id) DO NOTHING`);
  await manager.query(`
    UPDATE retailers r SET order_weekday = s.order_weekday FROM territory_order_schedules s
     WHERE s.territory_id = r.territory_id AND r.order_weekday <> s.order_weekday`);

  // The cycles: the order day of each of the last weeks (consolidated) and of the weeks ahead as far as
  // generation reaches (four weeks, then to that month's end: GENERATION_WEEKS, generationEnd); the window
  // opens 12:00 the day before and cuts off 16:00 on the order day.
  await manager.query(`
    INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
    SELECT t.id, t.service_center_id, t.department_id, d.order_date,
           ((d.order_date - 1) + time '12:00') AT TIME ZONE 'Asia/Shanghai',
           (d.order_date + time '16:00') AT TIME ZONE 'Asia/Shanghai',
           CASE WHEN d.order_date < p.today THEN 'consolidated' ELSE 'scheduled' END
      FROM org_units t
      JOIN territory_order_schedules s ON s.territory_id = t.id
      CROSS JOIN demo_params p
      CROSS JOIN LATERAL (
        SELECT (date_trunc('week', p.today + 7 * w)::date + (s.order_weekday - 1)) AS order_date
          FROM generate_series(-p.weeks, 9) AS w) d
     WHERE t.type = 'territory' AND d.order_date >= p.today - 7 * p.weeks
       AND d.order_date < date_trunc('month', p.today + 27) + interval '1 month'`);

  // Who orders what: 88 % own demand, 7 % collected (approved by the center's market manager), 5 % nothing.
  // Weekly volume ≈ cap ÷ 5 × (0.5 … 0.95): the month stays under the cap. Cap from the default grade policy.
  await manager.query(`
    CREATE TEMP TABLE demo_demands ON COMMIT DROP AS
    SELECT c.id AS cycle_id, r.id AS retailer_id, r.territory_id, r.service_center_id, r.department_id, c.order_date,
           pg_temp.demo_fraction(p.seed, c.id, r.id) AS pick,
           greatest(1, floor(floor(round(4 * power(1.17, r.grade - 1)) * CASE r.scale WHEN 'small' THEN 1.15 WHEN 'medium' THEN 1.10 ELSE 1.05 END)
                             / 5 * (0.5 + 0.45 * pg_temp.demo_fraction(p.seed, r.id, c.id, 7))))::int AS volume,
           least(12, 2 + r.grade / 3) AS lines_wanted
      FROM order_cycles c
      JOIN retailers r ON r.territory_id = c.territory_id AND r.status = 'active'
      CROSS JOIN demo_params p
     WHERE c.status = 'consolidated'`);
  await manager.query(`DELETE FROM demo_demands WHERE pick >= 0.95`);
  // Temp tables have no statistics until analysed: without them the anti-join below goes quadratic.
  await manager.query(`CREATE UNIQUE INDEX ON demo_demands (cycle_id, retailer_id)`);
  await manager.query(`ANALYZE demo_demands`);

  await manager.query(`
    INSERT INTO no_demand_records (cycle_id, retailer_id, territory_id, department_id, recorded_at)
    SELECT c.id, r.id, r.territory_id, r.department_id, c.cutoff_at
      FROM order_cycles c JOIN retailers r ON r.territory_id = c.territory_id AND r.status = 'active'
     WHERE c.status = 'consolidated'
       AND NOT EXISTS (SELECT 1 FROM demo_demands d WHERE d.cycle_id = c.id AND d.retailer_id = r.id)`);

  await manager.query(`
    INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status, total_cartons,
                         submitted_by, submitted_by_role, confirmed_at, confirmed_via, approved_by, approved_at, created_at, updated_at)
    SELECT d.cycle_id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id,
           CASE WHEN d.pick < 0.88 THEN 'self' ELSE 'collected' END, 'ordered', d.volume,
           CASE WHEN d.pick < 0.88 THEN COALESCE(ru.id, am.id) ELSE am.id END,
           CASE WHEN d.pick < 0.88 AND ru.id IS NOT NULL THEN 'retailer' ELSE 'account_manager' END,
           CASE WHEN d.pick >= 0.88 THEN c.opens_at + interval '3 hours' END,
           CASE WHEN d.pick >= 0.88 THEN 'account' END,
           CASE WHEN d.pick >= 0.88 THEN mm.id END,
           CASE WHEN d.pick >= 0.88 THEN c.opens_at + interval '5 hours' END,
           c.opens_at + interval '2 hours', c.cutoff_at
      FROM demo_demands d
      JOIN order_cycles c ON c.id = d.cycle_id
      LEFT JOIN users ru ON ru.retailer_id = d.retailer_id
      JOIN users am ON am.org_unit_id = d.territory_id AND am.role = 'account_manager' AND am.status = 'active'
      JOIN users mm ON mm.org_unit_id = d.service_center_id AND mm.role = 'market_manager'
                   AND mm.id = (SELECT min(id) FROM users WHERE org_unit_id = d.service_center_id AND role = 'market_manager')`);

  // Lines: the retailer's usual specs (a run of the catalogue from a retailer-specific offset, so the same
  // specs week after week), the volume spread over them. O(lines), not O(demands × catalogue).
  await manager.query(`
    WITH catalogue AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM brands WHERE active)
    INSERT INTO demand_lines (demand_id, brand_id, cartons)
    SELECT dm.id, cat.ids[1 + ((floor(pg_temp.demo_fraction(p.seed, dm.retailer_id) * cat.n)::int + k - 1) % cat.n)],
           (dd.volume / lines.n + CASE WHEN k <= dd.volume % lines.n THEN 1 ELSE 0 END)::int
      FROM demands dm
      JOIN demo_demands dd ON dd.cycle_id = dm.cycle_id AND dd.retailer_id = dm.retailer_id
      CROSS JOIN demo_params p
      CROSS JOIN catalogue cat
      CROSS JOIN LATERAL (SELECT least(dd.lines_wanted, dd.volume, cat.n) AS n) lines
      CROSS JOIN LATERAL generate_series(1, lines.n) AS k
     WHERE cat.n > 0`);
  await manager.query(`
    UPDATE demands d SET total_cartons = s.total FROM (SELECT demand_id, sum(cartons)::int AS total FROM demand_lines GROUP BY demand_id) s
     WHERE s.demand_id = d.id AND d.total_cartons <> s.total`);

  await manager.query(`
    INSERT INTO order_lines (cycle_id, demand_id, retailer_id, territory_id, service_center_id, department_id, supply_point_id,
                             brand_id, order_date, requested, ordered, price_fen, amount_fen)
    SELECT d.cycle_id, d.id, d.retailer_id, d.territory_id, d.service_center_id, d.department_id, sp.id,
           l.brand_id, c.order_date, l.cartons, l.cartons, b.wholesale_price_fen, l.cartons::bigint * b.wholesale_price_fen
      FROM demands d JOIN demand_lines l ON l.demand_id = d.id JOIN order_cycles c ON c.id = d.cycle_id
      JOIN brands b ON b.id = l.brand_id
      JOIN org_units sp ON sp.type = 'supply_point' AND sp.service_center_id = d.service_center_id
     WHERE d.status = 'ordered'`);
  await manager.query(`
    INSERT INTO supply_orders (supply_point_id, service_center_id, department_id, order_date, created_at)
    SELECT DISTINCT supply_point_id, service_center_id, department_id, order_date, (order_date + 1)::timestamptz FROM order_lines`);
  await manager.query(`
    INSERT INTO supply_order_lines (supply_order_id, brand_id, requested, cartons)
    SELECT so.id, ol.brand_id, sum(ol.requested), sum(ol.ordered)
      FROM order_lines ol JOIN supply_orders so ON so.supply_point_id = ol.supply_point_id AND so.order_date = ol.order_date
     GROUP BY so.id, ol.brand_id`);

  // Quotas of the history's months (and this month): the grade policy's total, its cap, and what was used.
  await manager.query(`
    INSERT INTO retailer_quotas (retailer_id, month, territory_id, department_id, agreed_total, agreed_total_source, float_bp, cap, used, explanation)
    SELECT r.id, m.month, r.territory_id, r.department_id, q.base, 'grade_policy', q.float_bp,
           greatest(ceil(q.base * (10000 + q.float_bp) / 10000.0)::int, COALESCE(u.used, 0)), COALESCE(u.used, 0),
           jsonb_build_object('seeded', true, 'agreedTotalSource', 'grade_policy', 'policyBase', q.base, 'floatBp', q.float_bp)
      FROM retailers r
      CROSS JOIN demo_params p
      CROSS JOIN LATERAL (SELECT generate_series(date_trunc('month', p.today - 7 * p.weeks), date_trunc('month', p.today), interval '1 month')::date AS month) m
      CROSS JOIN LATERAL (SELECT round(4 * power(1.17, r.grade - 1))::int AS base,
                                 CASE r.scale WHEN 'small' THEN 1500 WHEN 'medium' THEN 1000 ELSE 500 END AS float_bp) q
      LEFT JOIN (SELECT retailer_id, date_trunc('month', order_date)::date AS month, sum(ordered)::int AS used
                   FROM order_lines GROUP BY 1, 2) u ON u.retailer_id = r.id AND u.month = m.month
     WHERE r.status = 'active'`);
}
