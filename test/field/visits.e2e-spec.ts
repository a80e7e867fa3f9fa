import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { bearer, startDemoApp, type DemoApp } from '../support/demo.js';
import { fieldCounts, insertBrand, insertRetailer } from './field-fixtures.js';
import { pinClock } from '../support/test-clock.js';

// jest.config's e2e `testTimeout` is not applied (a global option inside `projects`): set it here.
jest.setTimeout(60_000);

/**
 * Recording visits and calls, market-manager checks, and who sees what. The API's clock stands at
 * Friday 2026-11-20 18:00 in Beijing; visits may be recorded up to 7 days back (the default policy).
 * Demo county: T001–T004 in center SC1 (mm1; am01 has T001), T005–T008 in SC2 (mm2; am05 has T005).
 */
describe('visits', () => {
  let t: DemoApp;
  let am01: Record<string, string>;
  const ids = {} as Record<'r1' | 'rBig' | 'rOther' | 'rClosed' | 'b1' | 'b2' | 'b3', number>;

  beforeAll(async () => {
    t = await startDemoApp();
    pinClock(t, '2026-11-20T18:00:00+08:00');
    am01 = bearer(await t.token('am01'));
    ids.r1 = await insertRetailer(t, { license: '350100000001', territory: 'T001' });
    ids.rBig = await insertRetailer(t, { license: '350100000002', territory: 'T001', bigAccount: true });
    ids.rOther = await insertRetailer(t, { license: '350100000003', territory: 'T005' });
    ids.rClosed = await insertRetailer(t, { license: '350100000004', territory: 'T001', status: 'closed' });
    ids.b1 = await insertBrand(t.db, { code: 'FX001', packFen: 2000, cartonFen: 20000 });
    ids.b2 = await insertBrand(t.db, { code: 'FX002', packFen: 1000, cartonFen: 10000 });
    ids.b3 = await insertBrand(t.db, { code: 'FX003', packFen: 500, cartonFen: 5000 });
  });
  afterAll(async () => {
    await t.close();
  });

  const guidanceVisit = () => ({
    retailerId: ids.r1,
    visitedAt: '2026-11-20T10:30:00+08:00',
    kind: 'guidance',
    notes: '店主配合',
    guidance: { topics: ['brand_structure', 'display'], advice: '重点品牌调整到柜台中间层' },
    priceChecks: [
      { brandId: ids.b1, observedPackFen: 2000, observedCartonFen: 20000 },
      { brandId: ids.b2, observedCartonFen: 10500 },
    ],
    shelfCheck: { brandIds: [ids.b3, ids.b1] },
    awareness: { floatingQuota: true, selfReporting: false },
    channelReachable: { sms: true, wechat: true, portal: false },
  });

  describe('recording', () => {
    it('records a guidance visit with price and shelf checks, awareness and reachability, audited', async () => {
      const before = await fieldCounts(t.db);
      const res = await t.http.post('/api/visits').set(am01).send(guidanceVisit()).expect(201);
      expect(res.body).toMatchObject({
        retailerId: ids.r1,
        territoryId: await t.unitId('T001'),
        departmentId: await t.unitId('D01'),
        accountManagerId: await t.userId('am01'),
        kind: 'guidance',
        visitedOn: '2026-11-20',
        guidance: { topics: ['brand_structure', 'display'], advice: '重点品牌调整到柜台中间层' },
        awareness: { floatingQuota: true, selfReporting: false },
        channelReachable: { sms: true, wechat: true, portal: false },
        priceCheckCount: 2,
        priceNonCompliantCount: 1,
        shelfCheck: { brandIds: [ids.b1, ids.b3] },
        check: null,
      });
      expect(new Date(res.body.visitedAt).toISOString()).toBe('2026-11-20T02:30:00.000Z');
      // b1 at the guide price on both; b2's carton 5 yuan over its 100-yuan guide price.
      expect(res.body.priceChecks).toEqual([
        {
          brandId: ids.b1,
          observedPackFen: 2000,
          observedCartonFen: 20000,
          guidePackFen: 2000,
          guideCartonFen: 20000,
          packDifferenceFen: 0,
          cartonDifferenceFen: 0,
          toleranceBp: 0,
          compliant: true,
        },
        {
          brandId: ids.b2,
          observedPackFen: null,
          observedCartonFen: 10500,
          guidePackFen: 1000,
          guideCartonFen: 10000,
          packDifferenceFen: null,
          cartonDifferenceFen: 500,
          toleranceBp: 0,
          compliant: false,
        },
      ]);
      expect(await fieldCounts(t.db)).toEqual({
        ...before,
        visits: before.visits + 1,
        priceChecks: before.priceChecks + 2,
        shelfItems: before.shelfItems + 2,
        audit: before.audit + 1,
      });
      const audit = await t.db.query(
        `SELECT action, actor_id, department_id FROM audit_log WHERE entity_type = 'visit' AND entity_id = $1`,
        [String(res.body.id)],
      );
      expect(audit.rows).toEqual([
        { action: 'visit.create', actor_id: await t.userId('am01'), department_id: await t.unitId('D01') },
      ]);
    });

    it('refuses another territory’s retailer with 404, writing nothing', async () => {
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post('/api/visits')
        .set(am01)
        .send({ ...guidanceVisit(), retailerId: ids.rOther });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(await fieldCounts(t.db)).toEqual(before);
      // The same answer as for a retailer that does not exist at all: nothing leaks.
      const missing = await t.http
        .post('/api/visits')
        .set(am01)
        .send({ ...guidanceVisit(), retailerId: 99999999 });
      expect(missing.status).toBe(404);
    });

    type Body = Record<string, unknown>;
    it.each<[string, (body: Body) => Body, number, string, string?]>([
      ['no retailer', ({ retailerId: _, ...rest }) => rest, 400, 'VALIDATION_FAILED', 'retailerId'],
      [
        'a time without offset',
        (b) => ({ ...b, visitedAt: '2026-11-20T10:30:00' }),
        400,
        'VALIDATION_FAILED',
        'visitedAt',
      ],
      ['an unknown kind', (b) => ({ ...b, kind: 'social' }), 400, 'VALIDATION_FAILED', 'kind'],
      [
        'an unknown topic',
        (b) => ({ ...b, guidance: { topics: ['gossip'], advice: 'x' } }),
        400,
        'VALIDATION_FAILED',
        'guidance.topics',
      ],
      [
        'guidance without advice',
        (b) => ({ ...b, guidance: { topics: ['display'] } }),
        400,
        'VALIDATION_FAILED',
        'guidance.advice',
      ],
      [
        'a price check naming a brand twice',
        (b) => ({
          ...b,
          priceChecks: [
            { brandId: ids.b1, observedPackFen: 2000 },
            { brandId: ids.b1, observedCartonFen: 20000 },
          ],
        }),
        400,
        'VALIDATION_FAILED',
        'priceChecks',
      ],
      [
        'a price check observing nothing',
        (b) => ({ ...b, priceChecks: [{ brandId: ids.b1 }] }),
        400,
        'VALIDATION_FAILED',
        'priceChecks.0.observedPackFen',
      ],
      [
        'a price of 0 fen',
        (b) => ({ ...b, priceChecks: [{ brandId: ids.b1, observedPackFen: 0 }] }),
        400,
        'VALIDATION_FAILED',
        'priceChecks.0.observedPackFen',
      ],
      [
        'a price in yuan',
        (b) => ({ ...b, priceChecks: [{ brandId: ids.b1, observedPackFen: 19.5 }] }),
        400,
        'VALIDATION_FAILED',
        'priceChecks.0.observedPackFen',
      ],
      [
        'a shelf check naming a brand twice',
        (b) => ({ ...b, shelfCheck: { brandIds: [ids.b1, ids.b1] } }),
        400,
        'VALIDATION_FAILED',
        'shelfCheck.brandIds',
      ],
      [
        'half an awareness survey',
        (b) => ({ ...b, awareness: { floatingQuota: true } }),
        400,
        'VALIDATION_FAILED',
        'awareness.selfReporting',
      ],
      [
        'an unknown field (a floor)',
        (b) => ({ ...b, minimumCartons: 10 }),
        400,
        'VALIDATION_FAILED',
        'minimumCartons',
      ],
      [
        'a guidance visit without guidance',
        ({ guidance: _, ...rest }) => rest,
        400,
        'VISIT_GUIDANCE_REQUIRED',
      ],
      ['guidance on a routine visit', (b) => ({ ...b, kind: 'routine' }), 400, 'VISIT_GUIDANCE_NOT_ALLOWED'],
      [
        'a big-account inspection of a small shop',
        ({ guidance: _, ...rest }) => ({ ...rest, kind: 'big_account_inspection' }),
        409,
        'VISIT_NOT_BIG_ACCOUNT',
      ],
      [
        'an unknown brand',
        (b) => ({ ...b, shelfCheck: { brandIds: [ids.b1, 99999999] } }),
        400,
        'FIELD_BRAND_UNKNOWN',
      ],
      [
        'a visit in the future',
        (b) => ({ ...b, visitedAt: '2026-11-20T19:00:00+08:00' }),
        400,
        'FIELD_TIME_IN_FUTURE',
      ],
      [
        'a visit 8 days back',
        (b) => ({ ...b, visitedAt: '2026-11-12T10:00:00+08:00' }),
        400,
        'FIELD_TIME_TOO_OLD',
      ],
      ['a closed retailer', (b) => ({ ...b, retailerId: ids.rClosed }), 409, 'FIELD_RETAILER_CLOSED'],
    ])('refuses %s, writing nothing', async (...row) => {
      // A rest parameter: jest would take a fifth named parameter of a four-value row for `done`.
      const [, change, status, code, field] = row;
      const before = await fieldCounts(t.db);
      const res = await t.http.post('/api/visits').set(am01).send(change(guidanceVisit()));
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await fieldCounts(t.db)).toEqual(before);
    });

    it('records a big-account inspection 7 days back, and the error names unknown brands', async () => {
      await t.http
        .post('/api/visits')
        .set(am01)
        .send({
          retailerId: ids.rBig,
          visitedAt: '2026-11-13T09:00:00+08:00',
          kind: 'big_account_inspection',
        })
        .expect(201);
      const res = await t.http
        .post('/api/visits')
        .set(am01)
        .send({
          retailerId: ids.r1,
          visitedAt: '2026-11-20T09:00:00+08:00',
          kind: 'routine',
          shelfCheck: { brandIds: [99999998, ids.b1, 99999997] },
        });
      expect(res.body).toMatchObject({
        code: 'FIELD_BRAND_UNKNOWN',
        details: { brandIds: [99999997, 99999998] },
      });
    });

    it('only account managers record visits', async () => {
      for (const username of ['mm1', 'head', 'admin', 'ds1']) {
        const res = await t.http
          .post('/api/visits')
          .set(bearer(await t.token(username)))
          .send(guidanceVisit());
        expect(res.status).toBe(403);
      }
    });

    it('honours Idempotency-Key: a retry answers the first visit; another body with the key is refused', async () => {
      const body = {
        retailerId: ids.r1,
        visitedAt: '2026-11-19T15:00:00+08:00',
        kind: 'routine',
        notes: '补货提醒',
      };
      const first = await t.http
        .post('/api/visits')
        .set(am01)
        .set('Idempotency-Key', 'phone-42-0007')
        .send(body)
        .expect(201);
      const before = await fieldCounts(t.db);
      const retry = await t.http
        .post('/api/visits')
        .set(am01)
        .set('Idempotency-Key', 'phone-42-0007')
        .send(body)
        .expect(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await fieldCounts(t.db)).toEqual(before);
      const other = await t.http
        .post('/api/visits')
        .set(am01)
        .set('Idempotency-Key', 'phone-42-0007')
        .send({ ...body, notes: '另一次' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await fieldCounts(t.db)).toEqual(before);
      const bad = await t.http.post('/api/visits').set(am01).set('Idempotency-Key', 'has spaces').send(body);
      expect(bad.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });
  });

  describe('reading', () => {
    it('lists visits by scope: the territory, the center, the department; never another center', async () => {
      const territoryOf = async (username: string) => {
        const res = await t.http
          .get('/api/visits?pageSize=200')
          .set(bearer(await t.token(username)))
          .expect(200);
        return new Set(res.body.items.map((v: { territoryId: number }) => v.territoryId));
      };
      const t001 = await t.unitId('T001');
      expect(await territoryOf('am01')).toEqual(new Set([t001]));
      expect(await territoryOf('mm1')).toEqual(new Set([t001]));
      expect(await territoryOf('head')).toEqual(new Set([t001]));
      expect(await territoryOf('insp1')).toEqual(new Set([t001]));
      expect(await territoryOf('am05')).toEqual(new Set());
      expect(await territoryOf('mm2')).toEqual(new Set());
      expect((await t.http.get('/api/visits').set(bearer(await t.token('ds1')))).status).toBe(403);
      expect((await t.http.get('/api/visits').set(bearer(await t.token('eo1')))).status).toBe(403);
    });

    it('filters by kind, retailer and period, newest first', async () => {
      const list = async (query: string) =>
        (await t.http.get(`/api/visits?${query}`).set(am01).expect(200)).body;
      const guidance = await list('kind=guidance');
      expect(guidance.total).toBe(1);
      expect(guidance.items[0].kind).toBe('guidance');
      const big = await list(`retailerId=${ids.rBig}`);
      expect(big.items.map((v: { kind: string }) => v.kind)).toEqual(['big_account_inspection']);
      const period = await list('from=2026-11-19&to=2026-11-20');
      expect(period.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
        '2026-11-20',
        '2026-11-19',
      ]);
      const bad = await t.http.get('/api/visits?from=2026-11-20&to=2026-11-19').set(am01);
      expect(bad.body.code).toBe('FIELD_PERIOD_INVALID');
      expect((await t.http.get('/api/visits?from=2026-02-30').set(am01)).body.code).toBe('VALIDATION_FAILED');
    });

    it('reads a visit by id in scope, 404 outside', async () => {
      const [{ id }] = (await t.db.query(`SELECT id FROM visits WHERE kind = 'guidance'`)).rows;
      expect((await t.http.get(`/api/visits/${id}`).set(bearer(await t.token('mm1')))).status).toBe(200);
      const other = await t.http.get(`/api/visits/${id}`).set(bearer(await t.token('am05')));
      expect(other.status).toBe(404);
      expect((await t.http.get(`/api/visits/${id}`).set(bearer(await t.token('mm2')))).status).toBe(404);
    });
  });

  describe('market-manager checks', () => {
    let guidanceId: number;
    let routineId: number;
    beforeAll(async () => {
      guidanceId = (await t.db.query(`SELECT id FROM visits WHERE kind = 'guidance'`)).rows[0].id;
      routineId = (await t.db.query(`SELECT id FROM visits WHERE kind = 'routine' LIMIT 1`)).rows[0].id;
    });

    it('another center’s market manager gets 404 and writes nothing', async () => {
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post(`/api/visits/${guidanceId}/check`)
        .set(bearer(await t.token('mm2')))
        .send({ effective: true, note: '已落实' });
      expect(res.status).toBe(404);
      expect(await fieldCounts(t.db)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['without a note', { effective: true }, 'VALIDATION_FAILED'],
      ['with a string verdict', { effective: 'yes', note: 'x' }, 'VALIDATION_FAILED'],
    ])('refuses a check %s', async (_, body, code) => {
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post(`/api/visits/${guidanceId}/check`)
        .set(bearer(await t.token('mm1')))
        .send(body);
      expect(res.body.code).toBe(code);
      expect(await fieldCounts(t.db)).toEqual(before);
    });

    it('checks only guidance visits', async () => {
      const res = await t.http
        .post(`/api/visits/${routineId}/check`)
        .set(bearer(await t.token('mm1')))
        .send({ effective: true, note: '—' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('VISIT_NOT_GUIDANCE');
    });

    it('the center’s market manager checks once, audited; a second check is refused', async () => {
      const mm1 = bearer(await t.token('mm1'));
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post(`/api/visits/${guidanceId}/check`)
        .set(mm1)
        .send({ effective: false, note: '陈列未调整' })
        .expect(201);
      expect(res.body).toMatchObject({
        visitId: guidanceId,
        effective: false,
        note: '陈列未调整',
        checkedBy: await t.userId('mm1'),
      });
      expect(new Date(res.body.checkedAt).toISOString()).toBe('2026-11-20T10:00:00.000Z');
      expect(await fieldCounts(t.db)).toEqual({
        ...before,
        checks: before.checks + 1,
        audit: before.audit + 1,
      });
      const again = await t.http
        .post(`/api/visits/${guidanceId}/check`)
        .set(mm1)
        .send({ effective: true, note: '改判' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('VISIT_ALREADY_CHECKED');
      const visit = await t.http.get(`/api/visits/${guidanceId}`).set(am01).expect(200);
      expect(visit.body.check).toMatchObject({ effective: false, note: '陈列未调整' });
      expect(
        (await t.http.post(`/api/visits/${guidanceId}/check`).set(am01).send({ effective: true, note: 'x' }))
          .status,
      ).toBe(403);
    });
  });

  describe('calls', () => {
    it('logs a call to a retailer of the territory, audited', async () => {
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post('/api/calls')
        .set(am01)
        .send({
          retailerId: ids.r1,
          calledAt: '2026-11-20T15:10:00+08:00',
          durationSeconds: 95,
          notes: '提醒自主提报',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        retailerId: ids.r1,
        calledOn: '2026-11-20',
        reached: true,
        durationSeconds: 95,
      });
      expect(await fieldCounts(t.db)).toEqual({
        ...before,
        calls: before.calls + 1,
        audit: before.audit + 1,
      });
    });

    it.each<[string, Record<string, unknown>, number, string]>([
      [
        'another territory’s retailer',
        { retailerId: 0, calledAt: '2026-11-20T15:10:00+08:00' },
        404,
        'NOT_FOUND',
      ],
      [
        'a negative duration',
        { calledAt: '2026-11-20T15:10:00+08:00', durationSeconds: -1 },
        400,
        'VALIDATION_FAILED',
      ],
      ['a call tomorrow', { calledAt: '2026-11-21T09:00:00+08:00' }, 400, 'FIELD_TIME_IN_FUTURE'],
      [
        'a closed retailer',
        { retailerId: -1, calledAt: '2026-11-20T15:10:00+08:00' },
        409,
        'FIELD_RETAILER_CLOSED',
      ],
    ])('refuses %s, writing nothing', async (_, body, status, code) => {
      const retailerId = body.retailerId === 0 ? ids.rOther : body.retailerId === -1 ? ids.rClosed : ids.r1;
      const before = await fieldCounts(t.db);
      const res = await t.http
        .post('/api/calls')
        .set(am01)
        .send({ ...body, retailerId });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await fieldCounts(t.db)).toEqual(before);
    });

    it('lists calls by scope, with filters', async () => {
      await t.http
        .post('/api/calls')
        .set(am01)
        .send({ retailerId: ids.rBig, calledAt: '2026-11-20T16:00:00+08:00', reached: false })
        .expect(201);
      const all = await t.http
        .get('/api/calls')
        .set(bearer(await t.token('mm1')))
        .expect(200);
      expect(all.body.total).toBe(2);
      const unanswered = await t.http.get('/api/calls?reached=false').set(am01).expect(200);
      expect(unanswered.body.items.map((c: { retailerId: number }) => c.retailerId)).toEqual([ids.rBig]);
      expect(
        (
          await t.http
            .get('/api/calls')
            .set(bearer(await t.token('mm2')))
            .expect(200)
        ).body.total,
      ).toBe(0);
    });
  });
});
