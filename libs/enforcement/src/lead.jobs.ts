import { Injectable } from '@nestjs/common';
import { type JobRunReport, type JobRunRequest, reportOf, ScheduledJob } from '#libs/shared';
import { LeadWorkflowService } from './lead-workflow.service.js';

/** Every morning, important leads past their deadline without a result go to the inspectors 督察组. */
@Injectable()
export class LeadJobs {
  constructor(private readonly workflow: LeadWorkflowService) {}

  @ScheduledJob('leads.escalate')
  async escalate({ now }: JobRunRequest): Promise<JobRunReport> {
    const summary = await this.workflow.escalateDue(now);
    return reportOf(summary, (summary?.escalated ?? 0) > 0);
  }
}
