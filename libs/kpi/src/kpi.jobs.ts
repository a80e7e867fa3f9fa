import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  type JobRunReport,
  type JobRunRequest,
  reportOf,
  ScheduledJob,
} from '#libs/shared';
import { businessDate } from '#libs/kernel';
import { CultivationTasksService } from './cultivation/cultivation-tasks.service.js';

/** New-spec analysis tasks, made each morning (and at start) for the specs launched in the last 30 days. */
@Injectable()
export class KpiJobs {
  constructor(
    private readonly tasks: CultivationTasksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ScheduledJob('kpi.cultivation-tasks')
  async cultivationTasks({ now }: JobRunRequest): Promise<JobRunReport> {
    const outcome = await this.tasks.generateDue(businessDate(now, this.config.timeZone));
    return reportOf(outcome, (outcome?.created ?? 0) > 0);
  }
}
