import type { EntityManager } from 'typeorm';
import { DEFAULT_DELIVERY_WINDOW_POLICY } from '#libs/delivery';
import { DEFAULT_LEAD_DEADLINE_POLICY } from '#libs/enforcement';

export interface ThreeRolesOptions {
  /** Weeks of lead history before `today` (deliveries follow the order history, whatever its length). */
  weeks: number;
  /** The business date the demo is loaded on (YYYY-MM-DD): history ends the day before. */
  today: string;
  /** Changes the pseudo-random choices; the same value builds the same history. */
  seed: number;
}

const TZ = 'Asia/Shanghai';

/**
 * Three-role interaction history 三员互动, entirely in SQL (it must scale to a city's 30,000 retailers):
 *
 * - Deliveries for every retailer with goods in the consolidated order history: runs per route and
 *   delivery date (the order date + 1, on the territory's lowest-numbered route), stops sequenced by
 *   territory and retailer with the planned windows of the delivery domain's default policy. Mostly on time;
 *   about 4 % late, 2 % early, 0.8 % failed, 2 % proxy receipts (with a name and a reason); three in four
 *   retailers with an account confirm receipt. Tomorrow's and today's runs stay planned.
 * - Feedback from account managers on about a third of the late stops and a few others, answered and
 *   closed as time allows, the recent ones still open.
 * - Leads from account managers and delivery staff about retailers of their territories (about one in
 *   two weeks for an account manager, one in three for delivery staff), routed to the covering squad with
 *   the default deadlines. Results 属实 / 不实 / 无法查实 in a mix that differs by reporter, mostly on time;
 *   important leads left without a result past their deadline are escalated as the daily job would have;
 *   most results older than two days are closed by the reporter.
 *
 * Choices come from hashes of (seed, stable keys), so the history is deterministic for a seed. A county
 * without retailers gets neither deliveries nor leads: every demo lead names a retailer.
 */
export async function seedThreeRoles(manager: EntityManager, options: ThreeRolesOptions): Promise<void> {
  const { weeks, today, seed } = options;
  const window = DEFAULT_DELIVERY_WINDOW_POLICY;
  const lastSlot = Math.floor((window.dayEndMinute - window.dayStartMinute) / window.slotMinutes) - 1;
  const days = DEFAULT_LEAD_DEADLINE_POLICY.daysByImportance;
  await manager.query(
    `CREATE TEMP TABLE three_roles_params ON COMMIT DROP AS
     SELECT $1::int AS seed, $2::date AS today, ($2::date::timestamp AT TIME ZONE '${TZ}') AS now_at, $3::int AS weeks`,
    [seed, today, weeks],
  );
  // A pseudo-random fraction in [0, 1) from the seed and some keys.
  await manager.query(`
    CREATE OR REPLACE FUNCTION pg_temp.tr_fraction(VARIADIC parts text[]) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ((hashtextextended(array_to_string(parts, ':'), 0) & 2147483647)::float8 / 2147483648) $$`);

  await seedDeliveries(manager, { ...window, lastSlot });
  await seedFeedback(manager);
  await seedLeads(manager, days);
}

async function seedDeliveries(
  manager: EntityManager,
  window: { dayStartMinute: number; slotMinutes: number; stopsPerSlot: number; lastSlot: number },
): Promise<void> {
  // One stop per retailer and order date with goods, on the territory's lowest-numbered route.
  await manager.query(
    `CREATE TEMP TABLE tr_stops ON COMMIT DROP AS
     WITH lists AS (
       SELECT ol.retailer_id, ol.territory_id, ol.service_center_id, ol.department_id, ol.supply_point_id, ol.order_date,
              sum(ol.ordered)::int AS cartons,
              jsonb_agg(jsonb_build_object('brandId', ol.brand_id, 'cartons', ol.ordered) ORDER BY ol.brand_id)
                FILTER (WHERE ol.ordered > 0) AS lines
         FROM order_lines ol
        GROUP BY ol.retailer_id, ol.territory_id, ol.service_center_id, ol.department_id, ol.supply_point_id, ol.order_date
       HAVING sum(ol.ordered) > 0),
     routed AS (
       SELECT l.*, l.order_date + 1 AS delivery_date,
              (SELECT min(tr.route_id) FROM territory_routes tr WHERE tr.territory_id = l.territory_id) AS route_id
         FROM lists l)
     SELECT r.*, row_number() OVER (PARTITION BY r.route_id, r.delivery_date ORDER BY r.territory_id, r.retailer_id)::int AS position
       FROM routed r WHERE r.route_id IS NOT NULL`,
  );
  await manager.query(`
    INSERT INTO delivery_runs (route_id, delivery_date, service_center_id, department_id, created_at)
    SELECT route_id, delivery_date, min(service_center_id), min(department_id),
           ((delivery_date - 1) + time '06:30') AT TIME ZONE '${TZ}'
      FROM tr_stops GROUP BY route_id, delivery_date ORDER BY delivery_date, route_id`);

  // Each stop's window (the delivery domain's default policy), who delivers it and what happened.
  await manager.query(
    `CREATE TEMP TABLE tr_outcomes ON COMMIT DROP AS
     SELECT s.*, w.window_start, w.window_start + make_interval(mins => $2) AS window_end, staff.id AS staff_id,
            ru.id AS retailer_user, lic.license_no,
            s.delivery_date < p.today AND staff.id IS NOT NULL AS done,
            pg_temp.tr_fraction(p.seed::text, 'outcome', lic.license_no, s.order_date::text) AS f_outcome,
            pg_temp.tr_fraction(p.seed::text, 'timing', lic.license_no, s.order_date::text) AS f_timing,
            pg_temp.tr_fraction(p.seed::text, 'minute', lic.license_no, s.order_date::text) AS f_minute,
            pg_temp.tr_fraction(p.seed::text, 'proxy', lic.license_no, s.order_date::text) AS f_proxy,
            pg_temp.tr_fraction(p.seed::text, 'confirm', lic.license_no, s.order_date::text) AS f_confirm
       FROM tr_stops s
       CROSS JOIN three_roles_params p
       JOIN retailers lic ON lic.id = s.retailer_id
       CROSS JOIN LATERAL (
         SELECT (s.delivery_date + make_interval(mins => $1 + least((s.position - 1) / $3, $4) * $2)) AT TIME ZONE '${TZ}'
                AS window_start) w
       LEFT JOIN LATERAL (
         SELECT min(u.id) AS id FROM users u
          WHERE u.role = 'delivery_staff' AND u.status = 'active' AND u.org_unit_id = s.route_id) staff ON TRUE
       LEFT JOIN users ru ON ru.retailer_id = s.retailer_id AND ru.status = 'active'`,
    [window.dayStartMinute, window.slotMinutes, window.stopsPerSlot, window.lastSlot],
  );
  await manager.query(`
    INSERT INTO deliveries (run_id, route_id, delivery_date, position, retailer_id, territory_id, service_center_id,
                            department_id, supply_point_id, order_date, cartons, lines, window_start, window_end, status,
                            arrived_at, recorded_at, time_source, receiver, receiver_name, proxy_reason, failure_reason,
                            completed_by, completed_at, confirmed_at, confirmed_by, created_at, updated_at)
    SELECT run.id, o.route_id, o.delivery_date, o.position, o.retailer_id, o.territory_id, o.service_center_id,
           o.department_id, o.supply_point_id, o.order_date, o.cartons, o.lines, o.window_start, o.window_end,
           x.status, x.arrived_at, x.arrived_at, CASE WHEN x.arrived_at IS NOT NULL THEN 'server' END,
           CASE WHEN x.arrived_at IS NOT NULL THEN x.receiver END,
           CASE WHEN x.arrived_at IS NOT NULL AND x.receiver = 'proxy'
                THEN (ARRAY['店主之女','店主配偶','隔壁店主','店员小王','店主母亲'])[1 + floor(o.f_proxy * 250)::int % 5] END,
           CASE WHEN x.arrived_at IS NOT NULL AND x.receiver = 'proxy'
                THEN (ARRAY['店主外出进货','店主住院','店主临时外出办事','店主回老家'])[1 + floor(o.f_proxy * 400)::int % 4] END,
           CASE WHEN x.status = 'failed' THEN (ARRAY['店铺关门，联系不上店主','店主不在且无人可收货'])[1 + floor(o.f_outcome * 1000)::int % 2] END,
           CASE WHEN x.status <> 'planned' THEN o.staff_id END,
           CASE WHEN x.status <> 'planned' THEN COALESCE(x.arrived_at, o.window_end) END,
           CASE WHEN x.status = 'confirmed' THEN x.arrived_at + make_interval(mins => 5 + floor(o.f_confirm * 600)::int) END,
           CASE WHEN x.status = 'confirmed' THEN o.retailer_user END,
           run.created_at, COALESCE(x.arrived_at, run.created_at)
      FROM tr_outcomes o
      JOIN delivery_runs run ON run.route_id = o.route_id AND run.delivery_date = o.delivery_date
      CROSS JOIN LATERAL (
        SELECT CASE WHEN NOT o.done THEN 'planned'
                    WHEN o.f_outcome < 0.008 THEN 'failed'
                    WHEN o.retailer_user IS NOT NULL AND o.f_confirm < 0.75 THEN 'confirmed'
                    ELSE 'delivered' END AS status,
               CASE WHEN o.f_proxy < 0.02 THEN 'proxy' ELSE 'retailer' END AS receiver) k
      CROSS JOIN LATERAL (
        SELECT k.status,
               k.receiver,
               CASE WHEN k.status IN ('planned', 'failed') THEN NULL
                    WHEN o.f_timing < 0.04 THEN o.window_end + make_interval(mins => 5 + floor(o.f_minute * 85)::int)
                    WHEN o.f_timing < 0.06 THEN o.window_start - make_interval(mins => 5 + floor(o.f_minute * 25)::int)
                    ELSE o.window_start + (o.window_end - o.window_start) * o.f_minute END AS arrived_at) x
     ORDER BY run.id, o.position`);
}

async function seedFeedback(manager: EntityManager): Promise<void> {
  await manager.query(`
    INSERT INTO delivery_feedback (delivery_id, retailer_id, territory_id, service_center_id, department_id, route_id,
                                   kind, description, status, raised_by, raised_at, answer, answered_by, answered_at,
                                   closed_by, closed_at, updated_at)
    SELECT f.id, f.retailer_id, f.territory_id, f.service_center_id, f.department_id, f.route_id, f.kind,
           CASE f.kind WHEN 'late' THEN '送货晚于约定时段，零售户反映影响经营'
                       WHEN 'wrongGoods' THEN '送错规格，需调换'
                       WHEN 'short' THEN '实收数量少于订单'
                       ELSE '外包装破损，部分条盒受潮' END,
           CASE WHEN f.closed_at IS NOT NULL THEN 'closed' WHEN f.answered_at IS NOT NULL THEN 'answered' ELSE 'open' END,
           f.am_id, f.raised_at,
           CASE WHEN f.answered_at IS NOT NULL THEN
             CASE f.kind WHEN 'late' THEN '前序站点卸货耽误，已调整线路顺序'
                         WHEN 'wrongGoods' THEN '已于次日调换'
                         WHEN 'short' THEN '已核对出库单并补送'
                         ELSE '已登记破损，下次送货时更换' END END,
           CASE WHEN f.answered_at IS NOT NULL THEN f.completed_by END,
           f.answered_at,
           CASE WHEN f.closed_at IS NOT NULL THEN f.am_id END,
           f.closed_at, COALESCE(f.closed_at, f.answered_at, f.raised_at)
      FROM (
        SELECT d.*, am.id AS am_id, r.raised_at, r.kind,
               CASE WHEN r.raised_at + interval '20 hours' < p.now_at AND r.f_answer < 0.85
                    THEN r.raised_at + interval '20 hours' END AS answered_at,
               CASE WHEN r.raised_at + interval '44 hours' < p.now_at AND r.f_answer < 0.85 AND r.f_close < 0.7
                    THEN r.raised_at + interval '44 hours' END AS closed_at
          FROM deliveries d
          CROSS JOIN three_roles_params p
          JOIN users am ON am.org_unit_id = d.territory_id AND am.role = 'account_manager' AND am.status = 'active'
          JOIN retailers lic ON lic.id = d.retailer_id
          CROSS JOIN LATERAL (
            SELECT pg_temp.tr_fraction(p.seed::text, 'feedback', lic.license_no, d.order_date::text) AS f_raise,
                   pg_temp.tr_fraction(p.seed::text, 'answer', lic.license_no, d.order_date::text) AS f_answer,
                   pg_temp.tr_fraction(p.seed::text, 'close', lic.license_no, d.order_date::text) AS f_close,
                   d.arrived_at + interval '3 hours' AS raised_at,
                   CASE WHEN d.arrived_at > d.window_end THEN 'late'
                        ELSE (ARRAY['wrongGoods', 'short', 'damaged'])[1 + floor(pg_temp.tr_fraction(p.seed::text, 'kind', lic.license_no, d.order_date::text) * 3)::int] END AS kind) r
         WHERE d.status IN ('delivered', 'confirmed') AND r.raised_at < p.now_at
           AND ((d.arrived_at > d.window_end AND r.f_raise < 0.3) OR r.f_raise < 0.003)) f
     ORDER BY f.id`);
}

async function seedLeads(manager: EntityManager, days: { important: number; normal: number }): Promise<void> {
  // Who reports, from which territories: an account manager its own, delivery staff their route's.
  await manager.query(`
    CREATE TEMP TABLE tr_reporters ON COMMIT DROP AS
    SELECT u.id AS user_id, u.username, u.role,
           CASE WHEN u.role = 'account_manager' THEN ARRAY[u.org_unit_id]
                ELSE ARRAY(SELECT tr.territory_id FROM territory_routes tr WHERE tr.route_id = u.org_unit_id ORDER BY tr.territory_id) END
             AS territory_ids
      FROM users u
     WHERE u.status = 'active' AND u.role IN ('account_manager', 'delivery_staff') AND u.org_unit_id IS NOT NULL`);

  // One possible lead per reporter and week; a retailer of one of its territories, picked by hash.
  await manager.query(
    `CREATE TEMP TABLE tr_leads ON COMMIT DROP AS
     SELECT c.*, t.service_center_id, t.department_id, t.squad_id,
            c.reported_at + make_interval(days => CASE WHEN c.important THEN $1::int ELSE $2::int END) AS deadline_at,
            -- Most results come well within the deadline; about one in six late, up to 2.5 times the time allowed.
            c.reported_at + make_interval(days => CASE WHEN c.important THEN $1::int ELSE $2::int END)
              * CASE WHEN c.f_time < 0.83 THEN 0.15 + 0.85 * c.f_time / 0.83 ELSE 1.05 + 1.5 * (c.f_time - 0.83) / 0.17 END
              AS result_at,
            officers.ids AS officer_ids
       FROM (
         SELECT rp.user_id, rp.username, rp.role, w.week, terr.territory_id, pick.retailer_id, pick.license_no,
                ((date_trunc('week', p.today - 7 * w.week)::date + floor(pg_temp.tr_fraction(p.seed::text, 'day', rp.username, w.week::text) * 5)::int)
                  + time '09:00' + make_interval(mins => floor(pg_temp.tr_fraction(p.seed::text, 'hour', rp.username, w.week::text) * 480)::int))
                  AT TIME ZONE '${TZ}' AS reported_at,
                pg_temp.tr_fraction(p.seed::text, 'importance', rp.username, w.week::text) < 0.25 AS important,
                pg_temp.tr_fraction(p.seed::text, 'kind', rp.username, w.week::text) AS f_kind,
                pg_temp.tr_fraction(p.seed::text, 'result', rp.username, w.week::text) AS f_result,
                pg_temp.tr_fraction(p.seed::text, 'answered', rp.username, w.week::text) AS f_answered,
                pg_temp.tr_fraction(p.seed::text, 'time', rp.username, w.week::text) AS f_time,
                pg_temp.tr_fraction(p.seed::text, 'state', rp.username, w.week::text) AS f_state,
                0.35 + 0.45 * pg_temp.tr_fraction(p.seed::text, 'honesty', rp.username) AS confirm_share
           FROM tr_reporters rp
           CROSS JOIN three_roles_params p
           CROSS JOIN generate_series(1, p.weeks) AS w(week)
           CROSS JOIN LATERAL (
             SELECT rp.territory_ids[1 + floor(pg_temp.tr_fraction(p.seed::text, 'territory', rp.username, w.week::text)
                                               * cardinality(rp.territory_ids))::int] AS territory_id) terr
           CROSS JOIN LATERAL (
             SELECT r.id AS retailer_id, r.license_no FROM retailers r
              WHERE r.territory_id = terr.territory_id AND r.status = 'active'
              ORDER BY pg_temp.tr_fraction(p.seed::text, 'retailer', rp.username, w.week::text, r.license_no), r.id
              LIMIT 1) pick
          WHERE cardinality(rp.territory_ids) > 0
            AND pg_temp.tr_fraction(p.seed::text, 'lead', rp.username, w.week::text)
                < CASE rp.role WHEN 'account_manager' THEN 0.5 ELSE 0.3 END) c
       JOIN org_units t ON t.id = c.territory_id AND t.squad_id IS NOT NULL
       CROSS JOIN LATERAL (
         SELECT array_agg(u.id ORDER BY u.id) AS ids FROM users u
          WHERE u.role = 'enforcement_officer' AND u.status = 'active' AND u.org_unit_id = t.squad_id) officers`,
    [days.important, days.normal],
  );

  // What became of each: taken and checked (before the deadline), a result when recorded before today,
  // escalation by the daily job when still without a result at 08:00 after the deadline, closing.
  await manager.query(`
    CREATE TEMP TABLE tr_lead_outcomes ON COMMIT DROP AS
    SELECT l.*, r.has_result, r.officer_id, esc.escalated_at,
           CASE WHEN r.has_result THEN
             CASE WHEN l.f_result < l.confirm_share THEN 'confirmed'
                  WHEN l.f_result < l.confirm_share + (1 - l.confirm_share) * 0.65 THEN 'unfounded'
                  ELSE 'unverifiable' END END AS result,
           -- How far the squad got: new (nobody took it), assigned, verifying; a result means it was checked.
           CASE WHEN r.has_result THEN 'verifying'
                WHEN r.officer_id IS NULL OR l.f_state < 0.3 THEN 'new'
                WHEN l.f_state < 0.6 THEN 'assigned'
                ELSE 'verifying' END AS phase,
           l.reported_at + least((r.until - l.reported_at) * 0.2, (l.deadline_at - l.reported_at) * 0.3) AS assigned_at,
           l.reported_at + least((r.until - l.reported_at) * 0.3, (l.deadline_at - l.reported_at) * 0.5) AS started_at,
           CASE WHEN r.has_result AND l.result_at < p.now_at - interval '2 days' AND l.f_state < 0.7
                THEN l.result_at + interval '1 day' END AS closed_at
      FROM tr_leads l
      CROSS JOIN three_roles_params p
      CROSS JOIN LATERAL (
        SELECT l.officer_ids IS NOT NULL AND l.f_answered < 0.93 AND l.result_at < p.now_at AS has_result,
               l.officer_ids[1 + floor(l.f_time * 1000)::int % greatest(cardinality(l.officer_ids), 1)] AS officer_id,
               least(l.result_at, p.now_at) AS until) r
      CROSS JOIN LATERAL (
        SELECT (((l.deadline_at AT TIME ZONE '${TZ}')::date + 1) + time '08:00') AT TIME ZONE '${TZ}' AS job_at) j
      CROSS JOIN LATERAL (
        SELECT CASE WHEN l.important AND j.job_at < p.now_at AND (NOT r.has_result OR l.result_at > j.job_at)
                    THEN j.job_at END AS escalated_at) esc
     WHERE l.reported_at < p.now_at`);

  await manager.query(`
    INSERT INTO leads (kind, importance, status, description, evidence, source, retailer_id, territory_id, service_center_id,
                       department_id, squad_id, reported_by, reporter_role, reported_at, deadline_at, assigned_to, assigned_at,
                       verification_result, verification_note, verified_by, verified_at, escalated_at, escalation_count,
                       closed_at, created_at, updated_at)
    SELECT k.kind, CASE WHEN o.important THEN 'important' ELSE 'normal' END,
           CASE WHEN o.closed_at IS NOT NULL THEN 'closed'
                WHEN o.has_result THEN 'verified'
                WHEN o.escalated_at IS NOT NULL THEN 'escalated'
                ELSE o.phase END,
           k.description, '{}', 'report', o.retailer_id, o.territory_id, o.service_center_id, o.department_id, o.squad_id,
           o.user_id, o.role, o.reported_at, o.deadline_at,
           CASE WHEN o.phase <> 'new' THEN o.officer_id END,
           CASE WHEN o.phase <> 'new' THEN o.assigned_at END,
           o.result,
           CASE o.result WHEN 'confirmed' THEN '现场核查属实，已依法处理'
                         WHEN 'unfounded' THEN '现场核查未发现违规'
                         WHEN 'unverifiable' THEN '线索信息不足，无法查实' END,
           CASE WHEN o.has_result THEN o.officer_id END,
           CASE WHEN o.has_result THEN o.result_at END,
           o.escalated_at, CASE WHEN o.escalated_at IS NOT NULL THEN 1 ELSE 0 END,
           o.closed_at, o.reported_at, COALESCE(o.closed_at, o.result_at, o.escalated_at, o.reported_at)
      FROM tr_lead_outcomes o
      CROSS JOIN LATERAL (
        SELECT x.kind,
               (ARRAY['店内发现疑似假冒卷烟','发现无中国烟草标识的卷烟','零售户从非指定渠道进货','价格明显高于零售指导价销售','订购量异常，疑似套购转卖','其他涉烟违规线索'])
                 [array_position(ARRAY['counterfeit','smuggled','unlicensed','priceViolation','abnormalPurchase','other'], x.kind)]
                 || '（' || o.license_no || '）' AS description
          FROM (SELECT CASE WHEN o.f_kind < 0.25 THEN 'counterfeit' WHEN o.f_kind < 0.45 THEN 'smuggled'
                            WHEN o.f_kind < 0.55 THEN 'unlicensed' WHEN o.f_kind < 0.75 THEN 'priceViolation'
                            WHEN o.f_kind < 0.88 THEN 'abnormalPurchase' ELSE 'other' END AS kind) x) k
     ORDER BY o.reported_at, o.user_id`);

  // Each lead's history as the workflow writes it: every step a transition of the lifecycle table.
  await manager.query(`
    INSERT INTO lead_events (lead_id, event, from_status, to_status, actor_id, actor_role, comment, at)
    SELECT l.id, e.event, e.from_status, e.to_status, e.actor_id, e.actor_role, e.comment, e.at
      FROM leads l
      JOIN tr_lead_outcomes o ON o.user_id = l.reported_by AND o.reported_at = l.reported_at
      CROSS JOIN LATERAL (VALUES
        ('report', NULL, 'new', l.reported_by, l.reporter_role, NULL, l.reported_at),
        ('assign', 'new', 'assigned', l.assigned_to, 'enforcement_officer', NULL, l.assigned_at),
        ('startVerification', 'assigned', 'verifying', l.assigned_to, 'enforcement_officer', NULL,
         CASE WHEN o.phase = 'verifying' THEN o.started_at END),
        ('escalate', o.phase, 'escalated', NULL, 'system', '重要线索逾期未查结，提交督察组', l.escalated_at),
        ('recordResult', CASE WHEN l.escalated_at IS NOT NULL THEN 'escalated' ELSE 'verifying' END, 'verified',
         l.verified_by, 'enforcement_officer', l.verification_note, l.verified_at),
        ('close', 'verified', 'closed', l.reported_by, l.reporter_role, NULL, l.closed_at)
      ) AS e(event, from_status, to_status, actor_id, actor_role, comment, at)
     WHERE e.at IS NOT NULL AND (e.event <> 'assign' OR l.assigned_to IS NOT NULL)
     ORDER BY l.id, e.at`);
}
