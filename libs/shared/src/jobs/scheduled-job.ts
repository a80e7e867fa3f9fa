import { SetMetadata } from '@nestjs/common';

/** Metadata key under which `@ScheduledJob(name)` marks the method that does a scheduled job's work. */
export const SCHEDULED_JOB = 'scheduled-job';

/**
 * Marks the method doing the work of the schedule table's job `name` (libs/jobs). The table, not the method,
 * says when it runs; the jobs context finds the method by this mark, records every run and serves the board.
 */
export const ScheduledJob = (name: string): MethodDecorator => SetMetadata(SCHEDULED_JOB, name);

/** How a run was asked for. */
export interface JobRunRequest {
  /** The business instant of the run (the one clock's now). */
  now: Date;
  /** Department-scoped jobs: the department this run is for. */
  departmentId?: number;
  /** An admin's order to run although the job waits for its inputs, with the reason (audited). */
  force?: { reason: string };
}

/** Something a job waits for before it can do its work, in words for the job board. */
export interface JobWait {
  /** Stable key: e.g. `cycles-not-consolidated`, `grace-period`. */
  reason: string;
  /** The same in Chinese, for the board. */
  text: string;
  details?: Record<string, unknown>;
}

/** What one run did: its work, nothing (nothing was due), or nothing yet because its inputs are not complete. */
export type JobRunReport =
  | { outcome: 'done' | 'nothing-due'; summary?: object | null }
  | { outcome: 'waiting'; waitingFor: JobWait[]; summary?: object | null };

export type ScheduledJobHandler = (request: JobRunRequest) => Promise<JobRunReport>;

/** The report of a run whose work returns a list of what it did: `done` when the list has anything. */
export function reportOf(summary: object | null | undefined, did: boolean): JobRunReport {
  return { outcome: did ? 'done' : 'nothing-due', summary: summary ?? null };
}
