import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Response } from 'supertest';
import { hashPassword } from '#libs/auth';
import { Clock } from '#libs/shared';
import { bearer, DEMO_PASSWORD, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

/**
 * Races over HTTP, the database as the oracle. Fixture: T001 orders on Mondays; December 2026 has two of its
 * cycles (12-14 and 12-21), and the clock stands in the first one (2026-12-14 10:00 Shanghai), so two cycles
 * remain. Policy: base = 10 × grade, small retailers float 15 %, pacing 1.5.
 *   grade 20 small: cap ⌊200 × 1.15⌋ = 230, cycle allowance min(230, ⌈230 ÷ 2 × 1.5⌉) = 173
 *   grade 10 small: cap ⌊100 × 1.15⌋ = 115, cycle allowance ⌈115 ÷ 2 × 1.5⌉ = 87
 * Scarce spec S has, for the week of 12-14, the limit vector "grade g → g cartons" (grade 20: 20 cartons).
 */
const LIVE = `('submitted','pending_confirmation','pending_approval','approved','ordered')`;

describe('races', () => {
  let t: DemoApp;
  let brandA: number, brandB: number, scarce: number;
  let solo: number, collected: number, idem: number;
  let group: number[];
  const lic = (n: number) => `4400000000${String(n).padStart(2, '0')}`;

  const quota = async (retailerId: number) =>
    (
      await t.db.query(
        `SELECT cap, used, reserved, explanation FROM retailer_quotas WHERE retailer_id = $1 AND month = '2026-12-01'`,
        [retailerId],
      )
    ).rows[0];
  /** What the retailer's live demand holds: the sum of its lines, read from the lines themselves. */
  const liveCartons = async (retailerId: number) =>
    (
      await t.db.query(
        `SELECT count(DISTINCT d.id)::int AS demands, COALESCE(sum(l.cartons), 0)::int AS cartons
           FROM demands d LEFT JOIN demand_lines l ON l.demand_id = d.id
          WHERE d.retailer_id = $1 AND d.status IN ${LIVE}`,
        [retailerId],
      )
    ).rows[0] as { demands: number; cartons: number };
  const auditCount = async (entityId: number, actions: string[]) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'demand' AND entity_id = $1 AND action = ANY($2)`,
        [String(entityId), actions],
      )
    ).rows[0].n as number;
  const codeOf = (r: Response) => `${r.status} ${r.body.code}`;

  beforeAll(async () => {
    t = await startDemoApp();
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-12-10T02:00:00Z'));
    const admin = bearer(await t.token('admin'));
    const head = bearer(await t.token('head'));
    let ids: number[];
    [solo, collected, idem, ...ids] = await insertRetailers(t, [
      { licenseNo: lic(1), territory: 'T001', grade: 20, withUser: true },
      { licenseNo: lic(2), territory: 'T001', grade: 10, withUser: true },
      { licenseNo: lic(3), territory: 'T001', grade: 10, withUser: true },
      ...[4, 5, 6, 7].map((n) => ({ licenseNo: lic(n), territory: 'T001', grade: 10, withUser: true })),
    ]);
    group = ids;
    [brandA, brandB, scarce] = await insertBrands(t, [
      { code: 'RA1' },
      { code: 'RB1', priceClass: 3, wholesalePriceFen: 4000 },
      { code: 'RS1', scarce: true },
    ]);
    await t.http.put('/api/quota-policies').set(head).send(ROUND_QUOTA_POLICY).expect(200);
    await t.http
      .put('/api/scarce-limits')
      .set(head)
      .send({ brandId: scarce, weekStart: '2026-12-14', limits: Array.from({ length: 30 }, (_, i) => i + 1) })
      .expect(200);
    const territoryId = await t.unitId('T001');
    for (const date of ['2026-12-14', '2026-12-21']) {
      const opensAt = new Date(`${date}T04:00:00Z`);
      opensAt.setUTCDate(opensAt.getUTCDate() - 1);
      await t.http
        .post('/api/order-cycles')
        .set(admin)
        .send({ territoryId, orderDate: date, opensAt, cutoffAt: `${date}T08:00:00Z` })
        .expect(201);
    }
    // A second market manager of the same center (SC1), so approvals race between two people too.
    await t.db.query(
      `INSERT INTO users (username, display_name, role, org_unit_id, password_hash) VALUES ('mm1b', '市场经理乙', 'market_manager', $1, $2)`,
      [await t.unitId('SC1'), await hashPassword(DEMO_PASSWORD)],
    );
    clock.mockReturnValue(new Date('2026-12-14T02:00:00Z'));
  });
  afterAll(async () => {
    await t.close();
  });

  describe('200 concurrent demands against one retailer’s allowance (grade 20: cycle allowance 173, S limit 20)', () => {
    /** Request i asks for a cartons of A plus s of scarce S (no S line when s = 0): totals 1…263. */
    const ask = (i: number) => {
      const a = 1 + ((i * 37) % 240);
      const s = i % 25;
      const lines = [{ brandId: brandA, cartons: a }, ...(s ? [{ brandId: scarce, cartons: s }] : [])];
      return { a, s, total: a + s, lines, fits: s <= 20 && a + s <= 173 };
    };
    let demandId: number;

    it('lets exactly one submission through, within the allowance, reserving exactly its lines', async () => {
      expect(await quota(solo)).toBeUndefined(); // the quota row is made by the first reservation: racing too
      const token = bearer(await t.token(lic(1)));
      const asks = Array.from({ length: 200 }, (_, i) => ask(i));
      expect(asks.filter((x) => x.fits).length).toBeGreaterThan(50);
      expect(asks.filter((x) => !x.fits).length).toBeGreaterThan(50);
      const results = await Promise.all(
        asks.map((x) =>
          t.http.post('/api/demands').set(token).send({ retailerId: solo, channel: 'self', lines: x.lines }),
        ),
      );
      const created = results.flatMap((r, i) => (r.status === 201 ? [i] : []));
      expect(created).toHaveLength(1);
      const winner = asks[created[0]];
      expect(winner.fits).toBe(true);
      demandId = results[created[0]].body.id;
      expect(results[created[0]].body.totalCartons).toBe(winner.total);
      results.forEach((r, i) => {
        if (r.status === 201) return;
        expect([r.status, r.body.code]).toEqual([409, expect.any(String)]);
        expect(['DEMAND_ALREADY_EXISTS', 'QUOTA_EXCEEDED', 'SCARCE_LIMIT_EXCEEDED']).toContain(r.body.code);
        if (r.body.code === 'SCARCE_LIMIT_EXCEEDED') expect(asks[i].s).toBeGreaterThan(20);
        if (r.body.code === 'QUOTA_EXCEEDED') {
          expect(r.body.details.requested).toBe(asks[i].total);
          expect(r.body.details.requested).toBeGreaterThan(r.body.details.remaining);
        }
      });
      // Nobody's request that fits was refused for anything but the winner's demand (or what it reserved).
      results.forEach((r, i) => {
        if (asks[i].fits && r.status !== 201) {
          expect(['DEMAND_ALREADY_EXISTS', 'QUOTA_EXCEEDED']).toContain(r.body.code);
        }
      });
      const q = await quota(solo);
      expect(q.cap).toBe(230);
      expect(q.reserved).toBe(winner.total);
      expect(await liveCartons(solo)).toEqual({ demands: 1, cartons: winner.total });
      expect(await auditCount(demandId, ['demand.submit'])).toBe(1);
    });

    it('150 amendments racing 50 submissions: every fitting amendment and nothing else passes; reserved = lines', async () => {
      const token = bearer(await t.token(lic(1)));
      const asks = Array.from({ length: 200 }, (_, i) => ask(i + 1000));
      const results = await Promise.all(
        asks.map((x, i) =>
          i % 4 === 3
            ? t.http
                .post('/api/demands')
                .set(token)
                .send({ retailerId: solo, channel: 'self', lines: x.lines })
            : t.http.patch(`/api/demands/${demandId}`).set(token).send({ lines: x.lines }),
        ),
      );
      // An amendment replaces the demand, so its allowance is 173 whatever the demand held before.
      const expected = asks.map((x, i) =>
        i % 4 === 3
          ? '409 DEMAND_ALREADY_EXISTS'
          : x.fits
            ? '200 undefined'
            : x.s > 20
              ? '409 SCARCE_LIMIT_EXCEEDED'
              : '409 QUOTA_EXCEEDED',
      );
      expect(results.map(codeOf)).toEqual(expected);
      const amended = results.filter((r) => r.status === 200).length;
      expect(amended).toBe(asks.filter((x, i) => i % 4 !== 3 && x.fits).length);
      expect(await auditCount(demandId, ['demand.amend'])).toBe(amended);

      // The demand holds the lines of the amendment applied last (the last audit entry), and quota reserves them.
      const last = await t.db.query(
        `SELECT after FROM audit_log WHERE entity_type = 'demand' AND entity_id = $1 AND action = 'demand.amend' ORDER BY id DESC LIMIT 1`,
        [String(demandId)],
      );
      const lines = await t.db.query(
        'SELECT brand_id AS "brandId", cartons FROM demand_lines WHERE demand_id = $1 ORDER BY brand_id',
        [demandId],
      );
      expect(lines.rows).toEqual(
        [...last.rows[0].after.lines].sort(
          (x: { brandId: number }, y: { brandId: number }) => x.brandId - y.brandId,
        ),
      );
      const sum = lines.rows.reduce((acc: number, l: { cartons: number }) => acc + l.cartons, 0);
      const demand = await t.db.query('SELECT status, total_cartons FROM demands WHERE id = $1', [demandId]);
      expect(demand.rows[0]).toEqual({ status: 'submitted', total_cartons: sum });
      const q = await quota(solo);
      expect(q.reserved).toBe(sum);
      expect(q.reserved).toBeLessThanOrEqual(173);
      expect(await liveCartons(solo)).toEqual({ demands: 1, cartons: sum });
    });
  });

  it('50 concurrent approvals and rejections of one collected demand by two market managers: one transition', async () => {
    const submitted = await t.http
      .post('/api/demands')
      .set(bearer(await t.token('am01')))
      .send({
        retailerId: collected,
        channel: 'collected',
        lines: [
          { brandId: brandA, cartons: 5 },
          { brandId: brandB, cartons: 3 },
        ],
      })
      .expect(201);
    const id = submitted.body.id;
    await t.http
      .post(`/api/demands/${id}/confirm`)
      .set(bearer(await t.token(lic(2))))
      .expect(200);
    const managers = { mm1: bearer(await t.token('mm1')), mm1b: bearer(await t.token('mm1b')) };
    const calls = Array.from({ length: 50 }, (_, i) => ({
      who: i % 2 ? ('mm1b' as const) : ('mm1' as const),
      approve: i % 4 < 2,
    }));
    const results = await Promise.all(
      calls.map(({ who, approve }) =>
        approve
          ? t.http
              .post(`/api/demands/${id}/approve`)
              .set(managers[who])
              .send({ comment: `批准-${who}` })
          : t.http
              .post(`/api/demands/${id}/reject`)
              .set(managers[who])
              .send({ reason: `驳回-${who}` }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers.map(codeOf)).toEqual(Array(49).fill('409 DEMAND_INVALID_TRANSITION'));

    const win = calls[winners[0]];
    const winnerId = await t.userId(win.who);
    const audit = await t.db.query(
      `SELECT actor_id, action FROM audit_log WHERE entity_type = 'demand' AND entity_id = $1 AND action IN ('demand.approve', 'demand.reject')`,
      [String(id)],
    );
    expect(audit.rows).toEqual([
      { actor_id: winnerId, action: win.approve ? 'demand.approve' : 'demand.reject' },
    ]);
    const row = (
      await t.db.query(
        'SELECT status, approved_by, approval_comment, rejected_by, reject_reason FROM demands WHERE id = $1',
        [id],
      )
    ).rows[0];
    expect(row).toEqual(
      win.approve
        ? {
            status: 'approved',
            approved_by: winnerId,
            approval_comment: `批准-${win.who}`,
            rejected_by: null,
            reject_reason: null,
          }
        : {
            status: 'rejected',
            approved_by: null,
            approval_comment: null,
            rejected_by: winnerId,
            reject_reason: `驳回-${win.who}`,
          },
    );
    expect(results[winners[0]].body.status).toBe(row.status);
    // An approval keeps the 8 cartons reserved; a rejection gives them back.
    expect((await quota(collected)).reserved).toBe(win.approve ? 8 : 0);
    expect((await liveCartons(collected)).cartons).toBe(win.approve ? 8 : 0);
  });

  describe('a rebalance racing submissions (four grade-10 retailers: caps 115 each, 460 in all)', () => {
    const ALLOWED = ['QUOTA_BELOW_USED', 'QUOTA_EXCEEDED', 'DEMAND_ALREADY_EXISTS', 'SCARCE_LIMIT_EXCEEDED'];
    let rebalancesOk = 0;

    /**
     * Proposals keeping 460: [115 + d, 115 − d, 115 + e, 115 − e]. Most move a lot (a low cap can fall below a
     * reservation); every third moves little, leaving every cap above the 90 cartons the first wave asks at most.
     */
    const proposal = (i: number) => {
      const d = i % 3 ? ((i * 29) % 190) - 95 : 5 + (i % 10);
      const e = i % 3 ? ((i * 53) % 150) - 75 : -(3 + (i % 10));
      return [115 + d, 115 - d, 115 + e, 115 - e];
    };
    const rebalance = async (i: number) =>
      t.http
        .post('/api/quotas/rebalance')
        .set(bearer(await t.token('mm1')))
        .send({
          month: '2026-12',
          reason: `并发调剂${i}`,
          caps: group.map((retailerId, k) => ({ retailerId, cap: proposal(i)[k] })),
        });

    const assertInvariants = async () => {
      const quotas = await Promise.all(group.map(quota));
      // Rule 4: the pool is conserved.
      expect(quotas.reduce((sum, q) => sum + q.cap, 0)).toBe(460);
      for (const [k, q] of quotas.entries()) {
        // Nobody above its cap; the reservation is exactly the lines of its live demand.
        expect(q.used + q.reserved).toBeLessThanOrEqual(q.cap);
        const live = await liveCartons(group[k]);
        expect(live.demands).toBeLessThanOrEqual(1);
        expect(q.reserved).toBe(live.cartons);
        // The rebalances were applied one after another: each starts from the cap the previous one left.
        const adjustments: Array<{ capBefore: number; capAfter: number }> = q.explanation.adjustments ?? [];
        expect(adjustments).toHaveLength(rebalancesOk);
        let cap = 115;
        for (const adjustment of adjustments) {
          expect(adjustment.capBefore).toBe(cap);
          cap = adjustment.capAfter;
        }
        expect(q.cap).toBe(cap);
      }
      const audited = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'quota.rebalance' AND entity_id = ANY($1)`,
        [group.map((id) => `${id}:2026-12`)],
      );
      expect(audited.rows[0].n).toBe(rebalancesOk * group.length);
    };

    /** Deadlocks PostgreSQL detected in this file's database (its counters are flushed within a second). */
    const deadlocks = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const { rows } = await t.db.query(
        'SELECT pg_stat_clear_snapshot(), deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()',
      );
      return rows[0].n as number;
    };
    let deadlocksBefore: number;

    const settle = (results: Response[]) => {
      for (const r of results) {
        if (r.status >= 200 && r.status < 300) continue;
        expect(r.status).toBe(409);
        expect(ALLOWED).toContain(r.body.code);
      }
    };

    it('submissions (three per retailer) and ten rebalances at once keep every invariant', async () => {
      const tokens = await Promise.all(group.map((_, k) => t.token(lic(4 + k))));
      deadlocksBefore = await deadlocks();
      const submissions = group.flatMap((retailerId, k) =>
        [30, 60, 90].map(
          (cartons) => () =>
            t.http
              .post('/api/demands')
              .set(bearer(tokens[k]))
              .send({
                retailerId,
                channel: 'self',
                lines: [
                  { brandId: brandA, cartons: cartons - 5 },
                  { brandId: scarce, cartons: 5 },
                ],
              }),
        ),
      );
      const rebalances = Array.from({ length: 10 }, (_, i) => () => rebalance(i));
      // Interleaved so that neither kind runs first.
      const calls = submissions.flatMap((s, i) => [s, ...(rebalances[i] ? [rebalances[i]] : [])]);
      const results = await Promise.all(calls.map((call) => call()));
      settle(results);
      const submitted = results.filter((r) => r.request.url.endsWith('/api/demands') && r.status === 201);
      const rebalanced = results.filter((r) => r.request.url.endsWith('/rebalance'));
      rebalancesOk = rebalanced.filter((r) => r.status === 200).length;
      // The small moves (proposals 0, 3, 6, 9) fit whatever the submissions reserve: all of them go through.
      expect([0, 3, 6, 9].map((i) => rebalanced[i].status)).toEqual([200, 200, 200, 200]);
      // One demand per retailer per cycle: at most one each, and some got through.
      expect(submitted.length).toBeGreaterThan(0);
      expect(new Set(submitted.map((r) => r.body.retailerId)).size).toBe(submitted.length);
      await assertInvariants();
      // Locks are taken in one order: nothing had to be retried after a deadlock.
      expect(await deadlocks()).toBe(deadlocksBefore);
    });

    it('amendments and ten more rebalances at once keep every invariant', async () => {
      const demands = await t.db.query(
        `SELECT id, retailer_id FROM demands WHERE retailer_id = ANY($1) AND status IN ${LIVE}`,
        [group],
      );
      expect(demands.rows.length).toBeGreaterThan(0);
      const amendments = demands.rows.flatMap((d: { id: number; retailer_id: number }) =>
        [10, 45, 80, 120].map(
          (cartons) => async () =>
            t.http
              .patch(`/api/demands/${d.id}`)
              .set(bearer(await t.token(lic(4 + group.indexOf(d.retailer_id)))))
              .send({ lines: [{ brandId: brandB, cartons }] }),
        ),
      );
      const rebalances = Array.from({ length: 10 }, (_, i) => () => rebalance(i + 10));
      const calls = amendments.flatMap((a, i) => [a, ...(rebalances[i] ? [rebalances[i]] : [])]);
      calls.push(...rebalances.slice(amendments.length));
      const results = await Promise.all(calls.map((call) => call()));
      settle(results);
      rebalancesOk += results.filter((r) => r.request.url.endsWith('/rebalance') && r.status === 200).length;
      await assertInvariants();
      expect(await deadlocks()).toBe(deadlocksBefore);
    });
  });

  it('the same Idempotency-Key sent 20 times at once makes one demand; every caller ends with it', async () => {
    const token = bearer(await t.token(lic(3)));
    const body = {
      retailerId: idem,
      channel: 'self',
      lines: [
        { brandId: brandA, cartons: 7 },
        { brandId: brandB, cartons: 4 },
      ],
    };
    const send = () => t.http.post('/api/demands').set(token).set('idempotency-key', 'race-key-1').send(body);
    const first = await Promise.all(Array.from({ length: 20 }, send));
    // While the first request runs, a duplicate is told so (409, the Idempotency-Key draft's answer) ...
    for (const r of first) {
      if (r.status !== 201) expect(codeOf(r)).toBe('409 IDEMPOTENCY_KEY_IN_FLIGHT');
    }
    const created = first.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // ... and its retry, once the first is done, replays the same demand.
    const retried = await Promise.all(first.map((r) => (r.status === 201 ? r : send())));
    expect(retried.map((r) => r.status)).toEqual(Array(20).fill(201));
    const original = created.find((r) => r.headers['idempotent-replayed'] === undefined);
    expect(original).toBeDefined();
    for (const r of retried) expect(r.body).toEqual(original!.body);
    expect(retried.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);

    const demands = await t.db.query('SELECT id FROM demands WHERE retailer_id = $1', [idem]);
    expect(demands.rows).toEqual([{ id: original!.body.id }]);
    expect(await auditCount(original!.body.id, ['demand.submit'])).toBe(1);
    expect((await quota(idem)).reserved).toBe(11);
    expect(await liveCartons(idem)).toEqual({ demands: 1, cartons: 11 });
  });
});
