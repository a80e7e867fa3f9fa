import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobRunReport, type JobRunRequest, reportOf, ScheduledJob } from '../jobs/scheduled-job.js';

/** Idempotency keys are kept at least 24 hours; a daily sweep removes those older than 48. */
@Injectable()
export class IdempotencyJanitor {
  constructor(private readonly dataSource: DataSource) {}

  @ScheduledJob('shared.idempotency-sweep')
  async sweep({ now }: JobRunRequest): Promise<JobRunReport> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz - interval '48 hours'`,
      [now],
    )) as [unknown, number];
    return reportOf({ deleted }, deleted > 0);
  }
}
