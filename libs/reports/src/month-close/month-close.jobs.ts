import { Injectable } from '@nestjs/common';
import { type JobRunReport, type JobRunRequest, ScheduledJob } from '#libs/shared';
import { MonthCloseService } from './month-close.service.js';

/**
 * Closes last month, per department (the scheduler runs it once per department, hourly, and at start), once
 * its inputs are complete (see MonthCloseService): until then a run is `waiting` and says for what; a month
 * closed already is found closed (a run row per month and department); a failed close is retried at the next
 * hour. An admin's forced run closes it anyway.
 */
@Injectable()
export class MonthCloseJobs {
  constructor(private readonly close: MonthCloseService) {}

  @ScheduledJob('reports.month-close')
  async closeLastMonth({ departmentId, force }: JobRunRequest): Promise<JobRunReport> {
    const [outcome] = await this.close.closeDue(departmentId, force);
    if (!outcome) return { outcome: 'nothing-due', summary: null };
    if (outcome.status === 'failed') throw new Error(outcome.error);
    if (outcome.status === 'waiting')
      return { outcome: 'waiting', waitingFor: outcome.waitingFor!, summary: outcome };
    return { outcome: outcome.status === 'closed' ? 'done' : 'nothing-due', summary: outcome };
  }
}
