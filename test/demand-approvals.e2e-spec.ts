import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * A market manager's approval inbox and its decisions on many collected demands in one request.
 * Fixture: T001 (SC1, mm1) and T005 (SC2, mm2) each with a cycle on Monday 2026-12-14 (window Sunday 12:00 →
 * Monday 16:00 Shanghai); the clock at Monday 10:00. Collected by their account managers: r1–r3 confirmed
 * (awaiting approval), r4 not yet confirmed; `foreign` in T005, confirmed.
 */
describe('approval inbox and decisions on many collected demands', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let mm1: Record<string, string>;
  let r1: number, r2: number, r3: number, r4: number, foreign: number;
  let d1: number, d2: number, d3: number, d4: number, dForeign: number;
  let brand: number;
  const lic = (n: number) => `23000000000${n}`;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const statusOf = async (id: number) =>
    (await t.db.query('SELECT status FROM demands WHERE id = $1', [id])).rows[0].status;
  const audits = async (action: string, ids: number[]) =>
    (
      await t.db.query(
        `SELECT entity_id::int AS id, actor_id, before, after FROM audit_log
          WHERE entity_type = 'demand' AND action = $1 AND entity_id = ANY($2::text[]) ORDER BY entity_id::int`,
        [action, ids.map(String)],
      )
    ).rows;

  async function collect(am: string, retailerId: number, license: string, confirm = true): Promise<number> {
    const res = await t.http
      .post('/api/demands')
      .set(bearer(await t.token(am)))
      .send({ retailerId, channel: 'collected', lines: [{ brandId: brand, cartons: 4 }] });
    expect(res.status).toBe(201);
    if (confirm) {
      await t.http
        .post(`/api/demands/${res.body.id}/confirm`)
        .set(bearer(await t.token(license)))
        .expect(200);
    }
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-12-10T02:00:00Z');
    const admin = bearer(await t.token('admin'));
    [r1, r2, r3, r4, foreign] = await insertRetailers(t, [
      { licenseNo: lic(1), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(2), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(3), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(4), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(5), territory: 'T005', grade: 20, withUser: true },
    ]);
    [brand] = await insertBrands(t, [{ code: 'A01', priceClass: 1, wholesalePriceFen: 25000 }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);
    for (const code of ['T001', 'T005']) {
      await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({
          territoryId: await t.unitId(code),
          orderDate: '2026-12-14',
          opensAt: '2026-12-13T04:00:00Z',
          cutoffAt: '2026-12-14T08:00:00Z',
        })
        .expect(201);
    }
    at('2026-12-14T02:00:00Z');
    d1 = await collect('am01', r1, lic(1));
    at('2026-12-14T02:01:00Z');
    d2 = await collect('am01', r2, lic(2));
    at('2026-12-14T02:02:00Z');
    d3 = await collect('am01', r3, lic(3));
    d4 = await collect('am01', r4, lic(4), false);
    dForeign = await collect('am05', foreign, lic(5));
    mm1 = bearer(await t.token('mm1'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the center’s demand awaiting approval, oldest first, with quota, visit and confirmation', async () => {
    const res = await t.http.get('/api/demands/approval-inbox').set(mm1).expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([d1, d2, d3]);
    expect(res.body.items[0]).toMatchObject({
      retailerId: r1,
      licenseNo: lic(1),
      orderDate: '2026-12-14',
      submittedByName: expect.any(String),
      totalCartons: 4,
      lines: [{ brandId: brand, cartons: 4 }],
      confirmedVia: 'account',
      orderWeeks: [],
      visit: null,
    });
    // Grade 20 under the round policy: a cap of 230, this demand's 4 cartons reserved.
    expect(res.body.items[0].quota).toEqual({
      agreedTotal: 200,
      cap: 230,
      used: 0,
      reserved: 4,
      remaining: 226,
    });
    const other = await t.http
      .get('/api/demands/approval-inbox')
      .set(bearer(await t.token('mm2')))
      .expect(200);
    expect(other.body.items.map((item: { id: number }) => item.id)).toEqual([dForeign]);
    const am = await t.http.get('/api/demands/approval-inbox').set(bearer(await t.token('am01')));
    expect(am.status).toBe(403);
    expect(am.body.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed request whole and writes nothing', async () => {
    const cases = [
      { demandIds: [] },
      { demandIds: [d1, d1] },
      { demandIds: Array.from({ length: 201 }, (_, i) => i + 1) },
      { demandIds: [0] },
      { demandIds: ['x'] },
    ];
    for (const body of cases) {
      const res = await t.http.post('/api/demands/approvals').set(mm1).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const noReason = await t.http
      .post('/api/demands/rejections')
      .set(mm1)
      .send({ demandIds: [d1] });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const am = await t.http
      .post('/api/demands/approvals')
      .set(bearer(await t.token('am01')))
      .send({ demandIds: [d1] });
    expect([am.status, am.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await statusOf(d1)).toBe('pending_approval');
    expect(await audits('demand.approve', [d1, d2, d3])).toEqual([]);
  });

  it('approves many in one request: one result each, the refused ones say why and stay as they were', async () => {
    const res = await t.http
      .post('/api/demands/approvals')
      .set(mm1)
      .send({ demandIds: [d2, d1, d4, dForeign, 999999], comment: '批量审批' })
      .expect(200);
    expect(res.body).toEqual({
      decided: 2,
      refused: 3,
      results: [
        { demandId: d2, outcome: 'approved', status: 'approved' },
        { demandId: d1, outcome: 'approved', status: 'approved' },
        expect.objectContaining({ demandId: d4, outcome: 'refused', code: 'DEMAND_INVALID_TRANSITION' }),
        expect.objectContaining({ demandId: dForeign, outcome: 'refused', code: 'NOT_FOUND' }),
        expect.objectContaining({ demandId: 999999, outcome: 'refused', code: 'NOT_FOUND' }),
      ],
    });
    const mm1Id = await t.userId('mm1');
    const { rows } = await t.db.query(
      'SELECT id, status, approved_by, approved_at, approval_comment FROM demands WHERE id = ANY($1) ORDER BY id',
      [[d1, d2]],
    );
    expect(rows).toEqual(
      [d1, d2].map((id) => ({
        id,
        status: 'approved',
        approved_by: mm1Id,
        approved_at: new Date('2026-12-14T02:02:00Z'),
        approval_comment: '批量审批',
      })),
    );
    expect(await statusOf(d4)).toBe('pending_confirmation');
    expect(await statusOf(dForeign)).toBe('pending_approval');
    expect(await audits('demand.approve', [d1, d2, d4, dForeign])).toEqual(
      [d1, d2].map((id) => ({
        id,
        actor_id: mm1Id,
        before: { status: 'pending_approval' },
        after: { status: 'approved', approvedBy: mm1Id, comment: '批量审批' },
      })),
    );
    // Asked again: already decided, refused, nothing more written.
    const again = await t.http
      .post('/api/demands/approvals')
      .set(mm1)
      .send({ demandIds: [d1] })
      .expect(200);
    expect(again.body.results[0]).toMatchObject({ outcome: 'refused', code: 'DEMAND_INVALID_TRANSITION' });
    expect(await audits('demand.approve', [d1])).toHaveLength(1);
  });

  it('rejects many with one reason and gives their reservations back', async () => {
    const reserved = async () =>
      (
        await t.db.query(
          `SELECT reserved FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-12-01'`,
          [r3],
        )
      ).rows[0].reserved;
    expect(await reserved()).toBe(4);
    const res = await t.http
      .post('/api/demands/rejections')
      .set(mm1)
      .send({ demandIds: [d3], reason: '未见零售户本人确认' })
      .expect(200);
    expect(res.body).toEqual({
      decided: 1,
      refused: 0,
      results: [{ demandId: d3, outcome: 'rejected', status: 'rejected' }],
    });
    expect(await statusOf(d3)).toBe('rejected');
    expect(await reserved()).toBe(0);
    expect(await audits('demand.reject', [d3])).toEqual([
      expect.objectContaining({
        before: { status: 'pending_approval' },
        after: { status: 'rejected', reason: '未见零售户本人确认' },
      }),
    ]);
  });

  it('decides collected demand after the cutoff until the unified order, and refuses it after (rule 6)', async () => {
    at('2026-12-14T08:00:00Z');
    const mm2 = bearer(await t.token('mm2'));
    const res = await t.http
      .post('/api/demands/approvals')
      .set(mm2)
      .send({ demandIds: [dForeign] })
      .expect(200);
    expect(res.body.results).toEqual([{ demandId: dForeign, outcome: 'approved', status: 'approved' }]);

    const admin = bearer(await t.token('admin'));
    const { rows } = await t.db.query('SELECT cycle_id FROM demands WHERE id = $1', [dForeign]);
    await t.http.post(`/api/order-cycles/${rows[0].cycle_id}/cutoff`).set(admin).expect(200);
    at('2026-12-15T01:00:00Z');
    await t.http.post(`/api/order-cycles/${rows[0].cycle_id}/consolidate`).set(admin).expect(200);
    const late = await t.http
      .post('/api/demands/rejections')
      .set(mm2)
      .send({ demandIds: [dForeign], reason: '统一订购后' })
      .expect(200);
    expect(late.body.results).toEqual([
      expect.objectContaining({ demandId: dForeign, outcome: 'refused', code: 'CYCLE_CONSOLIDATED' }),
    ]);
    expect(await statusOf(dForeign)).toBe('ordered');
  });
});
