import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { checkSampleSeed, seededSample } from '#libs/field';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { countRows } from '../support/test-app.js';
import { fieldCounts, insertRetailer, insertVisit } from './field-fixtures.js';
import { pinClock } from '../support/test-clock.js';

// jest.config's e2e `testTimeout` is not applied (a global option inside `projects`): set it here.
jest.setTimeout(60_000);

/**
 * Overdue visits, attainment, check samples and the department policy, on a small fixture. The API's clock
 * stands at Friday 2026-11-20 18:00 in Beijing. November 2026 starts on a Sunday: 21 working days
 * (Monday–Friday), 15 of them from the 1st to the 20th.
 *
 * Territory T002 (am02), default cadence (big accounts 7 days, others 14):
 *   A rural          visited 11-06                       → due 11-20: on schedule on the 20th
 *   B urban          visited 11-05                       → due 11-19: 1 day overdue
 *   C urban, big     visited 11-13 (twice that day)      → due 11-20: on schedule
 *   D rural, big     visited 11-01 and 11-10             → due 11-17: 3 days overdue
 *   E rural          never visited                       → overdue, listed first
 *   F rural          suspended, never visited            → not on the list (only active retailers)
 *   G rural          visited 10-30 by am03 under T003 (it moved), and 11-22 (after the 20th)
 *                                                        → due 11-13: 7 days overdue on the 20th
 * Territory T003 (am03): H and I, urban, with seven guidance visits in November and one in October.
 */
describe('field reports', () => {
  let t: DemoApp;
  const r = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', number>;
  const novemberGuidance: number[] = [];
  let octoberGuidance: number;

  beforeAll(async () => {
    t = await startDemoApp();
    pinClock(t, '2026-11-20T18:00:00+08:00');
    r.A = await insertRetailer(t, { license: '350200000001', territory: 'T002', marketType: 'rural' });
    r.B = await insertRetailer(t, { license: '350200000002', territory: 'T002' });
    r.C = await insertRetailer(t, { license: '350200000003', territory: 'T002', bigAccount: true });
    r.D = await insertRetailer(t, {
      license: '350200000004',
      territory: 'T002',
      marketType: 'rural',
      bigAccount: true,
    });
    r.E = await insertRetailer(t, { license: '350200000005', territory: 'T002', marketType: 'rural' });
    r.F = await insertRetailer(t, {
      license: '350200000006',
      territory: 'T002',
      marketType: 'rural',
      status: 'suspended',
    });
    r.G = await insertRetailer(t, { license: '350200000007', territory: 'T002', marketType: 'rural' });
    r.H = await insertRetailer(t, { license: '350300000001', territory: 'T003' });
    r.I = await insertRetailer(t, { license: '350300000002', territory: 'T003' });
    const history: Array<[number, string, string, string?, string?]> = [
      [r.A, 'am02', '2026-11-06'],
      [r.B, 'am02', '2026-11-05'],
      [r.C, 'am02', '2026-11-13'],
      [r.C, 'am02', '2026-11-13', 'big_account_inspection'],
      [r.D, 'am02', '2026-11-01', 'big_account_inspection'],
      [r.D, 'am02', '2026-11-10'],
      [r.G, 'am03', '2026-10-30', 'routine', 'T003'],
      [r.G, 'am02', '2026-11-22'],
    ];
    for (const [retailerId, accountManager, on, kind, territory] of history) {
      await insertVisit(t, { retailerId, accountManager, on, kind, territory });
    }
    for (const [retailerId, on] of [
      [r.H, '2026-11-02'],
      [r.I, '2026-11-03'],
      [r.H, '2026-11-04'],
      [r.I, '2026-11-05'],
      [r.H, '2026-11-09'],
      [r.I, '2026-11-11'],
      [r.I, '2026-11-12'],
    ] as const) {
      novemberGuidance.push(
        await insertVisit(t, { retailerId, accountManager: 'am03', on, kind: 'guidance' }),
      );
    }
    octoberGuidance = await insertVisit(t, {
      retailerId: r.H,
      accountManager: 'am03',
      on: '2026-10-15',
      kind: 'guidance',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('overdue visits', () => {
    it('lists the overdue retailers of each account manager, never-visited first, with a summary', async () => {
      const res = await t.http
        .get('/api/visits/overdue')
        .set(bearer(await t.token('mm1')))
        .expect(200);
      const am02 = await t.userId('am02');
      expect(res.body.on).toBe('2026-11-20');
      expect(res.body.items).toEqual([
        {
          retailerId: r.E,
          territoryId: await t.unitId('T002'),
          accountManagerId: am02,
          bigAccount: false,
          maxDaysBetweenVisits: 14,
          lastVisitOn: null,
          dueOn: null,
          daysOverdue: null,
        },
        {
          retailerId: r.G,
          territoryId: await t.unitId('T002'),
          accountManagerId: am02,
          bigAccount: false,
          maxDaysBetweenVisits: 14,
          lastVisitOn: '2026-10-30',
          dueOn: '2026-11-13',
          daysOverdue: 7,
        },
        {
          retailerId: r.D,
          territoryId: await t.unitId('T002'),
          accountManagerId: am02,
          bigAccount: true,
          maxDaysBetweenVisits: 7,
          lastVisitOn: '2026-11-10',
          dueOn: '2026-11-17',
          daysOverdue: 3,
        },
        {
          retailerId: r.B,
          territoryId: await t.unitId('T002'),
          accountManagerId: am02,
          bigAccount: false,
          maxDaysBetweenVisits: 14,
          lastVisitOn: '2026-11-05',
          dueOn: '2026-11-19',
          daysOverdue: 1,
        },
      ]);
      expect(res.body.total).toBe(4);
      expect(res.body.summary).toEqual([
        {
          territoryId: await t.unitId('T001'),
          accountManagerId: await t.userId('am01'),
          retailers: 0,
          overdue: 0,
          neverVisited: 0,
        },
        {
          territoryId: await t.unitId('T002'),
          accountManagerId: am02,
          retailers: 6,
          overdue: 4,
          neverVisited: 1,
        },
        {
          territoryId: await t.unitId('T003'),
          accountManagerId: await t.userId('am03'),
          retailers: 2,
          overdue: 0,
          neverVisited: 0,
        },
        {
          territoryId: await t.unitId('T004'),
          accountManagerId: await t.userId('am04'),
          retailers: 0,
          overdue: 0,
          neverVisited: 0,
        },
      ]);
    });

    it('counts as of another day: the due day itself is still on time, later visits do not count', async () => {
      const res = await t.http
        .get('/api/visits/overdue?on=2026-11-21')
        .set(bearer(await t.token('am02')))
        .expect(200);
      expect(
        res.body.items.map((i: { retailerId: number; daysOverdue: number | null }) => [
          i.retailerId,
          i.daysOverdue,
        ]),
      ).toEqual([
        [r.E, null],
        [r.G, 8],
        [r.D, 4],
        [r.B, 2],
        [r.A, 1],
        [r.C, 1],
      ]);
      const after = await t.http
        .get('/api/visits/overdue?on=2026-11-22')
        .set(bearer(await t.token('am02')))
        .expect(200);
      expect(after.body.items.map((i: { retailerId: number }) => i.retailerId)).not.toContain(r.G);
    });

    it('pages the list', async () => {
      const res = await t.http
        .get('/api/visits/overdue?pageSize=2&page=2')
        .set(bearer(await t.token('head')))
        .expect(200);
      expect(res.body.items.map((i: { retailerId: number }) => i.retailerId)).toEqual([r.D, r.B]);
      expect(res.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    });

    it('stays in scope: 404 for another territory or account manager, nothing of theirs in lists', async () => {
      const am01 = bearer(await t.token('am01'));
      const own = await t.http.get('/api/visits/overdue').set(am01).expect(200);
      expect(own.body.summary.map((s: { territoryId: number }) => s.territoryId)).toEqual([
        await t.unitId('T001'),
      ]);
      expect(own.body.items).toEqual([]);
      expect(
        (await t.http.get(`/api/visits/overdue?accountManagerId=${await t.userId('am02')}`).set(am01)).status,
      ).toBe(404);
      const mm2 = bearer(await t.token('mm2'));
      expect(
        (await t.http.get(`/api/visits/overdue?territoryId=${await t.unitId('T002')}`).set(mm2)).status,
      ).toBe(404);
      expect((await t.http.get('/api/visits/overdue').set(mm2).expect(200)).body.total).toBe(0);
      expect((await t.http.get('/api/visits/overdue?on=2026-11-31').set(mm2)).body.code).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  describe('visits coming due', () => {
    it('lists the retailers due within the next days, soonest first (the due day is the last on time)', async () => {
      const res = await t.http
        .get('/api/visits/due-soon')
        .set(bearer(await t.token('mm1')))
        .expect(200);
      const t2 = { territoryId: await t.unitId('T002'), accountManagerId: await t.userId('am02') };
      const t3 = { territoryId: await t.unitId('T003'), accountManagerId: await t.userId('am03') };
      // A and C are due on the 20th itself; H (last 11-09) on the 23rd, I (last 11-12) on the 26th.
      expect(res.body).toEqual({
        on: '2026-11-20',
        withinDays: 7,
        items: [
          {
            retailerId: r.A,
            ...t2,
            bigAccount: false,
            maxDaysBetweenVisits: 14,
            lastVisitOn: '2026-11-06',
            dueOn: '2026-11-20',
            daysLeft: 0,
          },
          {
            retailerId: r.C,
            ...t2,
            bigAccount: true,
            maxDaysBetweenVisits: 7,
            lastVisitOn: '2026-11-13',
            dueOn: '2026-11-20',
            daysLeft: 0,
          },
          {
            retailerId: r.H,
            ...t3,
            bigAccount: false,
            maxDaysBetweenVisits: 14,
            lastVisitOn: '2026-11-09',
            dueOn: '2026-11-23',
            daysLeft: 3,
          },
          {
            retailerId: r.I,
            ...t3,
            bigAccount: false,
            maxDaysBetweenVisits: 14,
            lastVisitOn: '2026-11-12',
            dueOn: '2026-11-26',
            daysLeft: 6,
          },
        ],
        total: 4,
        page: 1,
        pageSize: 20,
      });
    });

    it('looks as far ahead as asked, as of another day, and pages', async () => {
      const mm1 = bearer(await t.token('mm1'));
      const ids = async (query: string) =>
        (await t.http.get(`/api/visits/due-soon?${query}`).set(mm1).expect(200)).body.items.map(
          (i: { retailerId: number; daysLeft: number }) => [i.retailerId, i.daysLeft],
        );
      expect(await ids('withinDays=0')).toEqual([
        [r.A, 0],
        [r.C, 0],
      ]);
      expect(await ids('withinDays=5')).toEqual([
        [r.A, 0],
        [r.C, 0],
        [r.H, 3],
      ]);
      // On the 22nd G's visit that day counts: due 12-06, the last day of a 14-day look.
      expect(await ids('on=2026-11-22&withinDays=14&territoryId=' + (await t.unitId('T002')))).toEqual([
        [r.G, 14],
      ]);
      const page = await t.http.get('/api/visits/due-soon?pageSize=3&page=2').set(mm1).expect(200);
      expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page.body.items.map((i: { retailerId: number }) => i.retailerId)).toEqual([r.I]);
    });

    it('stays in scope and validates the look-ahead', async () => {
      const am02 = bearer(await t.token('am02'));
      const own = await t.http.get('/api/visits/due-soon').set(am02).expect(200);
      expect(own.body.items.map((i: { retailerId: number }) => i.retailerId)).toEqual([r.A, r.C]);
      const foreign = await t.http
        .get(`/api/visits/due-soon?territoryId=${await t.unitId('T003')}`)
        .set(am02);
      expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
      for (const bad of ['withinDays=32', 'withinDays=-1', 'withinDays=1e1', 'on=2026-11-31']) {
        const res = await t.http.get(`/api/visits/due-soon?${bad}`).set(am02);
        expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('attainment', () => {
    beforeAll(async () => {
      const am02 = bearer(await t.token('am02'));
      for (const [retailerId, at] of [
        [r.A, '2026-11-20T09:00:00+08:00'],
        [r.A, '2026-11-20T16:00:00+08:00'], // the same retailer again that day: counts once
        [r.B, '2026-11-20T10:00:00+08:00'],
      ] as const) {
        await t.http.post('/api/calls').set(am02).send({ retailerId, calledAt: at }).expect(201);
      }
    });

    it('measures visits and calls against working days × the daily target of the territory’s market', async () => {
      const res = await t.http
        .get('/api/visits/attainment?month=2026-11')
        .set(bearer(await t.token('mm1')))
        .expect(200);
      expect(res.body).toMatchObject({ month: '2026-11', asOf: '2026-11-20' });
      const rows = Object.fromEntries(
        res.body.items.map((i: { accountManagerId: number }) => [i.accountManagerId, i]),
      );
      // am02: T002 has 4 rural and 2 urban active retailers → rural, 25 visits a day; 5 retailer-days visited
      // up to the 20th (A 6th, B 5th, C 13th once, D 1st and 10th; G's 22nd is after the 20th).
      expect(rows[await t.userId('am02')]).toEqual({
        accountManagerId: await t.userId('am02'),
        territoryId: await t.unitId('T002'),
        departmentId: await t.unitId('D01'),
        market: 'rural',
        workingDaysInMonth: 21,
        workingDaysElapsed: 15,
        visits: {
          done: 5,
          perWorkingDay: 25,
          targetToDate: 375,
          targetMonth: 525,
          attainment: { numerator: 5, denominator: 375, ratio: 5 / 375 },
        },
        calls: {
          done: 2,
          perWorkingDay: 30,
          targetToDate: 450,
          targetMonth: 630,
          attainment: { numerator: 2, denominator: 450, ratio: 2 / 450 },
        },
      });
      // am03: T003 is urban (H, I): 30 a day; seven guidance visits on seven retailer-days in November.
      expect(rows[await t.userId('am03')].visits).toMatchObject({ done: 7, targetToDate: 450 });
      // am01, am04: no retailers, so a town territory by default, nothing done.
      expect(rows[await t.userId('am01')].visits).toMatchObject({ done: 0, targetToDate: 450 });
      // Center total: parts added, 12 visits over 450 + 375 + 450 + 450.
      expect(res.body.total.visits).toEqual({ numerator: 12, denominator: 1725, ratio: 12 / 1725 });
      expect(res.body.total.calls).toEqual({ numerator: 2, denominator: 1800, ratio: 2 / 1800 });
    });

    it('counts a finished month in full, refuses a month that has not started, stays in scope', async () => {
      const october = await t.http
        .get(`/api/visits/attainment?month=2026-10&accountManagerId=${await t.userId('am03')}`)
        .set(bearer(await t.token('head')))
        .expect(200);
      // October 2026: 22 working days; am03 made one guidance visit (H, 15th) and the routine one to G (30th).
      expect(october.body.asOf).toBe('2026-10-31');
      expect(october.body.items).toHaveLength(1);
      expect(october.body.items[0]).toMatchObject({
        workingDaysInMonth: 22,
        workingDaysElapsed: 22,
        visits: { done: 2, targetToDate: 660 },
      });
      const december = await t.http
        .get('/api/visits/attainment?month=2026-12')
        .set(bearer(await t.token('head')));
      expect(december.status).toBe(400);
      expect(december.body.code).toBe('FIELD_PERIOD_NOT_STARTED');
      const own = await t.http
        .get('/api/visits/attainment')
        .set(bearer(await t.token('am02')))
        .expect(200);
      expect(own.body.items.map((i: { accountManagerId: number }) => i.accountManagerId)).toEqual([
        await t.userId('am02'),
      ]);
      expect(
        (
          await t.http
            .get(`/api/visits/attainment?accountManagerId=${await t.userId('am02')}`)
            .set(bearer(await t.token('mm2')))
        ).status,
      ).toBe(404);
    });
  });

  describe('check sample', () => {
    const sampleOf = async (username: string, query: string) =>
      (
        await t.http
          .get(`/api/visits/check-sample?${query}`)
          .set(bearer(await t.token(username)))
          .expect(200)
      ).body;

    it('draws the same sample of each account manager’s guidance visits for everyone, every time', async () => {
      const am03 = await t.userId('am03');
      // The department's policy: 5 visits per account manager (the default), drawn by the seeded rule.
      const expected = seededSample(checkSampleSeed('2026-11', String(am03)), novemberGuidance, 5);
      const first = await sampleOf('mm1', 'month=2026-11');
      expect(first.departments).toHaveLength(1);
      // Today is 20 November: visits of November may be recorded until 7 December, so the sample is provisional.
      expect(first.departments[0]).toMatchObject({
        departmentId: await t.unitId('D01'),
        size: 5,
        frozen: false,
        frozenAt: null,
        windowClosesOn: '2026-12-08',
      });
      const [manager] = first.departments[0].accountManagers;
      expect(first.departments[0].accountManagers).toHaveLength(1);
      expect(manager).toMatchObject({ accountManagerId: am03, guidanceVisits: 7 });
      const ids = manager.sample.map((v: { id: number }) => v.id);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(5);
      for (const id of ids) expect(novemberGuidance).toContain(id);
      for (const username of ['mm1', 'insp1']) {
        const again = await sampleOf(username, 'month=2026-11');
        expect(again.departments[0].accountManagers[0].sample.map((v: { id: number }) => v.id)).toEqual(ids);
      }
      expect(await countRows(t.db, 'guidance_sample_freezes')).toBe(0);
    });

    it('freezes a month’s sample once its recording window has closed, append-only', async () => {
      // October's window closed on 8 November: the first read freezes it. Fewer visits than the size: all of them.
      const october = await sampleOf('mm1', 'month=2026-10');
      expect(october.departments[0]).toMatchObject({ frozen: true, size: 5, windowClosesOn: '2026-11-08' });
      expect(october.departments[0].accountManagers[0].sample.map((v: { id: number }) => v.id)).toEqual([
        octoberGuidance,
      ]);
      const { rows } = await t.db.query(
        `SELECT f.reason, f.sample_size AS size, s.visit_id AS "visitId", s.draw_order AS "drawOrder"
           FROM guidance_sample_freezes f JOIN guidance_check_samples s USING (month, department_id)`,
      );
      expect(rows).toEqual([{ reason: 'windowClosed', size: 5, visitId: octoberGuidance, drawOrder: 1 }]);
      expect((await sampleOf('insp1', 'month=2026-10')).departments[0].frozenAt).toBe(
        october.departments[0].frozenAt,
      );
      await expect(t.db.query('DELETE FROM guidance_check_samples')).rejects.toThrow(/immutable/);
      await expect(t.db.query('UPDATE guidance_sample_freezes SET sample_size = 9')).rejects.toThrow(
        /immutable/,
      );
    });

    it('shows the check once made, without changing the sample', async () => {
      const mm1 = bearer(await t.token('mm1'));
      const before = (await sampleOf('mm1', 'month=2026-11')).departments[0].accountManagers[0].sample;
      await t.http
        .post(`/api/visits/${before[0].id}/check`)
        .set(mm1)
        .send({ effective: true, note: '已按建议调整陈列' })
        .expect(201);
      const after = (await sampleOf('mm1', 'month=2026-11')).departments[0].accountManagers[0].sample;
      expect(after.map((v: { id: number }) => v.id)).toEqual(before.map((v: { id: number }) => v.id));
      expect(after[0].check).toMatchObject({ effective: true });
    });

    it('stays in scope and validates the month; the size is the department’s, not the caller’s', async () => {
      expect((await sampleOf('mm2', 'month=2026-11')).departments[0].accountManagers).toEqual([]);
      expect((await t.http.get('/api/visits/check-sample').set(bearer(await t.token('am01')))).status).toBe(
        403,
      );
      const mm1 = bearer(await t.token('mm1'));
      expect((await t.http.get('/api/visits/check-sample?month=2026-12').set(mm1)).body.code).toBe(
        'FIELD_PERIOD_NOT_STARTED',
      );
      for (const query of ['size=3', 'month=2026-13', 'month=202611']) {
        expect((await t.http.get(`/api/visits/check-sample?${query}`).set(mm1)).body.code).toBe(
          'VALIDATION_FAILED',
        );
      }
    });
  });

  describe('department field policy', () => {
    it('works to the defaults until the department sets its own', async () => {
      const department = await t.unitId('D01');
      const res = await t.http
        .get(`/api/field-policies/${department}`)
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(res.body).toEqual({
        departmentId: department,
        bigAccountVisitDays: 7,
        regularVisitDays: 14,
        urbanVisitsPerDay: 30,
        ruralVisitsPerDay: 25,
        callsPerDay: 30,
        priceToleranceBp: 0,
        visitBackdateDays: 7,
        guidanceCheckSampleSize: 5,
        isDefault: true,
        updatedBy: null,
        updatedAt: null,
      });
    });

    it.each<[string, string, Record<string, unknown>, number, string]>([
      ['an account manager', 'am01', { callsPerDay: 10 }, 403, 'FORBIDDEN'],
      ['a market manager', 'mm1', { callsPerDay: 10 }, 403, 'FORBIDDEN'],
      [
        'big accounts less often than others',
        'head',
        { bigAccountVisitDays: 20 },
        400,
        'FIELD_POLICY_INVALID',
      ],
      ['an absurd target', 'head', { ruralVisitsPerDay: 300 }, 400, 'VALIDATION_FAILED'],
      ['a target in decimals', 'head', { urbanVisitsPerDay: 27.5 }, 400, 'VALIDATION_FAILED'],
    ])('refuses %s, writing nothing', async (_, username, body, status, code) => {
      const before = await fieldCounts(t.db);
      const res = await t.http
        .patch(`/api/field-policies/${await t.unitId('D01')}`)
        .set(bearer(await t.token(username)))
        .send(body);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await fieldCounts(t.db)).toEqual(before);
    });

    it('answers 404 for what is not a visible department', async () => {
      const admin = bearer(await t.token('admin'));
      expect((await t.http.get('/api/field-policies/99999').set(admin)).status).toBe(404);
      expect((await t.http.get(`/api/field-policies/${await t.unitId('T001')}`).set(admin)).status).toBe(404);
    });

    it('a department head changes the cadence and targets (audited), and the reports follow', async () => {
      const head = bearer(await t.token('head'));
      const department = await t.unitId('D01');
      const before = await fieldCounts(t.db);
      const res = await t.http
        .patch(`/api/field-policies/${department}`)
        .set(head)
        .send({ bigAccountVisitDays: 5, ruralVisitsPerDay: 20 })
        .expect(200);
      expect(res.body).toMatchObject({
        bigAccountVisitDays: 5,
        regularVisitDays: 14,
        ruralVisitsPerDay: 20,
        isDefault: false,
        updatedBy: await t.userId('head'),
      });
      expect(await fieldCounts(t.db)).toEqual({ ...before, policies: 1, audit: before.audit + 1 });
      const audit = await t.db.query(
        `SELECT before->>'bigAccountVisitDays' AS b, after->>'bigAccountVisitDays' AS a FROM audit_log WHERE action = 'field_policy.update'`,
      );
      expect(audit.rows).toEqual([{ b: '7', a: '5' }]);
      // Big accounts now every 5 days: C (13th) was due on the 18th, D (10th) on the 15th.
      const overdue = await t.http.get('/api/visits/overdue').set(head).expect(200);
      expect(
        overdue.body.items.map((i: { retailerId: number; daysOverdue: number | null }) => [
          i.retailerId,
          i.daysOverdue,
        ]),
      ).toEqual([
        [r.E, null],
        [r.G, 7],
        [r.D, 5],
        [r.C, 2],
        [r.B, 1],
      ]);
      const attainment = await t.http
        .get(`/api/visits/attainment?accountManagerId=${await t.userId('am02')}`)
        .set(head)
        .expect(200);
      expect(attainment.body.items[0].visits).toMatchObject({
        perWorkingDay: 20,
        targetToDate: 300,
        targetMonth: 420,
      });
    });

    it('sets the check sample size: November’s provisional sample follows, frozen October’s does not', async () => {
      const head = bearer(await t.token('head'));
      await t.http
        .patch(`/api/field-policies/${await t.unitId('D01')}`)
        .set(head)
        .send({ guidanceCheckSampleSize: 3 })
        .expect(200);
      const am03 = await t.userId('am03');
      const november = (await t.http.get('/api/visits/check-sample?month=2026-11').set(head).expect(200))
        .body;
      expect(november.departments[0].size).toBe(3);
      // The seeded draw of 3 is the first 3 of the draw of 5.
      expect(november.departments[0].accountManagers[0].sample.map((v: { id: number }) => v.id)).toEqual(
        seededSample(checkSampleSeed('2026-11', String(am03)), novemberGuidance, 5).slice(0, 3),
      );
      const october = (await t.http.get('/api/visits/check-sample?month=2026-10').set(head).expect(200)).body;
      expect(october.departments[0]).toMatchObject({ frozen: true, size: 5 });
      const refused = await t.http
        .patch(`/api/field-policies/${await t.unitId('D01')}`)
        .set(head)
        .send({ guidanceCheckSampleSize: 0 });
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
