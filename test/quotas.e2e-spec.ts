import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock, TransactionRunner } from '#libs/shared';
import { QuotaLedger } from '#libs/quotas';
import { RetailerDirectory } from '#libs/retailers';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * Fixture: the demo county, a policy with base = 10 × grade, floats large 5 % / medium 10 % / small 15 %,
 * pacing 1.5; "today" is Thursday 2026-12-10 in Asia/Shanghai. T001 orders on Mondays: its cycles of December
 * 2026 are on the 7th, 14th, 21st and 28th, the last three still to come.
 *   r1 T001 grade 10 small  → agreed 100, cap ⌈100 × 1.15⌉ = 115
 *   r2 T001 grade 20 medium → agreed 200, cap ⌈200 × 1.10⌉ = 220
 *   r3 T002 grade 30 large  → agreed 300, cap ⌈300 × 1.05⌉ = 315
 *   r4 T003 grade 5 small   → agreed 50,  cap ⌈50 × 1.15⌉ = ⌈57.5⌉ = 58
 *   r5 T005 grade 15 small (another center) → agreed 150, cap ⌈172.5⌉ = 173
 */
describe('total-volume floating quotas', () => {
  let t: DemoApp;
  let head: Record<string, string>;
  let mm1: Record<string, string>;
  let r1: number, r2: number, r3: number, r4: number, r5: number;
  const month = '2026-12';

  const quota = async (id: number) =>
    (
      await t.db.query('SELECT * FROM retailer_quotas WHERE retailer_id = $1 AND month = $2', [
        id,
        `${month}-01`,
      ])
    ).rows[0];

  beforeAll(async () => {
    t = await startDemoApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-10T04:00:00Z'));
    [r1, r2, r3, r4, r5] = await insertRetailers(t, [
      { licenseNo: '110000000001', territory: 'T001', grade: 10, scale: 'small' },
      { licenseNo: '110000000002', territory: 'T001', grade: 20, scale: 'medium' },
      { licenseNo: '110000000003', territory: 'T002', grade: 30, scale: 'large' },
      { licenseNo: '110000000004', territory: 'T003', grade: 5, scale: 'small' },
      { licenseNo: '110000000005', territory: 'T005', grade: 15, scale: 'small' },
    ]);
    head = bearer(await t.token('head'));
    mm1 = bearer(await t.token('mm1'));
    await t.http.put('/api/quota-policies').set(head).send(ROUND_QUOTA_POLICY).expect(200);
    // Putting the schedule generates T001's cycles from today on (14, 21 and 28 December, then January).
    await t.http
      .put(`/api/order-schedules/${await t.unitId('T001')}`)
      .set(bearer(await t.token('admin')))
      .send({ orderWeekday: 1 })
      .expect(200);
    const computed = await t.http.post('/api/quotas/compute').set(head).send({ month }).expect(200);
    expect(computed.body).toMatchObject({ month, retailers: 5, totalCap: 115 + 220 + 315 + 58 + 173 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('derives each cap from the grade policy and the scale’s float, explained', async () => {
    expect((await quota(r1)).cap).toBe(115);
    expect((await quota(r2)).cap).toBe(220);
    expect((await quota(r3)).cap).toBe(315);
    const explanation = (await quota(r1)).explanation;
    expect(explanation).toMatchObject({
      agreedTotalSource: 'grade_policy',
      policyBase: 100,
      agreedTotal: 100,
      floatBp: 1500,
      effectiveCap: 115,
    });
  });

  it('shows a retailer its cap, use and this cycle’s paced allowance (3 Mondays left: ⌈115 ÷ 3 × 1.5⌉ = 58)', async () => {
    const res = await t.http
      .get(`/api/retailers/${r1}/quota?month=${month}`)
      .set(bearer(await t.token('am01')))
      .expect(200);
    expect(res.body).toMatchObject({
      agreedTotal: 100,
      floatPercent: 15,
      cap: 115,
      used: 0,
      reserved: 0,
      remaining: 115,
      remainingCycles: 3,
      cycleAllowance: 58,
    });
    expect(res.body).not.toHaveProperty('floor');
    expect(
      (await t.http.get(`/api/retailers/${r5}/quota?month=${month}`).set(bearer(await t.token('am01'))))
        .status,
    ).toBe(404);
  });

  it.each([
    ['floor', { floor: 10 }, 'floor'],
    ['min', { min: 10 }, 'min'],
    ['minimum', { minimum: 10 }, 'minimum'],
    ['minCartons', { minCartons: 10 }, 'minCartons'],
    ['lowerLimit', { lowerLimit: 10 }, 'lowerLimit'],
    ['lower_limit', { lower_limit: 10 }, 'lower_limit'],
  ])('refuses a floor named %s with QUOTA_FLOOR_FORBIDDEN, writing nothing', async (_name, extra, path) => {
    const before = await quota(r1);
    const audit = await countRows(t.db, 'audit_log');
    const res = await t.http
      .put(`/api/retailers/${r1}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 150, ...extra });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUOTA_FLOOR_FORBIDDEN');
    expect(res.body.details.path).toBe(path);
    expect(await quota(r1)).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('finds a floor nested in a rebalance and in the query string', async () => {
    const nested = await t.http
      .post('/api/quotas/rebalance')
      .set(mm1)
      .send({
        month,
        reason: '调整',
        caps: [
          { retailerId: r1, cap: 100 },
          { retailerId: r2, cap: 235, minCartons: 5 },
        ],
      });
    expect(nested.body).toMatchObject({
      code: 'QUOTA_FLOOR_FORBIDDEN',
      details: { path: 'caps.1.minCartons' },
    });
    const query = await t.http.get(`/api/retailers/${r1}/quota?month=${month}&floor=3`).set(mm1);
    expect(query.body.code).toBe('QUOTA_FLOOR_FORBIDDEN');
  });

  it('refuses a per-specification agreed volume with QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN', async () => {
    const before = await quota(r1);
    const res = await t.http
      .put(`/api/retailers/${r1}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 150, brandId: 7 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN');
    const lines = await t.http
      .put(`/api/retailers/${r1}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 150, brandVolumes: [{ brandId: 7, cartons: 20 }] });
    expect(lines.body.code).toBe('QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN');
    expect(await quota(r1)).toEqual(before);
  });

  it('refuses fields nobody may set (mass assignment) as unknown', async () => {
    const res = await t.http
      .put(`/api/retailers/${r1}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 150, cap: 999 });
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const used = await t.http
      .put(`/api/retailers/${r1}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 150, used: 0 });
    expect(used.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets the center’s market manager set the agreed total; the cap follows (⌊200 × 1.15⌋ = 230)', async () => {
    const res = await t.http
      .put(`/api/retailers/${r4}/agreed-total`)
      .set(mm1)
      .send({ month, cartons: 200 })
      .expect(200);
    expect(res.body).toMatchObject({ agreedTotal: 200, cap: 230 });
    expect((await quota(r4)).agreed_total_source).toBe('market_manager');
    expect(
      (
        await t.http
          .put(`/api/retailers/${r4}/agreed-total`)
          .set(bearer(await t.token('mm2')))
          .send({ month, cartons: 1 })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .put(`/api/retailers/${r4}/agreed-total`)
          .set(bearer(await t.token('am03')))
          .send({ month, cartons: 1 })
      ).status,
    ).toBe(403);
    // A recomputation keeps the manager's total.
    await t.http.post('/api/quotas/compute').set(head).send({ month }).expect(200);
    expect((await quota(r4)).cap).toBe(230);
  });

  it('rebalances within a territory keeping the total; refuses a changed total and writes nothing', async () => {
    const changed = await t.http
      .post('/api/quotas/rebalance')
      .set(mm1)
      .send({
        month,
        reason: '互调',
        caps: [
          { retailerId: r1, cap: 100 },
          { retailerId: r2, cap: 236 },
        ],
      });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({
      code: 'QUOTA_REBALANCE_TOTAL_CHANGED',
      details: { totalBefore: 335, totalAfter: 336 },
    });
    expect((await quota(r1)).cap).toBe(115);

    const ok = await t.http
      .post('/api/quotas/rebalance')
      .set(mm1)
      .send({
        month,
        reason: '互调',
        caps: [
          { retailerId: r1, cap: 100 },
          { retailerId: r2, cap: 235 },
        ],
      })
      .expect(200);
    expect(ok.body.total).toBe(335);
    expect((await quota(r1)).cap).toBe(100);
    expect((await quota(r2)).cap).toBe(235);
    expect((await quota(r2)).explanation.adjustments).toEqual([
      expect.objectContaining({ kind: 'rebalance', reason: '互调', capBefore: 220, capAfter: 235 }),
    ]);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'quota.rebalance'`,
    );
    expect(audit.rows[0].n).toBe(2);
    // A recomputation does not undo the manager's decision.
    await t.http.post('/api/quotas/compute').set(head).send({ month }).expect(200);
    expect((await quota(r2)).cap).toBe(235);
  });

  it('refuses to rebalance below what a retailer already ordered', async () => {
    await t.db.query('UPDATE retailer_quotas SET used = 90 WHERE retailer_id = $1 AND month = $2', [
      r1,
      `${month}-01`,
    ]);
    const res = await t.http
      .post('/api/quotas/rebalance')
      .set(mm1)
      .send({
        month,
        reason: '再调',
        caps: [
          { retailerId: r1, cap: 80 },
          { retailerId: r2, cap: 255 },
        ],
      });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'QUOTA_BELOW_USED',
      details: { retailerId: String(r1), cap: 80, used: 90 },
    });
    expect((await quota(r2)).cap).toBe(235);
  });

  it('refuses a rebalance across centers, and out-of-scope retailers as unknown', async () => {
    const across = await t.http
      .post('/api/quotas/rebalance')
      .set(head)
      .send({
        month,
        reason: '跨部',
        caps: [
          { retailerId: r3, cap: 300 },
          { retailerId: r5, cap: 187 },
        ],
      });
    expect(across.body.code).toBe('QUOTA_REBALANCE_SCOPE');
    const foreign = await t.http
      .post('/api/quotas/rebalance')
      .set(mm1)
      .send({
        month,
        reason: '越权',
        caps: [
          { retailerId: r3, cap: 300 },
          { retailerId: r5, cap: 187 },
        ],
      });
    expect(foreign.body.code).toBe('QUOTA_REBALANCE_UNKNOWN_RETAILER');
  });

  it('recomputing a month never takes away what was already ordered', async () => {
    await t.db.query(
      'UPDATE retailer_quotas SET cap = 400, used = 320 WHERE retailer_id = $1 AND month = $2',
      [r3, `${month}-01`],
    );
    await t.http.post('/api/quotas/compute').set(head).send({ month }).expect(200);
    const row = await quota(r3);
    expect(row.cap).toBe(320); // the formula gives 315, but 320 are ordered
    expect(row.explanation).toMatchObject({ formulaCap: 315, capKeptAtAlreadyUsed: true, effectiveCap: 320 });
  });

  it('refuses to compute a month that is over', async () => {
    const res = await t.http.post('/api/quotas/compute').set(head).send({ month: '2026-11' });
    expect(res.body.code).toBe('QUOTA_MONTH_CLOSED');
  });

  it('validates policies: float outside its band, a grade without a base', async () => {
    const band = await t.http
      .put('/api/quota-policies')
      .set(head)
      .send({ ...ROUND_QUOTA_POLICY, floatAllowancesBp: { large: 2000, medium: 1000, small: 1500 } });
    expect(band.body).toMatchObject({ code: 'QUOTA_FLOAT_OUT_OF_BAND', details: { scale: 'large' } });
    const gap = await t.http
      .put('/api/quota-policies')
      .set(head)
      .send({
        ...ROUND_QUOTA_POLICY,
        grades: ROUND_QUOTA_POLICY.grades.map((g) =>
          g.grade === 7 ? { ...g, grade: 8, scale: 'small' } : g,
        ),
      });
    expect(gap.body).toMatchObject({
      code: 'QUOTA_GRADE_POLICY_INVALID',
      details: { reason: 'grade_without_general_row', grade: 7 },
    });
  });

  it('lets exactly N of 100 concurrent one-carton reservations through a cap of N', async () => {
    const ledger = t.app.get(QuotaLedger);
    const transactions = t.app.get(TransactionRunner);
    const [retailer] = await t.app.get(RetailerDirectory).factsOf([r4]);
    await t.db.query(
      'UPDATE retailer_quotas SET cap = 37, used = 0, reserved = 0 WHERE retailer_id = $1 AND month = $2',
      [r4, `${month}-01`],
    );
    const attempts = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        transactions.run((manager) =>
          ledger.reserve(manager, {
            retailer,
            month,
            weekStart: '2026-12-28',
            remainingCycles: 1,
            lines: [{ brandId: 1, cartons: 1 }],
            previousCartons: 0,
            scarceBrandIds: [],
          }),
        ),
      ),
    );
    const granted = attempts.filter((a) => a.status === 'fulfilled').length;
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(granted).toBe(37);
    expect(refused.every((a) => (a as PromiseRejectedResult).reason.code === 'QUOTA_EXCEEDED')).toBe(true);
    expect((await quota(r4)).reserved).toBe(37);
  });

  describe('scarce-spec limits', () => {
    let scarce: number;
    let plain: number;
    beforeAll(async () => {
      [scarce, plain] = await insertBrands(t, [
        { code: 'S001', scarce: true },
        { code: 'P001', scarce: false },
      ]);
    });

    it('proposes a monotone vector within the planned supply (hand-worked: t = 38, exactly 100)', async () => {
      const res = await t.http
        .post('/api/scarce-limits/propose')
        .set(head)
        .send({ brandId: scarce, plannedSupply: 100 })
        .expect(200);
      // Populated grades 5, 10, 15, 20, 30 (one retailer each); limit(g) = ⌊38 g ÷ 30⌋ = 6, 12, 19, 25, 38.
      const expected = [
        0, 0, 0, 0, 6, 6, 6, 6, 6, 12, 12, 12, 12, 12, 19, 19, 19, 19, 19, 25, 25, 25, 25, 25, 25, 25, 25, 25,
        25, 38,
      ];
      expect(res.body.vector).toEqual(expected);
      expect(res.body).toMatchObject({ achievedSupply: 100, errorBp: 0 });
    });

    it('validates vectors (non-increasing from grade 30 down) and scarce specs only', async () => {
      const limits = Array.from({ length: 30 }, (_, i) => i + 1);
      const bad = [...limits];
      bad[9] = 50; // grade 10 above grade 11
      const notMonotone = await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ brandId: scarce, weekStart: '2026-12-14', limits: bad });
      expect(notMonotone.body).toMatchObject({
        code: 'SCARCE_LIMIT_VECTOR_INVALID',
        details: { reason: 'not_monotone', grade: 10 },
      });
      const short = await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ brandId: scarce, weekStart: '2026-12-14', limits: limits.slice(1) });
      expect(short.body.code).toBe('VALIDATION_FAILED');
      const notScarce = await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ brandId: plain, weekStart: '2026-12-14', limits });
      expect(notScarce.body.code).toBe('SCARCE_BRAND_NOT_SCARCE');
      const notMonday = await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ brandId: scarce, weekStart: '2026-12-15', limits });
      expect(notMonday.body.code).toBe('SCARCE_LIMIT_VECTOR_INVALID');
      expect(await countRows(t.db, 'scarce_limits')).toBe(0);
      await t.http
        .put('/api/scarce-limits')
        .set(head)
        .send({ brandId: scarce, weekStart: '2026-12-14', limits })
        .expect(200);
      const listed = await t.http
        .get('/api/scarce-limits?weekStart=2026-12-14')
        .set(bearer(await t.token('am01')))
        .expect(200);
      expect(listed.body[0].limits).toEqual(limits);
    });

    it('refuses a reservation above the grade’s limit (grade 10 → 10 cartons)', async () => {
      const ledger = t.app.get(QuotaLedger);
      const [retailer] = await t.app.get(RetailerDirectory).factsOf([r1]);
      await t.db.query(
        'UPDATE retailer_quotas SET used = 0, reserved = 0 WHERE retailer_id = $1 AND month = $2',
        [r1, `${month}-01`],
      );
      const reserve = (cartons: number) =>
        t.app.get(TransactionRunner).run((manager) =>
          ledger.reserve(manager, {
            retailer,
            month,
            weekStart: '2026-12-14',
            remainingCycles: 3,
            lines: [{ brandId: scarce, cartons }],
            previousCartons: 0,
            scarceBrandIds: [scarce],
          }),
        );
      await expect(reserve(11)).rejects.toMatchObject({
        code: 'SCARCE_LIMIT_EXCEEDED',
        details: { limit: 10, requested: 11 },
      });
      await reserve(10);
      const { rows } = await t.db.query(
        'SELECT reserved FROM retailer_quotas WHERE retailer_id = $1 AND month = $2',
        [r1, `${month}-01`],
      );
      expect(rows[0].reserved).toBe(10); // the refused 11 left nothing behind; the 10 at the limit is held
    });
  });
});
