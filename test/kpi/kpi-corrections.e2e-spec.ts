import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { countRows } from '../support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { pinClock } from '../support/test-clock.js';
import { insertStops } from '../delivery-fixture.js';
import { buildKpiFixture, type KpiFixture } from './kpi-fixture.js';

jest.setTimeout(120_000);

/**
 * Correcting a closed month, on the November of kpi-fixture.ts. Its five leads (reported 10 November, normal:
 * due on the 17th) were answered by the squad: l1, l4, l5 属实 on the 12th, l2 不实 on the 20th; l3 (am01, r3)
 * was left unanswered at the close, so the department's 查实率 is 4 ÷ 5 and am01's 线索真实性 1 ÷ 2. Its result
 * (属实) is recorded on 3 December: the closed month does not move, until a correction (opened by the head,
 * approved by an inspector) counts November again as version 2: 查实率 5 ÷ 5, am01's 线索真实性 2 ÷ 3.
 *
 * A delivery too: r5's stop of Monday 30 November (09:00–10:00, a run nobody worked: it counts for the route's
 * delivery staff, ds1) is still open at the close, past its day, so it is 未完成 beside the fixture's r2 of the
 * 25th: ds1's November is 4 on time of 10, 未完成 2. ds1 completes it on 3 December at 10:00, typing 30 November
 * 09:30: the closed month does not move. Recorded on 3 December, it is late and 补录 in version 2: 4 on time of
 * 10, late 3, 未完成 1, 补录 2.
 */
describe('correcting a closed month', () => {
  let t: DemoApp;
  let f: KpiFixture;
  let head: Record<string, string>;
  let inspector: Record<string, string>;
  let version1: Buffer;
  let lateStop: number;
  const download = (query: string) =>
    t.http
      .get(`/api/reports/kpi?${query}`)
      .set(head)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const department = async () =>
    (await t.http.get('/api/kpi/departments?month=2026-11').set(head).expect(200)).body.items[0].kpis;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    f = await buildKpiFixture(t);
    head = bearer(await t.token('head'));
    inspector = bearer(await t.token('insp1'));
    [lateStop] = await insertStops(t, {
      route: 'R1-1',
      deliveryDate: '2026-11-30',
      orderDate: '2026-11-27',
      windowStart: '2026-11-30T09:00:00+08:00',
      windowEnd: '2026-11-30T10:00:00+08:00',
      retailers: [f.retailers[4]],
    });
    pinClock(t, '2026-12-01T01:00:00+08:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to correct a month that is not closed', async () => {
    const res = await t.http
      .post('/api/kpi/months/2026-11/corrections')
      .set(head)
      .send({ reason: '线索结果晚录' });
    expect([res.status, res.body.code]).toEqual([409, 'KPI_MONTH_NOT_CLOSED']);
    expect(await countRows(t.db, 'kpi_month_corrections')).toBe(0);
    const versions = await t.http.get('/api/kpi/months/2026-11/versions').set(head).expect(200);
    expect(versions.body).toEqual({ month: '2026-11', departmentId: f.departmentId, versions: [] });
  });

  const ds1Punctuality = async () =>
    (await t.http.get('/api/kpi/delivery?month=2026-11').set(head).expect(200)).body.items[0].kpis
      .deliveryPunctuality;

  it('keeps the closed month as it was when a late result and a late delivery are recorded', async () => {
    // The pinned clock is inside the grace period: the month would wait, so an admin closes it by force.
    await t.http
      .post('/api/kpi/months/2026-11/close')
      .set(bearer(await t.token('admin')))
      .send({ force: true, reason: '更正测试：提前月结' })
      .expect(200);
    expect((await department()).leadVerificationRate).toMatchObject({ numerator: 4, denominator: 5 });
    version1 = (await download('month=2026-11').expect(200)).body as Buffer;

    pinClock(t, '2026-12-03T10:00:00+08:00');
    const { rows } = await t.db.query(`SELECT id FROM leads WHERE retailer_id = $1`, [f.retailers[2]]);
    await t.http
      .post(`/api/leads/${rows[0].id}/verify`)
      .set(bearer(await t.token('eo1')))
      .send({ result: 'confirmed', note: '补充核查属实' })
      .expect(200);
    expect((await department()).leadVerificationRate).toMatchObject({ numerator: 4, denominator: 5 });

    await t.http
      .post(`/api/deliveries/${lateStop}/complete`)
      .set(bearer(await t.token('ds1')))
      .send({ arrivedAt: '2026-11-30T09:30:00+08:00', receiver: 'retailer' })
      .expect(200);
    expect(await ds1Punctuality()).toMatchObject({
      numerator: 4,
      denominator: 10,
      details: { early: 0, late: 2, failed: 1, unfinished: 2, lateEntries: 1 },
    });
  });

  it('a department head opens a correction with its reason, once at a time', async () => {
    const reason = '城关 r3 线索 12 月 3 日才录入查实结果，11 月查实率少计一条';
    const res = await t.http.post('/api/kpi/months/2026-11/corrections').set(head).send({ reason });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      month: '2026-11',
      departmentId: f.departmentId,
      reason,
      status: 'open',
      statusLabel: '待审批',
      openedBy: await t.userId('head'),
      openedAt: '2026-12-03T02:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      version: null,
    });
    const again = await t.http.post('/api/kpi/months/2026-11/corrections').set(head).send({ reason });
    expect([again.status, again.body.code]).toEqual([409, 'KPI_CORRECTION_ALREADY_OPEN']);
    // Only a department head opens one; only an inspector decides.
    expect(
      (await t.http.post('/api/kpi/months/2026-11/corrections').set(inspector).send({ reason })).status,
    ).toBe(403);
    expect((await t.http.post('/api/kpi/months/2026-11/corrections/approve').set(head).send({})).status).toBe(
      403,
    );
    expect(
      (await t.http.get('/api/kpi/corrections?status=open').set(inspector).expect(200)).body.items,
    ).toEqual([expect.objectContaining({ id: res.body.id, status: 'open' })]);
    const audit = await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'kpi_month.correction.open' AND entity_id = $1`,
      [String(res.body.id)],
    );
    expect(audit.rows).toEqual([{ after: { month: '2026-11', reason } }]);
  });

  it('an inspector approves: November is counted again as version 2, version 1 kept', async () => {
    pinClock(t, '2026-12-04T09:00:00+08:00');
    const res = await t.http
      .post('/api/kpi/months/2026-11/corrections/approve')
      .set(inspector)
      .send({ note: '已核对线索记录' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      statusLabel: '已批准',
      decidedBy: await t.userId('insp1'),
      decidedAt: '2026-12-04T01:00:00.000Z',
      decisionNote: '已核对线索记录',
      version: 2,
    });
    const kpis = await department();
    expect(kpis.leadVerificationRate).toMatchObject({ value: 1, numerator: 5, denominator: 5 });
    const ams = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200)).body;
    expect(ams).toMatchObject({ source: 'snapshot', version: 2, closedAt: '2026-12-04T01:00:00.000Z' });
    const am01 = ams.items.find((r: { subject: { id: number } }) => r.subject.id === f.territory.t001);
    expect(am01.kpis.leadAuthenticity).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await ds1Punctuality()).toMatchObject({
      numerator: 4,
      denominator: 10,
      details: { early: 0, late: 3, failed: 1, unfinished: 1, lateEntries: 2 },
    });

    const versions = (await t.http.get('/api/kpi/months/2026-11/versions').set(inspector).expect(200)).body;
    expect(versions.versions).toEqual([
      expect.objectContaining({ version: 1, correction: null, supersededBy: 2 }),
      expect.objectContaining({
        version: 2,
        closedBy: await t.userId('insp1'),
        correction: expect.objectContaining({ id: res.body.id, status: 'approved', version: 2 }),
        supersededBy: null,
      }),
    ]);
    const nothingOpen = await t.http
      .post('/api/kpi/months/2026-11/corrections/approve')
      .set(inspector)
      .send({});
    expect([nothingOpen.status, nothingOpen.body.code]).toEqual([409, 'KPI_CORRECTION_NOT_OPEN']);
    const audit = await t.db.query(
      `SELECT action, after FROM audit_log WHERE action IN ('kpi_month.correct', 'kpi_month.correction.approve') ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'kpi_month.correct',
        after: expect.objectContaining({ month: '2026-11', version: 2, correctionId: res.body.id }),
      },
      {
        action: 'kpi_month.correction.approve',
        after: { status: 'approved', note: '已核对线索记录', version: 2 },
      },
    ]);
  });

  it('serves version 2’s workbook by default and version 1 byte for byte, marked superseded', async () => {
    const latest = await download('month=2026-11').expect(200);
    expect(latest.headers['x-report-version']).toBe('2');
    expect(latest.headers['x-report-superseded-by']).toBeUndefined();
    expect(latest.headers['content-disposition']).toContain(
      `filename="kpi-2026-11-department-${f.departmentId}-v2.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(latest.body as unknown as ArrayBuffer);
    const cover = book.getWorksheet('封面')!;
    let state = '';
    cover.eachRow((r) => {
      if (r.getCell(1).value === '数据状态') state = String(r.getCell(2).value);
    });
    expect(state).toContain('第 2 版');
    // The department's line of 线索查实, by hand: 5 due; version 1 had l1, l4, l5 属实 and l2 不实 (4 verified,
    // l3 unanswered), 3 of them by the 17th; version 2 adds l3 属实, late.
    const leadLine = async (content: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('线索查实')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
      return Object.fromEntries(header.slice(1).map((h, i) => [h, last[i + 1]]));
    };
    expect(await leadLine(version1)).toEqual({
      到期线索: 5,
      '已查实（属实+不实）': 4,
      其中属实: 3,
      其中不实: 1,
      无法查实: 0,
      未出结果: 1,
      查实率: 0.8,
      按时查实: 3,
      按时查实率: 0.6,
    });
    expect(await leadLine(latest.body as Buffer)).toEqual({
      到期线索: 5,
      '已查实（属实+不实）': 5,
      其中属实: 4,
      其中不实: 1,
      无法查实: 0,
      未出结果: 0,
      查实率: 1,
      按时查实: 3,
      按时查实率: 0.6,
    });

    // ds1's line of 送货及时率, by hand: version 1 the fixture's 9 stops and r5's of the 30th, both open ones
    // 未完成; version 2 has r5's late and 补录 instead. Proxy receipts (r2, r9) and ds1's 线索真实性 (its lead on
    // r4, 属实) stay.
    const ds1Line = async (content: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      // After the name: center, route, stops, on time, early, late, failed, 未完成, 补录, rate, proxies, 线索真实性.
      return (workbook.getWorksheet('送货及时率')!.getRow(2).values as unknown[]).slice(2);
    };
    const route = ['城关客户服务部', '城关一号送货线路'];
    expect(await ds1Line(version1)).toEqual([...route, 10, 4, 0, 2, 1, 2, 1, 0.4, 2, 1]);
    expect(await ds1Line(latest.body as Buffer)).toEqual([...route, 10, 4, 0, 3, 1, 1, 2, 0.4, 2, 1]);

    const old = await download('month=2026-11&version=1').expect(200);
    expect(old.headers['x-report-version']).toBe('1');
    expect(old.headers['x-report-superseded-by']).toBe('2');
    expect(Buffer.compare(old.body as Buffer, version1)).toBe(0);
    const missing = await download('month=2026-11&version=3');
    expect([missing.status, JSON.parse(String(missing.body)).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('an inspector may reject a correction instead: the month stays as it is', async () => {
    await t.http
      .post('/api/kpi/months/2026-11/corrections')
      .set(head)
      .send({ reason: '复核送货记录' })
      .expect(201);
    const counts = await Promise.all(
      ['kpi_month_closes', 'kpi_snapshot_rows', 'kpi_workbooks'].map((x) => countRows(t.db, x)),
    );
    const noNote = await t.http.post('/api/kpi/months/2026-11/corrections/reject').set(inspector).send({});
    expect([noNote.status, noNote.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const res = await t.http
      .post('/api/kpi/months/2026-11/corrections/reject')
      .set(inspector)
      .send({ note: '送货记录无误' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'rejected', statusLabel: '已驳回', version: null });
    expect(
      await Promise.all(
        ['kpi_month_closes', 'kpi_snapshot_rows', 'kpi_workbooks'].map((x) => countRows(t.db, x)),
      ),
    ).toEqual(counts);
    expect((await download('month=2026-11').expect(200)).headers['x-report-version']).toBe('2');
  });
});
