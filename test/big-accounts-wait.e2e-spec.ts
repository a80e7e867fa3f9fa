import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { runSchedule } from './support/job-clock.js';
import { pinClock } from './support/test-clock.js';

/**
 * The monthly big-account assessment 大户评定 waits for the month's order lines to be final. T001 orders on
 * Thursdays; Thursday 31 December 2026 is December's last order day, cut off at 16:00 and consolidated at
 * 06:00 on 1 January. Six retailers of T001 are all of service center SC1's: S orders 2 cartons on the 24th,
 * R 24 cartons on the 31st. Over the whole month R is a big account (24 × 6 > 5 × 26) and S is not; assessed
 * before the 31st's consolidation, S would be (2 × 6 > 5 × 2) and R not. The clock moves through the
 * schedule table's firings (test/support/job-clock.ts), in production's order, in the hours at which something
 * falls due: at 06:00 the retailers' job comes before the consolidation in the table, so it still waits then.
 */
describe('the monthly big-account assessment waits for the month’s last order day', () => {
  let t: DemoApp;
  let R: number;
  let S: number;
  let brand: number;
  let now = '2026-12-21T15:00:00+08:00';
  // The hours at which something falls due: midnight, the consolidation, the hour after, windows and cutoffs.
  const until = async (to: string) => {
    await runSchedule(t, now, to, { busyHours: [0, 6, 7, 12, 16] });
    now = to;
  };
  const license = (n: number) => `22100000000${n}`;
  const submit = async (n: number, retailerId: number, cartons: number) =>
    t.http
      .post('/api/demands')
      .set(bearer(await t.token(license(n))))
      .send({ retailerId, channel: 'self', lines: [{ brandId: brand, cartons }] })
      .expect(201);

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-12-21', now });
    [R, S] = await insertRetailers(
      t,
      [1, 2, 3, 4, 5, 6].map((n) => ({
        licenseNo: license(n),
        territory: 'T001',
        grade: 20,
        orderWeekday: 4,
        withUser: true,
      })),
    );
    [brand] = await insertBrands(t, [{ code: 'BA1' }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    await t.http
      .put(`/api/order-schedules/${await t.unitId('T001')}`)
      .set(bearer(await t.token('admin')))
      .send({ orderWeekday: 4 })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('waits on 1 January until the 31st is consolidated, then counts the whole month', async () => {
    await until('2026-12-24T10:00:00+08:00');
    await submit(2, S, 2);
    await until('2026-12-31T10:00:00+08:00');
    await submit(1, R, 24);
    await until('2027-01-01T07:30:00+08:00');

    const { rows: runs } = await t.db.query(
      `SELECT business_key AS at, outcome, waiting_for->0->>'reason' AS reason, summary->>'bigAccounts' AS "bigAccounts"
         FROM scheduled_runs WHERE job_name = 'retailers.grades-and-big-accounts' AND business_key >= '2027-01-01'
        ORDER BY id`,
    );
    expect(runs).toEqual([
      ...['00', '06'].map((hour) => ({
        at: `2027-01-01 ${hour}:00`,
        outcome: 'waiting',
        reason: 'cycles-not-finished',
        bigAccounts: 'waiting',
      })),
      { at: '2027-01-01 07:00', outcome: 'done', reason: null, bigAccounts: 'ran' },
    ]);
    const { rows: assessed } = await t.db.query(
      `SELECT retailer_id AS "retailerId", cartons, is_big_account AS big FROM retailer_big_account_months
        WHERE month = '2026-12-01' AND retailer_id = ANY($1) ORDER BY retailer_id`,
      [[R, S]],
    );
    expect(assessed).toEqual([
      { retailerId: R, cartons: 24, big: true },
      { retailerId: S, cartons: 2, big: false },
    ]);
  });

  it('shows on the job board what it waited for, and assesses a month once', async () => {
    const { rows } = await t.db.query(
      `SELECT waiting_for->0->>'text' AS text FROM scheduled_runs
        WHERE job_name = 'retailers.grades-and-big-accounts' AND business_key = '2027-01-01 00:00'`,
    );
    expect(rows).toEqual([
      { text: '2026-12 还有 1 个订货周期未汇总（最后订货日 2026-12-31），大户评定待汇总后进行' },
    ]);
    await until('2027-01-01T12:30:00+08:00');
    const { rows: later } = await t.db.query(
      `SELECT business_key AS at, summary->>'bigAccounts' AS "bigAccounts" FROM scheduled_runs
        WHERE job_name = 'retailers.grades-and-big-accounts' AND business_key > '2027-01-01 07:00' ORDER BY id`,
    );
    expect(later).toEqual([
      { at: '2027-01-01 07:40', bigAccounts: 'already-done' },
      { at: '2027-01-01 12:00', bigAccounts: 'already-done' },
    ]);
    pinClock(t, now);
  });
});
