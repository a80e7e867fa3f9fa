import { Injectable } from '@nestjs/common';
import { type JobRunReport, type JobRunRequest, reportOf, ScheduledJob } from '#libs/shared';
import { ProblemsService } from './problems.service.js';

/** Every hour, problems left unanswered past their deadline go to the department's inspectors 督察组. */
@Injectable()
export class ProblemJobs {
  constructor(private readonly problems: ProblemsService) {}

  @ScheduledJob('problems.escalate')
  async escalate({ now }: JobRunRequest): Promise<JobRunReport> {
    const summary = await this.problems.escalateDue(now);
    return reportOf(summary, (summary?.escalated ?? 0) > 0);
  }
}
