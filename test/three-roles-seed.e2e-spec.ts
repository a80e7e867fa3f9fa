import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '#libs/auth';
import { LEAD_EVENTS, type LeadEvent, type LeadState, transitionLead } from '#libs/enforcement';
import { demoShape, demoStaff, insertUsers, seedOrg } from '#db/seeds/demo/org-and-staff';
import { seedOrderingHistory } from '#db/seeds/demo/ordering';
import { seedThreeRoles } from '#db/seeds/demo/three-roles';
import { SeededRandom } from '#db/seeds/random';
import { startTestApp, type TestApp } from './support/test-app.js';
import { bearer } from './support/demo.js';

jest.setTimeout(120_000);

const PASSWORD = 'Demo@Seed2026';
const TODAY = '2026-12-01'; // a Tuesday: Monday's unified order goes out today, still planned

/**
 * The three-roles demo step over a small county: 3 centers × 4 territories, 30 retailers a territory (every
 * other one with its own account), 12 specs, 12 weeks of order history, then 13 weeks of leads.
 */
describe('demo data: three-role interaction', () => {
  let t: TestApp;
  let passwordHash: string;
  let fingerprint: Record<string, string>;

  async function load(manager: EntityManager): Promise<void> {
    const org = await seedOrg(manager, demoShape(360));
    await insertUsers(manager, demoStaff(org, new SeededRandom(7)), passwordHash);
    await manager.query(`
      INSERT INTO retailers (license_no, shop_name, owner_name, address, territory_id, service_center_id, department_id,
                             business_type, market_type, scale, grade, order_weekday)
      SELECT '5100' || lpad((t.rank * 100 + n)::text, 8, '0'), '测试商店' || t.rank || '-' || n, '店主', '测试地址',
             t.id, t.service_center_id, t.department_id, 'C', 'urban',
             (ARRAY['small', 'medium', 'large'])[1 + n % 3], 1 + (n * 7 + t.rank) % 30, 1
        FROM (SELECT id, service_center_id, department_id, row_number() OVER (ORDER BY code) AS rank
                FROM org_units WHERE type = 'territory') t
        CROSS JOIN generate_series(1, 30) AS n`);
    await manager.query(
      `INSERT INTO users (username, display_name, role, org_unit_id, retailer_id, password_hash)
       SELECT r.license_no, r.shop_name, 'retailer', r.territory_id, r.id, $1 FROM retailers r WHERE r.id % 2 = 0`,
      [passwordHash],
    );
    await manager.query(`
      INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class)
      SELECT 'S' || n, '规格' || n, '测试卷烟厂', 3000 * n, 3900 * n, 390 * n,
             CASE WHEN 3000 * n >= 10000 THEN 1 WHEN 3000 * n >= 5000 THEN 2 WHEN 3000 * n >= 3000 THEN 3 END
        FROM generate_series(1, 12) AS n`);
    await seedOrderingHistory(manager, { weeks: 12, today: TODAY, seed: 7 });
    await seedThreeRoles(manager, { weeks: 13, today: TODAY, seed: 7 });
  }

  async function fingerprintOf(db: { query: EntityManager['query'] }): Promise<Record<string, string>> {
    const [row] = await db.query(`
      SELECT
        (SELECT md5(string_agg(concat_ws('|', id, kind, importance, status, retailer_id, squad_id, reported_by, reported_at,
                deadline_at, assigned_to, verification_result, verified_at, escalated_at, closed_at), ',' ORDER BY id)) FROM leads) AS leads,
        (SELECT md5(string_agg(concat_ws('|', lead_id, event, from_status, to_status, actor_id, at), ',' ORDER BY id)) FROM lead_events) AS events,
        (SELECT md5(string_agg(concat_ws('|', id, run_id, position, retailer_id, window_start, status, arrived_at, receiver,
                receiver_name, completed_by, confirmed_at), ',' ORDER BY id)) FROM deliveries) AS deliveries,
        (SELECT md5(string_agg(concat_ws('|', id, delivery_id, kind, status, raised_at, answered_at, closed_at), ',' ORDER BY id))
           FROM delivery_feedback) AS feedback`);
    return row;
  }

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_PASSWORD: 'Admin@Seed2026', DEMO_PASSWORD: PASSWORD });
    passwordHash = await hashPassword(PASSWORD);
    const dataSource = t.app.get(DataSource);
    const sequences: Array<{ name: string; last_value: string | null }> = await dataSource.query(
      `SELECT schemaname || '.' || sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    // Load once and roll back, put the sequences back, load again for good: the same data both times.
    const rollback = new Error('rollback');
    await dataSource
      .transaction(async (manager) => {
        await load(manager);
        fingerprint = await fingerprintOf(manager);
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
    for (const { name, last_value } of sequences)
      await dataSource.query('SELECT setval($1, $2, $3)', [name, last_value ?? 1, last_value !== null]);
    await dataSource.transaction(load);
  });
  afterAll(async () => {
    await t.close();
  });

  const token = async (username: string) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: PASSWORD });
    return bearer(res.body.accessToken);
  };

  it('is deterministic for a seed', async () => {
    expect(fingerprint.leads).toEqual(expect.any(String));
    expect(await fingerprintOf(t.app.get(DataSource))).toEqual(fingerprint);
  });

  it('delivers every retailer with goods in the order history, once, on its route', async () => {
    const { rows } = await t.db.query(
      `
      SELECT (SELECT count(*)::int FROM (SELECT 1 FROM order_lines GROUP BY retailer_id, order_date HAVING sum(ordered) > 0) g) AS lists,
             (SELECT count(*)::int FROM deliveries) AS stops,
             (SELECT count(*)::int FROM deliveries WHERE status = 'planned') AS planned,
             (SELECT count(*)::int FROM deliveries WHERE status = 'planned' AND delivery_date < $1) AS overdue,
             (SELECT count(*)::int FROM deliveries d WHERE d.route_id <> (SELECT min(route_id) FROM territory_routes WHERE territory_id = d.territory_id)) AS off_route`,
      [TODAY],
    );
    expect(rows[0].stops).toBe(rows[0].lists);
    expect(rows[0].stops).toBeGreaterThan(3000);
    expect(rows[0].planned).toBeGreaterThan(0); // today's run
    expect(rows[0].overdue).toBe(0);
    expect(rows[0].off_route).toBe(0);
  });

  it('is mostly on time, with a few late stops and proxy receipts (with name and reason)', async () => {
    const res = await t.http
      .get('/api/deliveries/punctuality?month=2026-11')
      .set(await token('head'))
      .expect(200);
    const total = res.body.items.reduce(
      (sum: Record<string, number>, item: Record<string, number>) => {
        for (const key of ['deliveries', 'onTime', 'late', 'early', 'failed', 'proxyReceipts'])
          sum[key] += item[key];
        return sum;
      },
      { deliveries: 0, onTime: 0, late: 0, early: 0, failed: 0, proxyReceipts: 0 },
    );
    expect(res.body.items).toHaveLength(6); // every route's delivery staff
    expect(total.onTime / total.deliveries).toBeGreaterThan(0.85);
    expect(total.onTime / total.deliveries).toBeLessThan(0.97);
    for (const key of ['late', 'early', 'failed', 'proxyReceipts']) expect(total[key]).toBeGreaterThan(0);
    expect(total.proxyReceipts / total.deliveries).toBeLessThan(0.05);
    const { rows } = await t.db.query(`
      SELECT count(*) FILTER (WHERE d.status = 'confirmed')::float / count(*) AS confirmed_share
        FROM deliveries d JOIN users u ON u.retailer_id = d.retailer_id WHERE d.status IN ('delivered', 'confirmed')`);
    expect(rows[0].confirmed_share).toBeGreaterThan(0.6);
    expect(rows[0].confirmed_share).toBeLessThan(0.9);
  });

  it('has leads with a realistic result mix, escalations, and rates per squad', async () => {
    const { rows } = await t.db.query(
      `SELECT status, verification_result, count(*)::int AS n FROM leads GROUP BY 1, 2`,
    );
    const count = (where: (row: { status: string; verification_result: string | null }) => boolean) =>
      rows.filter(where).reduce((sum, row) => sum + row.n, 0);
    expect(count(() => true)).toBeGreaterThan(60);
    for (const result of ['confirmed', 'unfounded', 'unverifiable'])
      expect(count((row) => row.verification_result === result)).toBeGreaterThan(0);
    expect(count((row) => row.verification_result === 'confirmed')).toBeGreaterThan(
      count((row) => row.verification_result === 'unverifiable'),
    );
    for (const status of ['closed', 'verified', 'escalated'])
      expect(count((row) => row.status === status)).toBeGreaterThan(0);
    const rates = await t.http
      .get('/api/leads/rates/squads?month=2026-10')
      .set(await token('head'))
      .expect(200);
    expect(rates.body.items).toHaveLength(3);
    for (const squad of rates.body.items) {
      expect(squad.verificationRate.ratio).toBeGreaterThan(0.7);
      expect(squad.onTimeRate.ratio).toBeGreaterThan(0.4);
      expect(squad.onTimeRate.ratio).toBeLessThan(1);
    }
    const reporters = await t.http
      .get('/api/leads/rates/reporters?month=2026-10')
      .set(await token('head'))
      .expect(200);
    const authenticity = reporters.body.items
      .map((r: { authenticity: { ratio: number | null } }) => r.authenticity.ratio)
      .filter((ratio: number | null) => ratio !== null);
    expect(Math.max(...authenticity)).toBeGreaterThan(Math.min(...authenticity));
  });

  it('writes every lead’s history as transitions of the lifecycle table', async () => {
    const { rows } = await t.db.query(
      `SELECT DISTINCT event, from_status, to_status FROM lead_events WHERE event NOT IN ('report', 'comment')`,
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(LEAD_EVENTS).toContain(row.event);
      expect(transitionLead(row.from_status as LeadState, row.event as LeadEvent)).toEqual({
        ok: true,
        value: row.to_status,
      });
    }
    const last = await t.db.query(`
      SELECT count(*)::int AS n FROM leads l
       WHERE l.status <> (SELECT e.to_status FROM lead_events e WHERE e.lead_id = l.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`);
    expect(last.rows[0].n).toBe(0);
  });

  it('has feedback items open, answered and closed, readable by the roles', async () => {
    const { rows } = await t.db.query(
      `SELECT status, count(*)::int AS n FROM delivery_feedback GROUP BY status ORDER BY status`,
    );
    expect(rows.map((row) => row.status)).toEqual(['answered', 'closed', 'open']);
    const open = await t.http
      .get('/api/delivery-feedback?open=true&pageSize=200')
      .set(await token('mm1'))
      .expect(200);
    expect(open.body.total).toBeGreaterThan(0);
    const ages = open.body.items.map((item: { ageHours: number }) => item.ageHours);
    expect([...ages].sort((a, b) => b - a)).toEqual(ages); // oldest first
    const leads = await t.http
      .get('/api/leads?pageSize=5')
      .set(await token('eo1'))
      .expect(200);
    expect(leads.body.total).toBeGreaterThan(0);
    const today = await t.http
      .get(`/api/deliveries?date=${TODAY}`)
      .set(await token('ds1'))
      .expect(200);
    expect(today.body.items.every((d: { status: string }) => d.status === 'planned')).toBe(true);
  });
});
