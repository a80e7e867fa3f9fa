import type { DemoApp } from './support/demo.js';

/**
 * Delivery stops written with SQL (planning has its own tests): one run of `route` on `deliveryDate`, a stop
 * per retailer in this order (positions 1, 2, …), each of 2 cartons in the same window. Returns the stops'
 * ids in the retailers' order.
 */
export async function insertStops(
  t: DemoApp,
  stops: {
    route: string;
    deliveryDate: string;
    orderDate: string;
    windowStart: string;
    windowEnd: string;
    retailers: number[];
  },
): Promise<number[]> {
  const { rows } = await t.db.query(
    `WITH run AS (
       INSERT INTO delivery_runs (route_id, delivery_date, service_center_id, department_id)
       SELECT r.id, $2, r.service_center_id, r.department_id FROM org_units r WHERE r.code = $1
       RETURNING id, route_id)
     INSERT INTO deliveries (run_id, route_id, delivery_date, position, retailer_id, territory_id, service_center_id,
                             department_id, supply_point_id, order_date, cartons, lines, window_start, window_end)
     SELECT run.id, run.route_id, $2, p.position, r.id, r.territory_id, r.service_center_id, r.department_id,
            sp.id, $3, 2, '[]', $4, $5
       FROM run
       JOIN unnest($6::int[]) WITH ORDINALITY AS p(retailer_id, position) ON TRUE
       JOIN retailers r ON r.id = p.retailer_id
       JOIN org_units sp ON sp.type = 'supply_point' AND sp.parent_id = r.service_center_id
      ORDER BY p.position
     RETURNING id`,
    [stops.route, stops.deliveryDate, stops.orderDate, stops.windowStart, stops.windowEnd, stops.retailers],
  );
  return rows.map((row: { id: number }) => row.id);
}
