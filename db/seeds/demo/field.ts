import type { EntityManager } from 'typeorm';
import { addMonths, businessDate, firstDayOfMonth, monthOf } from '#libs/kernel';
import { checkSampleSeed, seededSample } from '#libs/field';

export interface FieldSeedOptions {
  /** The demo's seed: the same seed and `today` build the same field work. */
  seed: number;
  /** The demo's "today" (business date); field work covers the two months before it and its own month up to yesterday. */
  today?: string;
}

export interface FieldSeedResult {
  visits: number;
  calls: number;
  checks: number;
  forecasts: number;
}

/**
 * A uniform number in [0, 1) from the seed and a key, in SQL: md5 is the same on every PostgreSQL, so the
 * data does not depend on query plans or row order (random() would). `$1` is the seed as text.
 */
const rnd = (key: string) =>
  `(('x' || substr(md5($1 || ':' || ${key}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Three months of field work for whatever retailers and brands the steps before created: visits on a
 * cadence (big accounts weekly, most others as often as the daily visit target allows, some lapsing so that
 * overdue lists are not empty), guidance with topics, price and shelf checks, awareness surveys, reachability, market-manager
 * checks of each account manager's check sample, daily calls, and per-spec forecasts (the next month's still
 * open). Set-based: one INSERT … SELECT per table. Without retailers or brands it writes nothing of theirs.
 */
export async function seedFieldWork(
  manager: EntityManager,
  options: FieldSeedOptions,
): Promise<FieldSeedResult> {
  const today = options.today ?? businessDate(new Date(), 'Asia/Shanghai');
  const currentMonth = monthOf(today);
  const firstDay = firstDayOfMonth(addMonths(currentMonth, -2));
  const seed = String(options.seed);
  const visits = await seedVisits(manager, seed, firstDay, today);
  await seedPriceChecks(manager, seed);
  await seedShelfItems(manager, seed);
  const checks = await seedChecks(manager, seed, currentMonth);
  const calls = await seedCalls(manager, seed, firstDay, today);
  const forecasts = await seedForecasts(
    manager,
    seed,
    addMonths(currentMonth, -2),
    addMonths(currentMonth, 1),
  );
  return { visits, calls, checks, forecasts };
}

/** The guidance given, as topic sets with the advice an account manager would write. */
const GUIDANCE = [
  [['brand_structure'], '建议减少滞销规格，增加重点品牌的备货比例'],
  [['display'], '重点品牌调整到柜台中间层，做到一品一签'],
  [['pricing', 'display'], '按零售指导价明码标价，价签与陈列对应'],
  [['stock'], '根据近四周销量调整库存，避免断货和积压'],
  [['brand_structure', 'stock'], '优化品牌结构，提高中高档规格库存占比'],
  [['policy'], '讲解总量浮动管理：只有上限、没有下限，鼓励自主提报'],
  [['display', 'store_management'], '整理柜台卫生，烟柜与其他商品分开陈列'],
  [['brand_structure', 'pricing'], '培育新品规格，讲解价格体系和利润空间'],
  [['policy', 'other'], '介绍网上订货平台的使用方法'],
] as const;

async function seedVisits(
  manager: EntityManager,
  seed: string,
  firstDay: string,
  today: string,
): Promise<number> {
  const guidance = JSON.stringify(GUIDANCE.map(([topics, advice], i) => ({ i, topics, advice })));
  const rows: unknown[] = await manager.query(
    `WITH days AS (
       SELECT d::date AS day, (row_number() OVER (ORDER BY d))::int AS n
         FROM generate_series($2::date, $3::date - 1, interval '1 day') d
        WHERE extract(isodow FROM d) < 6
     ), placed AS (
       SELECT r.id, r.territory_id, r.department_id, r.big_account, u.id AS am_id,
              count(*) OVER (PARTITION BY r.territory_id) AS territory_size
         FROM retailers r
         JOIN users u ON u.org_unit_id = r.territory_id AND u.role = 'account_manager' AND u.status = 'active'
        WHERE r.status = 'active'
     ), r AS (
       -- Every n working days: big accounts weekly; most others as often as ~28 visits a day allow (at most
       -- every two weeks); one in seven lapses to 11–12 working days, so overdue lists have something on them.
       SELECT placed.*,
              CASE WHEN big_account THEN 5
                   WHEN ${rnd(`'every:' || id`)} < 0.85 THEN LEAST(10, GREATEST(5, round(territory_size / 28.0)::int))
                   ELSE 11 + floor(${rnd(`'every2:' || id`)} * 2)::int END AS every,
              ${rnd(`'phase:' || id`)} AS phase
         FROM placed
     ), planned AS (
       SELECT r.*, d.day, d.n, ${rnd(`'kind:' || r.id || ':' || d.day`)} AS k
         FROM r JOIN days d ON (d.n + floor(r.phase * r.every)::int) % r.every = 0
        WHERE ${rnd(`'skip:' || r.id || ':' || d.day`)} >= 0.04
     ), g AS (
       SELECT * FROM jsonb_to_recordset($4::jsonb) AS g(i int, topics text[], advice text)
     ), has_brands AS (SELECT EXISTS (SELECT 1 FROM brands WHERE active) AS yes)
     INSERT INTO visits (retailer_id, territory_id, department_id, account_manager_id, kind, visited_at, visited_on,
                         guidance_topics, guidance_advice, shelf_checked, aware_floating_quota, aware_self_reporting,
                         reachable_sms, reachable_wechat, reachable_portal)
     SELECT p.id, p.territory_id, p.department_id, p.am_id, v.kind,
            (p.day + time '08:30' + floor(${rnd(`'at:' || p.id || ':' || p.day`)} * 540) * interval '1 minute')
              AT TIME ZONE 'Asia/Shanghai',
            p.day,
            CASE WHEN v.kind = 'guidance' THEN g.topics END,
            CASE WHEN v.kind = 'guidance' THEN g.advice END,
            hb.yes AND ${rnd(`'shelf:' || p.id || ':' || p.day`)} < 0.3,
            CASE WHEN v.surveyed THEN ${rnd(`'afq:' || p.id || ':' || p.day`)} < 0.8 END,
            CASE WHEN v.surveyed THEN ${rnd(`'asr:' || p.id || ':' || p.day`)} < 0.7 END,
            CASE WHEN v.reach THEN ${rnd(`'sms:' || p.id`)} < 0.9 END,
            CASE WHEN v.reach THEN ${rnd(`'wx:' || p.id`)} < 0.6 END,
            CASE WHEN v.reach THEN ${rnd(`'portal:' || p.id`)} < 0.35 END
       FROM planned p
       CROSS JOIN has_brands hb
       CROSS JOIN LATERAL (
         SELECT CASE WHEN p.big_account AND (p.n / p.every) % 4 = 0 THEN 'big_account_inspection'
                     WHEN p.k < 0.35 THEN 'guidance' ELSE 'routine' END AS kind,
                ${rnd(`'survey:' || p.id || ':' || p.day`)} < 0.15 AS surveyed,
                ${rnd(`'reach:' || p.id || ':' || p.day`)} < 0.1 AS reach
       ) v
       JOIN g ON g.i = floor(${rnd(`'topic:' || p.id || ':' || p.day`)} * ${GUIDANCE.length})::int
      ORDER BY p.day, p.id
     RETURNING id`,
    [seed, firstDay, today, guidance],
  );
  return rows.length;
}

/** The year's key brands (or, without any, the first 20 active brands) are what price and shelf checks look at. */
const CHECKED_BRANDS = `
  checked AS (
    SELECT y.year, b.id AS brand_id, b.retail_price_pack_fen AS guide_pack, b.retail_price_carton_fen AS guide_carton
      FROM (SELECT DISTINCT extract(year FROM visited_on)::int AS year FROM visits) y
      JOIN brands b ON b.active AND (
        EXISTS (SELECT 1 FROM key_brands k WHERE k.year = y.year AND k.brand_id = b.id)
        OR (NOT EXISTS (SELECT 1 FROM key_brands k WHERE k.year = y.year)
            AND b.id IN (SELECT id FROM brands WHERE active ORDER BY code LIMIT 20)))
  )`;

async function seedPriceChecks(manager: EntityManager, seed: string): Promise<void> {
  await manager.query(
    `WITH ${CHECKED_BRANDS}, picked AS (
       SELECT v.id AS visit_id, v.retailer_id, v.territory_id, v.department_id, v.visited_on, c.brand_id,
              c.guide_pack, c.guide_carton, COALESCE(p.price_tolerance_bp, 0) AS tolerance,
              ${rnd(`'obs:' || v.retailer_id || ':' || v.visited_on || ':' || c.brand_id`)} AS u,
              ${rnd(`'packonly:' || v.retailer_id || ':' || v.visited_on || ':' || c.brand_id`)} AS w,
              row_number() OVER (PARTITION BY v.id ORDER BY md5($1 || v.retailer_id || ':' || v.visited_on || ':' || c.brand_id)) AS rank,
              3 + floor(${rnd(`'n:' || v.retailer_id || ':' || v.visited_on`)} * 3)::int AS wanted
         FROM visits v
         JOIN checked c ON c.year = extract(year FROM v.visited_on)::int
         LEFT JOIN field_policies p ON p.department_id = v.department_id
        WHERE ${rnd(`'price:' || v.retailer_id || ':' || v.visited_on`)} < 0.25
     ), observed AS (
       SELECT *,
              CASE WHEN w < 0.15 THEN NULL
                   WHEN u < 0.8 THEN guide_pack
                   WHEN u < 0.95 THEN guide_pack + 50 * (1 + floor(u * 100)::int % 4)
                   ELSE GREATEST(1, guide_pack - 50) END AS pack,
              CASE WHEN w >= 0.85 THEN NULL
                   WHEN u < 0.8 THEN guide_carton
                   WHEN u < 0.95 THEN guide_carton + 500 * (1 + floor(u * 100)::int % 4)
                   ELSE GREATEST(1, guide_carton - 500) END AS carton
         FROM picked WHERE rank <= wanted
     )
     INSERT INTO visit_price_checks (visit_id, brand_id, retailer_id, territory_id, department_id, visited_on,
                                     observed_pack_fen, observed_carton_fen, guide_pack_fen, guide_carton_fen,
                                     tolerance_bp, compliant)
     SELECT visit_id, brand_id, retailer_id, territory_id, department_id, visited_on, pack, carton, guide_pack, guide_carton,
            tolerance,
            (pack IS NULL OR abs(pack - guide_pack)::bigint * 10000 <= tolerance::bigint * guide_pack)
            AND (carton IS NULL OR abs(carton - guide_carton)::bigint * 10000 <= tolerance::bigint * guide_carton)
       FROM observed
      ORDER BY visit_id, brand_id`,
    [seed],
  );
}

/** What is on a retailer's shelf is its own habit: the same brands at every visit, more of them in bigger shops. */
async function seedShelfItems(manager: EntityManager, seed: string): Promise<void> {
  await manager.query(
    `WITH ${CHECKED_BRANDS}
     INSERT INTO visit_shelf_items (visit_id, brand_id, retailer_id, territory_id, department_id, visited_on)
     SELECT v.id, c.brand_id, v.retailer_id, v.territory_id, v.department_id, v.visited_on
       FROM visits v
       JOIN retailers r ON r.id = v.retailer_id
       JOIN checked c ON c.year = extract(year FROM v.visited_on)::int
      WHERE v.shelf_checked
        AND ${rnd(`'onshelf:' || v.retailer_id || ':' || c.brand_id`)} <
            CASE r.scale WHEN 'large' THEN 0.85 WHEN 'medium' THEN 0.65 ELSE 0.45 END
      ORDER BY v.id, c.brand_id`,
    [seed],
  );
}

const CHECK_NOTES_EFFECTIVE = ['已按建议调整陈列', '重点品牌已上柜', '价签规范，明码标价', '库存结构有改善'];
const CHECK_NOTES_NOT_EFFECTIVE = ['陈列未调整', '店主未采纳建议', '滞销规格仍然积压'];

/**
 * Market managers check the sample the API proposes (`GET /api/visits/check-sample`, size 5): all of it in
 * the finished months, the first two in the current one. Verdicts are mostly effective.
 */
async function seedChecks(manager: EntityManager, seed: string, currentMonth: string): Promise<number> {
  const groups: Array<{ accountManagerId: number; month: string; visitIds: number[] }> = await manager.query(
    `SELECT account_manager_id AS "accountManagerId", to_char(visited_on, 'YYYY-MM') AS month,
            array_agg(id ORDER BY id) AS "visitIds"
       FROM visits WHERE kind = 'guidance'
      GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const checked = groups.flatMap((group) =>
    seededSample(checkSampleSeed(group.month, String(group.accountManagerId)), group.visitIds, 5).slice(
      0,
      group.month === currentMonth ? 2 : 5,
    ),
  );
  if (!checked.length) return 0;
  const rows: unknown[] = await manager.query(
    `WITH picked AS (
       SELECT v.id, v.territory_id, v.department_id, v.visited_at, t.service_center_id,
              ${rnd(`'effective:' || v.retailer_id || ':' || v.visited_on`)} < 0.85 AS effective, ${rnd(`'note:' || v.retailer_id || ':' || v.visited_on`)} AS u
         FROM visits v JOIN org_units t ON t.id = v.territory_id
        WHERE v.id = ANY($2::int[])
     )
     INSERT INTO visit_checks (visit_id, territory_id, department_id, effective, note, checked_by, checked_at)
     SELECT p.id, p.territory_id, p.department_id, p.effective,
            CASE WHEN p.effective THEN ($3::text[])[1 + floor(p.u * array_length($3::text[], 1))::int]
                 ELSE ($4::text[])[1 + floor(p.u * array_length($4::text[], 1))::int] END,
            mm.id,
            LEAST(now(), p.visited_at + (2 + floor(p.u * 8)::int) * interval '1 day')
       FROM picked p
       JOIN users mm ON mm.org_unit_id = p.service_center_id AND mm.role = 'market_manager' AND mm.status = 'active'
      ORDER BY p.id
     ON CONFLICT (visit_id) DO NOTHING
     RETURNING visit_id`,
    [seed, checked, CHECK_NOTES_EFFECTIVE, CHECK_NOTES_NOT_EFFECTIVE],
  );
  return rows.length;
}

/** About 28 calls a working day per account manager, spread over its territory's retailers. */
async function seedCalls(
  manager: EntityManager,
  seed: string,
  firstDay: string,
  today: string,
): Promise<number> {
  const rows: unknown[] = await manager.query(
    `WITH days AS (
       SELECT d::date AS day FROM generate_series($2::date, $3::date - 1, interval '1 day') d
        WHERE extract(isodow FROM d) < 6
     ), r AS (
       SELECT r.id, r.territory_id, r.department_id, u.id AS am_id,
              count(*) OVER (PARTITION BY r.territory_id) AS territory_size
         FROM retailers r
         JOIN users u ON u.org_unit_id = r.territory_id AND u.role = 'account_manager' AND u.status = 'active'
        WHERE r.status = 'active'
     ), calls AS (
       SELECT r.*, d.day, ${rnd(`'reached:' || r.id || ':' || d.day`)} AS u
         FROM r CROSS JOIN days d
        WHERE ${rnd(`'call:' || r.id || ':' || d.day`)} < LEAST(1.0, 28.0 / r.territory_size)
     )
     INSERT INTO calls (retailer_id, territory_id, department_id, account_manager_id, called_at, called_on, reached,
                        duration_seconds)
     SELECT id, territory_id, department_id, am_id,
            (day + time '13:30' + floor(${rnd(`'at:' || id || ':' || day`)} * 270) * interval '1 minute')
              AT TIME ZONE 'Asia/Shanghai',
            day, u < 0.9, CASE WHEN u < 0.9 THEN 30 + floor(u * 1000)::int % 240 END
       FROM calls
      ORDER BY day, id
     RETURNING id`,
    [seed, firstDay, today],
  );
  return rows.length;
}

/**
 * Forecasts of every territory with retailers for the months from `firstMonth` to `lastMonth` (the last one
 * still open): up to 40 active specs each, cartons scaled by the territory's size.
 */
async function seedForecasts(
  manager: EntityManager,
  seed: string,
  firstMonth: string,
  lastMonth: string,
): Promise<number> {
  const rows: unknown[] = await manager.query(
    `WITH months AS (
       SELECT m::date AS month FROM generate_series($1::date, $2::date, interval '1 month') m
     ), territories AS (
       SELECT r.territory_id, min(r.department_id) AS department_id, count(*) AS size, min(u.id) AS am_id
         FROM retailers r
         JOIN users u ON u.org_unit_id = r.territory_id AND u.role = 'account_manager' AND u.status = 'active'
        WHERE r.status = 'active'
        GROUP BY r.territory_id
     )
     INSERT INTO forecasts (territory_id, department_id, month, submitted_by, created_at, updated_at)
     SELECT t.territory_id, t.department_id, m.month, t.am_id,
            LEAST(now(), (m.month - 20 + time '17:00') AT TIME ZONE 'Asia/Shanghai'),
            LEAST(now(), (m.month - 20 + time '17:00') AT TIME ZONE 'Asia/Shanghai')
       FROM territories t CROSS JOIN months m
      WHERE EXISTS (SELECT 1 FROM brands WHERE active)
      ORDER BY m.month, t.territory_id
     RETURNING id`,
    [firstDayOfMonth(firstMonth), firstDayOfMonth(lastMonth)],
  );
  await manager.query(
    `WITH sized AS (
       SELECT f.id, f.territory_id, f.department_id, f.month,
              (SELECT count(*) FROM retailers r WHERE r.territory_id = f.territory_id AND r.status = 'active') AS size
         FROM forecasts f
     ), ranked AS (
       SELECT s.id, s.territory_id, s.department_id, s.size, s.month, b.id AS brand_id,
              row_number() OVER (PARTITION BY s.id ORDER BY md5($1 || 'fc:' || s.territory_id || ':' || b.id)) AS rank
         FROM sized s JOIN brands b ON b.active
     )
     INSERT INTO forecast_lines (forecast_id, brand_id, department_id, cartons)
     SELECT id, brand_id, department_id, round(size * (0.1 + 1.9 * ${rnd(`'cartons:' || territory_id || ':' || month || ':' || brand_id`)}))::int
       FROM ranked WHERE rank <= 40
      ORDER BY id, brand_id`,
    [seed],
  );
  return rows.length;
}
