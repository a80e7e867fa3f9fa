import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '#libs/shared';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertRetailers } from './support/fixtures.js';

/**
 * Problems between the three roles 三员互动问题. The demo county: am01 works T001, am02 T002 (both center SC1,
 * market manager mm1), am05 T005 (SC2, mm2). Squad SQ1 (eo1, eo2) covers SC1; route R1-1 (ds1) serves T001 and
 * T002. insp1 and the head are the department's. Default answer time: 48 hours.
 */
jest.setTimeout(60_000);

describe('problems between the three roles', () => {
  let t: DemoApp;
  let clock: jest.SpiedFunction<() => Date>;
  let r1: number, r2: number, r5: number;
  const at = (iso: string) => clock.mockReturnValue(new Date(iso));
  const as = async (username: string) => bearer(await t.token(username));
  const raise = async (username: string, body: object) =>
    t.http
      .post('/api/problems')
      .set(await as(username))
      .send({ kind: 'delivery_late', description: '送货比约定时间晚了三个小时', ...body });
  const get = async (username: string, id: number) =>
    t.http.get(`/api/problems/${id}`).set(await as(username));
  const answer = async (username: string, id: number, text = '已与送货员核实，调整线路') =>
    t.http
      .post(`/api/problems/${id}/answer`)
      .set(await as(username))
      .send({ answer: text });
  const close = async (username: string, id: number) =>
    t.http
      .post(`/api/problems/${id}/close`)
      .set(await as(username))
      .send();
  const ids = async (username: string, query = '') =>
    (
      await t.http
        .get(`/api/problems${query}`)
        .set(await as(username))
        .expect(200)
    ).body.items.map((p: { id: number }) => p.id);
  const written = () => Promise.all(['problems', 'audit_log'].map((table) => countRows(t.db, table)));

  beforeAll(async () => {
    t = await startDemoApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    [r1, r2, r5] = await insertRetailers(t, [
      { licenseNo: '440000000101', territory: 'T001', grade: 10 },
      { licenseNo: '440000000102', territory: 'T002', grade: 10 },
      { licenseNo: '440000000105', territory: 'T005', grade: 10 },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  let late: number, eoProblem: number, dsProblem: number;

  describe('raising', () => {
    it('routes a problem to the market manager of the retailer’s center, due by the default 48 hours', async () => {
      at('2026-12-07T02:00:00Z');
      const res = await raise('am01', { retailerId: r1 });
      expect(res.status).toBe(201);
      late = res.body.id;
      expect(res.body).toEqual({
        id: late,
        kind: 'delivery_late',
        kindLabel: '送货不及时',
        aboutRole: 'delivery_staff',
        aboutRoleLabel: '送货员',
        description: '送货比约定时间晚了三个小时',
        retailerId: r1,
        shopName: '测试商店440000000101',
        territoryId: await t.unitId('T001'),
        serviceCenterId: await t.unitId('SC1'),
        departmentId: await t.unitId('D01'),
        raisedBy: await t.userId('am01'),
        raiserName: expect.any(String),
        raiserRole: 'account_manager',
        raiserRoleLabel: '客户经理',
        raisedAt: '2026-12-07T02:00:00.000Z',
        deadlineAt: '2026-12-09T02:00:00.000Z',
        status: 'open',
        statusLabel: '待答复',
        overdue: false,
        answer: null,
        answeredBy: null,
        answererName: null,
        answeredAt: null,
        answeredOnTime: null,
        escalatedAt: null,
        closedAt: null,
        allowedEvents: ['answer', 'escalate'],
      });
      const audit = await t.db.query(
        `SELECT action, actor_role, department_id FROM audit_log WHERE entity_type = 'problem' AND entity_id = $1`,
        [String(late)],
      );
      expect(audit.rows).toEqual([
        { action: 'problem.raise', actor_role: 'account_manager', department_id: await t.unitId('D01') },
      ]);
    });

    it('lets an officer and a driver raise problems about the other roles', async () => {
      at('2026-12-07T03:00:00Z');
      const eo = await raise('eo1', {
        retailerId: r2,
        kind: 'visit_not_done',
        description: '客户经理一个月未走访',
      });
      expect(eo.status).toBe(201);
      expect(eo.body).toMatchObject({ aboutRole: 'account_manager', raiserRole: 'enforcement_officer' });
      eoProblem = eo.body.id;
      const ds = await raise('ds1', {
        retailerId: r1,
        kind: 'other',
        aboutRole: 'enforcement_officer',
        description: '门口有人兜售来历不明的卷烟',
      });
      expect(ds.status).toBe(201);
      expect(ds.body).toMatchObject({ kind: 'other', aboutRole: 'enforcement_officer' });
      dsProblem = ds.body.id;
    });

    it.each([
      ['am01', { kind: 'visit_not_done' }, 'PROBLEM_ABOUT_OWN_ROLE'],
      ['ds1', { kind: 'proxy_receipt' }, 'PROBLEM_ABOUT_OWN_ROLE'],
      ['eo1', { kind: 'other', aboutRole: 'enforcement_officer' }, 'PROBLEM_ABOUT_OWN_ROLE'],
      ['am01', { kind: 'other' }, 'PROBLEM_ABOUT_REQUIRED'],
      ['am01', { kind: 'delivery_late', aboutRole: 'enforcement_officer' }, 'PROBLEM_ABOUT_MISMATCH'],
    ])('refuses %s raising %j with 400 %s, writing nothing', async (username, body, code) => {
      const before = await written();
      const res = await raise(username, { retailerId: r1, ...body });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
      expect(await written()).toEqual(before);
    });

    it('answers 404 for a retailer outside the raiser’s scope, writing nothing', async () => {
      const before = await written();
      for (const [username, retailerId, aboutRole] of [
        ['am01', r2, 'delivery_staff'], // another territory of the same center
        ['eo1', r5, 'account_manager'], // another squad's territory
        ['ds1', r5, 'account_manager'], // not on the driver's routes
      ] as const) {
        const res = await raise(username, { retailerId, kind: 'other', aboutRole });
        expect({ username, status: res.status, code: res.body.code }).toEqual({
          username,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      expect(await written()).toEqual(before);
    });

    it('refuses the roles that do not raise problems', async () => {
      const res = await raise('mm1', { retailerId: r1 });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    });
  });

  describe('who sees them', () => {
    it('shows the raiser its own, the market manager its center’s, inspectors the department’s', async () => {
      // Newest first: the officer's and the driver's (raised together, by id), then the account manager's.
      expect(await ids('insp1')).toEqual([dsProblem, eoProblem, late]);
      expect(await ids('mm1')).toEqual([dsProblem, eoProblem, late]);
      expect(await ids('am01')).toEqual([late]);
      expect(await ids('eo1')).toEqual([eoProblem]);
      expect(await ids('ds1')).toEqual([dsProblem]);
      expect(await ids('mm2')).toEqual([]);
      expect(await ids('am02')).toEqual([]);
      expect(await ids('mm1', `?retailerId=${r1}`)).toEqual([dsProblem, late]);
      expect(await ids('mm1', `?awaitingAnswer=true`)).toEqual([dsProblem, eoProblem, late]);
    });

    it.each(['mm2', 'am02', 'eo1', 'ds1'])('answers 404 for a problem %s may not see', async (username) => {
      const res = await get(username, late);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe('answering and closing', () => {
    it('refuses to close a problem not answered yet, with 409', async () => {
      const res = await close('am01', late);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'PROBLEM_TRANSITION_FORBIDDEN',
      });
      expect(res.body.details).toEqual({
        state: 'open',
        event: 'close',
        allowedEvents: ['answer', 'escalate'],
      });
    });

    it('lets only the market manager of the center answer (another center: 404, nothing written)', async () => {
      const before = await written();
      const foreign = await answer('mm2', late);
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(await written()).toEqual(before);

      at('2026-12-08T01:00:00Z');
      const res = await answer('mm1', late);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'answered',
        statusLabel: '已答复',
        answer: '已与送货员核实，调整线路',
        answeredBy: await t.userId('mm1'),
        answeredAt: '2026-12-08T01:00:00.000Z',
        answeredOnTime: true,
        overdue: false,
        allowedEvents: ['close'],
      });
      const again = await answer('mm1', late);
      expect({ status: again.status, code: again.body.code }).toEqual({
        status: 409,
        code: 'PROBLEM_TRANSITION_FORBIDDEN',
      });
    });

    it('lets the raiser close it once answered; nobody else (404)', async () => {
      for (const username of ['am02', 'eo1']) {
        const res = await close(username, late);
        expect({ username, status: res.status }).toEqual({ username, status: 404 });
      }
      at('2026-12-08T02:00:00Z');
      const res = await close('am01', late);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'closed',
        statusLabel: '已关闭',
        closedAt: '2026-12-08T02:00:00.000Z',
        allowedEvents: [],
      });
      const audit = await t.db.query(
        `SELECT action, actor_role FROM audit_log WHERE entity_type = 'problem' AND entity_id = $1 ORDER BY id`,
        [String(late)],
      );
      expect(audit.rows).toEqual([
        { action: 'problem.raise', actor_role: 'account_manager' },
        { action: 'problem.answer', actor_role: 'market_manager' },
        { action: 'problem.close', actor_role: 'account_manager' },
      ]);
    });
  });

  describe('escalation to the inspectors', () => {
    let quick: number, slow: number, answered: number;
    const escalateAt = async (iso: string) => {
      at(iso);
      const res = await t.http
        .post('/api/jobs/problems.escalate/run')
        .set(await as('admin'))
        .send({})
        .expect(200);
      return res.body.runs[0];
    };

    it('takes the department’s answer time for problems raised after it is set', async () => {
      const policy = await t.http
        .put('/api/problem-policy')
        .set(await as('head'))
        .send({ answerHours: 24 })
        .expect(200);
      expect(policy.body).toEqual({ departmentId: await t.unitId('D01'), configured: true, answerHours: 24 });
      const invalid = await t.http
        .put('/api/problem-policy')
        .set(await as('head'))
        .send({ answerHours: 0 });
      expect({ status: invalid.status, code: invalid.body.code }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });

      at('2026-12-10T02:00:00Z');
      quick = (await raise('am01', { retailerId: r1 })).body.id;
      answered = (await raise('am02', { retailerId: r2, kind: 'proxy_receipt' })).body.id;
      at('2026-12-10T05:00:00Z');
      slow = (await raise('am05', { retailerId: r5 })).body.id;
      expect((await get('am01', quick)).body.deadlineAt).toBe('2026-12-11T02:00:00.000Z');
      expect((await get('am05', slow)).body.deadlineAt).toBe('2026-12-11T05:00:00.000Z');
      await answer('mm1', answered).then((res) => expect(res.status).toBe(200));
    });

    it('escalates the open problems past their deadline, once, as the system', async () => {
      // 11 December 02:30Z: past quick's deadline (02:00Z), before slow's (05:00Z).
      const run = await escalateAt('2026-12-11T02:30:00Z');
      expect(run).toMatchObject({ outcome: 'done', summary: { hour: '2026-12-11T10', escalated: 3 } });
      const { rows } = await t.db.query(
        `SELECT id, status, escalated_at FROM problems WHERE status = 'escalated' ORDER BY id`,
      );
      // The officer's and the driver's of 7 December (48 hours: due 9 December 03:00Z) and quick; not slow
      // (due 05:00Z), not the answered one, not the closed one.
      expect(rows.map((row) => row.id)).toEqual([eoProblem, dsProblem, quick]);
      expect(rows.map((row) => row.escalated_at.toISOString())).toEqual(
        Array(3).fill('2026-12-11T02:30:00.000Z'),
      );
      const audit = await t.db.query(
        `SELECT entity_id, actor_id, actor_role, before, after FROM audit_log WHERE action = 'problem.escalate' ORDER BY entity_id::int`,
      );
      expect(audit.rows.map((row) => Number(row.entity_id))).toEqual([eoProblem, dsProblem, quick]);
      expect(audit.rows[0]).toMatchObject({
        actor_id: null,
        actor_role: 'system',
        before: { status: 'open' },
      });

      // The same hour again: the run is done, nothing changes.
      expect(await escalateAt('2026-12-11T02:50:00Z')).toMatchObject({ outcome: 'nothing-due' });
      expect(await countRows(t.db, 'problems')).toBe(6);
      const again = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'problem.escalate'`,
      );
      expect(again.rows[0].n).toBe(3);
      expect((await get('am01', quick)).body).toMatchObject({
        status: 'escalated',
        statusLabel: '逾期已督办',
        escalatedAt: '2026-12-11T02:30:00.000Z',
        overdue: true,
        allowedEvents: ['answer'],
      });
      expect(await ids('insp1', '?status=escalated')).toEqual([quick, dsProblem, eoProblem]);
    });

    it('escalates once even when two instances run the job at the same time', async () => {
      const before = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'problem.escalate'`,
      );
      at('2026-12-11T05:30:00Z'); // past slow's deadline
      const admin = await as('admin');
      const runs = await Promise.all(
        [1, 2].map(() => t.http.post('/api/jobs/problems.escalate/run').set(admin).send({}).expect(200)),
      );
      const outcomes = runs.map((res) => res.body.runs[0]);
      expect(outcomes.map((run) => run.outcome).sort()).toEqual(['done', 'nothing-due']);
      expect(outcomes.find((run) => run.outcome === 'done').summary).toEqual({
        hour: '2026-12-11T13',
        escalated: 1,
      });
      expect((await get('am05', slow)).body.status).toBe('escalated');
      const after = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'problem.escalate'`,
      );
      expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    });

    it('lets an inspector answer an escalated problem of the department; the market manager still may', async () => {
      at('2026-12-11T06:00:00Z');
      const res = await answer('insp1', quick, '督察组已督办，送货线路已调整');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'answered', answeredOnTime: false });
      expect((await answer('mm2', slow)).body).toMatchObject({ status: 'answered' });
      expect(await ids('mm1', '?awaitingAnswer=true')).toEqual([dsProblem, eoProblem]);
    });
  });
});
