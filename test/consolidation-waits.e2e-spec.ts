import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobScheduler, scheduleEntry } from '#libs/jobs';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { pinClock } from './support/test-clock.js';

/**
 * The unified order waits for every cycle of its order day to be cut off. T001 and T002 order on Thursdays;
 * their cycles of Thursday 24 December 2026 cut off at 16:00. The every-minute cut-off job reached only
 * T001's (here: an admin cut it off; think of the replica running the job going down). The consolidation at
 * 06:00 on the 25th ran once per order day: it consolidated T001's cycle, marked the 24th done, and T002's
 * cycle, cut off later, was never consolidated (its month could never close). Now the consolidation cuts off
 * what is due first, and a day holding a cycle that is being cut off elsewhere waits for the next run.
 */
describe('the unified order waits for its day’s cutoffs', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let brand: number;
  const cycles: Record<string, number> = {};
  const retailers: Record<string, number> = {};
  const fire = (job: string, at: string) => {
    pinClock(t, at);
    return t.app.get(JobScheduler).fire(scheduleEntry(job)!, 'schedule');
  };
  const statusOf = async () =>
    Object.fromEntries(
      (
        await t.db.query(
          `SELECT t.code, c.status FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
            WHERE c.order_date = '2026-12-24' ORDER BY t.code`,
        )
      ).rows.map((row) => [row.code, row.status]),
    );

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-12-21', now: '2026-12-21T15:00:00+08:00' });
    admin = bearer(await t.token('admin'));
    [brand] = await insertBrands(t, [{ code: 'CW1' }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    for (const [n, code] of [
      [1, 'T001'],
      [2, 'T002'],
    ] as const) {
      const license = `24100000000${n}`;
      [retailers[code]] = await insertRetailers(t, [
        { licenseNo: license, territory: code, grade: 20, orderWeekday: 4, withUser: true },
      ]);
      await t.http
        .put(`/api/order-schedules/${await t.unitId(code)}`)
        .set(admin)
        .send({ orderWeekday: 4 })
        .expect(200);
    }
    await fire('ordering.generate-cycles', '2026-12-22T02:00:00+08:00');
    await fire('ordering.open-and-cut-off', '2026-12-23T12:00:00+08:00');
    pinClock(t, '2026-12-24T10:00:00+08:00');
    for (const [n, code] of [
      [1, 'T001'],
      [2, 'T002'],
    ] as const) {
      const res = await t.http
        .post('/api/demands')
        .set(bearer(await t.token(`24100000000${n}`)))
        .send({ retailerId: retailers[code], channel: 'self', lines: [{ brandId: brand, cartons: 10 }] })
        .expect(201);
      cycles[code] = res.body.cycleId;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('cuts off the cycle the cut-off job missed and consolidates the whole day at 06:00', async () => {
    pinClock(t, '2026-12-24T16:30:00+08:00');
    await t.http.post(`/api/order-cycles/${cycles.T001}/cutoff`).set(admin).expect(200);
    expect(await statusOf()).toEqual({ T001: 'cut_off', T002: 'open' });

    const [run] = await fire('ordering.consolidate', '2026-12-25T06:00:00+08:00');
    expect(run).toMatchObject({ outcome: 'done', waitingFor: null });
    expect(await statusOf()).toEqual({ T001: 'consolidated', T002: 'consolidated' });
    const { rows } = await t.db.query(
      `SELECT retailer_id AS "retailerId", sum(ordered)::int AS cartons FROM order_lines
        WHERE order_date = '2026-12-24' GROUP BY retailer_id ORDER BY retailer_id`,
    );
    expect(rows).toEqual([
      { retailerId: retailers.T001, cartons: 10 },
      { retailerId: retailers.T002, cartons: 10 },
    ]);
  });

  it('waits while another replica holds a cycle’s cutoff, and consolidates the day at its next run', async () => {
    await fire('ordering.open-and-cut-off', '2026-12-30T12:00:00+08:00');
    pinClock(t, '2026-12-31T10:00:00+08:00');
    for (const [n, code] of [
      [1, 'T001'],
      [2, 'T002'],
    ] as const)
      await t.http
        .post('/api/demands')
        .set(bearer(await t.token(`24100000000${n}`)))
        .send({ retailerId: retailers[code], channel: 'self', lines: [{ brandId: brand, cartons: 5 }] })
        .expect(201);
    const { rows: next } = await t.db.query(
      `SELECT c.id FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
        WHERE c.order_date = '2026-12-31' AND t.code = 'T002'`,
    );
    const held = await t.db.connect();
    try {
      // The cut-off of T002's cycle of the 31st is under way on another replica: it holds the job's lock.
      await held.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`cycle-cutoff:${next[0].id}`]);
      const [waiting] = await fire('ordering.consolidate', '2027-01-01T06:00:00+08:00');
      expect(waiting).toMatchObject({
        outcome: 'waiting',
        waitingFor: [
          {
            reason: 'cycles-not-cut-off',
            text: '2026-12-31 还有 1 个订货周期未截单，统一订单待截单后汇总',
            details: { orderDate: '2026-12-31', cycles: 1 },
          },
        ],
      });
      const { rows } = await t.db.query(
        `SELECT t.code, c.status FROM order_cycles c JOIN org_units t ON t.id = c.territory_id
          WHERE c.order_date = '2026-12-31' ORDER BY t.code`,
      );
      expect(rows).toEqual([
        { code: 'T001', status: 'cut_off' },
        { code: 'T002', status: 'open' },
      ]);
    } finally {
      await held.query('SELECT pg_advisory_unlock_all()');
      held.release();
    }
    const [done] = await fire('ordering.consolidate', '2027-01-02T06:00:00+08:00');
    expect(done).toMatchObject({ outcome: 'done' });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM order_cycles WHERE order_date = '2026-12-31' AND status = 'consolidated'`,
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});
