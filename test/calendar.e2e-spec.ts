import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BusinessCalendarDirectory } from '#libs/calendar';
import { OrderCyclesService } from '#libs/ordering';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { binary, readXlsx, xlsxOf } from './support/xlsx.js';

/**
 * The department's holiday calendar through the API. The clock stands at Wednesday 2026-11-18 15:00 (UTC+8).
 * T001 orders on Thursdays: generation makes its cycles of 19 November … 31 December (19 November's window
 * opened today at 12:00). The department 示范县营销部 (D01) keeps, for 2026: Thursday 19 November off (its
 * cycle is open: left alone), Thursday 24 and Friday 25 December off (县庆), Saturday 26 December worked.
 * Windows open 12:00 the day before and cut off 16:00: 04:00Z and 08:00Z.
 */
describe('the holiday calendar', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let D01: number;
  let T001: number;
  let T002: number;
  const YEAR_2026 = [
    { date: '2026-11-19', kind: 'dayOff', name: '县庆' },
    { date: '2026-12-24', kind: 'dayOff', name: '县庆' },
    { date: '2026-12-25', kind: 'dayOff', name: '县庆' },
    { date: '2026-12-26', kind: 'workingDay', name: '县庆调休' },
  ];
  const cycleOf = async (territory: number, week: string) =>
    (
      await t.db.query(
        `SELECT id, to_char(order_date, 'YYYY-MM-DD') AS "orderDate", opens_at AS "opensAt", cutoff_at AS "cutoffAt",
                status, placed_by AS "placedBy"
           FROM order_cycles WHERE territory_id = $1 AND order_week = $2`,
        [territory, week],
      )
    ).rows[0];
  const audits = async (action: string) =>
    (await t.db.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0].n;

  beforeAll(async () => {
    t = await startDemoApp();
    admin = bearer(await t.token('admin'));
    head = bearer(await t.token('head'));
    D01 = await t.unitId('D01');
    T001 = await t.unitId('T001');
    T002 = await t.unitId('T002');
    await t.http.put(`/api/order-schedules/${T001}`).set(admin).send({ orderWeekday: 4 }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a year with no days listed: Monday to Friday, 261 working days in 2026', async () => {
    const res = await t.http
      .get('/api/calendar/years/2026')
      .set(bearer(await t.token('am01')))
      .expect(200);
    expect(res.body).toEqual({
      departmentId: D01,
      year: 2026,
      orderDayOff: 'earlier',
      days: [],
      workingDays: 261,
    });
  });

  it('previews a year: the cycles it moves and those it leaves alone, nothing saved', async () => {
    const dec24 = await cycleOf(T001, '2026-12-21');
    const nov19 = await cycleOf(T001, '2026-11-16');
    const res = await t.http
      .put('/api/calendar/years/2026?dryRun=true')
      .set(head)
      .send({ days: YEAR_2026 })
      .expect(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      days: YEAR_2026,
      // 261 less three weekdays off, plus a Saturday worked.
      workingDays: 259,
      change: { added: YEAR_2026, removed: [], changed: [] },
      cycles: {
        // 24 December is off: the working day before is Wednesday the 23rd.
        changed: [
          {
            cycleId: dec24.id,
            territoryId: T001,
            orderWeek: '2026-12-21',
            before: {
              orderDate: '2026-12-24',
              opensAt: '2026-12-23T04:00:00.000Z',
              cutoffAt: '2026-12-24T08:00:00.000Z',
              status: 'scheduled',
            },
            after: {
              orderDate: '2026-12-23',
              opensAt: '2026-12-22T04:00:00.000Z',
              cutoffAt: '2026-12-23T08:00:00.000Z',
              status: 'scheduled',
            },
          },
        ],
        leftAlone: [
          {
            cycleId: nov19.id,
            territoryId: T001,
            orderWeek: '2026-11-16',
            orderDate: '2026-11-19',
            reason: 'alreadyOpen',
          },
        ],
      },
    });
    expect(await countRows(t.db, 'calendar_days')).toBe(0);
    expect(await cycleOf(T001, '2026-12-21')).toEqual(dec24);
    expect(await audits('calendar.save_year')).toBe(0);
  });

  it('saves the year and moves the cycle in the same transaction, audited; generation keeps the move', async () => {
    const dec24 = await cycleOf(T001, '2026-12-21');
    const res = await t.http.put('/api/calendar/years/2026').set(head).send({ days: YEAR_2026 }).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, workingDays: 259 });
    expect(await countRows(t.db, 'calendar_days')).toBe(4);
    expect(await cycleOf(T001, '2026-12-21')).toEqual({
      id: dec24.id,
      orderDate: '2026-12-23',
      opensAt: new Date('2026-12-22T04:00:00Z'),
      cutoffAt: new Date('2026-12-23T08:00:00Z'),
      status: 'scheduled',
      placedBy: 'calendar',
    });
    expect(await audits('calendar.save_year')).toBe(1);
    const { rows } = await t.db.query(
      `SELECT entity_id FROM audit_log WHERE action = 'order_cycle.calendar'`,
    );
    expect(rows).toEqual([{ entity_id: String(dec24.id) }]);
    expect(await t.app.get(OrderCyclesService).generate()).toBe(0);
    const { rows: week } = await t.db.query(
      `SELECT to_char(order_date, 'YYYY-MM-DD') AS d FROM order_cycles
        WHERE territory_id = $1 AND order_date BETWEEN '2026-12-21' AND '2026-12-27'`,
      [T001],
    );
    expect(week).toEqual([{ d: '2026-12-23' }]);
  });

  it('places a new territory’s cycles by the calendar: Friday 25 December goes to Wednesday the 23rd', async () => {
    await t.http.put(`/api/order-schedules/${T002}`).set(admin).send({ orderWeekday: 5 }).expect(200);
    const { rows } = await t.db.query(
      `SELECT to_char(order_date, 'YYYY-MM-DD') AS d, placed_by AS p FROM order_cycles
        WHERE territory_id = $1 AND status = 'scheduled' ORDER BY order_date`,
      [T002],
    );
    expect(rows).toEqual([
      { d: '2026-11-20', p: 'schedule' },
      { d: '2026-11-27', p: 'schedule' },
      { d: '2026-12-04', p: 'schedule' },
      { d: '2026-12-11', p: 'schedule' },
      { d: '2026-12-18', p: 'schedule' },
      { d: '2026-12-23', p: 'calendar' },
    ]);
  });

  it('changes the rule to “later”: both moved cycles go to the working Saturday 26 December', async () => {
    const preview = await t.http
      .put('/api/calendar/policy?dryRun=true')
      .set(head)
      .send({ orderDayOff: 'later' })
      .expect(200);
    const after = {
      orderDate: '2026-12-26',
      opensAt: '2026-12-25T04:00:00.000Z',
      cutoffAt: '2026-12-26T08:00:00.000Z',
      status: 'scheduled',
    };
    const changed = [...preview.body.cycles.changed].sort((a, b) => a.territoryId - b.territoryId);
    expect(changed).toEqual([
      expect.objectContaining({ territoryId: T001, orderWeek: '2026-12-21', after }),
      expect.objectContaining({ territoryId: T002, orderWeek: '2026-12-21', after }),
    ]);
    expect((await t.http.get('/api/calendar/policy').set(head).expect(200)).body).toEqual({
      departmentId: D01,
      orderDayOff: 'earlier',
      monthCloseWorkingDay: 3,
      monthCloseAt: '09:00',
      configured: false,
    });
    await t.http.put('/api/calendar/policy').set(head).send({ orderDayOff: 'later' }).expect(200);
    expect((await cycleOf(T001, '2026-12-21')).orderDate).toBe('2026-12-26');
    expect((await cycleOf(T002, '2026-12-21')).orderDate).toBe('2026-12-26');
    expect((await t.http.get('/api/calendar/policy').set(head).expect(200)).body).toMatchObject({
      orderDayOff: 'later',
      configured: true,
    });
  });

  it('sets when last month may close, keeping the rule for order days off; audited; month close reads it', async () => {
    const res = await t.http
      .put('/api/calendar/policy')
      .set(head)
      .send({ monthCloseWorkingDay: 5, monthCloseAt: '14:30' })
      .expect(200);
    expect(res.body).toMatchObject({
      departmentId: D01,
      orderDayOff: 'later',
      monthCloseWorkingDay: 5,
      monthCloseAt: '14:30',
      configured: true,
      dryRun: false,
      cycles: { changed: [] },
    });
    expect((await t.http.get('/api/calendar/policy').set(head).expect(200)).body).toEqual({
      departmentId: D01,
      orderDayOff: 'later',
      monthCloseWorkingDay: 5,
      monthCloseAt: '14:30',
      configured: true,
    });
    const { rows } = await t.db.query(
      `SELECT before, after - 'cyclesChanged' AS after FROM audit_log
        WHERE action = 'calendar.save_policy' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows).toEqual([
      {
        before: { orderDayOff: 'later', monthCloseWorkingDay: 3, monthCloseAt: '09:00' },
        after: { orderDayOff: 'later', monthCloseWorkingDay: 5, monthCloseAt: '14:30' },
      },
    ]);
    expect(await t.app.get(BusinessCalendarDirectory).monthCloseOf(D01)).toMatchObject({
      workingDay: 5,
      at: '14:30',
    });
    // The 5th working day of January 2027 (no days listed for 2027): Thursday the 7th.
    const schedule = await t.app.get(BusinessCalendarDirectory).monthCloseOf(D01);
    expect(schedule.workingDays.nthWorkingDay('2027-01', schedule.workingDay)).toBe('2027-01-07');
  });

  it('counts the department’s working days in field attainment: November has 20 with the 19th off', async () => {
    const res = await t.http.get('/api/visits/attainment?month=2026-11').set(head).expect(200);
    // November 2026: 21 weekdays, one off; 2–18 November hold 13 weekdays, none off.
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items)
      expect(item).toMatchObject({ workingDaysInMonth: 20, workingDaysElapsed: 13 });
  });

  describe('refusals write nothing', () => {
    let before: { days: number; audit: number };
    beforeAll(async () => {
      before = { days: await countRows(t.db, 'calendar_days'), audit: await countRows(t.db, 'audit_log') };
    });
    const unchanged = async () =>
      expect({
        days: await countRows(t.db, 'calendar_days'),
        audit: await countRows(t.db, 'audit_log'),
      }).toEqual(before);

    it('a date that does not exist: 400 VALIDATION_FAILED', async () => {
      const res = await t.http
        .put('/api/calendar/years/2026')
        .set(head)
        .send({ days: [{ date: '2026-02-30', kind: 'dayOff' }] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain('days.0.date');
      await unchanged();
    });

    it('days outside the year, listed twice, a weekday “worked”: 400 CALENDAR_DAYS_INVALID naming each', async () => {
      const res = await t.http
        .put('/api/calendar/years/2026')
        .set(head)
        .send({
          days: [
            { date: '2027-01-01', kind: 'dayOff', name: '元旦' },
            { date: '2026-10-01', kind: 'dayOff', name: '国庆节' },
            { date: '2026-10-01', kind: 'dayOff', name: '国庆节' },
            { date: '2026-10-09', kind: 'workingDay' }, // a Friday
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'CALENDAR_DAYS_INVALID',
        message: '节假日清单有误，未保存：请按明细逐条修改',
        details: {
          problems: [
            { index: 0, date: '2027-01-01', problem: 'outsideYear', reason: '日期不在所选年份内' },
            { index: 2, date: '2026-10-01', problem: 'duplicate', reason: '同一日期出现了多次' },
            {
              index: 3,
              date: '2026-10-09',
              problem: 'workingDayNotWeekend',
              reason: '调休上班日只能是周六或周日',
            },
          ],
        },
      });
      await unchanged();
    });

    it('a year out of range and an unknown rule: 400 VALIDATION_FAILED', async () => {
      expect((await t.http.put('/api/calendar/years/1999').set(head).send({ days: [] })).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        (await t.http.put('/api/calendar/policy').set(head).send({ orderDayOff: 'never' })).body.code,
      ).toBe('VALIDATION_FAILED');
      await unchanged();
    });

    it('a month-close day outside 1–10, a time not HH:MM, or nothing to set: 400 VALIDATION_FAILED', async () => {
      for (const body of [
        {},
        { monthCloseWorkingDay: 0 },
        { monthCloseWorkingDay: 11 },
        { monthCloseWorkingDay: 2.5 },
        { monthCloseWorkingDay: '3' },
        { monthCloseWorkingDay: null },
        { monthCloseAt: '24:00' },
        { monthCloseAt: '9:00' },
        { monthCloseAt: '09:00:00' },
        { monthCloseAt: '' },
        { orderDayOff: 'earlier', monthCloseAt: '25:00' },
      ]) {
        const res = await t.http.put('/api/calendar/policy').set(head).send(body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      await unchanged();
    });

    it('a market manager reads the calendar but may not keep it: 403', async () => {
      const mm1 = bearer(await t.token('mm1'));
      expect((await t.http.get('/api/calendar/years/2026').set(mm1).expect(200)).body.days).toHaveLength(4);
      const res = await t.http.put('/api/calendar/years/2026').set(mm1).send({ days: [] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await unchanged();
    });
  });

  describe('another department', () => {
    let D02: number;
    beforeAll(async () => {
      const created = await t.http
        .post('/api/org-units')
        .set(admin)
        .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') })
        .expect(201);
      D02 = created.body.id;
    });

    it('is out of a department head’s reach: 404 for reading and writing, nothing written', async () => {
      const days = await countRows(t.db, 'calendar_days');
      for (const res of [
        await t.http.get(`/api/calendar/years/2026?departmentId=${D02}`).set(head),
        await t.http.put(`/api/calendar/years/2026?departmentId=${D02}`).set(head).send({ days: YEAR_2026 }),
        await t.http
          .put(`/api/calendar/policy?departmentId=${D02}`)
          .set(head)
          .send({ orderDayOff: 'cancel' }),
      ]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      }
      expect(await countRows(t.db, 'calendar_days')).toBe(days);
      expect(await countRows(t.db, 'calendar_policies')).toBe(1);
    });

    it('is kept by an admin, who must name the department', async () => {
      expect((await t.http.get('/api/calendar/years/2026').set(admin)).body.code).toBe('DEPARTMENT_REQUIRED');
      await t.http
        .put(`/api/calendar/years/2026?departmentId=${D02}`)
        .set(admin)
        .send({ days: [{ date: '2026-10-01', kind: 'dayOff', name: '国庆节' }] })
        .expect(200);
      const own = await t.http.get(`/api/calendar/years/2026?departmentId=${D02}`).set(admin).expect(200);
      expect(own.body).toMatchObject({
        departmentId: D02,
        days: [{ date: '2026-10-01', kind: 'dayOff', name: '国庆节' }],
      });
      // D01's list is untouched.
      expect((await t.http.get('/api/calendar/years/2026').set(head).expect(200)).body.days).toEqual(
        YEAR_2026,
      );
    });
  });

  describe('Excel', () => {
    const upload = (file: Buffer, query = '') =>
      t.http.post(`/api/calendar/years/2027/import${query}`).set(head).attach('file', file, 'calendar.xlsx');

    it('hands out a template with the Chinese headers', async () => {
      const res = await t.http.get('/api/calendar/template').set(head).buffer(true).parse(binary).expect(200);
      expect((await readXlsx(res.body)).rows('节假日')[0]).toEqual(['日期', '类型', '名称']);
    });

    it('imports a year’s list: text, slashed and date cells; 上班 on a Saturday', async () => {
      // 1 January 2027 is a Friday, 6 February a Saturday, 8 February a Monday.
      const file = await xlsxOf([
        ['日期', '类型', '名称'],
        ['2027-01-01', '休息', '元旦'],
        ['2027/2/6', '上班', '春节调休'],
        [new Date(Date.UTC(2027, 1, 8)), '放假', '春节'],
      ]);
      const dry = await upload(file, '?dryRun=true').expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, year: 2027 });
      expect((await t.http.get('/api/calendar/years/2027').set(head).expect(200)).body.days).toEqual([]);
      const res = await upload(file).expect(200);
      const days = [
        { date: '2027-01-01', kind: 'dayOff', name: '元旦' },
        { date: '2027-02-06', kind: 'workingDay', name: '春节调休' },
        { date: '2027-02-08', kind: 'dayOff', name: '春节' },
      ];
      // 2027: 261 weekdays (it ends on a Friday), two off, one Saturday worked.
      expect(res.body).toMatchObject({ dryRun: false, year: 2027, days, workingDays: 260 });
      expect((await t.http.get('/api/calendar/years/2027').set(head).expect(200)).body.days).toEqual(days);
    });

    it('refuses a file with bad rows as a whole, naming row, column, value and reason', async () => {
      const days = await countRows(t.db, 'calendar_days');
      const file = await xlsxOf([
        ['日期', '类型', '名称'],
        ['2027-02-30', '休息', ''],
        ['2027-03-01', '加班', ''],
        ['2026-12-01', '休息', ''],
        ['2027-05-01', '休息', '劳动节'],
        ['2027-05-01', '休息', '劳动节'],
      ]);
      const res = await upload(file);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'IMPORT_ROWS_INVALID',
        details: {
          rowCount: 5,
          invalidRows: 4,
          errors: [
            { row: 2, column: '日期', value: '2027-02-30', reason: '应为日期，如 2026-05-01' },
            { row: 3, column: '类型', value: '加班', reason: '应为“休息”或“上班”' },
            { row: 4, column: '日期', value: '2026-12-01', reason: '日期不在所选年份内' },
            { row: 6, column: '日期', value: '2027-05-01', reason: '同一日期出现了多次' },
          ],
        },
      });
      expect(await countRows(t.db, 'calendar_days')).toBe(days);
    });

    it('exports a year in the import’s columns, and the export imports back unchanged', async () => {
      const res = await t.http
        .get('/api/calendar/years/2026/export')
        .set(head)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const rows = (await readXlsx(res.body)).rows('2026年节假日');
      expect(rows).toEqual([
        ['日期', '类型', '名称'],
        ['2026-11-19', '休息', '县庆'],
        ['2026-12-24', '休息', '县庆'],
        ['2026-12-25', '休息', '县庆'],
        ['2026-12-26', '上班', '县庆调休'],
      ]);
      const again = await t.http
        .post('/api/calendar/years/2026/import')
        .set(head)
        .attach('file', res.body, 'calendar.xlsx')
        .expect(200);
      expect(again.body.change).toEqual({ added: [], removed: [], changed: [] });
      expect(again.body.cycles.changed).toEqual([]);
    });
  });
});
