import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';
import { runSchedule } from './support/job-clock.js';
import { pinClock } from './support/test-clock.js';

/**
 * Month close waits for its inputs. T001 orders on Thursdays, and Thursday 31 December 2026 is December's last
 * weekday: its cycle is cut off at 16:00 and consolidated at 06:00 on 1 January. The old month close ran at
 * 01:00 on the 1st and froze December without that week's sales. Now it runs hourly and closes once every
 * December cycle is consolidated or cancelled and the grace period is over (the department keeps no holiday
 * calendar: January's 3rd working day is Tuesday the 5th, so 09:00 on 5 January). The clock moves through
 * the schedule table's firings (test/support/job-clock.ts), in production's order.
 */
// Each step runs a week or more of the schedule table; on a loaded CI machine one takes minutes, not seconds.
jest.setTimeout(300_000);

describe('month close waits for its inputs', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let retailer: number;
  let brand: number;
  let T001: number;
  let D01: number;
  let D02: number;
  const LICENSE = '220000000091';
  let now = '2026-12-21T15:00:00+08:00';
  const until = async (to: string) => {
    const fired = await runSchedule(t, now, to);
    now = to;
    return fired;
  };
  const closeRuns = async (departmentId: number) =>
    (
      await t.db.query(
        `SELECT business_key AS at, outcome, trigger,
                ARRAY(SELECT w->>'reason' FROM jsonb_array_elements(COALESCE(waiting_for, '[]')) w) AS waits
           FROM scheduled_runs WHERE job_name = 'reports.month-close' AND department_id = $1 ORDER BY id`,
        [departmentId],
      )
    ).rows as Array<{ at: string; outcome: string; trigger: string; waits: string[] }>;
  const decemberSnapshotRows = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM kpi_snapshot_rows WHERE month = '2026-12-01'`)).rows[0]
      .n;
  const submit = async (cartons: number) =>
    t.http
      .post('/api/demands')
      .set(bearer(await t.token(LICENSE)))
      .send({ retailerId: retailer, channel: 'self', lines: [{ brandId: brand, cartons }] })
      .expect(201);

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-12-21', now });
    admin = bearer(await t.token('admin'));
    T001 = await t.unitId('T001');
    D01 = await t.unitId('D01');
    [retailer] = await insertRetailers(t, [
      { licenseNo: LICENSE, territory: 'T001', grade: 20, orderWeekday: 4, withUser: true },
    ]);
    [brand] = await insertBrands(t, [{ code: 'MC1', priceClass: 1, wholesalePriceFen: 25000 }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    await t.http.put(`/api/order-schedules/${T001}`).set(admin).send({ orderWeekday: 4 }).expect(200);
    D02 = (
      await t.http
        .post('/api/org-units')
        .set(admin)
        .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes orders in December’s last two weeks through the scheduled jobs', async () => {
    await until('2026-12-23T13:00:00+08:00'); // Thursday 24th's window opened at 12:00
    await submit(20);
    await until('2026-12-30T13:00:00+08:00'); // the 24th cut off and consolidated; the 31st's window is open
    await submit(30);
    const { rows } = await t.db.query(
      `SELECT to_char(order_date, 'YYYY-MM-DD') AS "orderDate", status FROM order_cycles
        WHERE territory_id = $1 AND order_date BETWEEN '2026-12-24' AND '2026-12-31' ORDER BY order_date`,
      [T001],
    );
    expect(rows).toEqual([
      { orderDate: '2026-12-24', status: 'consolidated' },
      { orderDate: '2026-12-31', status: 'open' },
    ]);
  });

  it('waits on 1 January for the 31st’s consolidation and for the grace period', async () => {
    await until('2027-01-01T02:00:00+08:00');
    expect((await closeRuns(D01)).filter((run) => run.at >= '2027-01-01')).toEqual([
      {
        at: '2027-01-01 00:10',
        outcome: 'waiting',
        trigger: 'schedule',
        waits: ['cycles-not-finished', 'grace-period'],
      },
      {
        at: '2027-01-01 01:10',
        outcome: 'waiting',
        trigger: 'schedule',
        waits: ['cycles-not-finished', 'grace-period'],
      },
    ]);
    expect(await decemberSnapshotRows()).toBe(0);
    const head = bearer(await t.token('head'));
    const ready = await t.http.get('/api/kpi/months/2026-12/readiness').set(head).expect(200);
    expect(ready.body).toEqual({
      month: '2026-12',
      departmentId: D01,
      closed: false,
      graceEnd: '2027-01-05 09:00',
      waitingFor: [
        expect.objectContaining({ reason: 'cycles-not-finished' }),
        expect.objectContaining({ reason: 'grace-period' }),
      ],
      unfinishedCycles: expect.arrayContaining([
        expect.objectContaining({
          territoryId: T001,
          territoryCode: 'T001',
          orderDate: '2026-12-31',
          status: 'cut_off',
        }),
      ]),
    });
    // Every cycle still waiting is the last day's, cut off and not yet consolidated; the wait counts them.
    expect(
      new Set(
        ready.body.unfinishedCycles.map(
          (c: { orderDate: string; status: string }) => `${c.orderDate} ${c.status}`,
        ),
      ),
    ).toEqual(new Set(['2026-12-31 cut_off']));
    expect(ready.body.waitingFor[0].details.cycles).toBe(ready.body.unfinishedCycles.length);
    const foreign = await t.http.get(`/api/kpi/months/2026-12/readiness?departmentId=${D02}`).set(head);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    await until('2027-01-01T07:00:00+08:00'); // consolidated at 06:00
    expect((await closeRuns(D01)).at(-1)).toEqual({
      at: '2027-01-01 06:10',
      outcome: 'waiting',
      trigger: 'schedule',
      waits: ['grace-period'],
    });
    const board = await t.http
      .get('/api/jobs')
      .set(bearer(await t.token('head')))
      .expect(200);
    expect(board.body.find((job: { name: string }) => job.name === 'reports.month-close').waitingFor).toEqual(
      [
        {
          reason: 'grace-period',
          text: '2026-12 的补录宽限期至 2027-01-05 09:00',
          details: { month: '2026-12', until: '2027-01-05 09:00' },
          departmentId: D01,
        },
      ],
    );
  });

  it('is closed by hand only when forced by an admin with a reason, audited', async () => {
    const before = await countRows(t.db, 'audit_log');
    const waiting = await t.http
      .post(`/api/kpi/months/2026-12/close?departmentId=${D01}`)
      .set(admin)
      .send({});
    expect({ status: waiting.status, code: waiting.body.code }).toEqual({
      status: 409,
      code: 'MONTH_CLOSE_WAITING',
    });
    expect(waiting.body.details.waitingFor.map((w: { reason: string }) => w.reason)).toEqual([
      'grace-period',
    ]);
    const noReason = await t.http
      .post(`/api/kpi/months/2026-12/close?departmentId=${D01}`)
      .set(admin)
      .send({ force: true });
    expect({ status: noReason.status, code: noReason.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await countRows(t.db, 'audit_log')).toBe(before);
    expect(await decemberSnapshotRows()).toBe(0);

    // D02 (no cycles) is forced through the job board.
    const forced = await t.http
      .post('/api/jobs/reports.month-close/run')
      .set(admin)
      .send({ departmentId: D02, force: true, reason: '第二县营销部提前月结' })
      .expect(200);
    expect(forced.body.runs).toEqual([
      expect.objectContaining({
        departmentId: D02,
        trigger: 'forced',
        outcome: 'done',
        reason: '第二县营销部提前月结',
      }),
    ]);
    const audit = await t.db.query(
      `SELECT action, actor_role AS role, after->>'reason' AS reason FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log) ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'kpi_month.close', role: 'system', reason: null },
      { action: 'kpi_month.force_close', role: 'system', reason: '第二县营销部提前月结' },
      { action: 'job.force', role: 'admin', reason: '第二县营销部提前月结' },
    ]);
  });

  it('closes on the 3rd working day at 09:10 with the last week’s sales in the snapshot', async () => {
    await until('2027-01-05T10:00:00+08:00');
    const runs = await closeRuns(D01);
    expect(runs.filter((run) => run.outcome === 'done' && run.at >= '2027')).toEqual([
      { at: '2027-01-05 09:10', outcome: 'done', trigger: 'schedule', waits: [] },
    ]);
    const ready = await t.http
      .get('/api/kpi/months/2026-12/readiness')
      .set(bearer(await t.token('insp1')))
      .expect(200);
    expect(ready.body).toEqual(
      expect.objectContaining({ closed: true, waitingFor: [], unfinishedCycles: [] }),
    );
    expect(runs.at(-2)).toEqual({
      at: '2027-01-05 08:10',
      outcome: 'waiting',
      trigger: 'schedule',
      waits: ['grace-period'],
    });
    const { rows } = await t.db.query(
      `SELECT (s.cells->'salesCartons'->>'value')::numeric AS snapshot,
              (SELECT sum(ordered) FROM order_lines l
                WHERE l.territory_id = s.subject_id AND l.order_date BETWEEN '2026-12-01' AND '2026-12-31') AS oracle
         FROM kpi_snapshot_rows s WHERE s.month = '2026-12-01' AND s.level = 'territory' AND s.subject_id = $1`,
      [T001],
    );
    expect(rows).toEqual([{ snapshot: '50', oracle: '50' }]);
  });

  it('leaves a closed month closed: the next hour finds it closed', async () => {
    await until('2027-01-05T11:30:00+08:00');
    expect((await closeRuns(D01)).slice(-2).map((run) => run.outcome)).toEqual([
      'nothing-due',
      'nothing-due',
    ]);
    pinClock(t, now);
  });
});
