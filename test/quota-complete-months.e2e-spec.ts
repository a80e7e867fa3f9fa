import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobScheduler, scheduleEntry } from '#libs/jobs';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { pinClock } from './support/test-clock.js';

/**
 * Next month's agreed totals from complete months only. A Tuesday retailer of T001 (grade 10) orders 20 cartons
 * a week: September 100 (5 Tuesdays), October 80 (4), November 80 (4); on 25 December it has 80 of December's
 * 100 (the 29th is not consolidated). December's agreed total was 90. The job on the 25th (01:30) computes
 * January from September–November (⌊260 ÷ 3⌋ = 86; counting December as whole gave 80); the oracle is
 * hand-written SQL over the stored months.
 */
describe('agreed totals from complete months', () => {
  let t: DemoApp;
  let retailer: number;
  let T001: number;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-12-21', now: '2026-12-21T15:00:00+08:00' });
    const admin = bearer(await t.token('admin'));
    T001 = await t.unitId('T001');
    [retailer] = await insertRetailers(t, [
      { licenseNo: '220000000095', territory: 'T001', grade: 10, orderWeekday: 2 },
    ]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    await t.http.put(`/api/order-schedules/${T001}`).set(admin).send({ orderWeekday: 2 }).expect(200);
    await t.db.query(
      `INSERT INTO retailer_quotas (retailer_id, month, territory_id, department_id, agreed_total, agreed_total_source,
                                    float_bp, cap, used, explanation)
       SELECT r.id, m.month::date, r.territory_id, r.department_id, 90, 'floating', 1500, 104, m.used, '{}'
         FROM retailers r, (VALUES ('2026-09-01', 100), ('2026-10-01', 80), ('2026-11-01', 80), ('2026-12-01', 80)) AS m(month, used)
        WHERE r.id = $1`,
      [retailer],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves the running month out on the 25th: January floats towards September–November', async () => {
    const { rows: open } = await t.db.query(
      `SELECT count(*)::int AS n FROM order_cycles WHERE territory_id = $1 AND order_date = '2026-12-29' AND status = 'scheduled'`,
      [T001],
    );
    expect(open[0].n).toBe(1); // December is not complete
    pinClock(t, '2026-12-25T01:30:00+08:00');
    const [run] = await t.app.get(JobScheduler).fire(scheduleEntry('quotas.compute-next-month')!, 'schedule');
    expect(run.outcome).toBe('done');
    const { rows } = await t.db.query(
      `WITH window_mean AS (
         SELECT floor(avg(used))::int AS mean FROM retailer_quotas
          WHERE retailer_id = $1 AND month BETWEEN '2026-09-01' AND '2026-11-01'),
       previous AS (SELECT agreed_total AS total FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-12-01')
       SELECT q.agreed_total AS stored,
              LEAST(p.total + ceil(p.total * 0.2)::int, GREATEST(p.total - ceil(p.total * 0.2)::int, w.mean)) AS oracle,
              q.explanation->'trailingActuals' AS window
         FROM retailer_quotas q, window_mean w, previous p WHERE q.retailer_id = $1 AND q.month = '2027-01-01'`,
      [retailer],
    );
    expect(rows).toEqual([
      {
        stored: 86,
        oracle: 86,
        window: [
          { month: '2026-09', cartons: 100 },
          { month: '2026-10', cartons: 80 },
          { month: '2026-11', cartons: 80 },
        ],
      },
    ]);
  });
});
