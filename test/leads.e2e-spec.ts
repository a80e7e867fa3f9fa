import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import sharp from 'sharp';
import { Clock } from '#libs/shared';
import { LeadWorkflowService, tallyLeads, type VerificationResult } from '#libs/enforcement';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers } from './support/fixtures.js';

/**
 * The demo county: squad SQ1 covers center 1 (T001–T004), SQ2 center 2 (T005–T008). Route R1-1 serves
 * T001 and T002 (delivery staff ds1), R2-1 serves T005 and T006 (ds3). Officers eo1, eo2 are in SQ1, eo3, eo4
 * in SQ2. Default deadlines: important 3 days, normal 7.
 */
jest.setTimeout(60_000);

describe('leads 线索', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let r1: number, r2: number, r3: number;
  let sq1: number, sq2: number;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const report = async (username: string, body: object, headers: Record<string, string> = {}) =>
    t.http
      .post('/api/leads')
      .set(await as(username))
      .set(headers)
      .send({ kind: 'counterfeit', importance: 'normal', description: '店内发现疑似假烟', ...body });
  const verify = async (username: string, id: number, result: VerificationResult, note = '现场核查') =>
    t.http
      .post(`/api/leads/${id}/verify`)
      .set(await as(username))
      .send({ result, note });

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    at('2026-09-01T02:00:00Z');
    [r1, r2, r3] = await insertRetailers(t, [
      { licenseNo: '440000000001', territory: 'T001', grade: 10 },
      { licenseNo: '440000000002', territory: 'T005', grade: 10 },
      { licenseNo: '440000000003', territory: 'T002', grade: 10 },
    ]);
    sq1 = await t.unitId('SQ1');
    sq2 = await t.unitId('SQ2');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('reporting and routing', () => {
    it('routes a lead about a retailer to the squad covering its territory, with the deadline by importance', async () => {
      at('2026-09-01T02:00:00Z');
      const res = await report('am01', {
        retailerId: r1,
        importance: 'important',
        evidence: ['照片 IMG_0012'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'counterfeit',
        kindLabel: '假冒卷烟',
        status: 'new',
        statusLabel: '待分派',
        retailerId: r1,
        territoryId: await t.unitId('T001'),
        squadId: sq1,
        reportedBy: await t.userId('am01'),
        reporterRole: 'account_manager',
        reportedAt: '2026-09-01T02:00:00.000Z',
        deadlineAt: '2026-09-04T02:00:00.000Z', // + 3 days
        evidence: ['照片 IMG_0012'],
        allowedEvents: ['assign', 'escalate'],
      });
      const other = await report('am05', { retailerId: r2 });
      expect(other.body).toMatchObject({ squadId: sq2, deadlineAt: '2026-09-08T02:00:00.000Z' }); // + 7 days
    });

    it('routes a delivery staff member’s lead by the retailer, or by its route’s first territory', async () => {
      const aboutRetailer = await report('ds1', { retailerId: r3, kind: 'smuggled' });
      expect(aboutRetailer.body).toMatchObject({ squadId: sq1, territoryId: await t.unitId('T002') });
      const onTheRoad = await report('ds1', { kind: 'unlicensed', description: '路边无证摊点售烟' });
      expect(onTheRoad.status).toBe(201);
      expect(onTheRoad.body).toMatchObject({
        retailerId: null,
        territoryId: await t.unitId('T001'),
        squadId: sq1,
      });
      const named = await report('ds3', { kind: 'unlicensed', territoryId: await t.unitId('T006') });
      expect(named.body).toMatchObject({ territoryId: await t.unitId('T006'), squadId: sq2 });
    });

    it('refuses a retailer or territory outside the reporter’s scope (404), and writes nothing', async () => {
      const before = await countRows(t.db, 'leads');
      expect((await report('am01', { retailerId: r2 })).status).toBe(404);
      expect((await report('ds1', { territoryId: await t.unitId('T005') })).status).toBe(404);
      const mismatch = await report('am01', { retailerId: r1, territoryId: await t.unitId('T002') });
      expect(mismatch.body.code).toBe('LEAD_TERRITORY_MISMATCH');
      expect(await countRows(t.db, 'leads')).toBe(before);
    });

    it('refuses a territory no squad covers (409), and writes nothing', async () => {
      const t012 = await t.unitId('T012');
      const { rows } = await t.db.query('SELECT squad_id FROM org_units WHERE id = $1', [t012]);
      await t.db.query('UPDATE org_units SET squad_id = NULL WHERE id = $1', [t012]);
      try {
        const before = await Promise.all(
          ['leads', 'lead_events', 'audit_log'].map((n) => countRows(t.db, n)),
        );
        const res = await report('am12', {});
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('LEAD_NO_SQUAD');
        expect(
          await Promise.all(['leads', 'lead_events', 'audit_log'].map((n) => countRows(t.db, n))),
        ).toEqual(before);
      } finally {
        await t.db.query('UPDATE org_units SET squad_id = $2 WHERE id = $1', [t012, rows[0].squad_id]);
      }
    });

    it('validates the request', async () => {
      expect((await report('am01', { kind: 'gossip' })).body.code).toBe('VALIDATION_FAILED');
      expect((await report('am01', { importance: 'urgent' })).body.code).toBe('VALIDATION_FAILED');
      expect((await report('am01', { description: '短' })).body.code).toBe('VALIDATION_FAILED');
      expect((await report('am01', { squadId: sq2 })).body.code).toBe('VALIDATION_FAILED');
      expect((await report('mm1', {})).status).toBe(403);
      expect((await report('eo1', {})).status).toBe(403);
    });

    it('replays a retried report with the same Idempotency-Key', async () => {
      const body = { retailerId: r1, kind: 'priceViolation', description: '高于指导价销售' };
      const first = await report('am01', body, { 'idempotency-key': 'am01-lead-price-1' });
      const again = await report('am01', body, { 'idempotency-key': 'am01-lead-price-1' });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('follows the department’s deadlines; leads keep the deadline they were reported with', async () => {
      const head = await as('head');
      const bad = await t.http.put('/api/lead-policy').set(head).send({ importantDays: 8, normalDays: 7 });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('LEAD_POLICY_INVALID');
      const put = await t.http
        .put('/api/lead-policy')
        .set(head)
        .send({ importantDays: 2, normalDays: 5 })
        .expect(200);
      const stored = (await t.http.get('/api/lead-policy').set(await as('eo1'))).body;
      expect(stored).toMatchObject({ configured: true, importantDays: 2, normalDays: 5 });
      expect(put.body).toEqual(stored);
      at('2026-09-02T02:00:00Z');
      const res = await report('am01', { retailerId: r1, importance: 'important' });
      expect(res.body.deadlineAt).toBe('2026-09-04T02:00:00.000Z');
      const older = await t.db.query(
        `SELECT deadline_at FROM leads WHERE reported_at = '2026-09-01T02:00:00Z' AND importance = 'important'`,
      );
      expect(older.rows[0].deadline_at.toISOString()).toBe('2026-09-04T02:00:00.000Z');
      await t.http.put('/api/lead-policy').set(head).send({ importantDays: 3, normalDays: 7 }).expect(200);
      expect(
        (
          await t.http
            .put('/api/lead-policy')
            .set(await as('eo1'))
            .send({ importantDays: 1, normalDays: 1 })
        ).status,
      ).toBe(403);
    });
  });

  describe('scoping', () => {
    const ids = async (username: string, query = '') => {
      const res = await t.http.get(`/api/leads?pageSize=200${query}`).set(await as(username));
      expect(res.status).toBe(200);
      return res.body.items as Array<{
        id: number;
        squadId: number;
        reportedBy: number;
        serviceCenterId: number;
      }>;
    };

    it('an officer sees its squad’s leads; a reporter its own; managers their center or department', async () => {
      const all = await ids('head');
      expect(all.length).toBe(await countRows(t.db, 'leads'));
      expect(await ids('insp1')).toHaveLength(all.length);
      const squad1 = all.filter((l) => l.squadId === sq1);
      expect((await ids('eo1')).map((l) => l.id).sort()).toEqual(squad1.map((l) => l.id).sort());
      expect((await ids('eo3')).every((l) => l.squadId === sq2)).toBe(true);
      const am01 = await t.userId('am01');
      expect((await ids('am01')).every((l) => l.reportedBy === am01)).toBe(true);
      expect((await ids('am01')).length).toBe(all.filter((l) => l.reportedBy === am01).length);
      const ds1 = await t.userId('ds1');
      expect((await ids('ds1')).map((l) => l.reportedBy)).toEqual([ds1, ds1]);
      const center1 = await t.unitId('SC1');
      expect((await ids('mm1')).length).toBe(all.filter((l) => l.serviceCenterId === center1).length);
      expect((await ids('mm2')).every((l) => l.serviceCenterId !== center1)).toBe(true);
      expect((await ids('head', `&squadId=${sq2}`)).every((l) => l.squadId === sq2)).toBe(true);
      expect(await ids('head', '&from=2026-09-02&to=2026-09-02')).toHaveLength(1);
    });

    it('answers 404 for a lead out of scope, and 403 for a role that reads no leads', async () => {
      const [lead] = await ids('am01');
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('am01'))).status).toBe(200);
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('eo1'))).status).toBe(200);
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('eo3'))).status).toBe(404);
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('am02'))).status).toBe(404);
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('ds1'))).status).toBe(404);
      expect((await t.http.get(`/api/leads/${lead.id}`).set(await as('mm2'))).status).toBe(404);
      expect((await t.http.get('/api/leads').set(await as('clerk1'))).status).toBe(403);
    });
  });

  describe('verification', () => {
    let lead: number;

    beforeAll(async () => {
      at('2026-09-10T02:00:00Z');
      lead = (await report('am01', { retailerId: r1, description: '客户反映该店销售走私烟' })).body.id;
    });

    it('only an officer of the lead’s squad records the result', async () => {
      at('2026-09-11T02:00:00Z');
      expect((await verify('eo3', lead, 'confirmed')).status).toBe(404);
      expect((await verify('am01', lead, 'confirmed')).status).toBe(403);
      expect((await verify('insp1', lead, 'confirmed')).status).toBe(403);
      const bad = await verify('eo1', lead, 'maybe' as VerificationResult);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect((await t.http.get(`/api/leads/${lead}`).set(await as('head'))).body.status).toBe('new');
    });

    it('records it in one step from a new lead, and the reporter sees the outcome and history', async () => {
      const res = await verify('eo1', lead, 'confirmed', '查获走私烟 12 条');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'verified',
        result: 'confirmed',
        resultLabel: '属实',
        resultNote: '查获走私烟 12 条',
        verifiedBy: await t.userId('eo1'),
        assignedTo: await t.userId('eo1'),
        verifiedAt: '2026-09-11T02:00:00.000Z',
        onTime: true,
        allowedEvents: ['close'],
      });
      const seen = await t.http
        .get(`/api/leads/${lead}`)
        .set(await as('am01'))
        .expect(200);
      expect(seen.body.result).toBe('confirmed');
      expect(
        seen.body.history.map((h: { event: string; toStatus: string }) => [h.event, h.toStatus]),
      ).toEqual([
        ['report', 'new'],
        ['assign', 'assigned'],
        ['startVerification', 'verifying'],
        ['recordResult', 'verified'],
      ]);
      const audit = await t.db.query(
        `SELECT action, actor_role FROM audit_log WHERE entity_type = 'lead' AND entity_id = $1 ORDER BY id`,
        [String(lead)],
      );
      expect(audit.rows).toEqual([
        { action: 'lead.report', actor_role: 'account_manager' },
        { action: 'lead.verify', actor_role: 'enforcement_officer' },
      ]);
    });

    it('refuses a second result (409), and only the reporter closes the lead', async () => {
      const again = await verify('eo2', lead, 'unfounded');
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'LEAD_TRANSITION_FORBIDDEN',
        details: { state: 'verified', event: 'recordResult', allowedEvents: ['close'] },
      });
      const notReporter = await t.http.post(`/api/leads/${lead}/close`).set(await as('eo1'));
      expect(notReporter.status).toBe(403);
      expect(notReporter.body.code).toBe('LEAD_NOT_REPORTER');
      const closed = await t.http
        .post(`/api/leads/${lead}/close`)
        .set(await as('am01'))
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已办结', result: 'confirmed' });
    });

    it('assigns within the squad only, then starts verification', async () => {
      const other = (await report('am02', { description: '疑似无证经营户' })).body.id;
      const foreign = await t.http
        .post(`/api/leads/${other}/assign`)
        .set(await as('eo1'))
        .send({ officerId: await t.userId('eo3') });
      expect(foreign.body.code).toBe('LEAD_OFFICER_INVALID');
      const assigned = await t.http
        .post(`/api/leads/${other}/assign`)
        .set(await as('eo1'))
        .send({ officerId: await t.userId('eo2') })
        .expect(200);
      expect(assigned.body).toMatchObject({ status: 'assigned', assignedTo: await t.userId('eo2') });
      const started = await t.http
        .post(`/api/leads/${other}/start`)
        .set(await as('eo2'))
        .expect(200);
      expect(started.body.status).toBe('verifying');
    });
  });

  describe('rates for a month', () => {
    /**
     * Leads reported in October 2026 (deadlines 3 / 7 days, so due on the day shown), results recorded at the
     * times given; a lead counts for the month it is due in:
     *   L1 am01 important 10-05, due 10-08 → 属实 10-06: on time
     *   L2 am01 important 10-10, due 10-13 → 不实 10-14: late
     *   L3 am01 normal 10-12, due 10-19 → 无法查实 10-19: an answer, not a finding
     *   L4 ds1 normal 10-20, due 10-27 → 属实 10-21: on time
     *   L5 ds1 normal 10-28, due 11-04 → no result (November's)
     *   L6 ds1 important 10-30, due 11-02 → 属实 11-01 (November's, on time)
     *   L7 am05 normal 10-15 (SQ2), due 10-22 → 属实 10-16
     * October, as of its end (2026-10-31 16:00Z): SQ1 due 4 (L1–L4), verified 3 (L1, L2, L4), on time 2 (L1, L4),
     * 无法查实 1 → 查实率 3/4, 按时 2/4. SQ2: 1, 1, 1. Reporters: am01 verified 2 (L1, L2), 属实 1 → 1/2; ds1 1 of 1.
     * November as of 11-05: SQ1 due 2 (L5, L6), verified 1 on time, 1 unanswered.
     */
    const day = (d: string) => `2026-${d}T02:00:00Z`;
    beforeAll(async () => {
      const fixture: Array<
        [string, string, object, string, VerificationResult | null, string | null, string]
      > = [
        ['am01', '10-05', { importance: 'important', retailerId: r1 }, 'eo1', 'confirmed', '10-06', 'L1'],
        ['am01', '10-10', { importance: 'important', retailerId: r1 }, 'eo2', 'unfounded', '10-14', 'L2'],
        ['am01', '10-12', { retailerId: r1 }, 'eo1', 'unverifiable', '10-19', 'L3'],
        ['ds1', '10-20', { retailerId: r3 }, 'eo1', 'confirmed', '10-21', 'L4'],
        ['ds1', '10-28', { retailerId: r3 }, 'eo1', null, null, 'L5'],
        ['ds1', '10-30', { importance: 'important' }, 'eo2', 'confirmed', '11-01', 'L6'],
        ['am05', '10-15', { retailerId: r2 }, 'eo3', 'confirmed', '10-16', 'L7'],
      ];
      const created: Array<[number, string, VerificationResult | null, string | null]> = [];
      for (const [reporter, reported, body, officer, result, recorded, name] of fixture) {
        at(day(reported));
        const res = await report(reporter, { ...body, description: `月度线索 ${name}` });
        expect(res.status).toBe(201);
        created.push([res.body.id, officer, result, recorded]);
      }
      for (const [id, officer, result, recorded] of created) {
        if (!result || !recorded) continue;
        at(day(recorded));
        expect((await verify(officer, id, result)).status).toBe(200);
      }
      at('2026-11-05T02:00:00Z');
    });

    it('counts per squad over the leads due in the month, as of its end, and as of now', async () => {
      const res = await t.http
        .get('/api/leads/rates/squads?month=2026-10&asOf=2026-10-31T16:00:00Z')
        .set(await as('head'))
        .expect(200);
      expect(res.body.items).toEqual([
        {
          squadId: sq1,
          due: 4,
          verified: 3,
          verifiedOnTime: 2,
          confirmed: 2,
          unfounded: 1,
          unverifiable: 1,
          unanswered: 0,
          verificationRate: { numerator: 3, denominator: 4, ratio: 0.75 },
          onTimeRate: { numerator: 2, denominator: 4, ratio: 0.5 },
          authenticity: { numerator: 2, denominator: 3, ratio: 2 / 3 },
        },
        expect.objectContaining({
          squadId: sq2,
          due: 1,
          verified: 1,
          verifiedOnTime: 1,
          verificationRate: { numerator: 1, denominator: 1, ratio: 1 },
        }),
      ]);
      // L5 and L6, reported in October, are due in November: L6's answer of 11-01 counts there.
      const now = await t.http
        .get('/api/leads/rates/squads?month=2026-11')
        .set(await as('eo1'))
        .expect(200);
      expect(now.body.items).toEqual([
        expect.objectContaining({ squadId: sq1, due: 2, verified: 1, verifiedOnTime: 1, unanswered: 1 }),
      ]);
    });

    it('counts what the domain tally counts over the same leads', async () => {
      const { rows } = await t.db.query(
        `SELECT importance, reported_at, deadline_at, verification_result, verified_at FROM leads WHERE squad_id = $1`,
        [sq1],
      );
      const october = { start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };
      const tally = tallyLeads(
        rows.map((row) => ({
          importance: row.importance,
          reportedAt: row.reported_at,
          deadlineAt: row.deadline_at,
          verification: row.verification_result
            ? { result: row.verification_result, recordedAt: row.verified_at }
            : null,
        })),
        october,
        new Date('2026-10-31T16:00:00Z'),
      );
      const res = await t.http
        .get('/api/leads/rates/squads?month=2026-10&asOf=2026-10-31T16:00:00Z')
        .set(await as('eo1'));
      const {
        squadId: _,
        verificationRate: _v,
        onTimeRate: _o,
        authenticity: _a,
        ...sql
      } = res.body.items[0];
      expect(sql).toEqual(tally);
    });

    it('counts authenticity per reporter over verified leads only; a reporter sees its own line', async () => {
      const res = await t.http
        .get('/api/leads/rates/reporters?month=2026-10&asOf=2026-10-31T16:00:00Z')
        .set(await as('mm1'))
        .expect(200);
      expect(
        res.body.items.map(
          (i: {
            reporterId: number;
            due: number;
            verified: number;
            confirmed: number;
            unverifiable: number;
            authenticity: object;
          }) => [i.reporterId, i.due, i.verified, i.confirmed, i.unverifiable, i.authenticity],
        ),
      ).toEqual(
        [
          // am01: L3's 无法查实 is no verdict on the reporter: 1 属实 of 2 verified.
          [await t.userId('am01'), 3, 2, 1, 1, { numerator: 1, denominator: 2, ratio: 0.5 }],
          [await t.userId('ds1'), 1, 1, 1, 0, { numerator: 1, denominator: 1, ratio: 1 }],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      const own = await t.http
        .get('/api/leads/rates/reporters?month=2026-11')
        .set(await as('ds1'))
        .expect(200);
      expect(own.body.items).toEqual([
        expect.objectContaining({
          reporterId: await t.userId('ds1'),
          reporterRole: 'delivery_staff',
          due: 2,
          verified: 1,
          confirmed: 1,
          authenticity: { numerator: 1, denominator: 1, ratio: 1 },
        }),
      ]);
      expect((await t.http.get('/api/leads/rates/squads?month=2026-10').set(await as('am01'))).status).toBe(
        403,
      );
      expect((await t.http.get('/api/leads/rates/squads?month=2026-13').set(await as('head'))).status).toBe(
        400,
      );
    });
  });

  describe('escalation to the inspectors', () => {
    let urgent: number, normal: number, answered: number;
    let september: number[];
    const escalate = () => t.app.get(LeadWorkflowService).escalateDue();
    const lead = async (id: number) => (await t.http.get(`/api/leads/${id}`).set(await as('insp1'))).body;

    beforeAll(async () => {
      at('2026-12-01T02:00:00Z'); // important due 12-04 02:00Z, normal 12-08
      urgent = (
        await report('am01', { retailerId: r1, importance: 'important', description: '大量假烟线索' })
      ).body.id;
      normal = (await report('am01', { retailerId: r1, description: '一般线索，尚未查' })).body.id;
      answered = (await report('am02', { importance: 'important', description: '重要线索，已查' })).body.id;
      at('2026-12-02T02:00:00Z');
      await verify('eo1', answered, 'unfounded').then((r) => expect(r.status).toBe(200));
    });

    it('leaves leads alone until their deadline has passed', async () => {
      // September's two important leads of am01 never got a result: long overdue, they go on the first run.
      const { rows } = await t.db.query(
        `SELECT id FROM leads WHERE importance = 'important' AND verification_result IS NULL
            AND reported_at < '2026-10-01' ORDER BY reported_at DESC`,
      );
      september = rows.map((row) => row.id);
      expect(september).toHaveLength(2);
      at('2026-12-04T00:00:00Z'); // 08:00 in Shanghai on the due day: not yet past 02:00Z
      expect(await escalate()).toEqual({ date: '2026-12-04', escalated: 2 });
      expect((await lead(urgent)).status).toBe('new');
      expect((await lead(september[0])).status).toBe('escalated');
    });

    it('escalates important leads past their deadline without a result, once a day, as the system', async () => {
      at('2026-12-05T00:00:00Z');
      const auditBefore = await countRows(t.db, 'audit_log');
      expect(await escalate()).toEqual({ date: '2026-12-05', escalated: 1 });
      expect(await lead(urgent)).toMatchObject({
        status: 'escalated',
        statusLabel: '督办中',
        escalationCount: 1,
        escalatedAt: '2026-12-05T00:00:00.000Z',
        overdue: true,
      });
      expect((await lead(normal)).status).toBe('new');
      expect((await lead(answered)).status).toBe('verified');
      const audit = await t.db.query(
        `SELECT actor_id, actor_role, before, after FROM audit_log WHERE action = 'lead.escalate' AND entity_id = $1`,
        [String(urgent)],
      );
      expect(audit.rows).toEqual([
        expect.objectContaining({
          actor_id: null,
          actor_role: 'system',
          before: { status: 'new', escalationCount: 0 },
        }),
      ]);
      // The same day again: the job has run, nothing changes.
      at('2026-12-05T09:00:00Z');
      expect(await escalate()).toBeNull();
      expect(await countRows(t.db, 'audit_log')).toBe(auditBefore + 1);
      const escalated = await t.http
        .get('/api/leads?status=escalated')
        .set(await as('insp1'))
        .expect(200);
      expect(escalated.body.items.map((l: { id: number }) => l.id)).toEqual([urgent, ...september]);
    });

    it('inspectors comment, and require action from an officer of the squad by a new due time', async () => {
      const insp = await as('insp1');
      const wrongOfficer = await t.http
        .post(`/api/leads/${urgent}/inspection`)
        .set(insp)
        .send({ comment: '请尽快核查', requireAction: true, officerId: await t.userId('eo3') });
      expect(wrongOfficer.body.code).toBe('LEAD_OFFICER_INVALID');
      const past = await t.http
        .post(`/api/leads/${urgent}/inspection`)
        .set(insp)
        .send({ comment: '请尽快核查', requireAction: true, actionDueAt: '2026-12-01T00:00:00Z' });
      expect(past.body.code).toBe('LEAD_ACTION_DUE_INVALID');
      expect(await lead(urgent)).toMatchObject({ status: 'escalated', assignedTo: null, actionDueAt: null });
      expect(
        (
          await t.http
            .post(`/api/leads/${urgent}/inspection`)
            .set(await as('am01'))
            .send({ comment: '看看' })
        ).status,
      ).toBe(403);
      const notEscalated = await t.http
        .post(`/api/leads/${normal}/inspection`)
        .set(insp)
        .send({ comment: '督办', requireAction: true });
      expect(notEscalated.status).toBe(409);
      expect(notEscalated.body.code).toBe('LEAD_TRANSITION_FORBIDDEN');
      await t.http
        .post(`/api/leads/${normal}/inspection`)
        .set(insp)
        .send({ comment: '已关注此线索' })
        .expect(200);

      const res = await t.http
        .post(`/api/leads/${urgent}/inspection`)
        .set(insp)
        .send({
          comment: '逾期未查，限期办结',
          requireAction: true,
          officerId: await t.userId('eo2'),
          actionDueAt: '2026-12-07T02:00:00Z',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'verifying',
        assignedTo: await t.userId('eo2'),
        actionDueAt: '2026-12-07T02:00:00.000Z',
      });
      const history = (await lead(urgent)).history.map((h: { event: string; comment: string | null }) => [
        h.event,
        h.comment,
      ]);
      expect(history.slice(-2)).toEqual([
        ['escalate', '重要线索逾期未查结，提交督察组'],
        ['requireAction', '逾期未查，限期办结'],
      ]);
      expect((await lead(normal)).history.at(-1)).toMatchObject({
        event: 'comment',
        comment: '已关注此线索',
      });
    });

    it('escalates again only after the inspectors’ due time, and the squad can still record the result', async () => {
      at('2026-12-06T00:00:00Z');
      expect(await escalate()).toEqual({ date: '2026-12-06', escalated: 0 });
      at('2026-12-08T00:00:00Z');
      expect(await escalate()).toEqual({ date: '2026-12-08', escalated: 1 });
      expect(await lead(urgent)).toMatchObject({ status: 'escalated', escalationCount: 2 });
      const res = await verify('eo2', urgent, 'confirmed', '督办后查实');
      expect(res.body).toMatchObject({ status: 'verified', result: 'confirmed', onTime: false });
    });
  });

  describe('photo evidence of a result', () => {
    let lead: number;
    const photo = (color: string) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background: color } })
        .jpeg()
        .toBuffer();
    const upload = async (username: string, id: number, file: Buffer, name = 'shop.jpg') =>
      t.http
        .post(`/api/leads/${id}/photos`)
        .set(await as(username))
        .attach('file', file, name);
    const photoRows = async (id: number) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM attachments WHERE owner_kind = 'lead' AND owner_id = $1`,
          [id],
        )
      ).rows[0].n;

    beforeAll(async () => {
      at('2026-12-10T02:00:00Z');
      lead = (await report('am01', { retailerId: r1, description: '店内摆放无标识卷烟' })).body.id;
    });

    it('refuses photos before the result (409) and writes nothing', async () => {
      const res = await upload('eo1', lead, await photo('#336699'));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LEAD_RESULT_MISSING');
      expect(await photoRows(lead)).toBe(0);
    });

    it('takes up to three photos from the officer who recorded the result; the reporter sees them', async () => {
      expect((await verify('eo1', lead, 'confirmed', '查获无标识卷烟两条')).status).toBe(200);
      const ids: number[] = [];
      for (const color of ['#336699', '#993366', '#669933']) {
        const res = await upload('eo1', lead, await photo(color));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          ownerKind: 'lead',
          ownerId: lead,
          kind: 'photo',
          mediaType: 'image/jpeg',
        });
        ids.push(res.body.id);
      }
      const full = await upload('eo1', lead, await photo('#000000'));
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('LEAD_RESULT_PHOTOS_FULL');
      expect(await photoRows(lead)).toBe(3);

      const seen = await t.http
        .get(`/api/leads/${lead}`)
        .set(await as('am01'))
        .expect(200);
      expect(seen.body.resultPhotoIds).toEqual(ids);
      const file = await t.http
        .get(`/api/attachments/${ids[0]}`)
        .set(await as('am01'))
        .buffer(true)
        .expect(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'lead.resultPhoto' AND entity_id = $1::text`,
        [lead],
      );
      expect(rows[0].n).toBe(3);
    });

    it('keeps the photos to the lead’s scope: another squad gets 404, a colleague who did not record it 403', async () => {
      const [id] = (await t.http.get(`/api/leads/${lead}`).set(await as('eo1'))).body.resultPhotoIds;
      expect((await t.http.get(`/api/attachments/${id}`).set(await as('eo3'))).status).toBe(404);
      expect((await t.http.get(`/api/attachments/${id}`).set(await as('am05'))).status).toBe(404);
      const other = await upload('eo3', lead, await photo('#123456'));
      expect(other.status).toBe(404);
      const colleague = await upload('eo2', lead, await photo('#123456'));
      expect(colleague.status).toBe(403);
      expect(colleague.body.code).toBe('LEAD_NOT_VERIFIER');
      expect((await upload('am01', lead, await photo('#123456'))).status).toBe(403);
      expect(await photoRows(lead)).toBe(3);
    });

    it('checks the upload by its content', async () => {
      const fresh = (await report('am01', { retailerId: r1, description: '另一条待核查线索' })).body.id;
      await verify('eo1', fresh, 'unverifiable', '店铺关门，无法进入核查');
      const res = await upload('eo1', fresh, Buffer.from('not an image at all'), 'fake.jpg');
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect(await photoRows(fresh)).toBe(0);
    });
  });
});
