import type pg from 'pg';
import type { DemoApp } from '../support/demo.js';

/**
 * Small, explicit retailer and brand fixtures for field-work tests, inserted with SQL: the demo county's
 * retailers and brands come from the retailers/catalogue context, and these tests must not depend on them.
 * The column lists are kept to what the schema requires.
 */
export interface RetailerFixture {
  license: string;
  territory: string;
  bigAccount?: boolean;
  marketType?: 'urban' | 'rural';
  status?: 'active' | 'suspended' | 'closed';
}

export async function insertRetailer(t: DemoApp, fixture: RetailerFixture): Promise<number> {
  const { rows } = await t.db.query(
    `INSERT INTO retailers (license_no, shop_name, owner_name, address, territory_id, service_center_id, department_id,
                            business_type, market_type, scale, grade, order_weekday, big_account, big_account_computed, status, status_reason)
     SELECT $1, '测试烟酒店' || $1, '店主', '测试路 1 号', t.id, t.service_center_id, t.department_id,
            'C', $3, 'medium', 10, 2, $4, $4, $5, CASE WHEN $5 <> 'active' THEN '测试' END
       FROM org_units t WHERE t.code = $2
     RETURNING id`,
    [
      fixture.license,
      fixture.territory,
      fixture.marketType ?? 'urban',
      fixture.bigAccount ?? false,
      fixture.status ?? 'active',
    ],
  );
  if (!rows[0]) throw new Error(`no territory ${fixture.territory}`);
  return rows[0].id;
}

export async function insertBrand(
  db: pg.Pool,
  fixture: { code: string; packFen: number; cartonFen: number },
): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class)
     VALUES ($1, '测试规格' || $1, '测试中烟', $2, $3, $4,
             CASE WHEN $2 >= 10000 THEN 1 WHEN $2 >= 5000 THEN 2 WHEN $2 >= 3000 THEN 3 WHEN $2 >= 1650 THEN 4 ELSE 5 END) RETURNING id`,
    [fixture.code, Math.round(fixture.cartonFen * 0.8), fixture.cartonFen, fixture.packFen],
  );
  return rows[0].id;
}

/** A visit written straight into the table, for history older than the API's backdating window. */
export async function insertVisit(
  t: DemoApp,
  visit: { retailerId: number; accountManager: string; on: string; kind?: string; territory?: string },
): Promise<number> {
  const guidance = (visit.kind ?? 'routine') === 'guidance';
  const { rows } = await t.db.query(
    `INSERT INTO visits (retailer_id, territory_id, department_id, account_manager_id, kind, visited_at, visited_on,
                         guidance_topics, guidance_advice)
     SELECT r.id, COALESCE(t.id, r.territory_id), r.department_id, u.id, $3, ($4::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', $4::date,
            CASE WHEN $6 THEN ARRAY['display']::text[] END, CASE WHEN $6 THEN '调整陈列' END
       FROM retailers r JOIN users u ON u.username = $2 LEFT JOIN org_units t ON t.code = $5
      WHERE r.id = $1
     RETURNING id`,
    [
      visit.retailerId,
      visit.accountManager,
      visit.kind ?? 'routine',
      visit.on,
      visit.territory ?? null,
      guidance,
    ],
  );
  return rows[0].id;
}

/** Row counts of every field-work table and the audit log, for "nothing was written" assertions. */
export async function fieldCounts(db: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM visits)::int AS visits, (SELECT count(*) FROM visit_price_checks)::int AS "priceChecks",
            (SELECT count(*) FROM visit_shelf_items)::int AS "shelfItems", (SELECT count(*) FROM visit_checks)::int AS checks,
            (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM forecasts)::int AS forecasts,
            (SELECT count(*) FROM forecast_lines)::int AS "forecastLines", (SELECT count(*) FROM field_policies)::int AS policies,
            (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return rows[0];
}
