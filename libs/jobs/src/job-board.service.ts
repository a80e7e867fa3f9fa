import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, APP_CONFIG, type AppConfig, Clock, notFound, TransactionRunner } from '#libs/shared';
import type { JobWait } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import { JOB_SCHEDULE, type JobScheduleEntry, scheduleEntry } from './domain/index.js';
import type { ScheduledRun } from './job-board.entity.js';
import { JobScheduler } from './job-scheduler.js';
import { jobsError } from './jobs.errors.js';
import type { RunJobDto } from './dto/jobs.dto.js';

export interface JobBoardEntry {
  name: string;
  label: string;
  schedule: { cron: string; when: string; timeZone: string };
  reads: readonly string[];
  /** The jobs that must have finished before this one's input is complete. */
  after: Array<{ name: string; label: string }>;
  scope: JobScheduleEntry['scope'];
  forceable: boolean;
  /** The latest run (department-scoped jobs: per department the caller sees). */
  lastRuns: ScheduledRun[];
  nextDueAt: Date;
  /** What its latest runs wait for (empty when none waits). */
  waitingFor: Array<JobWait & { departmentId: number | null }>;
}

/**
 * The job board: every job of the schedule table with its schedule in business time, its latest runs, when it
 * is next due and what it waits for; and a rerun by hand (idempotent: the jobs' work is keyed; audited).
 * Admins see and run every job; department heads see their department's runs and the department-wide ones,
 * and rerun department-scoped jobs for their own department only.
 */
@Injectable()
export class JobBoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly org: OrgDirectory,
  ) {}

  async board(actor: Actor): Promise<JobBoardEntry[]> {
    const department = actor.role === 'admin' ? null : actor.departmentId;
    const latest = (await this.dataSource.query(
      `SELECT DISTINCT ON (job_name, department_id)
              id, job_name AS "jobName", department_id AS "departmentId", business_key AS "businessKey", trigger,
              requested_by AS "requestedBy", reason, started_at AS "startedAt", finished_at AS "finishedAt",
              outcome, summary, waiting_for AS "waitingFor", error
         FROM scheduled_runs
        WHERE job_name = ANY($1) AND ($2::int IS NULL OR department_id IS NULL OR department_id = $2)
        ORDER BY job_name, department_id, started_at DESC, id DESC`,
      [JOB_SCHEDULE.map((entry) => entry.name), department],
    )) as ScheduledRun[];
    const now = this.clock.now();
    return JOB_SCHEDULE.map((entry) => {
      const lastRuns = latest.filter((run) => run.jobName === entry.name);
      return {
        name: entry.name,
        label: entry.label,
        schedule: { cron: entry.cron, when: entry.when, timeZone: this.config.timeZone },
        reads: entry.reads,
        after: entry.after.map((name) => ({ name, label: scheduleEntry(name)!.label })),
        scope: entry.scope,
        forceable: entry.forceable ?? false,
        lastRuns,
        nextDueAt: this.scheduler.nextDue(entry, now),
        waitingFor: lastRuns.flatMap((run) =>
          (run.outcome === 'waiting' ? (run.waitingFor ?? []) : []).map((wait) => ({
            ...wait,
            departmentId: run.departmentId,
          })),
        ),
      };
    });
  }

  /** Runs a job now, as its schedule would; forcing one that waits for its inputs is for admins, with a reason. */
  async run(actor: Actor, name: string, dto: RunJobDto): Promise<{ runs: ScheduledRun[] }> {
    const entry = scheduleEntry(name);
    if (!entry) throw notFound('job', name);
    if (actor.role !== 'admin' && entry.scope !== 'department')
      throw jobsError('JOB_NOT_DEPARTMENTAL', { name });
    const departmentId = await this.org.departmentFilter(actor, dto.departmentId);
    if (departmentId !== undefined && entry.scope !== 'department')
      throw jobsError('JOB_NOT_DEPARTMENTAL', { name });
    if (dto.force) {
      if (!entry.forceable) throw jobsError('JOB_NOT_FORCEABLE', { name });
      if (actor.role !== 'admin') throw jobsError('JOB_FORCE_ADMIN_ONLY', { name });
      if (!dto.reason?.trim()) throw jobsError('JOB_FORCE_REASON_REQUIRED', { name });
    }
    const force = dto.force ? { reason: dto.reason!.trim() } : undefined;
    const runs = await this.scheduler.fire(entry, force ? 'forced' : 'manual', {
      departmentId,
      requestedBy: actor.userId,
      force,
    });
    await this.transactions.run((manager) =>
      this.audit.record(
        manager,
        actor,
        ...runs.map((run) => ({
          action: force ? 'job.force' : 'job.run',
          entityType: 'job',
          entityId: name,
          after: { runId: run.id, outcome: run.outcome, reason: run.reason, summary: run.summary },
          departmentId: run.departmentId,
        })),
      ),
    );
    return { runs };
  }
}
