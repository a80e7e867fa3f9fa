import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { MonthCloseService } from '#libs/reports';
import { countRows } from '../support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { pinClock } from '../support/test-clock.js';
import { buildKpiFixture, type KpiFixture } from './kpi-fixture.js';

jest.setTimeout(120_000);

/**
 * Monthly KPIs of November 2026 on the fixture of kpi-fixture.ts, every expected value worked out by hand:
 * live while the month is not closed, then closed by the month-close job into an immutable snapshot (and its
 * workbook), which a later month uses as its baseline.
 *
 * November 2026 has 21 working days (Mon 2 – Fri 27: four weeks, plus Mon 30): a town territory's visit
 * target is 21 × 30 = 630, its call target 21 × 30 = 630.
 */
describe('monthly KPIs', () => {
  let t: DemoApp;
  let f: KpiFixture;
  let head: Record<string, string>;
  type Row = { subject: { id: number; code: string }; kpis: Record<string, Record<string, unknown>> };
  const row = (body: { items: Row[] }, id: number) => body.items.find((r) => r.subject.id === id)!;

  beforeAll(async () => {
    t = await startDemoApp({ today: '2026-10-01' });
    f = await buildKpiFixture(t);
    head = bearer(await t.token('head'));
    pinClock(t, '2026-12-05T10:00:00+08:00');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a month not closed yet, counted live', () => {
    let november: {
      source: string;
      asOf: string;
      salesThrough: string;
      notes: Array<{ family: string }>;
      items: Row[];
    };

    beforeAll(async () => {
      november = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200)).body;
    });

    it('counts the whole month once it is over', () => {
      expect(november).toMatchObject({ source: 'live', asOf: '2026-11-30', salesThrough: '2026-11-30' });
      expect(november.items.map((r) => r.subject.code)).toEqual([
        'T001',
        'T002',
        'T003',
        'T004',
        'T005',
        'T006',
        'T007',
        'T008',
        'T009',
        'T010',
        'T011',
        'T012',
      ]);
    });

    it('guidance coverage, month and year to date, and effective guidance on the check sample', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // r1 and r2 had guidance (r1 twice) of 5 active retailers (the closed r6 does not count): 40 %. The month
      // has no default target; the year's 60 % is missed (no guidance earlier this year).
      expect(t001.guidanceCoverage).toMatchObject({
        value: 0.4,
        numerator: 2,
        denominator: 5,
        target: null,
        status: 'noTarget',
      });
      expect(t001.guidanceCoverageYearToDate).toMatchObject({
        value: 0.4,
        numerator: 2,
        denominator: 5,
        target: { kind: 'atLeast', value: 0.6 },
        status: 'below',
      });
      // am01's sample is all 3 of its guidance visits (fewer than 5): v1 effective, v2 not, v3 never checked.
      // 1 of 2 checked would be 50 %, but a third of the sample is unchecked: not assessable.
      expect(t001.effectiveGuidance).toMatchObject({
        value: null,
        numerator: 1,
        denominator: 2,
        details: { sampled: 3, guidanceVisits: 3 },
        status: 'notAssessable',
      });
      const t002 = row(november, f.territory.t002).kpis;
      expect(t002.guidanceCoverageYearToDate).toMatchObject({
        value: 1,
        numerator: 3,
        denominator: 3,
        status: 'meets',
      });
      // am02's three, all checked and effective.
      expect(t002.effectiveGuidance).toMatchObject({
        value: 1,
        numerator: 3,
        denominator: 3,
        details: { sampled: 3 },
        status: 'meets',
      });
      // While the recording window is open (until 8 December) the sample is provisional.
      expect(november.notes).toEqual(
        expect.arrayContaining([expect.objectContaining({ family: 'guidanceSample', until: '2026-12-08' })]),
      );
    });

    it('policy awareness (latest answer per retailer) and channel coverage', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // r3 aware of both; r4 of neither, then of both the next day (its latest answer counts); r5 of floating
      // quotas only, which is not enough: 2 of 3. Each question alone: floating quotas 3, self-reporting 2.
      expect(t001.policyAwareness).toMatchObject({
        numerator: 2,
        denominator: 3,
        details: { awareFloatingQuota: 3, awareSelfReporting: 2 },
        target: null,
        status: 'noTarget',
      });
      // r1 and r2 reachable of 5. The target rises on last month, which is not closed and cannot be recounted
      // from the retailers' current flags: no baseline.
      expect(t001.channelCoverage).toMatchObject({ value: 0.4, baseline: null, status: 'noTarget' });
      expect(row(november, f.territory.t002).kpis.policyAwareness).toMatchObject({
        value: null,
        status: 'noTarget',
      });
    });

    it('guide-price compliance, carton and pack prices apart', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // Carton prices: K1 ¥260 (at the guide), K2 ¥120 (below ¥130), K1 ¥280 (above): 2 of 3.
      expect(t001.guidePriceComplianceCarton).toMatchObject({
        numerator: 2,
        denominator: 3,
        status: 'noTarget',
      });
      // Pack prices: K1 ¥27 (above ¥26), K1 ¥26 (at): 1 of 2.
      expect(t001.guidePriceCompliancePack).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
      expect(row(november, f.territory.t002).kpis.guidePriceComplianceCarton).toMatchObject({
        value: null,
        denominator: 0,
      });
    });

    it('visit and call attainment, a retailer counted once a day', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // (r1,20) (r2,20) (r1,21) (r3,20) (r4,20) (r4,21) (r5,21) (r2,21): 8 visits of 630.
      expect(t001.visitAttainment).toMatchObject({ numerator: 8, denominator: 630, status: 'below' });
      // r1 twice on the 20th counts once, r2 on the 21st: 2 of 630.
      expect(t001.callAttainment).toMatchObject({ numerator: 2, denominator: 630, status: 'below' });
      expect(row(november, f.territory.t002).kpis.visitAttainment).toMatchObject({
        numerator: 3,
        denominator: 630,
      });
    });

    it('key-brand shelf rate from each retailer’s latest shelf check', () => {
      // Key brands K1, K2. Latest checks: r1 [K1 K2 N1] → 2, r2 (v8) [K1 K2] → 2, r3 [] → 0. 4 of 5 × 2.
      expect(row(november, f.territory.t001).kpis.keyBrandShelfRate).toMatchObject({
        value: 0.4,
        numerator: 4,
        denominator: 10,
        status: 'noTarget',
      });
      expect(row(november, f.territory.t002).kpis.keyBrandShelfRate).toMatchObject({
        numerator: 0,
        denominator: 6,
      });
    });

    it('forecast accuracy, total and key brands: max(0, 1 − Σ|A − F| ÷ Σ A)', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // Forecast K1 12, K2 6, N1 0; demanded (before rationing) K1 14, K2 6, N1 5, all supplied.
      // Error: K1 |14 − 12| = 2, K2 0, N1 5 → 7 of 25: 1 − 7/25 = 72 %.
      // October had neither demand nor forecast: no data (not 100 %), so no baseline to rise on.
      expect(t001.forecastAccuracy).toMatchObject({
        value: 0.72,
        numerator: 7,
        denominator: 25,
        details: { forecastCartons: 18, orderedCartons: 25 },
        baseline: null,
        status: 'noTarget',
      });
      // K1 and K2 only: error 2 of 20 → 90 %.
      expect(t001.keyBrandForecastAccuracy).toMatchObject({ value: 0.9, numerator: 2, denominator: 20 });
      // T002 forecast nothing and nobody there demanded anything: no data.
      expect(row(november, f.territory.t002).kpis.forecastAccuracy).toMatchObject({
        value: null,
        numerator: 0,
        denominator: 0,
        status: 'noValue',
      });
    });

    it('self-reported share, sales against last year and the average price per carton', () => {
      const t001 = row(november, f.territory.t001).kpis;
      // Demands r1, r2 (own) and r3 (collected); r4's was cancelled: 2 of 3. October had none: no baseline.
      expect(t001.selfReportedDemandShare).toMatchObject({
        numerator: 2,
        denominator: 3,
        baseline: null,
        status: 'noTarget',
      });
      // 10 + 5 + 4 + 6 = 25 cartons against 20 last November: +25 %.
      expect(t001.salesCartons).toMatchObject({
        value: 25,
        baseline: 20,
        status: 'meets',
        lastYear: { value: 20, change: 0.25 },
      });
      // 10 × 20000 + 5 × 5000 + 4 × 20000 + 6 × 10000 = 365000 fen; last year 20 × 18000 = 360000.
      expect(t001.salesAmount).toMatchObject({ value: 365000, lastYear: { value: 360000 } });
      expect((t001.salesAmount.lastYear as { change: number }).change).toBeCloseTo(5000 / 360000, 12);
      // 365000 ÷ 25 = 14600 fen (¥146.00) against 18000 (¥180.00): below.
      expect(t001.averagePricePerCarton).toMatchObject({
        value: 14600,
        numerator: 365000,
        denominator: 25,
        baseline: 18000,
        status: 'below',
      });
      expect((t001.averagePricePerCarton.lastYear as { change: number }).change).toBeCloseTo(
        -3400 / 18000,
        12,
      );
      // Year to date (1 January – 30 November) against 1 January – 30 November 2025: this fixture's only sales
      // are November's, so the same figures; cartons not below last year's, the price per carton below.
      expect(t001.salesCartonsYearToDate).toMatchObject({
        value: 25,
        baseline: 20,
        target: { kind: 'rising', baseline: 'sameMonthLastYear' },
        status: 'meets',
        lastYear: { value: 20, change: 0.25 },
      });
      expect(t001.salesAmountYearToDate).toMatchObject({ value: 365000, lastYear: { value: 360000 } });
      expect(t001.averagePricePerCartonYearToDate).toMatchObject({
        value: 14600,
        numerator: 365000,
        denominator: 25,
        baseline: 18000,
        status: 'below',
      });
    });

    it('rolls centers and the department up by adding parts, never by averaging ratios', async () => {
      const centers = (await t.http.get('/api/kpi/service-centers?month=2026-11').set(head).expect(200)).body;
      expect(centers.items.map((r: Row) => r.subject.code)).toEqual(['SC1', 'SC2', 'SC3']);
      const sc1 = row(centers, f.center.sc1).kpis;
      // T001 2 of 5 and T002 3 of 3: 5 of 8 = 62.5 % meets 60 % (the mean of 40 % and 100 % would be 70 %).
      expect(sc1.guidanceCoverageYearToDate).toMatchObject({
        value: 0.625,
        numerator: 5,
        denominator: 8,
        status: 'meets',
      });
      // 1 of 2 and 3 of 3 checked, of samples of 3 and 3: 5 of 6 checked, so the center is not assessable.
      expect(sc1.effectiveGuidance).toMatchObject({
        value: null,
        numerator: 4,
        denominator: 5,
        details: { sampled: 6 },
        status: 'notAssessable',
      });
      expect(sc1.averagePricePerCarton).toMatchObject({ value: 14600 });
      const department = (await t.http.get('/api/kpi/departments?month=2026-11').set(head).expect(200)).body;
      expect(department.items).toHaveLength(1);
      // 8 + 3 visits against 12 territories × 630.
      expect(department.items[0].kpis.visitAttainment).toMatchObject({ numerator: 11, denominator: 7560 });
      expect(department.items[0].kpis.guidanceCoverage).toMatchObject({ numerator: 5, denominator: 8 });
    });

    it('lead authenticity of each account manager as a reporter', () => {
      // am01: r1 confirmed, r2 unfounded, r3 without a result yet: 1 of 2 with a result.
      expect(row(november, f.territory.t001).kpis.leadAuthenticity).toMatchObject({
        value: 0.5,
        numerator: 1,
        denominator: 2,
        status: 'noTarget',
      });
      expect(row(november, f.territory.t002).kpis.leadAuthenticity).toMatchObject({
        numerator: 1,
        denominator: 1,
      });
    });

    it('per squad: 查实率 and 按时查实率 over the leads due in the month', async () => {
      const squads = (await t.http.get('/api/kpi/squads?month=2026-11').set(head).expect(200)).body;
      expect(squads.items.map((r: Row) => r.subject.code)).toEqual(['SQ1', 'SQ2', 'SQ3']);
      const sq1 = squads.items[0].kpis;
      // Five leads reported on the 10th, all due on the 17th. Verified: three 属实 by the 12th and one 不实 on the
      // 20th (late); one unanswered: 4 of 5 verified, 3 of 5 on time.
      expect(sq1.leadVerificationRate).toMatchObject({
        value: 0.8,
        numerator: 4,
        denominator: 5,
        details: { confirmed: 3, unfounded: 1, unverifiable: 0, unanswered: 1 },
      });
      expect(sq1.leadOnTimeRate).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
      expect(squads.items[1].kpis.leadVerificationRate).toMatchObject({
        value: null,
        numerator: 0,
        denominator: 0,
      });
    });

    it('records each stop of the 25th by a time the system saw, never the typed one', async () => {
      const stops = (
        await t.http.get('/api/deliveries?date=2026-11-25&pageSize=10').set(head).expect(200)
      ).body.items.map((d: Record<string, unknown>) => [
        d.retailerId,
        d.status,
        d.timeSource,
        d.recordedAt,
        d.timing,
        d.lateEntry,
        d.proxyReceipt,
      ]);
      const [, r2, , r4, r5, , r7, r8, r9] = f.retailers;
      // Shanghai 09:15 is 01:15Z; the window 09:00–10:00 is 01:00Z–02:00Z.
      expect(stops).toEqual([
        [r4, 'delivered', 'doorCode', '2026-11-25T01:15:00.000Z', 'onTime', false, false],
        [r5, 'delivered', 'doorCode', '2026-11-25T01:20:00.000Z', 'onTime', false, false],
        [r7, 'confirmed', 'retailerPhone', '2026-11-25T01:30:00.000Z', 'onTime', false, false],
        [r8, 'delivered', 'server', '2026-11-25T03:40:00.000Z', 'late', true, false],
        [r9, 'delivered', 'server', '2026-11-25T01:50:00.000Z', 'onTime', false, true],
        [r2, 'planned', null, null, null, false, false],
      ]);
    });

    it('per delivery staff member: punctuality and proxy receipts (ceiling 0)', async () => {
      const staff = (await t.http.get('/api/kpi/delivery?month=2026-11').set(head).expect(200)).body;
      expect(staff.items.map((r: Row) => r.subject.code)).toEqual(['ds1', 'ds2', 'ds3', 'ds4', 'ds5', 'ds6']);
      const ds1 = staff.items[0];
      expect(ds1.subject).toMatchObject({ route: { code: 'R1-1' }, serviceCenterId: f.center.sc1 });
      // 24th: r1 on time, r2 half an hour late (and by a proxy), r3 failed. 25th: r4 (door code), r5 (door code
      // queued offline, its phone time kept) and r7 (its own phone's confirmation) on time; r9 within the window
      // but by a proxy; r8 two hours after its typed time (补录) and late; r2 still planned when the 25th ended
      // (the clock is at 5 December): 未完成, not on time. 4 of 9 on time; proxies r2 (the 24th) and r9.
      expect(ds1.kpis.deliveryPunctuality).toMatchObject({
        value: 4 / 9,
        numerator: 4,
        denominator: 9,
        details: { early: 0, late: 2, failed: 1, unfinished: 1, lateEntries: 1 },
        status: 'noTarget',
      });
      expect(ds1.kpis.proxyReceipts).toMatchObject({
        value: 2,
        target: { kind: 'atMost', value: 0 },
        status: 'below',
      });
      expect(ds1.kpis.leadAuthenticity).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
      expect(staff.items[1].kpis.proxyReceipts).toMatchObject({ value: 0, status: 'meets' });
    });

    it('the department adds every row: territories, squads and delivery staff', async () => {
      const [department] = (await t.http.get('/api/kpi/departments?month=2026-11').set(head).expect(200)).body
        .items;
      expect(department.kpis.leadVerificationRate).toMatchObject({ numerator: 4, denominator: 5 });
      // am01 1 of 2, am02 1 of 1, ds1 1 of 1.
      expect(department.kpis.leadAuthenticity).toMatchObject({ numerator: 3, denominator: 4 });
      expect(department.kpis.deliveryPunctuality).toMatchObject({ numerator: 4, denominator: 9 });
      expect(department.kpis.proxyReceipts).toMatchObject({ value: 2, status: 'below' });
    });

    it('refuses a month that has not started, and a malformed one', async () => {
      const future = await t.http.get('/api/kpi/account-managers?month=2027-01').set(head);
      expect(future.status).toBe(400);
      expect(future.body.code).toBe('KPI_MONTH_NOT_STARTED');
      const bad = await t.http.get('/api/kpi/account-managers?month=2026-13').set(head);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('brand cultivation of the key brands', () => {
    it('per key brand and territory: volume, ordering retailers, shelf rate, share, changes, focus tiers', async () => {
      const res = await t.http
        .get('/api/cultivation/key-brands?month=2026-11')
        .set(bearer(await t.token('mm1')))
        .expect(200);
      expect(res.body.keyBrands.map((b: { code: string; kind: string }) => [b.code, b.kind])).toEqual([
        ['K1', 'national_top20'],
        ['K2', 'equivalent'],
      ]);
      // K1 ¥26 a pack and K2 ¥13 are in the town focus tier (≥ ¥10); N1 (¥6.50) is not.
      expect(res.body.keyBrands[0].focusTier).toEqual({ urban: true, rural: false });
      expect(res.body.territories.map((x: { code: string }) => x.code)).toEqual([
        'T001',
        'T002',
        'T003',
        'T004',
      ]);
      const t001 = res.body.territories[0];
      // 25 cartons in T001, of which K1 14 and K2 6 in the focus tier: 80 %.
      expect(t001).toMatchObject({
        market: 'urban',
        activeRetailers: 5,
        shelfCheckedRetailers: 3,
        totalCartons: 25,
        focusTier: { cartons: 20, share: 0.8 },
      });
      // K1: r1 10 + r2 4; on r1's and r2's latest shelf check (2 of 5); 14 of 25; October nothing; last
      // November 20 (−30 %).
      expect(t001.brands[0]).toEqual({
        brandId: f.brands.k1,
        cartons: 14,
        amountFen: 280000,
        orderingRetailers: 2,
        shelf: { numerator: 2, denominator: 5, ratio: 0.4 },
        share: 0.56,
        previousMonth: { cartons: 0, change: null },
        lastYear: { cartons: 20, change: -0.3 },
      });
      expect(t001.brands[1]).toMatchObject({
        cartons: 6,
        orderingRetailers: 1,
        share: 0.24,
        lastYear: { change: null },
      });
      // The center: T002 adds 3 retailers and no sales.
      expect(res.body.total).toMatchObject({
        activeRetailers: 8,
        totalCartons: 25,
        focusTier: { share: 0.8 },
      });
      expect(res.body.total.brands[0].shelf).toEqual({ numerator: 2, denominator: 8, ratio: 0.25 });
      const own = await t.http
        .get('/api/cultivation/key-brands?month=2026-11')
        .set(bearer(await t.token('am02')));
      expect(own.body.territories.map((x: { code: string }) => x.code)).toEqual(['T002']);
    });
  });

  describe('scoping', () => {
    it('an account manager reads its own row only', async () => {
      const am01 = (
        await t.http
          .get('/api/kpi/account-managers?month=2026-11')
          .set(bearer(await t.token('am01')))
          .expect(200)
      ).body;
      expect(am01.items.map((r: Row) => r.subject.id)).toEqual([f.territory.t001]);
      expect(am01.items[0].kpis.guidanceCoverage).toMatchObject({ numerator: 2, denominator: 5 });
      const am05 = (
        await t.http
          .get('/api/kpi/account-managers?month=2026-11')
          .set(bearer(await t.token('am05')))
          .expect(200)
      ).body;
      expect(am05.items.map((r: Row) => r.subject.code)).toEqual(['T005']);
      for (const path of ['service-centers', 'departments']) {
        expect(
          (await t.http.get(`/api/kpi/${path}?month=2026-11`).set(bearer(await t.token('am01')))).status,
        ).toBe(403);
      }
    });

    it('a market manager reads its center’s territories and the center', async () => {
      const mm1 = bearer(await t.token('mm1'));
      const managers = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(mm1).expect(200))
        .body;
      expect(managers.items.map((r: Row) => r.subject.code)).toEqual(['T001', 'T002', 'T003', 'T004']);
      const centers = (await t.http.get('/api/kpi/service-centers?month=2026-11').set(mm1).expect(200)).body;
      expect(centers.items.map((r: Row) => r.subject.id)).toEqual([f.center.sc1]);
      expect(centers.items[0].kpis.guidanceCoverage).toMatchObject({ numerator: 5, denominator: 8 });
      const mm2 = (
        await t.http
          .get('/api/kpi/service-centers?month=2026-11')
          .set(bearer(await t.token('mm2')))
          .expect(200)
      ).body;
      expect(mm2.items.map((r: Row) => r.subject.id)).toEqual([f.center.sc2]);
      expect((await t.http.get('/api/kpi/departments?month=2026-11').set(mm1)).status).toBe(403);
    });

    it('an officer reads its squad, delivery staff their own row, a market manager its center’s staff', async () => {
      const eo3 = (
        await t.http
          .get('/api/kpi/squads?month=2026-11')
          .set(bearer(await t.token('eo3')))
          .expect(200)
      ).body;
      expect(eo3.items.map((r: Row) => r.subject.code)).toEqual(['SQ2']);
      const ds1 = (
        await t.http
          .get('/api/kpi/delivery?month=2026-11')
          .set(bearer(await t.token('ds1')))
          .expect(200)
      ).body;
      expect(ds1.items.map((r: Row) => r.subject.code)).toEqual(['ds1']);
      const mm1 = (
        await t.http
          .get('/api/kpi/delivery?month=2026-11')
          .set(bearer(await t.token('mm1')))
          .expect(200)
      ).body;
      expect(mm1.items.map((r: Row) => r.subject.code)).toEqual(['ds1', 'ds2']);
      expect(
        (await t.http.get('/api/kpi/squads?month=2026-11').set(bearer(await t.token('am01')))).status,
      ).toBe(403);
      expect(
        (await t.http.get('/api/kpi/delivery?month=2026-11').set(bearer(await t.token('eo1')))).status,
      ).toBe(403);
    });

    it('inspectors read the department; admins name it; other roles are refused', async () => {
      const insp = (
        await t.http
          .get('/api/kpi/departments?month=2026-11')
          .set(bearer(await t.token('insp1')))
          .expect(200)
      ).body;
      expect(insp.items[0].subject.id).toBe(f.departmentId);
      const admin = bearer(await t.token('admin'));
      const own = await t.http
        .get(`/api/kpi/departments?month=2026-11&departmentId=${f.departmentId}`)
        .set(admin);
      expect(own.status).toBe(200);
      expect(
        (await t.http.get(`/api/kpi/departments?month=2026-11&departmentId=${f.territory.t001}`).set(admin))
          .status,
      ).toBe(404);
      expect(
        (await t.http.get(`/api/kpi/account-managers?month=2026-11&departmentId=99999`).set(head)).status,
      ).toBe(404);
      for (const username of ['ds1', 'eo1', 'clerk1', '3300000000001']) {
        expect(
          (await t.http.get('/api/kpi/account-managers?month=2026-11').set(bearer(await t.token(username))))
            .status,
        ).toBe(403);
      }
      expect((await t.http.get('/api/kpi/account-managers?month=2026-11')).status).toBe(401);
    });
  });

  describe('targets per department', () => {
    it('a department head sets the department’s targets and a territory’s, audited', async () => {
      const audit = await countRows(t.db, 'audit_log');
      const res = await t.http
        .put(`/api/kpi/targets/${f.departmentId}`)
        .set(head)
        .send({
          targets: [
            { code: 'guidanceCoverage', kind: 'atLeast', value: 0.35 },
            { code: 'keyBrandShelfRate', territoryId: f.territory.t001, kind: 'atLeast', value: 0.5 },
            { code: 'effectiveGuidance', kind: 'none' },
            // The seed's price target: up by ¥5 a carton over last year; cartons up by 25 %.
            { code: 'averagePricePerCartonYearToDate', kind: 'upByAmount', value: 500 },
            { code: 'salesCartonsYearToDate', kind: 'upByPercent', value: 0.25 },
          ],
        })
        .expect(200);
      const byCode = new Map(res.body.targets.map((x: { code: string }) => [x.code, x]));
      expect(byCode.get('guidanceCoverage')).toMatchObject({
        defaultTarget: null,
        departmentTarget: { kind: 'atLeast', value: 0.35 },
      });
      expect(byCode.get('keyBrandShelfRate')).toMatchObject({
        territoryTargets: [{ territoryId: f.territory.t001, target: { kind: 'atLeast', value: 0.5 } }],
      });
      expect(await countRows(t.db, 'audit_log')).toBe(audit + 1);

      const november = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200))
        .body;
      const t001 = row(november, f.territory.t001).kpis;
      expect(t001.guidanceCoverage).toMatchObject({ value: 0.4, status: 'meets' }); // 40 % ≥ 35 %
      expect(t001.keyBrandShelfRate).toMatchObject({ value: 0.4, status: 'below' }); // T001's own 50 %
      // ¥146.00 against last year's ¥180.00 + ¥5: below; 25 cartons against 20 × 1.25 = 25: meets.
      expect(t001.averagePricePerCartonYearToDate).toMatchObject({
        target: { kind: 'upByAmount', value: 500 },
        baseline: 18000,
        status: 'below',
      });
      expect(t001.salesCartonsYearToDate).toMatchObject({
        target: { kind: 'upByPercent', value: 0.25 },
        baseline: 20,
        status: 'meets',
      });
      // Without a target, a half-checked sample is still not assessable.
      expect(t001.effectiveGuidance).toMatchObject({ target: null, status: 'notAssessable' });
      expect(row(november, f.territory.t002).kpis.effectiveGuidance).toMatchObject({ status: 'noTarget' });
      expect(row(november, f.territory.t002).kpis.keyBrandShelfRate).toMatchObject({ status: 'noTarget' });
    });

    it('refuses invalid targets and other roles, writing nothing', async () => {
      const before = await countRows(t.db, 'kpi_targets');
      const cases: Array<[Record<string, string>, object, number, string]> = [
        [head, { targets: [{ code: 'guidanceCoverage', kind: 'atLeast' }] }, 400, 'VALIDATION_FAILED'],
        [head, { targets: [{ code: 'nope', kind: 'none' }] }, 400, 'VALIDATION_FAILED'],
        [
          head,
          { targets: [{ code: 'guidanceCoverage', kind: 'rising', baseline: 'previousMonth', value: 1 }] },
          400,
          'KPI_TARGET_INVALID',
        ],
        [
          head,
          {
            targets: [
              { code: 'guidanceCoverage', kind: 'none' },
              { code: 'guidanceCoverage', kind: 'none' },
            ],
          },
          400,
          'KPI_TARGET_DUPLICATE',
        ],
        [
          head,
          {
            targets: [{ code: 'keyBrandShelfRate', territoryId: f.center.sc1, kind: 'atLeast', value: 0.5 }],
          },
          400,
          'KPI_TARGET_INVALID',
        ],
        [bearer(await t.token('mm1')), { targets: [] }, 403, 'FORBIDDEN'],
      ];
      for (const [who, body, status, code] of cases) {
        const res = await t.http.put(`/api/kpi/targets/${f.departmentId}`).set(who).send(body);
        expect([res.status, res.body.code]).toEqual([status, code]);
      }
      expect(await countRows(t.db, 'kpi_targets')).toBe(before);
    });
  });

  describe('closing the month', () => {
    let live: { items: Row[] };

    it('stores an immutable snapshot and the workbook once, and reads the closed month from it', async () => {
      live = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200)).body;
      const early = await t.http.post('/api/kpi/months/2026-12/close').set(bearer(await t.token('admin')));
      expect([early.status, early.body.code]).toEqual([409, 'KPI_MONTH_NOT_OVER']);
      expect((await t.http.post('/api/kpi/months/2026-11/close').set(head)).status).toBe(403);

      pinClock(t, '2026-12-01T01:00:00+08:00');
      // Before the grace period ends (3 December 09:00) the month waits; an admin forces it with a reason.
      const waiting = await t.http.post('/api/kpi/months/2026-11/close').set(bearer(await t.token('admin')));
      expect([waiting.status, waiting.body.code]).toEqual([409, 'MONTH_CLOSE_WAITING']);
      const closed = await t.http
        .post('/api/kpi/months/2026-11/close')
        .set(bearer(await t.token('admin')))
        .send({ force: true, reason: '月结测试：1 日 01:00 关账' })
        .expect(200);
      // 12 territories, 3 centers and the department.
      expect(closed.body).toEqual([
        {
          month: '2026-11',
          departmentId: f.departmentId,
          status: 'closed',
          rows: 16,
          workbookBytes: expect.any(Number),
          // What the forced close did not wait for.
          waitingFor: [expect.objectContaining({ reason: 'grace-period' })],
        },
      ]);
      pinClock(t, '2026-12-05T10:00:00+08:00');

      const snapshot = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200))
        .body;
      expect(snapshot).toMatchObject({ source: 'snapshot', closedAt: '2026-11-30T17:00:00.000Z' });
      expect(snapshot.items).toEqual(live.items);
    });

    it('does not change when the facts or the targets change afterwards', async () => {
      // A guidance visit of November recorded late, r3 made reachable, and the department's target moved.
      await t.db.query(
        `INSERT INTO visits (retailer_id, territory_id, department_id, account_manager_id, kind, visited_at, visited_on, guidance_topics, guidance_advice)
         SELECT r.id, r.territory_id, r.department_id, u.id, 'guidance', '2026-11-30T02:00:00Z', '2026-11-30', ARRAY['stock'], '补货'
           FROM retailers r, users u WHERE r.id = $1 AND u.username = 'am01'`,
        [f.retailers[2]],
      );
      await t.db.query('UPDATE retailers SET reachable_wechat = true WHERE id = $1', [f.retailers[2]]);
      await t.http
        .put(`/api/kpi/targets/${f.departmentId}`)
        .set(head)
        .send({ targets: [{ code: 'guidanceCoverage', kind: 'atLeast', value: 0.9 }] })
        .expect(200);
      const again = (await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200)).body;
      expect(again.items).toEqual(live.items);
      expect(row(again, f.territory.t001).kpis.guidanceCoverage).toMatchObject({
        numerator: 2,
        status: 'meets',
      });
      // Scoped reads of the snapshot: an account manager still sees only its row.
      const am02 = (
        await t.http
          .get('/api/kpi/account-managers?month=2026-11')
          .set(bearer(await t.token('am02')))
          .expect(200)
      ).body;
      expect(am02.items.map((r: Row) => r.subject.id)).toEqual([f.territory.t002]);
      const mm1 = (
        await t.http
          .get('/api/kpi/service-centers?month=2026-11')
          .set(bearer(await t.token('mm1')))
          .expect(200)
      ).body;
      expect(mm1.items.map((r: Row) => r.subject.id)).toEqual([f.center.sc1]);
    });

    it('refuses to update, delete or truncate a closed month', async () => {
      for (const sql of [
        `UPDATE kpi_snapshot_rows SET cells = '{}'`,
        'DELETE FROM kpi_snapshot_rows',
        'DELETE FROM kpi_month_closes',
        `UPDATE kpi_workbooks SET filename = 'x.xlsx'`,
        'TRUNCATE kpi_workbooks',
      ]) {
        await expect(t.db.query(sql)).rejects.toThrow(/immutable/);
      }
      expect(await countRows(t.db, 'kpi_snapshot_rows')).toBe(25);
    });

    it('closes once: a second close (or the job) changes nothing', async () => {
      const counts = async () =>
        Promise.all(
          ['kpi_month_closes', 'kpi_snapshot_rows', 'kpi_workbooks', 'audit_log'].map((x) =>
            countRows(t.db, x),
          ),
        );
      const before = await counts();
      const again = await t.http
        .post('/api/kpi/months/2026-11/close')
        .set(bearer(await t.token('admin')))
        .expect(200);
      expect(again.body).toEqual([
        { month: '2026-11', departmentId: f.departmentId, status: 'already-closed' },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('serves as the baseline of the next month, state-based KPIs included', async () => {
      const december = (await t.http.get('/api/kpi/account-managers?month=2026-12').set(head).expect(200))
        .body;
      expect(december).toMatchObject({ source: 'live', asOf: '2026-12-05', salesThrough: '2026-12-04' });
      expect(december.notes).toEqual(
        expect.arrayContaining([expect.objectContaining({ family: 'forecast' })]),
      );
      const t001 = row(december, f.territory.t001).kpis;
      // r1, r2 and now r3 reachable: 3 of 5 = 60 %, against November's stored 40 %.
      expect(t001.channelCoverage).toMatchObject({ value: 0.6, baseline: 0.4, status: 'meets' });
      // No demand in December yet; November's 2 of 3 is the baseline.
      expect(t001.selfReportedDemandShare).toMatchObject({ value: null, status: 'noValue' });
      expect(t001.selfReportedDemandShare.baseline).toBeCloseTo(2 / 3, 12);
      // Forecast accuracy is measured when December is over.
      expect(t001.forecastAccuracy).toMatchObject({ value: null, numerator: null, status: 'noValue' });
    });
  });

  describe('the KPI workbook', () => {
    let book: ExcelJS.Workbook;
    let body: Buffer;

    beforeAll(async () => {
      const res = await t.http
        .get('/api/reports/kpi?month=2026-11')
        .set(head)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      body = res.body as Buffer;
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['x-report-source']).toBe('stored');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="kpi-2026-11-department-${f.departmentId}.xlsx"; filename*=UTF-8''${encodeURIComponent('客户经理考核-示范县营销部-2026-11.xlsx')}`,
      );
      book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
    });

    const highlighted = (cell: ExcelJS.Cell) =>
      (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFC7CE';
    const values = (sheet: ExcelJS.Worksheet, rowNumber: number) =>
      (sheet.getRow(rowNumber).values as unknown[]).slice(1);
    /** The cell of a row under the column with this header (row 1). */
    const cellUnder = (sheet: ExcelJS.Worksheet, row: ExcelJS.Row, header: string) => {
      const column = (sheet.getRow(1).values as unknown[]).indexOf(header);
      if (column < 1) throw new Error(`no column ${header} in ${sheet.name}`);
      return row.getCell(column);
    };
    const rowWith = (sheet: ExcelJS.Worksheet, column: number, text: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(column).value === text) found = r;
      });
      if (!found) throw new Error(`no row with ${text} in ${sheet.name}`);
      return found;
    };

    it('has its sheets, each with a frozen, filterable header row', () => {
      expect(book.worksheets.map((s) => s.name)).toEqual([
        '封面',
        '客户经理考核',
        '客户服务部汇总',
        '品牌预测准确率',
        '经营指导明细',
        '零售指导价落实',
        '线索查实',
        '送货及时率',
        '品牌培育',
      ]);
      for (const sheet of book.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeDefined();
        expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      }
      const cover = book.getWorksheet('封面')!;
      expect(rowWith(cover, 1, '月份').getCell(2).value).toBe('2026年11月');
      expect(rowWith(cover, 1, '营销部').getCell(2).value).toBe('示范县营销部');
      expect(String(rowWith(cover, 1, '数据状态').getCell(2).value)).toContain('已结账');
    });

    it('lists every account manager’s KPIs with formats, highlighting the ones below target', () => {
      const sheet = book.getWorksheet('客户经理考核')!;
      expect(values(sheet, 1)).toEqual([
        '客户服务部',
        '片区编码',
        '片区',
        '客户经理',
        '经营指导面',
        '经营指导面（年累计）',
        '有效指导率',
        '预测准确率',
        '重点品牌预测准确率',
        '自主提报率',
        '政策知晓率',
        '信息覆盖面',
        '拜访达成率',
        '电话回访达成率',
        '重点品牌上柜率',
        '条价指导价落实率',
        '盒价指导价落实率',
        '线索真实性',
        '销量（条）',
        '去年同期销量（条）',
        '销量同比',
        '销售额（元）',
        '去年同期销售额（元）',
        '销售额同比',
        '单条价（元）',
        '去年同期单条价（元）',
        '单条价同比',
        '年累计销量（条）',
        '去年同期累计销量（条）',
        '累计销量同比',
        '年累计销售额（元）',
        '去年同期累计销售额（元）',
        '累计销售额同比',
        '年累计单条价（元）',
        '去年同期累计单条价（元）',
        '累计单条价同比',
      ]);
      const t001 = rowWith(sheet, 2, 'T001');
      const at = (header: string) => cellUnder(sheet, t001, header);
      const coverage = at('经营指导面');
      expect(coverage.value).toBe(0.4);
      expect(coverage.numFmt).toBe('0.0%');
      // Judged against the targets in force when the month closed (35 %): not highlighted.
      expect(highlighted(coverage)).toBe(false);
      const visits = at('拜访达成率');
      expect(visits.value).toBeCloseTo(8 / 630, 12);
      expect(highlighted(visits)).toBe(true);
      expect(String(visits.note)).toContain('≥ 100.0%');
      expect(at('条价指导价落实率').value).toBeCloseTo(2 / 3, 12);
      expect(at('盒价指导价落实率').value).toBe(0.5);
      expect(at('线索真实性').value).toBe(0.5);
      expect(at('销量（条）').value).toBe(25);
      expect(at('去年同期销量（条）').value).toBe(20);
      expect(at('销量同比').value).toBe(0.25);
      expect(at('销售额（元）').value).toBe(3650);
      expect(at('销售额（元）').numFmt).toBe('#,##0.00');
      const price = at('单条价（元）');
      expect(price.value).toBe(146);
      expect(highlighted(price)).toBe(true);
      expect(String(price.note)).toContain('不低于去年同期（去年同期 180.00 元）');
      // The department's year-to-date price target, as it stood at the close.
      const yearPrice = at('年累计单条价（元）');
      expect(yearPrice.value).toBe(146);
      expect(String(yearPrice.note)).toContain('较去年同期增长不少于 5.00 元（去年同期 180.00 元）');
      expect(at('年累计销量（条）').value).toBe(25);
      expect(at('去年同期累计销量（条）').value).toBe(20);
      const t002 = rowWith(sheet, 2, 'T002');
      expect(cellUnder(sheet, t002, '经营指导面').value).toBe(1);
      expect(highlighted(cellUnder(sheet, t002, '经营指导面'))).toBe(false);
    });

    it('holds every KPI of T001, as counted by hand in the tests above', async () => {
      const sheet = book.getWorksheet('客户经理考核')!;
      const { rows } = await t.db.query(`SELECT display_name FROM users WHERE username = 'am01'`);
      expect(values(sheet, rowWith(sheet, 2, 'T001').number)).toEqual([
        '城关客户服务部',
        'T001',
        '城关一片区',
        rows[0].display_name,
        0.4, // 经营指导面: r1, r2 of 5 active
        0.4, // 年累计: the same two since 1 January
        undefined, // 有效指导率: 1 effective of 2 checked, but the sample is 3: not assessable
        0.72, // 预测准确率: 1 − (2 + 0 + 5) ÷ 25
        0.9, // 重点品牌: 1 − 2 ÷ 20
        2 / 3, // 自主提报率: r1, r2 own of r1, r2, r3
        2 / 3, // 政策知晓率: r3, r4 aware of both of r3, r4, r5
        0.4, // 信息覆盖面: r1, r2 reachable of 5
        8 / 630, // 拜访达成率
        2 / 630, // 电话回访达成率
        0.4, // 重点品牌上柜率: 4 of 5 × 2
        2 / 3, // 条价: K1 ¥260, K2 ¥120 at or below the guide of 3 checked
        0.5, // 盒价: K1 ¥26 of 2
        0.5, // 线索真实性: am01's r1 属实, r2 不实
        25, // 销量: 10 + 5 + 4 + 6
        20,
        0.25,
        3650, // 销售额: ¥2000 + ¥250 + ¥800 + ¥600
        3600,
        50 / 3600,
        146, // 单条价: ¥3650 ÷ 25
        180,
        -34 / 180,
        25, // the year to date: November's alone
        20,
        0.25,
        3650,
        3600,
        50 / 3600,
        146,
        180,
        -34 / 180,
      ]);
    });

    it('holds every KPI of the center SC1 and of the department, added up by hand', () => {
      const sheet = book.getWorksheet('客户服务部汇总')!;
      // Both read the same: every retailer, visit, sale and lead is in SC1 (T001–T004, T003 and T004 empty);
      // the visit and call targets are 630 per territory (SC1 has 4, the department 12).
      const common = (territories: number, leadAuthenticity: number) => [
        0.625, // 经营指导面: T001 2 of 5 + T002 3 of 3
        0.625,
        undefined, // 有效指导率: 4 effective of 5 checked of a sample of 6: not assessable
        0.72,
        0.9,
        2 / 3,
        2 / 3,
        0.375, // 信息覆盖面: r1, r2, r7 of 8
        11 / (territories * 630), // 拜访: 8 + 3
        2 / (territories * 630),
        0.25, // 重点品牌上柜率: 4 of 8 × 2
        2 / 3,
        0.5,
        leadAuthenticity,
        25,
        20,
        0.25,
        3650,
        3600,
        50 / 3600,
        146,
        180,
        -34 / 180,
        25,
        20,
        0.25,
        3650,
        3600,
        50 / 3600,
        146,
        180,
        -34 / 180,
      ];
      // 线索真实性: the center's account managers am01 (1 of 2) and am02 (1 of 1); the department adds ds1's.
      expect(values(sheet, rowWith(sheet, 1, '城关客户服务部').number)).toEqual([
        '城关客户服务部',
        ...common(4, 2 / 3),
      ]);
      expect(values(sheet, rowWith(sheet, 1, '示范县营销部合计').number)).toEqual([
        '示范县营销部合计',
        ...common(12, 3 / 4),
      ]);
    });

    it('has guide-price compliance per territory, the department’s total last', () => {
      const sheet = book.getWorksheet('零售指导价落实')!;
      expect(values(sheet, 1)).toEqual([
        '客户服务部',
        '片区',
        '客户经理',
        '条价检查（规格次）',
        '条价不高于指导价',
        '条价落实率',
        '盒价检查（规格次）',
        '盒价不高于指导价',
        '盒价落实率',
      ]);
      const t001 = rowWith(sheet, 2, '城关一片区');
      expect(values(sheet, t001.number).slice(3)).toEqual([3, 2, 2 / 3, 2, 1, 0.5]);
      const total = rowWith(sheet, 2, '示范县营销部合计');
      expect(values(sheet, total.number).slice(3)).toEqual([3, 2, 2 / 3, 2, 1, 0.5]);
    });

    it('sums centers and the department, the total last and bold', () => {
      const sheet = book.getWorksheet('客户服务部汇总')!;
      const rows: unknown[][] = [];
      sheet.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1)));
      expect(rows.map((r) => r[0])).toEqual([
        '城关客户服务部',
        '东乡客户服务部',
        '西山客户服务部',
        '示范县营销部合计',
      ]);
      expect(rows[0][1]).toBe(0.625);
      expect(sheet.getRow(5).getCell(1).font?.bold).toBe(true);
    });

    it('details forecasts per spec, guidance with its checks, and key-brand cultivation', () => {
      const forecast = book.getWorksheet('品牌预测准确率')!;
      expect(values(forecast, 1).slice(5)).toEqual([
        '重点品牌',
        '预测量（条）',
        '需求量（条）',
        '供货量（条）',
        '偏差（条）',
        '准确率',
        '说明',
      ]);
      // K1: forecast 12, demanded 14, supplied 14, off by 2: 1 − 2/14.
      const k1 = rowWith(forecast, 4, 'K1');
      expect(values(forecast, k1.number).slice(5)).toEqual(['是', 12, 14, 14, 2, 1 - 2 / 14]);
      // N1: forecast 0, demanded 5: 0 %.
      expect(values(forecast, rowWith(forecast, 4, 'N1').number).slice(6)).toEqual([0, 5, 5, 5, 0]);

      const guidance = book.getWorksheet('经营指导明细')!;
      // Six guidance visits as of the close (the one recorded afterwards is not in the stored workbook).
      expect(guidance.rowCount).toBe(7);
      const ineffective = rowWith(guidance, 10, '无效');
      expect(ineffective.getCell(5).value).toBe('3300000000002');
      expect(cellUnder(guidance, ineffective, '指导内容').value).toBe('价格、库存');
      expect(highlighted(ineffective.getCell(10))).toBe(true);
      // Every guidance visit is in its account manager's sample; the one never checked is flagged.
      const unchecked = rowWith(guidance, 10, '未检查');
      expect(cellUnder(guidance, unchecked, '抽查样本').value).toMatch(/^第[123]个$/);
      expect(highlighted(cellUnder(guidance, unchecked, '抽查样本'))).toBe(true);

      const cultivation = book.getWorksheet('品牌培育')!;
      let k1Row: ExcelJS.Row | undefined;
      cultivation.eachRow((r) => {
        if (r.getCell(2).value === '城关一片区' && r.getCell(4).value === 'K1') k1Row = r;
      });
      // K1 in T001: 14 cartons, 2 retailers, on 2 of 5 shelves, 14 of 25 cartons, last year 20 (−30 %);
      // 80 % of T001's volume (K1 14 + K2 6 of 25) is in the town focus tier (≥ ¥10 a pack).
      expect((k1Row!.values as unknown[]).slice(6)).toEqual([14, 2, 0.4, 0.56, 0, undefined, 20, -0.3, 0.8]);
      expect(highlighted(k1Row!.getCell(13))).toBe(true);
    });

    it('has the squads’ verification and the delivery staff’s punctuality, with the department’s totals', () => {
      const leads = book.getWorksheet('线索查实')!;
      expect(values(leads, 1)).toEqual([
        '专卖检查队',
        '到期线索',
        '已查实（属实+不实）',
        '其中属实',
        '其中不实',
        '无法查实',
        '未出结果',
        '查实率',
        '按时查实',
        '按时查实率',
      ]);
      expect(values(leads, 2).slice(1)).toEqual([5, 4, 3, 1, 0, 1, 0.8, 3, 0.6]);
      expect(values(leads, 5)).toEqual(['示范县营销部合计', 5, 4, 3, 1, 0, 1, 0.8, 3, 0.6]);
      const delivery = book.getWorksheet('送货及时率')!;
      expect(values(delivery, 1)).toEqual([
        '送货员',
        '客户服务部',
        '送货线路',
        '送货户次',
        '按时送达',
        '早到',
        '迟到',
        '未送达',
        '未完成',
        '补录（不计按时）',
        '送货及时率',
        '代接货次数',
        '线索真实性',
      ]);
      const ds1 = delivery.getRow(2);
      expect((ds1.values as unknown[]).slice(2)).toEqual([
        '城关客户服务部',
        '城关一号送货线路',
        9,
        4,
        0,
        2,
        1,
        1,
        1,
        4 / 9,
        2,
        1,
      ]);
      expect(highlighted(ds1.getCell(12))).toBe(true);
      expect(String(ds1.getCell(12).note)).toContain('≤ 0 次');
      expect(highlighted(delivery.getRow(3).getCell(12))).toBe(false);
    });

    it('is served byte for byte as stored, while an open month’s is made on request', async () => {
      const download = async (month: string) =>
        t.http
          .get(`/api/reports/kpi?month=${month}`)
          .set(head)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          });
      const again = await download('2026-11');
      expect(Buffer.compare(again.body as Buffer, body)).toBe(0);
      const december = await download('2026-12');
      expect(december.status).toBe(200);
      expect(december.headers['x-report-source']).toBe('live');
      const live = new ExcelJS.Workbook();
      await live.xlsx.load(december.body as unknown as ArrayBuffer);
      expect(String(rowWith(live.getWorksheet('封面')!, 1, '数据状态').getCell(2).value)).toContain('实时');
      // A market manager's is its center's, made on request (test/center-workbook.e2e-spec.ts).
      const center = await t.http.get('/api/reports/kpi?month=2026-11').set(bearer(await t.token('mm1')));
      expect([center.status, center.headers['x-report-source']]).toEqual([200, 'live']);
    });
  });
  describe('the scheduled close', () => {
    it('waits on the 1st for the grace period, closes once it is over, and finds it closed the next day', async () => {
      const close = t.app.get(MonthCloseService);
      pinClock(t, '2027-01-01T01:00:00+08:00');
      expect(await close.closeDue()).toEqual([
        expect.objectContaining({ month: '2026-12', departmentId: f.departmentId, status: 'waiting' }),
      ]);
      pinClock(t, '2027-01-05T09:00:00+08:00');
      expect(await close.closeDue()).toEqual([
        expect.objectContaining({ month: '2026-12', departmentId: f.departmentId, status: 'closed' }),
      ]);
      pinClock(t, '2027-01-06T01:00:00+08:00');
      expect(await close.closeDue()).toEqual([
        { month: '2026-12', departmentId: f.departmentId, status: 'already-closed' },
      ]);
      const { rows } = await t.db.query(
        `SELECT business_key, status FROM job_runs WHERE job_name = 'kpi-month-close' ORDER BY id`,
      );
      expect(rows).toEqual([
        { business_key: `2026-11:${f.departmentId}`, status: 'succeeded' },
        { business_key: `2026-12:${f.departmentId}`, status: 'succeeded' },
      ]);
      pinClock(t, '2026-12-05T10:00:00+08:00');
    });
  });
});
