import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  DomainError,
  type JobRunReport,
  type JobRunRequest,
  SCHEDULED_JOB,
  type ScheduledJobHandler,
} from '#libs/shared';
import { wallClock } from '#libs/kernel';
import { OrgDirectory } from '#libs/org';
import { JOB_SCHEDULE, type JobScheduleEntry, scheduleProblems } from './domain/index.js';
import type { JobTrigger, ScheduledRun } from './job-board.entity.js';

export interface FireOptions {
  /** Department-scoped jobs: only this department (default: every department, one run each). */
  departmentId?: number;
  requestedBy?: number;
  force?: { reason: string };
}

/** The error text kept for a failed run. */
const MAX_ERROR = 2000;

/**
 * Runs the schedule table: finds the method doing each job's work (`@ScheduledJob(name)`), registers one cron
 * per job in business time when this process runs jobs (`JOBS_ENABLED`), and records every run in
 * `scheduled_runs` (started, finished, outcome, what it waits for, error). Runs asked for by hand or by the
 * simulated month go through `fire` too, so all of them are recorded the same way.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly handlers = new Map<string, ScheduledJobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.discover();
    if (!this.config.jobsEnabled) return;
    this.register();
    void this.catchUp();
  }

  /** The next time `entry` is due after `now` (business time, the configured zone). */
  nextDue(entry: JobScheduleEntry, now: Date = this.clock.now()): Date {
    const zone = this.config.timeZone;
    return new CronTime(entry.cron, zone).getNextDateFrom(now, zone).toJSDate();
  }

  /** One cron per job of the table, in business time (the configured zone, not the process's). */
  register(): void {
    for (const entry of JOB_SCHEDULE) {
      const job = CronJob.from({
        cronTime: entry.cron,
        timeZone: this.config.timeZone,
        onTick: () => this.fire(entry, 'schedule').then(() => undefined),
        waitForCompletion: true,
        start: true,
        name: entry.name,
      });
      this.registry.addCronJob(entry.name, job);
    }
  }

  /**
   * Runs a job now and records the run(s): one for a job of all departments, one per department for a
   * department-scoped job. Failures are recorded and logged; a client's mistake (a DomainError) of a run asked
   * for by hand is thrown to the caller instead, and leaves no record.
   */
  async fire(
    entry: JobScheduleEntry,
    trigger: JobTrigger,
    options: FireOptions = {},
  ): Promise<ScheduledRun[]> {
    const handler = this.handlers.get(entry.name);
    if (!handler) throw new Error(`job ${entry.name} has no @ScheduledJob method`);
    const departments =
      entry.scope === 'department'
        ? options.departmentId !== undefined
          ? [options.departmentId]
          : (await this.org.unitsOfType('department')).map((unit) => unit.id)
        : [undefined];
    const runs: ScheduledRun[] = [];
    for (const departmentId of departments) {
      runs.push(await this.runOne(entry, handler, trigger, { ...options, departmentId }));
    }
    return runs;
  }

  private async runOne(
    entry: JobScheduleEntry,
    handler: ScheduledJobHandler,
    trigger: JobTrigger,
    options: FireOptions,
  ): Promise<ScheduledRun> {
    const now = this.clock.now();
    const request: JobRunRequest = { now, departmentId: options.departmentId, force: options.force };
    const { date, time } = wallClock(now, this.config.timeZone);
    let report: JobRunReport | undefined;
    let error: string | null = null;
    try {
      report = await handler(request);
    } catch (thrown) {
      if (thrown instanceof DomainError && trigger !== 'schedule' && trigger !== 'start') throw thrown;
      error = ((thrown as Error).message ?? String(thrown)).slice(0, MAX_ERROR);
      this.logger.error(`job ${entry.name} failed: ${error}`);
    }
    const [run] = (await this.dataSource.query(
      `INSERT INTO scheduled_runs (job_name, department_id, business_key, trigger, requested_by, reason,
                                   started_at, finished_at, outcome, summary, waiting_for, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING id, job_name AS "jobName", department_id AS "departmentId", business_key AS "businessKey",
                 trigger, requested_by AS "requestedBy", reason, started_at AS "startedAt",
                 finished_at AS "finishedAt", outcome, summary, waiting_for AS "waitingFor", error`,
      [
        entry.name,
        options.departmentId ?? null,
        `${date} ${time.slice(0, 5)}`,
        trigger,
        options.requestedBy ?? null,
        options.force?.reason ?? null,
        now,
        this.clock.now(),
        report?.outcome ?? 'failed',
        report?.summary ? JSON.stringify(report.summary) : null,
        report?.outcome === 'waiting' ? JSON.stringify(report.waitingFor) : null,
        error,
      ],
    )) as ScheduledRun[];
    return run;
  }

  /** Jobs marked `atStart` run once in the background at start: a replica down at their time catches up. */
  private async catchUp(): Promise<void> {
    for (const entry of JOB_SCHEDULE.filter((e) => e.atStart)) {
      await this.fire(entry, 'start').catch((error: Error) =>
        this.logger.error(`job ${entry.name} at start failed: ${error.message}`),
      );
    }
  }

  /** Every job of the table has exactly one method doing its work, and every marked method a job. */
  private discover(): void {
    const problems = scheduleProblems();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || wrapper.isNotMetatype || !Object.getPrototypeOf(instance)) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const name = this.reflector.get<string | undefined>(SCHEDULED_JOB, instance[method] as never);
        if (!name) continue;
        if (this.handlers.has(name)) problems.push(`${name} has two methods`);
        else if (!JOB_SCHEDULE.some((entry) => entry.name === name))
          problems.push(`${name} is not in the table`);
        const handler = instance[method] as ScheduledJobHandler;
        this.handlers.set(name, (request) => handler.call(instance, request));
      }
    }
    for (const entry of JOB_SCHEDULE)
      if (!this.handlers.has(entry.name)) problems.push(`${entry.name} has no method`);
    if (problems.length) throw new Error(`the schedule table and the jobs disagree: ${problems.join('; ')}`);
  }
}
