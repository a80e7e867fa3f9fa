import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ModulesContainer } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LeadWorkflowService } from '#libs/enforcement';
import { JOB_SCHEDULE, JobScheduler } from '#libs/jobs';
import { countRows } from './support/test-app.js';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';

/** @nestjs/schedule's metadata key for `@Cron(expression, options)` (not exported by the package). */
const CRON_OPTIONS = 'SCHEDULE_CRON_OPTIONS';

/** Every `@Cron` method of every provider the application holds: none, the schedule table says when. */
function cronDecorated(t: DemoApp): string[] {
  const found: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = wrapper.metatype?.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (typeof method === 'function' && Reflect.getMetadata(CRON_OPTIONS, method))
          found.push(`${wrapper.name as string}.${name}`);
      }
    }
  }
  return found;
}

/**
 * The schedule table and the job board. The clock stands at Wednesday 2026-11-18 15:00 business time
 * (Asia/Shanghai, UTC+8); the demo county (department D01) has no order history; jobs do not run by
 * themselves in tests (JOBS_ENABLED is false), they run here through the board.
 */
describe('job schedules and the job board', () => {
  let t: DemoApp;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let D01: number;
  let D02: number;
  const runsOf = async (job: string) =>
    (
      await t.db.query(
        `SELECT department_id AS "departmentId", trigger, outcome, requested_by AS "requestedBy", error
           FROM scheduled_runs WHERE job_name = $1 ORDER BY id`,
        [job],
      )
    ).rows;

  beforeAll(async () => {
    t = await startDemoApp();
    admin = bearer(await t.token('admin'));
    head = bearer(await t.token('head'));
    D01 = await t.unitId('D01');
    D02 = (
      await t.http
        .post('/api/org-units')
        .set(admin)
        .send({ type: 'department', code: 'D02', name: '第二县营销部', parentId: await t.unitId('C01') })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the schedule table', () => {
    it('is the only schedule: no @Cron anywhere, one cron per job, in the business zone', () => {
      expect(cronDecorated(t)).toEqual([]);
      const registry = t.app.get(SchedulerRegistry);
      expect(registry.getCronJobs().size).toBe(0); // JOBS_ENABLED=false in tests: nothing registered
      t.app.get(JobScheduler).register();
      try {
        const crons = registry.getCronJobs();
        expect([...crons.keys()]).toEqual(JOB_SCHEDULE.map((entry) => entry.name));
        for (const entry of JOB_SCHEDULE) {
          const cron = crons.get(entry.name)!;
          expect({ name: entry.name, zone: cron.cronTime.timeZone, source: cron.cronTime.source }).toEqual({
            name: entry.name,
            zone: 'Asia/Shanghai',
            source: entry.cron,
          });
        }
      } finally {
        for (const name of [...registry.getCronJobs().keys()]) registry.deleteCronJob(name);
      }
    });
  });

  describe('GET /api/jobs', () => {
    it('shows every job with its schedule in business time and when it is next due', async () => {
      const res = await t.http.get('/api/jobs').set(admin).expect(200);
      expect(res.body.map((job: { name: string }) => job.name)).toEqual(JOB_SCHEDULE.map((e) => e.name));
      const byName = new Map(res.body.map((job: { name: string }) => [job.name, job]));
      expect(byName.get('ordering.consolidate')).toEqual({
        name: 'ordering.consolidate',
        label: '统一订单汇总（订货日次日）',
        schedule: { cron: '0 6 * * *', when: '每天 06:00', timeZone: 'Asia/Shanghai' },
        reads: [
          '订货日在今天之前的订货周期（先截单到期的；须全部截单）',
          '已审核的需求；代客采集需求（统一订单时未审核的作废，退回额度）',
        ],
        after: [{ name: 'ordering.open-and-cut-off', label: '订货窗口开放与截单' }],
        scope: 'all',
        forceable: false,
        lastRuns: [],
        nextDueAt: '2026-11-18T22:00:00.000Z', // 06:00 on the 19th, UTC+8
        waitingFor: [],
      });
      expect(byName.get('quotas.compute-next-month')).toMatchObject({
        nextDueAt: '2026-11-24T17:30:00.000Z', // 01:30 on the 25th
      });
      expect(byName.get('reports.month-close')).toMatchObject({
        scope: 'department',
        forceable: true,
        nextDueAt: '2026-11-18T07:10:00.000Z', // 15:10 today
      });
    });

    it('is for admins and department heads only', async () => {
      for (const user of ['am01', 'mm1', 'clerk1']) {
        const res = await t.http.get('/api/jobs').set(bearer(await t.token(user)));
        expect({ user, status: res.status, code: res.body.code }).toEqual({
          user,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    });
  });

  describe('POST /api/jobs/:name/run', () => {
    it('runs a job now, records the run and audits it; a rerun finds nothing left to do', async () => {
      // T001 orders on Thursdays; the cycles the schedule change made go, for the job to make them again.
      await t.http
        .put(`/api/order-schedules/${await t.unitId('T001')}`)
        .set(admin)
        .send({ orderWeekday: 4 })
        .expect(200);
      await t.db.query(`DELETE FROM order_cycles WHERE status = 'scheduled'`);
      const first = await t.http
        .post('/api/jobs/ordering.generate-cycles/run')
        .set(admin)
        .send({})
        .expect(200);
      expect(first.body.runs).toEqual([
        expect.objectContaining({
          jobName: 'ordering.generate-cycles',
          departmentId: null,
          businessKey: '2026-11-18 15:00',
          trigger: 'manual',
          outcome: 'done',
          summary: { generated: expect.any(Number) },
          error: null,
        }),
      ]);
      expect(first.body.runs[0].summary.generated).toBeGreaterThan(0);
      const again = await t.http
        .post('/api/jobs/ordering.generate-cycles/run')
        .set(admin)
        .send({})
        .expect(200);
      expect(again.body.runs[0]).toMatchObject({ outcome: 'nothing-due', summary: { generated: 0 } });
      const adminId = await t.userId('admin');
      expect(await runsOf('ordering.generate-cycles')).toEqual([
        { departmentId: null, trigger: 'manual', outcome: 'done', requestedBy: adminId, error: null },
        { departmentId: null, trigger: 'manual', outcome: 'nothing-due', requestedBy: adminId, error: null },
      ]);
      const audit = await t.db.query(
        `SELECT actor_id, entity_id, after->>'outcome' AS outcome FROM audit_log WHERE action = 'job.run' ORDER BY id`,
      );
      expect(audit.rows).toEqual([
        { actor_id: adminId, entity_id: 'ordering.generate-cycles', outcome: 'done' },
        { actor_id: adminId, entity_id: 'ordering.generate-cycles', outcome: 'nothing-due' },
      ]);
      const board = await t.http.get('/api/jobs').set(admin).expect(200);
      const job = board.body.find((j: { name: string }) => j.name === 'ordering.generate-cycles');
      expect(job.lastRuns).toEqual([expect.objectContaining({ outcome: 'nothing-due', trigger: 'manual' })]);
    });

    it('records a failed run with its error', async () => {
      const spy = jest
        .spyOn(t.app.get(LeadWorkflowService), 'escalateDue')
        .mockRejectedValueOnce(new Error('the leads table is locked'));
      try {
        const res = await t.http.post('/api/jobs/leads.escalate/run').set(admin).send({}).expect(200);
        expect(res.body.runs).toEqual([
          expect.objectContaining({ outcome: 'failed', error: 'the leads table is locked' }),
        ]);
      } finally {
        spy.mockRestore();
      }
      const board = await t.http.get('/api/jobs').set(admin).expect(200);
      expect(board.body.find((j: { name: string }) => j.name === 'leads.escalate').lastRuns).toEqual([
        expect.objectContaining({ outcome: 'failed', error: 'the leads table is locked' }),
      ]);
    });

    it('lets a department head run a department job for their own department only', async () => {
      const res = await t.http.post('/api/jobs/reports.month-close/run').set(head).send({}).expect(200);
      expect(res.body.runs).toEqual([
        expect.objectContaining({ departmentId: D01, trigger: 'manual', outcome: 'done' }),
      ]);
      expect(res.body.runs[0].summary).toMatchObject({
        month: '2026-10',
        departmentId: D01,
        status: 'closed',
      });
      const again = await t.http.post('/api/jobs/reports.month-close/run').set(head).send({}).expect(200);
      expect(again.body.runs[0]).toMatchObject({
        outcome: 'nothing-due',
        summary: { status: 'already-closed' },
      });

      const runs = await countRows(t.db, 'scheduled_runs');
      const audits = await countRows(t.db, 'audit_log');
      for (const [path, body, status, code] of [
        ['/api/jobs/reports.month-close/run', { departmentId: D02 }, 404, 'NOT_FOUND'],
        ['/api/jobs/ordering.consolidate/run', {}, 403, 'JOB_NOT_DEPARTMENTAL'],
        [
          '/api/jobs/reports.month-close/run',
          { force: true, reason: '补录完成' },
          403,
          'JOB_FORCE_ADMIN_ONLY',
        ],
      ] as const) {
        const rejected = await t.http.post(path).set(head).send(body);
        expect({ path, status: rejected.status, code: rejected.body.code }).toEqual({ path, status, code });
      }
      expect(await countRows(t.db, 'scheduled_runs')).toBe(runs);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });

    it('runs a department job for every department for an admin; heads see their own department’s runs', async () => {
      const res = await t.http.post('/api/jobs/reports.month-close/run').set(admin).send({}).expect(200);
      expect(
        res.body.runs.map((run: { departmentId: number; outcome: string }) => [
          run.departmentId,
          run.outcome,
        ]),
      ).toEqual([
        [D01, 'nothing-due'],
        [D02, 'done'],
      ]);
      const seen = async (who: Record<string, string>) =>
        (await t.http.get('/api/jobs').set(who).expect(200)).body
          .find((j: { name: string }) => j.name === 'reports.month-close')
          .lastRuns.map((run: { departmentId: number }) => run.departmentId);
      expect(await seen(admin)).toEqual([D01, D02]);
      expect(await seen(head)).toEqual([D01]);
      // Runs for every department (department_id null) are seen by every head.
      const global = (await t.http.get('/api/jobs').set(head).expect(200)).body.find(
        (j: { name: string }) => j.name === 'ordering.generate-cycles',
      );
      expect(global.lastRuns).toHaveLength(1);
    });

    it('rejects what cannot be run, writing nothing', async () => {
      const runs = await countRows(t.db, 'scheduled_runs');
      const audits = await countRows(t.db, 'audit_log');
      for (const [path, who, body, status, code] of [
        ['/api/jobs/no.such-job/run', admin, {}, 404, 'NOT_FOUND'],
        [
          '/api/jobs/ordering.consolidate/run',
          admin,
          { force: true, reason: '试一下' },
          400,
          'JOB_NOT_FORCEABLE',
        ],
        ['/api/jobs/reports.month-close/run', admin, { force: true }, 400, 'JOB_FORCE_REASON_REQUIRED'],
        [
          '/api/jobs/reports.month-close/run',
          admin,
          { force: true, reason: '   ' },
          400,
          'JOB_FORCE_REASON_REQUIRED',
        ],
        ['/api/jobs/ordering.consolidate/run', admin, { departmentId: D01 }, 403, 'JOB_NOT_DEPARTMENTAL'],
        ['/api/jobs/reports.month-close/run', admin, { departmentId: 'D01' }, 400, 'VALIDATION_FAILED'],
        ['/api/jobs/reports.month-close/run', admin, { force: 'yes', reason: 'x' }, 400, 'VALIDATION_FAILED'],
        ['/api/jobs/reports.month-close/run', admin, { reason: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
        ['/api/jobs/reports.month-close/run', admin, { extra: 1 }, 400, 'VALIDATION_FAILED'],
        ['/api/jobs/reports.month-close/run', bearer(await t.token('am01')), {}, 403, 'FORBIDDEN'],
      ] as const) {
        const res = await t.http.post(path).set(who).send(body);
        expect({ path, body, status: res.status, code: res.body.code }).toEqual({ path, body, status, code });
      }
      expect(await countRows(t.db, 'scheduled_runs')).toBe(runs);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });
  });
});
