import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource, type EntityManager } from 'typeorm';
import { seedFieldWork } from '#db/seeds/demo/field';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { fieldCounts, insertBrand, insertRetailer } from './field-fixtures.js';
import { pinClock } from '../support/test-clock.js';

// jest.config's e2e `testTimeout` is not applied (a global option inside `projects`): set it here.
jest.setTimeout(60_000);

/**
 * The demo's field-work step, over retailers and brands inserted here (the demo's own come from the
 * retailers/catalogue step): what it writes must be data the API itself could have written, consistent
 * with the API's own reports, and the same for the same seed.
 */
const TODAY = '2026-11-20';

describe('demo field work', () => {
  let t: DemoApp;
  let dataSource: DataSource;
  let keyBrandIds: number[];

  beforeAll(async () => {
    t = await startDemoApp();
    dataSource = t.app.get(DataSource);
    pinClock(t, '2026-11-20T18:00:00+08:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes nothing without retailers and brands (the demo county as loaded here)', async () => {
    const counts = await fieldCounts(t.db);
    expect({ ...counts, audit: 0 }).toEqual({
      visits: 0,
      priceChecks: 0,
      shelfItems: 0,
      checks: 0,
      calls: 0,
      forecasts: 0,
      forecastLines: 0,
      policies: 0,
      audit: 0,
    });
  });

  it('builds three months of field work for the retailers and brands present', async () => {
    for (let i = 1; i <= 12; i++) {
      await insertRetailer(t, {
        license: `35010000${String(i).padStart(4, '0')}`,
        territory: 'T001',
        bigAccount: i <= 2,
      });
    }
    for (let i = 1; i <= 8; i++) {
      await insertRetailer(t, {
        license: `35050000${String(i).padStart(4, '0')}`,
        territory: 'T005',
        marketType: 'rural',
      });
    }
    const brandIds: number[] = [];
    for (let i = 1; i <= 25; i++) {
      brandIds.push(
        await insertBrand(t.db, {
          code: `DS${String(i).padStart(3, '0')}`,
          packFen: 500 + 100 * i,
          cartonFen: 5000 + 1000 * i,
        }),
      );
    }
    await t.db.query(
      `INSERT INTO key_brands (year, brand_id, kind) SELECT 2026, unnest($1::int[]), 'national_top20'`,
      [brandIds.slice(0, 10)],
    );
    // The year's key brands: these ten and the demo catalogue's own list.
    keyBrandIds = (await t.db.query('SELECT brand_id FROM key_brands WHERE year = 2026')).rows.map(
      (r) => r.brand_id,
    );

    const result = await dataSource.transaction((manager) =>
      seedFieldWork(manager, { seed: 7, today: TODAY }),
    );
    // Deterministic for its seed and day: a change in these counts is a change in the generator.
    // T001 and T005 have retailers: September to December forecasts, December still open.
    expect(result).toMatchObject({ visits: 211, calls: 1160, checks: 24, forecasts: 8 });

    const facts = await t.db.query(`
      SELECT min(visited_on)::text AS first, max(visited_on)::text AS last,
             count(*) FILTER (WHERE extract(isodow FROM visited_on) > 5)::int AS weekend,
             count(DISTINCT kind)::int AS kinds,
             count(*) FILTER (WHERE v.territory_id <> r.territory_id OR v.department_id <> r.department_id)::int AS misplaced,
             count(*) FILTER (WHERE u.org_unit_id <> v.territory_id OR u.role <> 'account_manager')::int AS wrong_manager,
             count(*) FILTER (WHERE v.visited_at >= '${TODAY}T00:00:00+08:00')::int AS future
        FROM visits v JOIN retailers r ON r.id = v.retailer_id JOIN users u ON u.id = v.account_manager_id`);
    expect(facts.rows[0]).toEqual({
      first: '2026-09-01',
      last: '2026-11-19',
      weekend: 0,
      kinds: 3,
      misplaced: 0,
      wrong_manager: 0,
      future: 0,
    });

    const checks = await t.db.query(`
      SELECT count(*) FILTER (WHERE v.kind <> 'guidance')::int AS not_guidance,
             count(*) FILTER (WHERE c.checked_at < v.visited_at)::int AS before_visit,
             count(*) FILTER (WHERE u.role <> 'market_manager' OR u.org_unit_id <> t.service_center_id)::int AS wrong_checker
        FROM visit_checks c JOIN visits v ON v.id = c.visit_id JOIN users u ON u.id = c.checked_by
        JOIN org_units t ON t.id = v.territory_id`);
    expect(checks.rows[0]).toEqual({ not_guidance: 0, before_visit: 0, wrong_checker: 0 });

    const prices = await t.db.query(
      `
      SELECT count(*)::int AS lines,
             count(*) FILTER (WHERE NOT (brand_id = ANY($1::int[])))::int AS not_key,
             count(*) FILTER (WHERE compliant <> ((observed_pack_fen IS NULL OR observed_pack_fen = guide_pack_fen)
                                          AND (observed_carton_fen IS NULL OR observed_carton_fen = guide_carton_fen)))::int AS wrong_verdict,
             count(*) FILTER (WHERE NOT compliant)::int AS non_compliant
        FROM visit_price_checks`,
      [keyBrandIds],
    );
    expect(prices.rows[0]).toEqual({ lines: 194, not_key: 0, wrong_verdict: 0, non_compliant: 44 });

    const shelf = await t.db.query(`
      SELECT count(*)::int AS items, count(*) FILTER (WHERE NOT v.shelf_checked)::int AS unchecked
        FROM visit_shelf_items s JOIN visits v ON v.id = s.visit_id`);
    expect(shelf.rows[0]).toEqual({ items: 1369, unchecked: 0 });

    const lines = await t.db.query(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT count(*) AS n FROM forecast_lines GROUP BY forecast_id) x`,
    );
    // Each forecast covers 40 specs, or every active spec when there are fewer.
    const { rows: active } = await t.db.query('SELECT count(*)::int AS n FROM brands WHERE active');
    const perForecast = Math.min(40, active[0].n);
    expect(lines.rows[0]).toEqual({ min: perForecast, max: perForecast });
  });

  it('checks exactly the sample the API proposes for the finished months', async () => {
    const mm1 = bearer(await t.token('mm1'));
    for (const month of ['2026-09', '2026-10']) {
      const res = await t.http.get(`/api/visits/check-sample?month=${month}`).set(mm1).expect(200);
      const [department] = res.body.departments;
      expect(department.accountManagers).toHaveLength(1); // am01: T001 is mm1's only territory with retailers
      for (const visit of department.accountManagers[0].sample) expect(visit.check).not.toBeNull();
      const checked = await t.db.query(
        `SELECT count(*)::int AS n FROM visit_checks c JOIN visits v ON v.id = c.visit_id
          WHERE v.territory_id = $1 AND to_char(v.visited_on, 'YYYY-MM') = $2`,
        [await t.unitId('T001'), month],
      );
      expect(checked.rows[0].n).toBe(department.accountManagers[0].sample.length);
    }
    // The API's reports run on the demo data.
    const overdue = await t.http.get('/api/visits/overdue').set(mm1).expect(200);
    expect(overdue.body.summary.find((s: { territoryId: number }) => s.territoryId === 0)).toBeUndefined();
    await t.http.get('/api/visits/attainment').set(mm1).expect(200);
  });

  it('builds the same data for the same seed, and other data for another', async () => {
    const digest = (manager: EntityManager) =>
      manager
        .query(
          `SELECT md5(string_agg(concat_ws('|', v.retailer_id, v.visited_on, v.visited_at, v.kind, v.guidance_topics::text,
                    v.shelf_checked, v.aware_floating_quota, (SELECT string_agg(concat_ws(':', brand_id, observed_pack_fen,
                    observed_carton_fen), ',' ORDER BY brand_id) FROM visit_price_checks p WHERE p.visit_id = v.id),
                    (SELECT count(*) FROM visit_shelf_items s WHERE s.visit_id = v.id),
                    (SELECT effective FROM visit_checks c WHERE c.visit_id = v.id)), ';' ORDER BY v.visited_at, v.retailer_id)) AS visits,
                  (SELECT md5(string_agg(concat_ws('|', retailer_id, called_at, reached), ';' ORDER BY called_at, retailer_id)) FROM calls) AS calls,
                  (SELECT md5(string_agg(concat_ws('|', f.territory_id, f.month, l.brand_id, l.cartons), ';'
                          ORDER BY f.month, f.territory_id, l.brand_id)) FROM forecasts f JOIN forecast_lines l ON l.forecast_id = f.id) AS forecasts
             FROM visits v`,
        )
        .then((rows: Array<Record<string, string>>) => rows[0]);
    const reseed = (seed: number) =>
      dataSource
        .transaction(async (manager) => {
          // Fresh tables, as in a new database (the check sample is drawn from visit ids). The samples frozen by
          // the reads above are append-only: their guard is lifted inside this transaction, which rolls back.
          for (const table of ['guidance_check_samples', 'guidance_sample_freezes'])
            await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER USER; DELETE FROM ${table}`);
          await manager.query('DELETE FROM visits; DELETE FROM calls; DELETE FROM forecasts');
          await manager.query(
            'ALTER SEQUENCE visits_id_seq RESTART; ALTER SEQUENCE calls_id_seq RESTART; ALTER SEQUENCE forecasts_id_seq RESTART',
          );
          await seedFieldWork(manager, { seed, today: TODAY });
          throw Object.assign(new Error('rollback'), { digest: await digest(manager) });
        })
        .catch((error: { digest?: Record<string, string> }) => error.digest);
    const original = await digest(dataSource.manager);
    expect(await reseed(7)).toEqual(original);
    const other = await reseed(8);
    expect(other?.visits).not.toBe(original.visits);
    expect(other?.forecasts).not.toBe(original.forecasts);
  });
});
