import autocannon from 'autocannon';
import type pg from 'pg';
import type { ApiProcess } from './support/api-process.js';
import { BENCH_PASSWORD } from './support/bench-database.js';
import { percentile, round } from './support/stats.js';

export interface SubmissionFigures {
  clients: number;
  requests: number;
  appRps: number;
  appP50: number;
  appP99: number;
  appErrors: number;
  rawRps: number;
  rawP50: number;
  rawP99: number;
  ratio: number;
}

interface Subject {
  retailerId: number;
  territoryId: number;
  serviceCenterId: number;
  departmentId: number;
  cycleId: number;
}

const LINES = 10;

/**
 * Opens a cycle for every territory now, so each retailer has one to submit into: today's cycles, and this
 * week's cycles not yet open moved to today (a territory has one cycle a week); territories without one this
 * week get one.
 */
async function openCyclesNow(pool: pg.Pool, today: string): Promise<void> {
  await pool.query(
    `UPDATE order_cycles SET order_date = $1, opens_at = now() - interval '1 hour', cutoff_at = now() + interval '6 hours',
            status = 'open'
      WHERE order_week = date_trunc('week', $1::date)::date
        AND ((order_date = $1 AND status <> 'cancelled') OR status IN ('scheduled', 'open'))`,
    [today],
  );
  await pool.query(
    `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
     SELECT t.id, t.service_center_id, t.department_id, $1, now() - interval '1 hour', now() + interval '6 hours', 'open'
       FROM org_units t WHERE t.type = 'territory'
        AND NOT EXISTS (SELECT 1 FROM order_cycles c
                         WHERE c.territory_id = t.id AND c.order_week = date_trunc('week', $1::date)::date)`,
    [today],
  );
}

/**
 * Late in a month most retailers have used their cap; the bench data set gives each room for a few demands,
 * so every run has thousands of distinct retailers to submit for.
 */
async function roomInTheMonth(pool: pg.Pool, today: string): Promise<void> {
  await pool.query(
    `UPDATE retailer_quotas SET cap = used + 100 WHERE month = date_trunc('month', $1::date) AND cap < used + 100`,
    [today],
  );
}

/** Removes what a run submitted, so every run starts from the same state. */
async function reset(pool: pg.Pool, today: string): Promise<void> {
  await pool.query(
    `WITH gone AS (DELETE FROM demands d USING order_cycles c WHERE c.id = d.cycle_id AND c.order_date = $1 RETURNING d.retailer_id)
     SELECT count(*) FROM gone`,
    [today],
  );
  await pool.query(
    `UPDATE retailer_quotas SET reserved = 0 WHERE month = date_trunc('month', $1::date) AND reserved <> 0`,
    [today],
  );
  await pool.query('DELETE FROM idempotency_keys');
}

/** Retailers with room for a 10-carton demand this cycle, and their cycle. */
async function subjects(pool: pg.Pool, today: string): Promise<Subject[]> {
  const { rows } = await pool.query(
    `SELECT r.id AS "retailerId", r.territory_id AS "territoryId", r.service_center_id AS "serviceCenterId",
            r.department_id AS "departmentId", c.id AS "cycleId"
       FROM retailers r
       JOIN order_cycles c ON c.territory_id = r.territory_id AND c.order_date = $1 AND c.status = 'open'
       JOIN retailer_quotas q ON q.retailer_id = r.id AND q.month = date_trunc('month', $1::date)
      WHERE r.status = 'active' AND (r.license_valid_to IS NULL OR r.license_valid_to >= $1)
        AND q.cap - q.used >= 60
      ORDER BY r.id`,
    [today],
  );
  return rows;
}

async function clerkTokens(api: ApiProcess, pool: pg.Pool): Promise<Map<number, string>> {
  const { rows } = await pool.query(
    `SELECT u.username, sp.service_center_id FROM users u JOIN org_units sp ON sp.id = u.org_unit_id WHERE u.role = 'supply_clerk'`,
  );
  const tokens = new Map<number, string>();
  for (const row of rows) {
    const res = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: row.username, password: BENCH_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${row.username}: ${res.status}`);
    tokens.set(row.service_center_id, ((await res.json()) as { accessToken: string }).accessToken);
  }
  return tokens;
}

async function appRun(
  api: ApiProcess,
  tokens: Map<number, string>,
  targets: Subject[],
  brands: number[],
  clients: number,
) {
  let next = 0;
  const lines = brands.slice(0, LINES).map((brandId) => ({ brandId, cartons: 1 }));
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: api.url,
    connections: clients,
    amount: targets.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/demands',
        setupRequest: (request) => {
          const subject = targets[next++ % targets.length];
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens.get(subject.serviceCenterId)}`,
            },
            body: JSON.stringify({ retailerId: subject.retailerId, channel: 'self', lines }),
          };
        },
        onResponse: () => {
          lastAnswer = performance.now();
        },
      },
    ],
  });
  return {
    // Not autocannon's figures: it ends a run on its one-second tick, which rounds short runs to whole seconds.
    rps: result['2xx'] / ((lastAnswer - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    ok: result['2xx'],
  };
}

/** The same transaction by hand: conditional quota reservation, demand, ten lines; prepared statements. */
async function rawRun(
  pool: pg.Pool,
  targets: Subject[],
  brands: number[],
  clients: number,
  month: string,
  submitter: number,
) {
  const values = brands.slice(0, LINES).flatMap((brandId) => [brandId, 1]);
  const linesSql = brands
    .slice(0, LINES)
    .map((_, i) => `($1, $${2 + 2 * i}, $${3 + 2 * i})`)
    .join(', ');
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (next < targets.length) {
        const subject = targets[next++];
        const started = performance.now();
        try {
          await client.query('BEGIN');
          const reserved = await client.query({
            name: 'b1-reserve',
            text: `UPDATE retailer_quotas SET reserved = reserved + $3 WHERE retailer_id = $1 AND month = $2 AND used + reserved + $3 <= cap RETURNING cap`,
            values: [subject.retailerId, `${month}-01`, LINES],
          });
          if (!reserved.rowCount) throw new Error('quota exceeded');
          const demand = await client.query({
            name: 'b1-demand',
            text: `INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status, total_cartons, submitted_by, submitted_by_role)
                   VALUES ($1, $2, $3, $4, $5, 'self', 'submitted', $6, $7, 'supply_clerk') RETURNING id`,
            values: [
              subject.cycleId,
              subject.retailerId,
              subject.territoryId,
              subject.serviceCenterId,
              subject.departmentId,
              LINES,
              submitter,
            ],
          });
          await client.query({
            name: 'b1-lines',
            text: `INSERT INTO demand_lines (demand_id, brand_id, cartons) VALUES ${linesSql}`,
            values: [demand.rows[0].id, ...values],
          });
          await client.query('COMMIT');
          latencies.push(performance.now() - started);
        } catch {
          errors++;
          await client.query('ROLLBACK');
        }
      }
    } finally {
      client.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/**
 * B1: demands with 10 lines over HTTP from N concurrent clients (autocannon) against the API process,
 * versus the same transaction sent as raw SQL with pg from this process. Each run starts from the same state.
 */
export async function benchSubmission(
  api: ApiProcess,
  pool: pg.Pool,
  today: string,
  clientCounts: number[],
): Promise<SubmissionFigures[]> {
  await openCyclesNow(pool, today);
  await roomInTheMonth(pool, today);
  await reset(pool, today);
  const targets = await subjects(pool, today);
  const { rows: brandRows } = await pool.query(
    `SELECT id FROM brands WHERE active AND NOT scarce ORDER BY id LIMIT $1`,
    [LINES],
  );
  const brands = brandRows.map((row) => row.id as number);
  const tokens = await clerkTokens(api, pool);
  const { rows: clerk } = await pool.query(
    `SELECT id FROM users WHERE role = 'supply_clerk' ORDER BY id LIMIT 1`,
  );
  const month = today.slice(0, 7);
  const figures: SubmissionFigures[] = [];
  for (const clients of clientCounts) {
    const amount = Math.min(targets.length, clients === 1 ? 1500 : 6000);
    const slice = targets.slice(0, amount);
    // Warm both paths (JIT, plans, pool) on a few requests that are then removed.
    await appRun(api, tokens, slice.slice(0, 200), brands, Math.min(clients, 8));
    await reset(pool, today);
    const app = await appRun(api, tokens, slice, brands, clients);
    await reset(pool, today);
    await rawRun(pool, slice.slice(0, 200), brands, Math.min(clients, 8), month, clerk[0].id);
    await reset(pool, today);
    const raw = await rawRun(pool, slice, brands, clients, month, clerk[0].id);
    await reset(pool, today);
    figures.push({
      clients,
      requests: amount,
      appRps: round(app.rps, 0),
      appP50: round(app.p50, 1),
      appP99: round(app.p99, 1),
      appErrors: app.errors,
      rawRps: round(raw.rps, 0),
      rawP50: round(raw.p50, 1),
      rawP99: round(raw.p99, 1),
      ratio: round(app.rps / raw.rps, 2),
    });
  }
  return figures;
}
