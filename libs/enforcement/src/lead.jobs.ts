import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { LeadWorkflowService } from './lead-workflow.service.js';

/** Every morning, important leads past their deadline without a result go to the inspectors 督察组. */
@Injectable()
export class LeadJobs {
  private readonly logger = new Logger(LeadJobs.name);

  constructor(
    private readonly workflow: LeadWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('0 8 * * *')
  async escalate(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const summary = await this.workflow.escalateDue();
    if (summary) this.logger.log(`escalated ${summary.escalated} lead(s) on ${summary.date}`);
  }
}
