import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunStatus = 'succeeded' | 'failed';

/** One row per finished run of a scheduled job for a business key (e.g. a cycle id, a month). */
@Entity('job_runs')
@Index('uq_job_runs_succeeded', ['jobName', 'businessKey'], { unique: true, where: `status = 'succeeded'` })
@Check('ck_job_runs_status', `status IN ('succeeded', 'failed')`)
export class JobRun {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  jobName: string;

  @Column({ type: 'text' })
  businessKey: string;

  @Column({ type: 'text' })
  status: JobRunStatus;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  result: object | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
