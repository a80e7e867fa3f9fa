import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobRunReport, type JobRunRequest, reportOf, ScheduledJob } from '#libs/shared';

/** How long runs that found nothing to do are kept; the others stay. */
const KEEP_IDLE_RUNS_DAYS = 7;

/** The every-minute jobs record a run each time: those that found nothing to do go after a week. */
@Injectable()
export class JobRunsPruning {
  constructor(private readonly dataSource: DataSource) {}

  @ScheduledJob('jobs.prune-runs')
  async prune({ now }: JobRunRequest): Promise<JobRunReport> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM scheduled_runs WHERE outcome = 'nothing-due' AND started_at < $1::timestamptz - make_interval(days => $2)`,
      [now, KEEP_IDLE_RUNS_DAYS],
    )) as [unknown, number];
    return reportOf({ deleted }, deleted > 0);
  }
}
