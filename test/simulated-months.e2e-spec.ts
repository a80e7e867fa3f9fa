import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays, addMonths, firstDayOfMonth, lastDayOfMonth } from '#libs/kernel';
import { JwtService } from '@nestjs/jwt';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { fireDue, firingsBetween } from './support/job-clock.js';
import { pinClock } from './support/test-clock.js';

/**
 * Two months as the department lives them, end to end: the one clock runs from Tuesday 1 December 2026 00:00
 * to Monday 1 February 2027 10:00, firing every job of the schedule table when production would, in its
 * order, through the scheduler (test/support/job-clock.ts). Jobs that fire more than once a day fire in the
 * hours in which something falls due (see BUSY_HOURS): they catch up on what is due whenever they run, so
 * this moves when their work is done by minutes, not what it is; the once-a-day and monthly jobs fire at
 * their times. The demo county is generated for 1 December with 13 weeks of order history (September to
 * November complete), but with 240 retailers instead of the demo's 2,000: the simulation fires some 1,400
 * jobs, and month closes and quota runs over 2,000 retailers would take this file well past three minutes on
 * a shared machine without exercising anything more. The territories order Monday to Friday in turn (T001
 * Monday … T005 Friday, T006 Monday …). The department closes a month from its 1st working day, 09:00.
 *
 * On every order day, in every territory ordering that day, at 10:00, three of its retailers (the highest
 * grades): one asks its explained cycle allowance, is refused one carton more and takes exactly the
 * allowance; one orders 2 cartons itself; the account manager collects 3 cartons from the third, who confirms
 * on its phone, the market manager approves, and the account manager records a guidance visit there.
 * Along the way:
 * - Thursday 31 December is December's last day and an order day (T004, T009);
 * - on 14 December the department head saves 2027's holidays: 元旦 Friday 1 January off, which moves the
 *   Friday territories' cycles (T005, T010) of that week to Thursday 31 December, into December; and a
 *   county holiday on Monday 18 January with Saturday 16 January worked (调休), which moves the Monday
 *   territories' cycles to that Saturday;
 * - on 14 December an admin cancels T003's cycle of Wednesday 23 December and moves T008's of the 16th
 *   to Tuesday the 15th;
 * - on Wednesday 13 January T002 changes its order day from Tuesday to Thursday.
 * After each day the database is the oracle (hand-written SQL): no territory has two live cycles in one order
 * week or overlapping windows; no moved or cancelled cycle came back; every demand of the day reserved at
 * most the allowance the rule gives (and the one taking its explained allowance exactly that); no job run
 * failed. After each month close, the snapshot's sales, forecast actuals and guidance coverage equal SQL over
 * the month's order lines, forecasts and visits; after each 25th, next month's agreed totals equal the
 * README's rule (the last three complete months) recomputed in SQL.
 */
// The demo county with its history loads in about 40 s on a loaded machine, the two months run in about 60.
jest.setTimeout(300_000);

describe('two simulated months', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let brand: number;
  // The hours in which something falls due: consolidation (06:00), the grace period's end (09:00), windows
  // opening (12:00) and cutting off (16:00). Jobs firing more often fire only then (see job-clock.ts).
  const BUSY_HOURS = [6, 9, 12, 16];
  const PACING = ROUND_QUOTA_POLICY.pacingFactorBp / 10_000;
  const MAX_CHANGE_BP = ROUND_QUOTA_POLICY.maxMonthlyChangeBp;
  const START = '2026-12-01T00:00:00+08:00';
  const END = '2027-02-01T10:00:00+08:00';
  let now = START;
  // Every firing of the two months, computed once, fired day by day.
  const pending = firingsBetween(START, END, { busyHours: BUSY_HOURS });
  const until = async (to: string) => {
    await fireDue(t, pending, to);
    now = to;
  };

  interface Territory {
    id: number;
    code: string;
    am: string;
    mm: string;
    /** Licence numbers and ids: the one ordering its allowance, the one ordering 2, the one collected. */
    sample: Array<{ id: number; license: string }>;
  }
  let territories: Territory[];
  /** Cycles moved or cancelled, with what they must stay: checked after every day. */
  const kept: Array<{
    cycleId: number;
    territoryId: number;
    orderWeek: string;
    orderDate: string;
    status?: string;
  }> = [];
  const closesChecked = new Set<string>();
  const totalsChecked = new Set<string>();
  const refused: string[] = [];

  const cycleOf = async (code: string, orderDate: string) =>
    (
      await t.db.query(
        `SELECT c.id, to_char(c.order_week, 'YYYY-MM-DD') AS "orderWeek"
           FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
          WHERE t.code = $1 AND c.order_date = $2 AND c.status <> 'cancelled'`,
        [code, orderDate],
      )
    ).rows[0] as { id: number; orderWeek: string };

  beforeAll(async () => {
    t = await startDemoApp({ retailers: 240, weeks: 13, today: '2026-12-01', now });
    admin = await tokenOf('admin');
    head = await tokenOf('head');
    await t.http.put('/api/quota-policies').set(head).send(ROUND_QUOTA_POLICY).expect(200);
    // Last month may be closed from the 1st working day of the next, at 09:00 (once its cycles are done).
    await t.http.put('/api/calendar/policy').set(head).send({ monthCloseWorkingDay: 1 }).expect(200);
    ({
      rows: [{ id: brand }],
    } = await t.db.query(`SELECT id FROM brands WHERE active AND NOT scarce ORDER BY id LIMIT 1`));
    const { rows } = await t.db.query(
      `SELECT t.id, t.code,
              (SELECT username FROM users WHERE role = 'account_manager' AND org_unit_id = t.id ORDER BY id LIMIT 1) AS am,
              (SELECT username FROM users WHERE role = 'market_manager' AND org_unit_id = t.service_center_id ORDER BY id LIMIT 1) AS mm,
              ARRAY(SELECT json_build_object('id', r.id, 'license', r.license_no) FROM retailers r
                     JOIN users u ON u.retailer_id = r.id AND u.status = 'active'
                    WHERE r.territory_id = t.id AND r.status = 'active'
                      AND (r.license_valid_to IS NULL OR r.license_valid_to > '2027-03-01')
                    ORDER BY r.grade DESC, r.id LIMIT 3) AS sample
         FROM org_units t WHERE t.type = 'territory' ORDER BY t.code`,
    );
    territories = rows;
    expect(territories).toHaveLength(12);
    for (const territory of territories) expect(territory.sample).toHaveLength(3);
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * A bearer token for a user, signed as login signs it: logging in 50 users would cost a bcrypt comparison
   * each, seconds on a loaded machine, and this file is not about logging in.
   */
  const tokens = new Map<string, Record<string, string>>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) {
      const { rows } = await t.db.query('SELECT id, token_version AS ver FROM users WHERE username = $1', [
        username,
      ]);
      tokens.set(
        username,
        bearer(await t.app.get(JwtService).signAsync({ sub: rows[0].id, ver: rows[0].ver })),
      );
    }
    return tokens.get(username)!;
  };

  /** The answer's body; fails naming the day, the territory and the refusal's code unless 2xx. */
  const accepted = (what: string, res: { status: number; body: { code?: string; id?: number } }) => {
    expect({ what, status: res.status < 300, body: res.status < 300 ? {} : res.body }).toEqual({
      what,
      status: true,
      body: {},
    });
    return res.body;
  };

  /**
   * The day's orders in every territory ordering today, through the API, at 10:00. Returns the demands made
   * and, of those taking their explained allowance, the allowance.
   */
  async function orderDay(date: string): Promise<{ demands: number; explained: Map<number, number> }> {
    const explained = new Map<number, number>();
    let demands = 0;
    const { rows: open } = await t.db.query(
      `SELECT territory_id AS "territoryId", to_char(order_date, 'YYYY-MM') AS month FROM order_cycles
        WHERE order_date = $1 AND status = 'open'`,
      [date],
    );
    for (const { territoryId, month } of open as Array<{ territoryId: number; month: string }>) {
      const territory = territories.find((x) => x.id === territoryId)!;
      const [full, small, collected] = territory.sample;
      const self = await tokenOf(full.license);
      const submit = (
        headers: Record<string, string>,
        retailerId: number,
        cartons: number,
        channel = 'self',
      ) =>
        t.http
          .post('/api/demands')
          .set(headers)
          .send({ retailerId, channel, lines: [{ brandId: brand, cartons }] });
      const quota = await t.http.get(`/api/retailers/${full.id}/quota?month=${month}`).set(self).expect(200);
      const allowance: number = quota.body.cycleAllowance;
      const over = await submit(self, full.id, allowance + 1);
      if (over.status !== 409 || over.body.code !== 'QUOTA_EXCEEDED')
        refused.push(`${date} ${territory.code}: ${allowance + 1} answered ${over.status} ${over.body.code}`);
      const what = `${date} ${territory.code}`;
      if (allowance > 0) explained.set(accepted(what, await submit(self, full.id, allowance)).id!, allowance);
      accepted(what, await submit(await tokenOf(small.license), small.id, 2));
      const am = await tokenOf(territory.am);
      const demand = accepted(what, await submit(am, collected.id, 3, 'collected')).id;
      await t.http
        .post(`/api/demands/${demand}/confirm`)
        .set(await tokenOf(collected.license))
        .expect(200);
      await t.http
        .post('/api/demands/approvals')
        .set(await tokenOf(territory.mm))
        .send({ demandIds: [demand] })
        .expect(200);
      await t.http
        .post('/api/visits')
        .set(am)
        .send({
          retailerId: collected.id,
          kind: 'guidance',
          visitedAt: `${date}T10:00:00+08:00`,
          guidance: { topics: ['stock'], advice: '按周订货，留足周末库存' },
        })
        .expect(201);
      demands += allowance > 0 ? 3 : 2;
    }
    return { demands, explained };
  }

  /** After a day: the database agrees with the rules. */
  async function checkDay(date: string, day: { demands: number; explained: Map<number, number> }) {
    const twice = await t.db.query(
      `SELECT territory_id, order_week FROM order_cycles WHERE status <> 'cancelled'
        GROUP BY territory_id, order_week HAVING count(*) > 1`,
    );
    expect({ date, twice: twice.rows }).toEqual({ date, twice: [] });
    const overlapping = await t.db.query(
      `SELECT a.id, b.id FROM order_cycles a
         JOIN order_cycles b ON b.territory_id = a.territory_id AND b.id > a.id
        WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
          AND tstzrange(a.opens_at, a.cutoff_at) && tstzrange(b.opens_at, b.cutoff_at)`,
    );
    expect({ date, overlapping: overlapping.rows }).toEqual({ date, overlapping: [] });
    for (const cycle of kept) {
      const { rows } = await t.db.query(
        `SELECT id AS "cycleId", territory_id AS "territoryId", to_char(order_week, 'YYYY-MM-DD') AS "orderWeek",
                to_char(order_date, 'YYYY-MM-DD') AS "orderDate", status
           FROM order_cycles WHERE territory_id = $1 AND order_week = $2`,
        [cycle.territoryId, cycle.orderWeek],
      );
      expect({ date, week: rows }).toEqual({
        date,
        week: [{ ...cycle, status: cycle.status ?? expect.not.stringMatching(/^cancelled$/) }],
      });
    }
    // Each of the day's reservations against the cycle allowance: the cap less what the month's earlier
    // cycles ordered, over the month's live cycles from this one on, times the pacing factor, rounded up.
    const { rows: reserved } = await t.db.query(
      `WITH day AS (
         SELECT d.id, d.retailer_id, d.total_cartons, c.territory_id, c.order_date,
                date_trunc('month', c.order_date)::date AS month
           FROM demands d JOIN order_cycles c ON c.id = d.cycle_id
          WHERE c.order_date = $1 AND d.status IN ('submitted', 'pending_confirmation', 'pending_approval', 'approved', 'ordered'))
       SELECT day.id, day.total_cartons AS cartons, a.allowance
         FROM day
         JOIN retailer_quotas q ON q.retailer_id = day.retailer_id AND q.month = day.month
         CROSS JOIN LATERAL (
           SELECT count(DISTINCT o.order_date) AS cycles FROM order_cycles o
            WHERE o.territory_id = day.territory_id AND o.status <> 'cancelled'
              AND o.order_date >= day.order_date AND o.order_date < day.month + interval '1 month') left_
         CROSS JOIN LATERAL (
           SELECT greatest(0, q.cap - COALESCE(sum(l.ordered), 0)) AS remaining FROM order_lines l
            WHERE l.retailer_id = day.retailer_id AND l.order_date >= day.month AND l.order_date < day.order_date) r
         CROSS JOIN LATERAL (SELECT least(r.remaining, ceil(r.remaining * $2::numeric / left_.cycles))::int AS allowance) a`,
      [date, PACING],
    );
    expect({ date, demands: reserved.length }).toEqual({ date, demands: day.demands });
    const overAllowance = reserved.filter((row) => row.cartons > row.allowance);
    expect({ date, overAllowance }).toEqual({ date, overAllowance: [] });
    // One count of cycles left: the allowance the retailer was shown is the one the rule gives.
    const shown = reserved
      .filter((row) => day.explained.has(row.id))
      .map((row) => ({ id: row.id, shown: day.explained.get(row.id), rule: row.allowance }));
    expect(shown).toEqual(shown.map((row) => ({ ...row, shown: row.rule })));
    expect(shown).toHaveLength(day.explained.size);
    const failed = await t.db.query(
      `SELECT job_name, business_key, error FROM scheduled_runs WHERE outcome = 'failed'`,
    );
    expect({ date, failed: failed.rows }).toEqual({ date, failed: [] });
    expect(refused).toEqual([]);
  }

  /** A closed month's snapshot against SQL over all of the month's order lines, forecasts and visits. */
  async function checkClose(month: string) {
    const [from, to] = [firstDayOfMonth(month), lastDayOfMonth(month)];
    const { rows: snapshot } = await t.db.query(
      `SELECT subject_id AS "territoryId", cells FROM kpi_snapshot_rows
        WHERE month = $1 AND level = 'territory' AND version = 1 ORDER BY subject_id`,
      [from],
    );
    expect(snapshot).toHaveLength(12);
    const { rows: oracle } = await t.db.query(
      `WITH sold AS (
         SELECT territory_id, brand_id, sum(requested)::int AS asked, sum(ordered)::int AS ordered,
                sum(amount_fen)::bigint AS amount
           FROM order_lines WHERE order_date BETWEEN $1 AND $2 GROUP BY territory_id, brand_id),
       forecast AS (
         SELECT f.territory_id, l.brand_id, sum(l.cartons)::int AS cartons
           FROM forecasts f JOIN forecast_lines l ON l.forecast_id = f.id WHERE f.month = $1
          GROUP BY f.territory_id, l.brand_id),
       specs AS (
         SELECT COALESCE(s.territory_id, f.territory_id) AS territory_id, s.asked, s.ordered, s.amount,
                f.cartons AS forecast
           FROM sold s FULL JOIN forecast f ON f.territory_id = s.territory_id AND f.brand_id = s.brand_id)
       SELECT t.id AS "territoryId",
              (SELECT COALESCE(sum(ordered), 0)::int FROM specs WHERE territory_id = t.id) AS "salesCartons",
              (SELECT COALESCE(sum(amount), 0)::bigint::text FROM specs WHERE territory_id = t.id) AS "salesAmount",
              (SELECT COALESCE(sum(asked), 0)::int FROM specs WHERE territory_id = t.id) AS "demandCartons",
              (SELECT COALESCE(sum(forecast), 0)::int FROM specs WHERE territory_id = t.id) AS "forecastCartons",
              (SELECT COALESCE(sum(abs(COALESCE(asked, 0) - COALESCE(forecast, 0))), 0)::int
                 FROM specs WHERE territory_id = t.id) AS "forecastError",
              (SELECT count(*)::int FROM retailers r WHERE r.territory_id = t.id AND r.status = 'active') AS "activeRetailers",
              (SELECT count(DISTINCT v.retailer_id)::int FROM visits v JOIN retailers r ON r.id = v.retailer_id
                WHERE r.territory_id = t.id AND r.status = 'active' AND v.kind = 'guidance'
                  AND v.visited_on BETWEEN $1 AND $2) AS "guidedRetailers"
         FROM org_units t WHERE t.type = 'territory' ORDER BY t.id`,
      [from, to],
    );
    const stored = snapshot.map(({ territoryId, cells }) => ({
      territoryId,
      salesCartons: cells.salesCartons.numerator,
      salesAmount: String(cells.salesAmount.numerator),
      demandCartons: cells.forecastAccuracy?.denominator ?? 0,
      forecastCartons: cells.forecastAccuracy?.details?.forecastCartons ?? 0,
      forecastError: cells.forecastAccuracy?.numerator ?? 0,
      activeRetailers: cells.guidanceCoverage.denominator,
      guidedRetailers: cells.guidanceCoverage.numerator,
    }));
    expect({ month, territories: stored }).toEqual({ month, territories: oracle });
    // The simulation's own orders are in it: every territory sold in the month's last week too.
    const lastWeek = await t.db.query(
      `SELECT count(DISTINCT territory_id)::int AS n FROM order_lines WHERE order_date BETWEEN $1 AND $2`,
      [addDays(to, -6), to],
    );
    expect(lastWeek.rows[0].n).toBe(12);
  }

  /**
   * Next month's agreed totals as the README states the rule: last month's agreed total (the grade policy's
   * base, 10 × grade, for a retailer new to quotas) moved towards ⌊the mean of the cartons ordered in the last
   * three complete months the retailer had a quota⌋ by at most ⌈20 % of it⌉; on the 25th the running month is
   * not complete, so the window is the three months before it.
   */
  async function checkAgreedTotals(month: string) {
    const window = [-4, -3, -2].map((n) => firstDayOfMonth(addMonths(month, n)));
    const { rows } = await t.db.query(
      `WITH ordered AS (
         SELECT retailer_id, date_trunc('month', order_date)::date AS month, sum(ordered) AS cartons
           FROM order_lines GROUP BY 1, 2),
       history AS (
         SELECT q.retailer_id, count(*) AS months, sum(COALESCE(o.cartons, 0)) AS cartons
           FROM retailer_quotas q LEFT JOIN ordered o ON o.retailer_id = q.retailer_id AND o.month = q.month
          WHERE q.month = ANY($2::date[]) GROUP BY q.retailer_id),
       start AS (
         SELECT r.id, r.grade, p.agreed_total AS previous, h.months, h.cartons,
                COALESCE(p.agreed_total, 10 * r.grade) AS total
           FROM retailers r
           LEFT JOIN retailer_quotas p ON p.retailer_id = r.id AND p.month = ($1::date - interval '1 month')
           LEFT JOIN history h ON h.retailer_id = r.id)
       SELECT s.id, q.agreed_total AS stored,
              CASE WHEN s.previous IS NULL AND s.months IS NULL THEN 10 * s.grade
                   WHEN s.months IS NULL THEN s.total
                   ELSE least(s.total + ceil(s.total * $3 / 10000.0), greatest(s.total - ceil(s.total * $3 / 10000.0),
                              floor(s.cartons / s.months)))::int END AS oracle
         FROM start s JOIN retailer_quotas q ON q.retailer_id = s.id AND q.month = $1
        WHERE q.agreed_total_source <> 'market_manager'`,
      [firstDayOfMonth(month), window, MAX_CHANGE_BP],
    );
    const active = await t.db.query(`SELECT count(*)::int AS n FROM retailers WHERE status = 'active'`);
    expect(rows).toHaveLength(active.rows[0].n);
    expect({ month, differ: rows.filter((row) => row.stored !== row.oracle) }).toEqual({ month, differ: [] });
    // Not vacuous: most retailers have history in the window and moved.
    expect(rows.filter((row) => row.stored !== 0).length).toBeGreaterThan(rows.length / 2);
  }

  /** The special days' events, at 10:00 before the orders. */
  async function events(date: string) {
    if (date === '2026-12-14') {
      const saved = await t.http
        .put('/api/calendar/years/2027')
        .set(head)
        .send({
          days: [
            { date: '2027-01-01', kind: 'dayOff', name: '元旦' },
            { date: '2027-01-16', kind: 'workingDay', name: '县庆调休' },
            { date: '2027-01-18', kind: 'dayOff', name: '县庆' },
          ],
        })
        .expect(200);
      const moved = saved.body.cycles.changed as Array<{
        cycleId: number;
        territoryId: number;
        orderWeek: string;
        after: { orderDate: string };
      }>;
      const code = (id: number) => territories.find((x) => x.id === id)!.code;
      expect(moved.map((c) => `${code(c.territoryId)} ${c.orderWeek} → ${c.after.orderDate}`).sort()).toEqual(
        [
          'T001 2027-01-18 → 2027-01-16',
          'T005 2026-12-28 → 2026-12-31',
          'T006 2027-01-18 → 2027-01-16',
          'T010 2026-12-28 → 2026-12-31',
          'T011 2027-01-18 → 2027-01-16',
        ],
      );
      for (const c of moved)
        kept.push({
          cycleId: c.cycleId,
          territoryId: c.territoryId,
          orderWeek: c.orderWeek,
          orderDate: c.after.orderDate,
        });
      const cancelled = await cycleOf('T003', '2026-12-23');
      await t.http
        .patch(`/api/order-cycles/${cancelled.id}`)
        .set(admin)
        .send({ status: 'cancelled' })
        .expect(200);
      kept.push({
        cycleId: cancelled.id,
        territoryId: territories.find((x) => x.code === 'T003')!.id,
        orderWeek: cancelled.orderWeek,
        orderDate: '2026-12-23',
        status: 'cancelled',
      });
      const handMoved = await cycleOf('T008', '2026-12-16');
      await t.http
        .patch(`/api/order-cycles/${handMoved.id}`)
        .set(admin)
        .send({ orderDate: '2026-12-15', opensAt: '2026-12-14T05:00:00Z', cutoffAt: '2026-12-15T08:00:00Z' })
        .expect(200);
      kept.push({
        cycleId: handMoved.id,
        territoryId: territories.find((x) => x.code === 'T008')!.id,
        orderWeek: handMoved.orderWeek,
        orderDate: '2026-12-15',
      });
    }
    if (date === '2027-01-13') {
      const T002 = territories.find((x) => x.code === 'T002')!.id;
      await t.http.put(`/api/order-schedules/${T002}`).set(admin).send({ orderWeekday: 4 }).expect(200);
    }
  }

  it('runs 1 December 2026 to 1 February 2027 in production’s order, the database agreeing every day', async () => {
    for (let date = '2026-12-01'; date <= '2027-01-31'; date = addDays(date, 1)) {
      await until(`${date}T10:00:00+08:00`);
      await events(date);
      const took = await orderDay(date);
      await until(`${date}T23:59:00+08:00`);
      await checkDay(date, took);
      const { rows: closed } = await t.db.query(
        `SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM kpi_month_closes`,
      );
      for (const { month } of closed as Array<{ month: string }>) {
        if (closesChecked.has(month)) continue;
        await checkClose(month);
        closesChecked.add(month);
      }
      if (date.endsWith('-25')) {
        const next = addMonths(date.slice(0, 7), 1);
        await checkAgreedTotals(next);
        totalsChecked.add(next);
      }
    }
    await until(END);
    expect(pending).toEqual([]);
    const { rows: closes } = await t.db.query(
      `SELECT business_key AS at, summary->>'month' AS month FROM scheduled_runs
        WHERE job_name = 'reports.month-close' AND outcome = 'done' ORDER BY id`,
    );
    // December waits for Thursday the 31st (and the Friday cycles moved onto it), consolidated on the 1st,
    // and for the 1st working day of January: the 1st is 元旦, so Monday the 4th.
    expect(closes).toEqual([
      { at: '2026-12-01 09:10', month: '2026-11' },
      { at: '2027-01-04 09:10', month: '2026-12' },
      { at: '2027-02-01 09:10', month: '2027-01' },
    ]);
    await checkClose('2027-01');
    expect([...closesChecked]).toEqual(['2026-11', '2026-12']);
    expect([...totalsChecked]).toEqual(['2027-01', '2027-02']);
    // The Monday territories ordered on the Saturday worked, and T002 on Thursdays after its change.
    const { rows: ordered } = await t.db.query(
      `SELECT t.code, array_agg(DISTINCT to_char(l.order_date, 'MM-DD') ORDER BY to_char(l.order_date, 'MM-DD')) AS days
         FROM order_lines l JOIN org_units t ON t.id = l.territory_id
        WHERE t.code IN ('T001', 'T002') AND l.order_date BETWEEN '2027-01-01' AND '2027-01-31'
        GROUP BY t.code ORDER BY t.code`,
    );
    expect(ordered).toEqual([
      { code: 'T001', days: ['01-04', '01-11', '01-16', '01-25'] },
      { code: 'T002', days: ['01-05', '01-12', '01-21', '01-28'] },
    ]);
    pinClock(t, now);
  });
});
