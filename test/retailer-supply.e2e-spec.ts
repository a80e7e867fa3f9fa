import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * What a retailer's phone (and its account manager's) reads about this week's supply, and the account
 * manager's 无需求 before the cutoff.
 *
 * Fixture: T001 orders on Monday 2026-12-14 (window Sunday 12:00 → Monday 16:00 Shanghai). Retailers of T001:
 * urban (grade 5), rural (grade 12), quiet (grade 7, urban); one of T005.
 * Scarce limits of the week of 2026-12-14:
 *   S1: common vector grade g → g cartons, rural vector 2 for every grade → urban 5, rural 2;
 *   S2: rural vector only, 3 for every grade → urban none, rural 3;
 *   S3: common 4 for every grade, but S3 is no longer scarce → listed for nobody.
 * Class V (V1) supplied at 80 %.
 */
describe('retailer supply information, outcome and no-demand', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let urban: number, rural: number, quiet: number, foreign: number;
  let s1: number, s2: number, s3: number, v1: number;
  let cycle: number;
  let urbanDemand: number;
  const lic = (n: number) => `33000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const WEEK = '2026-12-14';

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-10T02:00:00Z');
    [urban, rural, quiet, foreign] = await insertRetailers(t, [
      { licenseNo: lic(1), territory: 'T001', grade: 5, marketType: 'urban', withUser: true },
      { licenseNo: lic(2), territory: 'T001', grade: 12, marketType: 'rural', withUser: true },
      { licenseNo: lic(3), territory: 'T001', grade: 7, marketType: 'urban', withUser: true },
      { licenseNo: lic(4), territory: 'T005', grade: 5, marketType: 'urban', withUser: true },
    ]);
    [s1, s2, s3, v1] = await insertBrands(t, [
      { code: 'S01', priceClass: 1, scarce: true },
      { code: 'S02', priceClass: 1, scarce: true },
      { code: 'S03', priceClass: 1, scarce: true },
      { code: 'V01', priceClass: 5, wholesalePriceFen: 1200 },
    ]);
    const head = await as('head');
    await t.http.put('/api/quota-policies').set(head).send(ROUND_QUOTA_POLICY).expect(200);
    const limits = [
      { brandId: s1, limits: Array.from({ length: 30 }, (_, i) => i + 1) },
      { brandId: s1, marketType: 'rural', limits: Array(30).fill(2) },
      { brandId: s2, marketType: 'rural', limits: Array(30).fill(3) },
      { brandId: s3, limits: Array(30).fill(4) },
    ];
    for (const body of limits) {
      await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ ...body, weekStart: WEEK })
        .expect(200);
    }
    await t.db.query('UPDATE brands SET scarce = false WHERE id = $1', [s3]);
    await t.http
      .put('/api/supply-ratios')
      .set(head)
      .send({ ratios: [{ priceClass: 5, ratioBp: 8000 }] })
      .expect(200);
    const created = await t.http
      .post('/api/order-cycles')
      .set(await as('admin'))
      .send({
        territoryId: await t.unitId('T001'),
        orderDate: WEEK,
        opensAt: '2026-12-13T04:00:00Z',
        cutoffAt: '2026-12-14T08:00:00Z',
      })
      .expect(201);
    cycle = created.body.id;
    at('2026-12-14T02:00:00Z'); // Monday 10:00 in Shanghai: the window is open
  });
  afterAll(async () => {
    await t.close();
  });

  describe('scarce limits at the retailer’s grade', () => {
    it('gives each retailer its own limit per scarce spec, its market type’s vector first', async () => {
      const own = await t.http
        .get(`/api/retailers/${urban}/scarce-limits?weekStart=${WEEK}`)
        .set(await as(lic(1)))
        .expect(200);
      expect(own.body).toEqual({
        retailerId: urban,
        weekStart: WEEK,
        grade: 5,
        marketType: 'urban',
        limits: [{ brandId: s1, limit: 5 }],
      });
      const ruralOwn = await t.http
        .get(`/api/retailers/${rural}/scarce-limits?weekStart=${WEEK}`)
        .set(await as(lic(2)))
        .expect(200);
      expect(ruralOwn.body.limits).toEqual([
        { brandId: s1, limit: 2 },
        { brandId: s2, limit: 3 },
      ]);
    });

    it('has no limits for a week none were published for', async () => {
      const res = await t.http
        .get(`/api/retailers/${urban}/scarce-limits?weekStart=2026-12-21`)
        .set(await as(lic(1)))
        .expect(200);
      expect(res.body.limits).toEqual([]);
    });

    it('answers 404 for another retailer’s, and for a retailer outside the account manager’s territory', async () => {
      const other = await t.http
        .get(`/api/retailers/${rural}/scarce-limits?weekStart=${WEEK}`)
        .set(await as(lic(1)));
      expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
      await t.http
        .get(`/api/retailers/${rural}/scarce-limits?weekStart=${WEEK}`)
        .set(await as('am01'))
        .expect(200);
      const outside = await t.http
        .get(`/api/retailers/${foreign}/scarce-limits?weekStart=${WEEK}`)
        .set(await as('am01'));
      expect([outside.status, outside.body.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('lets a retailer read its department’s 稍紧平衡 ratios', async () => {
      const res = await t.http
        .get('/api/supply-ratios')
        .set(await as(lic(1)))
        .expect(200);
      expect(res.body).toEqual([{ departmentId: await t.unitId('D01'), priceClass: 5, ratioBp: 8000 }]);
    });
  });

  describe('无需求 recorded by the account manager before the cutoff', () => {
    const waiting = async () =>
      (
        await t.http
          .get(`/api/order-cycles/${cycle}/waiting-retailers`)
          .set(await as('mm1'))
          .expect(200)
      ).body.map((row: { id: number }) => row.id);

    it('records it once, and the retailer no longer waits for a call', async () => {
      expect(await waiting()).toEqual(expect.arrayContaining([quiet]));
      const audits = await countRows(t.db, 'audit_log');
      const first = await t.http
        .post('/api/no-demand')
        .set(await as('am01'))
        .send({ retailerId: quiet })
        .expect(201);
      expect(first.body).toEqual({
        cycleId: cycle,
        retailerId: quiet,
        territoryId: await t.unitId('T001'),
        recordedAt: expect.any(String),
      });
      const again = await t.http
        .post('/api/no-demand')
        .set(await as('am01'))
        .send({ retailerId: quiet })
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(await countRows(t.db, 'no_demand_records')).toBe(1);
      expect(await countRows(t.db, 'audit_log')).toBe(audits + 1);
      expect(await waiting()).not.toContain(quiet);
    });

    it('refuses a retailer with demand in the cycle, and one outside the territory, writing nothing', async () => {
      const demand = await t.http
        .post('/api/demands')
        .set(await as(lic(1)))
        .send({
          retailerId: urban,
          channel: 'self',
          lines: [
            { brandId: s1, cartons: 3 },
            { brandId: v1, cartons: 3 },
          ],
        })
        .expect(201);
      urbanDemand = demand.body.id;
      const refused = await t.http
        .post('/api/no-demand')
        .set(await as('am01'))
        .send({ retailerId: urban });
      expect([refused.status, refused.body.code]).toEqual([409, 'NO_DEMAND_HAS_DEMAND']);
      const outside = await t.http
        .post('/api/no-demand')
        .set(await as('am05'))
        .send({ retailerId: rural });
      expect([outside.status, outside.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await countRows(t.db, 'no_demand_records')).toBe(1);
    });

    it('gives way when the retailer orders after all', async () => {
      await t.http
        .post('/api/demands')
        .set(await as(lic(3)))
        .send({ retailerId: quiet, channel: 'self', lines: [{ brandId: s1, cartons: 1 }] })
        .expect(201);
      expect(await countRows(t.db, 'no_demand_records')).toBe(0);
    });

    it('is refused once the cycle has cut off', async () => {
      at('2026-12-14T09:00:00Z');
      const res = await t.http
        .post('/api/no-demand')
        .set(await as('am01'))
        .send({ retailerId: rural });
      expect([res.status, res.body.code]).toEqual([409, 'CYCLE_CLOSED']);
      at('2026-12-14T02:00:00Z');
    });
  });

  describe('the outcome of a demand at the unified order', () => {
    it('says nothing is ordered before the unified order', async () => {
      const res = await t.http
        .get(`/api/demands/${urbanDemand}/outcome`)
        .set(await as(lic(1)))
        .expect(200);
      expect(res.body).toEqual({
        demandId: urbanDemand,
        status: 'submitted',
        ordered: false,
        askedCartons: 0,
        allottedCartons: 0,
        lines: [],
      });
    });

    it('shows per spec what was asked, the ratio and what was allotted', async () => {
      // V1 at 80 %: urban asks 3, rural 2 → ⌊5 × 0.8⌋ = 4; shares 2.4 and 1.6 → 2 and 1, the spare carton to
      // the larger remainder (rural): urban 2, rural 2. S1 is not rationed.
      await t.http
        .post('/api/demands')
        .set(await as(lic(2)))
        .send({ retailerId: rural, channel: 'self', lines: [{ brandId: v1, cartons: 2 }] })
        .expect(201);
      at('2026-12-14T09:00:00Z');
      await t.http
        .post(`/api/order-cycles/${cycle}/cutoff`)
        .set(await as('admin'))
        .expect(200);
      at('2026-12-15T00:00:00Z');
      await t.http
        .post(`/api/order-cycles/${cycle}/consolidate`)
        .set(await as('clerk1'))
        .expect(200);
      const res = await t.http
        .get(`/api/demands/${urbanDemand}/outcome`)
        .set(await as(lic(1)))
        .expect(200);
      expect(res.body).toEqual({
        demandId: urbanDemand,
        status: 'ordered',
        ordered: true,
        askedCartons: 6,
        allottedCartons: 5,
        lines: [
          { brandId: s1, asked: 3, allotted: 3, supplyRatioBp: null },
          { brandId: v1, asked: 3, allotted: 2, supplyRatioBp: 8000 },
        ],
      });
    });

    it('answers 404 to another retailer', async () => {
      const res = await t.http.get(`/api/demands/${urbanDemand}/outcome`).set(await as(lic(2)));
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    });
  });
});
