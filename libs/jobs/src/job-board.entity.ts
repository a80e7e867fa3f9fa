import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobWait } from '#libs/shared';

export const JOB_TRIGGERS = ['schedule', 'start', 'manual', 'forced'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];
export const JOB_OUTCOMES = ['done', 'nothing-due', 'waiting', 'failed'] as const;
export type JobOutcomeKind = (typeof JOB_OUTCOMES)[number];

/**
 * One run of a job of the schedule table (fired by its schedule, at start, or by hand): what the job board
 * shows. The units of work inside a run stay keyed in `job_runs` (at most once per business key).
 */
@Entity('scheduled_runs')
@Index('ix_scheduled_runs_latest', ['jobName', 'departmentId', 'startedAt'])
@Check('ck_scheduled_runs_trigger', `trigger IN ('schedule','start','manual','forced')`)
@Check('ck_scheduled_runs_outcome', `outcome IN ('done','nothing-due','waiting','failed')`)
export class ScheduledRun {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  jobName: string;

  /** Department-scoped jobs: the department of the run. */
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  /** The business time the run is for: the schedule's slot (`YYYY-MM-DD HH:mm`), or when it was asked for. */
  @Column({ type: 'text' })
  businessKey: string;

  @Column({ type: 'text' })
  trigger: JobTrigger;

  /** Who asked for a manual or forced run. */
  @Column({ type: 'int', nullable: true })
  requestedBy: number | null;

  /** Why a forced run was forced. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'text' })
  outcome: JobOutcomeKind;

  @Column({ type: 'jsonb', nullable: true })
  summary: object | null;

  @Column({ type: 'jsonb', nullable: true })
  waitingFor: JobWait[] | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}

export const jobEntities = [ScheduledRun];
